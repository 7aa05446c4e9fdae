"""Judged queries for bench/relevance.py: what a journalist or a secretary types, and what should come back.

Each query lists its relevant records with a grade (2: what the searcher is after, 1: also useful).
Real documents (tests/corpus/seeds and samples) are named by stable keys: (body path, meeting date,
item number); a meeting by (body path, date, None); a letter by ("brev", date, None). Generated demo
meetings change when the generator does, so they are judged by title: every public item whose title
starts with the given text gets the grade (``demo``).
"""

from __future__ import annotations

KKR = "kkr-midtjylland"
GREVE_BEU = "greve-kommune/beskaeftigelses-og-erhvervsudvalget"
GREVE_BY = "greve-kommune/byraad-2022-2025"
GREVE_KFU = "greve-kommune/kultur-og-fritidsudvalget"
AARHUS = "teknisk-udvalg"

K16, K20, K21, K25 = (KKR, "2016-11-22"), (KKR, "2020-02-05"), (KKR, "2021-08-30"), (KKR, "2025-04-08")
BEU, BY, KFU, ATU = (GREVE_BEU, "2023-01-09"), (GREVE_BY, "2024-04-17"), (GREVE_KFU, "2024-09-11"), \
    (AARHUS, "2025-10-01")


def item(meeting: tuple[str, str], number: str) -> tuple[str, str, str]:
    return (*meeting, number)


#: The items of the meeting of 5 February 2020 (all filed under SAG-2019-07153).
K20_ITEMS = ["1.1", "2.1", "3.1", "3.2", "3.3", "3.4", "3.5", "3.6", "6.1", "7.1"]

JUDGMENTS: list[dict] = [
    {"q": "sikrede institutioner venteliste", "rel": {item(K25, "3.6"): 2},
     "demo": {"Udvidelse af antallet af sikrede pladser": 1}},
    {"q": "rammeaftale 2021", "rel": {item(K20, "3.5"): 2, ("brev", "2020-02-07", None): 2}},
    {"q": "fraværende februar 2020", "rel": {(KKR, "2020-02-05", None): 2}},
    {"q": "SAG-2019-07153", "rel": {item(K20, n): 1 for n in K20_ITEMS}},
    {"q": "dimensionering pædagoguddannelse", "rel": {item(K20, "3.4"): 2, item(K16, "4.1"): 1},
     "demo": {"Optag på pædagoguddannelsen": 1}},
    {"q": "sundhedsreformen status", "rel": {item(K25, "3.1"): 2, item(K25, "3.2"): 1},
     "demo": {"Status på sundhedsreformen": 2, "Kommunernes forberedelse af sundhedsreformen": 1}},
    {"q": "praksisplan fysioterapi", "rel": {item(K25, "3.8"): 2, item(K16, "3.5"): 1},
     "demo": {"Praksisplan for fysioterapi": 1}},
    {"q": "tværkommunalt klimasamarbejde", "rel": {item(K20, "3.1"): 2, item(K25, "3.2"): 1},
     "demo": {"Klimasamarbejdet": 1, "Fælles klimaindsats": 1}},
    {"q": "nær psykiatri", "rel": {item(K20, "3.3"): 2}},
    {"q": "resultatkontrakt erhvervshus", "rel": {item(K20, "3.2"): 2}},
    {"q": "Sociolancen", "rel": {item(K20, "3.6"): 2}},
    {"q": "akut hjælp til sårbare borgere", "rel": {item(K20, "3.6"): 2}},
    {"q": "lærepladser SOSU", "rel": {item(K21, "3.1"): 2, item(K16, "3.6"): 1},
     "demo": {"Praktikpladser på SOSU-uddannelserne": 1}},
    {"q": "Børnehus Midtjylland", "rel": {item(K16, "3.1"): 2}},
    {"q": "rammepapir voksenhandicap", "rel": {item(K16, "3.2"): 2}},
    {"q": "resultataftale Væksthus 2017", "rel": {item(K16, "3.8"): 2}},
    {"q": "udpegelser næste valgperiode", "rel": {item(K21, "5.2"): 2}},
    {"q": "økonomiforhandlinger 2026", "rel": {item(K25, "3.3"): 2}},
    {"q": "udsatte gravide rusmidler", "rel": {item(K25, "3.7"): 2}},
    {"q": "strategi og handleplan for uddannelsesområdet", "rel": {item(K25, "3.4"): 2},
     "demo": {"Strategi og handleplan for uddannelsesområdet": 2}},
    {"q": "beskæftigelsespolitik Greve", "rel": {item(BEU, "2"): 2, item(BEU, "5"): 1}},
    {"q": "vækst- og erhvervspolitik", "rel": {item(BEU, "3"): 2}},
    {"q": "budgetopfølgning", "rel": {item(BEU, "4"): 2}, "demo": {"Budgetopfølgning": 2}},
    {"q": "ARGO affaldsselskab", "rel": {item(BY, "12"): 2}},
    {"q": "bruttolønsordning personalegoder", "rel": {item(BY, "13"): 2}},
    {"q": "befolkningsprognose", "rel": {item(BY, "14"): 2}},
    {"q": "LED-pulje energibesparelse", "rel": {item(BY, "18"): 2, item(BY, "19"): 1}},
    {"q": "trafiksikkerhed skole", "rel": {item(BY, "21"): 2, item(BY, "20"): 1},
     "demo": {"Trafiksikkerhed ved skolerne": 2, "Trafiksikkerhedsprojekt på Hovedgaden": 1}},
    {"q": "Mosede Klimapark egenfinansiering", "rel": {item(BY, "22"): 2}},
    {"q": "biblioteket åbningstid", "rel": {item(BY, "25"): 2, item(KFU, "3"): 2, item(KFU, "2"): 1}},
    {"q": "udlejning af almene boliger", "rel": {item(BY, "26"): 2}},
    {"q": "kommuneplan 2025", "rel": {item(BY, "28"): 2}},
    {"q": "tryghed Greve Nord", "rel": {item(BY, "27"): 2}},
    {"q": "vakante stillinger", "rel": {item(BY, "30"): 2}},
    {"q": "udviklingsplan Aarhus Ø", "rel": {item(ATU, "2"): 2}},
    {"q": "lokalplan erhvervsområde Hasselager", "rel": {item(ATU, "3"): 2}},
    {"q": "busfremkommelighed", "rel": {item(ATU, "6"): 2}},
    {"q": "mødekalender", "rel": {item(BEU, "8"): 2, item(KFU, "6"): 2}},
    {"q": "rammeaftale år:2020", "rel": {item(K20, "3.5"): 2, ("brev", "2020-02-07", None): 1}},
    {"q": "5. februar 2020", "rel": {(KKR, "2020-02-05", None): 2, **{item(K20, n): 1 for n in K20_ITEMS}}},
    {"q": "optag på pædagoguddannelsen", "rel": {item(K20, "3.4"): 1}, "demo": {"Optag på pædagoguddannelsen": 2}},
    {"q": "mobil- og bredbåndsdækning", "demo": {"Mobil- og bredbåndsdækning": 2}},
    {"q": "børn og unges mentale sundhed", "demo": {"Samarbejde om børn og unges mentale sundhed": 2}},
    {"q": "kulturaftale", "rel": {item(K25, "3.2"): 1}, "demo": {"Kulturaftale for Midtjylland": 2}},
    {"q": "mangel på arbejdskraft", "demo": {"Mangel på arbejdskraft": 2}},
    {"q": "tilsyn plejecentre", "demo": {"Tilsyn på plejecentrene": 2}},
    {"q": "minimumsnormeringer dagtilbud", "demo": {"Minimumsnormeringer i dagtilbud": 2, "Kapacitet i dagtilbud": 1}},
    {"q": "strategisk energiplanlægning", "demo": {"Strategisk energiplanlægning": 2}},
    {"q": "Århus udviklingsplan", "rel": {item(ATU, "2"): 2}},
    {"q": "paedagoguddannelsen", "rel": {item(K20, "3.4"): 2, item(K16, "4.1"): 1},
     "demo": {"Optag på pædagoguddannelsen": 2}},
]
