"""Secretariat tests: a KKR body with a secretary, a member, an outsider and an administrator.

They run against whichever database DATABASE_URL names (SQLite by default; `make test` runs them a
second time against PostgreSQL). Uploaded files go to a temporary MOEDEBOG_FILES.
"""

from __future__ import annotations

from datetime import datetime

import pytest
from django.utils import timezone

from moedebog.archive import models
from moedebog.secretariat import roles
from moedebog.secretariat.models import Assignment


@pytest.fixture(autouse=True)
def _files(tmp_path, monkeypatch):
    monkeypatch.setenv("MOEDEBOG_FILES", str(tmp_path / "files"))


@pytest.fixture
def body(db) -> models.Body:
    return models.Body.objects.create(name="KKR Midtjylland", path="kkr-midtjylland", kind=models.Body.Kind.KKR)


@pytest.fixture
def other_body(db) -> models.Body:
    return models.Body.objects.create(name="KKR Nordjylland", path="kkr-nordjylland", kind=models.Body.Kind.KKR)


def make_user(django_user_model, username: str, group: str | None = None, body: models.Body | None = None,
              role: str | None = None, **extra):
    user = django_user_model.objects.create_user(username=username, password="hemmelig-kode-42", **extra)
    if group:
        user.groups.add(roles.ensure_groups()[group])  # a flush by an earlier transactional test drops them
    if body is not None and role:
        Assignment.objects.create(user=user, body=body, role=role)
    return django_user_model.objects.get(pk=user.pk)  # fresh permission cache


@pytest.fixture
def secretary(django_user_model, body):
    return make_user(django_user_model, "sekretaer", "Sekretariat", body, Assignment.Role.SECRETARIAT,
                     first_name="Christian", last_name="Budde")


@pytest.fixture
def member(django_user_model, body):
    return make_user(django_user_model, "medlem", "Medlem", body, Assignment.Role.MEMBER)


@pytest.fixture
def outsider(django_user_model, other_body):
    return make_user(django_user_model, "udenfor", "Sekretariat", other_body, Assignment.Role.SECRETARIAT)


@pytest.fixture
def administrator(django_user_model):
    return make_user(django_user_model, "admin", "Administrator")


def at(year: int, month: int, day: int, hour: int = 10) -> datetime:
    return timezone.make_aware(datetime(year, month, day, hour, 0))
