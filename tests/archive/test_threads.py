"""Threads across meetings: forward plan links in both import orders, themes over the years."""

from __future__ import annotations

import pytest

from moedebog.archive import models
from moedebog.archive.services.importer import import_path
from tests.conftest import seed

pytestmark = pytest.mark.django_db(transaction=True)

APRIL_2020 = """DAGSORDEN 2020
KKR MIDTJYLLAND
Dato: 01-04-2020 10:00
Sted: Scandic, Udgårdsvej 2, 8600 Silkeborg

3. Regionalpolitiske sager ..... 4
3.1. Tværkommunalt klimasamarbejde i KKR ..... 4
3.2. IV-aftale mellem region og kommuner ..... 6

3. Regionalpolitiske sager
3.1. Tværkommunalt klimasamarbejde i KKR
SAG-2020-01234 snm
Baggrund
KKR Midtjylland drøftede klima den 5. februar 2020.
3.2. IV-aftale mellem region og kommuner
SAG-2020-01235 jhp
Baggrund
Aftalen om IV-behandling i nærområderne.
"""


@pytest.mark.parametrize("order", ["plan_first", "realisation_first"])
def test_forward_plan_is_linked_in_either_order(tmp_path, order) -> None:
    april = tmp_path / "april.txt"
    april.write_text(APRIL_2020, encoding="utf-8")
    files = [seed("000"), april] if order == "plan_first" else [april, seed("000")]
    for path in files:
        import_path(path)
    entries = {e.text: e for e in models.ForwardPlanEntry.objects.select_related("realized_by")}
    assert set(entries) == {"Klima", "IV aftale mellem region og kommuner i Midtjylland",
                            "Nær psykiatri – opfølgning på indsatser"}
    assert str(entries["Klima"].target_date) == "2020-04-01"
    assert entries["Klima"].realized_by.title == "Tværkommunalt klimasamarbejde i KKR"
    assert entries["IV aftale mellem region og kommuner i Midtjylland"].realized_by.number == "3.2"
    assert entries["Nær psykiatri – opfølgning på indsatser"].realized_by is None


def test_rammeaftale_theme_spans_years_and_the_letter() -> None:
    for prefix in ("001", "000", "003"):
        import_path(seed(prefix))
    topic = models.Topic.objects.get(key="rammeaftal")
    years = sorted({i.meeting.start.year for i in topic.items.select_related("meeting")})
    assert years == [2016, 2020]
    assert topic.letters.count() == 1


def test_items_share_a_case() -> None:
    import_path(seed("000"))
    case = models.Case.objects.get(number="SAG-2019-07153")
    assert case.items.count() == 10


def test_month_names_are_not_themes() -> None:
    from moedebog.archive.services.threads import theme_keys

    keys = theme_keys("Budgetopfølgning april 2024 og Temamøde i november")
    assert {"budgetopfølgning", "temamøde"} <= set(keys.values())
    assert not {"april", "november"} & set(keys.values())
