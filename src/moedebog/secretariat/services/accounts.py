"""Roles: an administrator assigns a user to a body as secretariat or member. The matching Django
group is given at the same time, so that the group's permissions and the body assignment agree."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from moedebog.archive import models
from moedebog.secretariat import audit, roles
from moedebog.secretariat.models import Assignment
from moedebog.secretariat.services.common import ServiceError, atomic


def assign_role(user: Any, account: Any, body: models.Body, role: str) -> Assignment:
    roles.require_admin(user)
    if role not in Assignment.Role.values:
        raise ServiceError(_("Ukendt rolle."))
    with atomic():
        assignment, created = Assignment.objects.get_or_create(user=account, body=body, role=role)
        account.groups.add(roles.ensure_groups()[roles.ROLE_GROUPS[role]])
        if created:
            audit.record(user, "role.assign", _("Gav %(user)s rollen %(role)s i %(body)s")
                         % {"user": account.get_username(), "role": assignment.get_role_display(), "body": body.name},
                         body=body, obj=assignment, after={_("Bruger"): account.get_username(),
                                                           _("Rolle"): str(assignment.get_role_display())})
    return assignment


def remove_role(user: Any, assignment: Assignment) -> None:
    roles.require_admin(user)
    with atomic():
        account, body, label = assignment.user, assignment.body, str(assignment.get_role_display())
        assignment.delete()
        audit.record(user, "role.remove", _("Fjernede rollen %(role)s i %(body)s fra %(user)s")
                     % {"user": account.get_username(), "role": label, "body": body.name}, body=body,
                     before={_("Bruger"): account.get_username(), _("Rolle"): label})
