"""Login and logout, and the administrator's screen for roles in bodies."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.views import LoginView, LogoutView
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from moedebog.secretariat import forms, roles
from moedebog.secretariat.models import Assignment
from moedebog.secretariat.services import accounts
from moedebog.secretariat.views.access import run, staff_view, start_session


class Login(LoginView):
    template_name = "secretariat/login.html"
    redirect_authenticated_user = True

    def form_valid(self, form: object) -> HttpResponse:
        response = super().form_valid(form)
        start_session(self.request)
        return response


class Logout(LogoutView):
    next_page = "/sekretariat/log-ind/"


@staff_view
def role_list(request: HttpRequest) -> HttpResponse:
    if not roles.is_admin(request.user):
        raise Http404
    form = forms.RoleForm(request.POST or None)
    if request.method == "POST":
        if request.POST.get("remove"):
            assignment = Assignment.objects.filter(pk=request.POST["remove"]).first()
            if assignment is None:
                raise Http404
            run(request, lambda: accounts.remove_role(request.user, assignment), _("Rollen er fjernet."))
            return redirect("secretariat:roles")
        if form.is_valid():
            account = get_user_model().objects.filter(username=form.cleaned_data["username"]).first()
            if account is None:
                form.add_error("username", _("Der er ingen bruger med det navn."))
            elif run(request, lambda: accounts.assign_role(request.user, account, form.cleaned_data["body"],
                                                           form.cleaned_data["role"]), _("Rollen er tildelt.")):
                return redirect("secretariat:roles")
    assignments = Assignment.objects.select_related("user", "body").order_by("body__name", "role", "user__username")
    return render(request, "secretariat/roles.html", {"form": form, "assignments": assignments})
