"""Who may do what: the one place that decides it, for views and service functions alike.

A role is a Django group (its permissions say what the role may do) plus an assignment to a
body (it says where). A secretary prepares and publishes the meetings of the bodies assigned to
her; a member reads the drafts and closed items of his bodies; an administrator assigns roles and
may work in every body. Services call ``require_*`` so that no write can skip the check, even
when it comes from the CLI or a test rather than a screen.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from moedebog.archive.models import Body
from moedebog.secretariat.models import Assignment

PREPARE = "secretariat.prepare_meetings"
READ = "secretariat.read_drafts"
ADMINISTER = "secretariat.administer"

#: The group that goes with each role of an assignment.
ROLE_GROUPS = {Assignment.Role.SECRETARIAT: "Sekretariat", Assignment.Role.MEMBER: "Medlem"}
#: Each group's permissions (codenames of Assignment's permissions); migration 0002 creates them too.
GROUP_PERMISSIONS = {
    "Sekretariat": ("prepare_meetings", "read_drafts"),
    "Medlem": ("read_drafts",),
    "Administrator": ("administer", "prepare_meetings", "read_drafts"),
}


def ensure_groups() -> dict[str, Any]:
    """The three groups with their permissions, created where missing: a database flushed after
    the migrations ran (tests, a restored dump) has lost them."""
    from django.contrib.auth.models import Group, Permission
    from django.contrib.contenttypes.models import ContentType

    content_type = ContentType.objects.get_for_model(Assignment)
    labels = {codename: str(label) for codename, label in Assignment._meta.permissions}
    permissions = {}
    for codename, label in labels.items():
        permissions[codename], _created = Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": label})
    groups = {}
    for name, codenames in GROUP_PERMISSIONS.items():
        groups[name], _created = Group.objects.get_or_create(name=name)
        groups[name].permissions.add(*(permissions[c] for c in codenames))
    return groups


def _active(user: Any) -> bool:
    return bool(user is not None and user.is_authenticated and user.is_active)


def is_admin(user: Any) -> bool:
    return _active(user) and (user.is_superuser or user.has_perm(ADMINISTER))


def _assigned(user: Any, body: Body | int, roles: tuple[str, ...]) -> bool:
    body_id = body if isinstance(body, int) else body.pk
    return Assignment.objects.filter(user=user, body_id=body_id, role__in=roles).exists()


def can_prepare(user: Any, body: Body | int) -> bool:
    """May prepare, change and publish this body's meetings."""
    if is_admin(user):
        return True
    return _active(user) and user.has_perm(PREPARE) and _assigned(user, body, (Assignment.Role.SECRETARIAT,))


def can_read(user: Any, body: Body | int) -> bool:
    """May read this body's drafts and closed items (the secretariat and the members)."""
    if can_prepare(user, body):
        return True
    roles = (Assignment.Role.SECRETARIAT, Assignment.Role.MEMBER)
    return _active(user) and user.has_perm(READ) and _assigned(user, body, roles)


def require_prepare(user: Any, body: Body | int) -> None:
    if not can_prepare(user, body):
        raise PermissionDenied(_("Du har ikke adgang til at ændre dette organs møder."))


def require_read(user: Any, body: Body | int) -> None:
    if not can_read(user, body):
        raise PermissionDenied(_("Du har ikke adgang til dette organs udkast."))


def require_admin(user: Any) -> None:
    if not is_admin(user):
        raise PermissionDenied(_("Kun en administrator kan tildele roller."))


def readable_bodies(user: Any) -> QuerySet[Body]:
    """The bodies whose drafts the user may read."""
    if is_admin(user):
        return Body.objects.all()
    if not (_active(user) and user.has_perm(READ)):
        return Body.objects.none()
    return Body.objects.filter(assignments__user=user).distinct()


def prepared_bodies(user: Any) -> QuerySet[Body]:
    """The bodies whose meetings the user may prepare."""
    if is_admin(user):
        return Body.objects.all()
    if not (_active(user) and user.has_perm(PREPARE)):
        return Body.objects.none()
    return Body.objects.filter(assignments__user=user, assignments__role=Assignment.Role.SECRETARIAT).distinct()
