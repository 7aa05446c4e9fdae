"""Addresses of the secretariat's screens, all under /sekretariat/ (Danish paths)."""

from __future__ import annotations

from django.urls import path, re_path

from moedebog.secretariat.views import accounts, downloads, history, items, meetings, minutes

app_name = "secretariat"

urlpatterns = [
    path("", meetings.dashboard, name="dashboard"),
    path("log-ind/", accounts.Login.as_view(), name="login"),
    path("log-ud/", accounts.Logout.as_view(), name="logout"),
    path("roller/", accounts.role_list, name="roles"),
    path("historik/", history.all_history, name="history"),
    path("moeder/nyt/", meetings.create, name="create"),
    path("moeder/<int:pk>/", meetings.detail, name="meeting"),
    path("moeder/<int:pk>/ret/", meetings.edit, name="edit"),
    path("moeder/<int:pk>/trin/<slug:name>/", meetings.step, name="step"),
    path("moeder/<int:pk>/tilbagetraek/", meetings.withdraw, name="withdraw"),
    path("moeder/<int:pk>/genoffentliggoer/", meetings.republish, name="republish"),
    path("moeder/<int:pk>/punkter/nyt/", items.add, name="add-item"),
    path("moeder/<int:pk>/fremmoede/", minutes.attendance, name="attendance"),
    path("moeder/<int:pk>/beslutninger/", minutes.decisions_page, name="decisions"),
    path("moeder/<int:pk>/historik/", history.meeting_history, name="meeting-history"),
    re_path(r"^moeder/(?P<pk>\d+)/(?P<name>dagsorden|referat)\.(?P<fmt>pdf|docx|html)$", downloads.document,
            name="document"),
    path("punkter/<int:pk>/", items.edit, name="item"),
    path("punkter/<int:pk>/flyt/", items.move, name="move-item"),
    path("punkter/<int:pk>/slet/", items.delete, name="delete-item"),
    path("punkter/<int:pk>/klar/", items.ready, name="ready-item"),
    path("punkter/<int:pk>/bilag/", items.upload, name="upload"),
    path("punkter/<int:pk>/fravaer/", items.absence_add, name="absence-add"),
    path("fravaer/<int:pk>/slet/", items.absence_delete, name="absence-delete"),
    path("bilag/<int:pk>/", items.attachment_file, name="attachment"),
    path("bilag/<int:pk>/slet/", items.attachment_delete, name="attachment-delete"),
]
