"""The Danish admin where a secretary corrects a record."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from moedebog.archive import models
from moedebog.archive.services.importer import import_path
from tests.conftest import seed

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def secretary(client):
    user = get_user_model().objects.create_superuser("sekretaer", "s@example.dk", "hemmeligt-kodeord")
    client.force_login(user)
    return user


def test_admin_lists_and_edits_in_danish(client, secretary) -> None:
    import_path(seed("000"))
    page = client.get("/admin/archive/meeting/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "Møder" in text and "KKR Midtjylland" in text and "Mødebog" in text
    item = models.AgendaItem.objects.get(number="3.1")
    page = client.get(f"/admin/archive/agendaitem/{item.pk}/change/")
    assert page.status_code == 200 and "Afsnit" in page.content.decode()


def test_admin_requires_login(client) -> None:
    page = client.get("/admin/archive/meeting/")
    assert page.status_code == 302 and "/admin/login/" in page["Location"]
