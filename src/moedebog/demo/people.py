"""Invented people and real places for the demo records.

Every name here is made up by combining common Danish first names and surnames at random; any
likeness to a real politician or official is accidental. Municipalities and venues are real,
because a KKR Midtjylland record without them would not look like one.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

#: The 19 municipalities of Central Jutland (Region Midtjylland), in the order KL lists them.
MUNICIPALITIES = (
    "Favrskov", "Hedensted", "Herning", "Holstebro", "Horsens", "Ikast-Brande", "Lemvig", "Norddjurs",
    "Odder", "Randers", "Ringkøbing-Skjern", "Samsø", "Silkeborg", "Skanderborg", "Skive", "Struer",
    "Syddjurs", "Viborg", "Aarhus",
)

#: Members per municipality in KKR: the mayor plus one, and more for the largest.
SEATS = {"Aarhus": 3, "Randers": 2, "Herning": 2}

FIRST_NAMES = (
    "Anders", "Anne", "Birgitte", "Bo", "Camilla", "Carsten", "Charlotte", "Dorthe", "Erik", "Finn",
    "Gitte", "Hanne", "Helle", "Henrik", "Inger", "Jakob", "Jens", "Jette", "Johannes", "Karen", "Kasper",
    "Kirsten", "Lars", "Lene", "Lise", "Louise", "Mads", "Maria", "Mette", "Michael", "Morten", "Niels",
    "Ole", "Peter", "Pia", "Poul", "Rasmus", "Rikke", "Signe", "Søren", "Thomas", "Tina", "Torben", "Ulla",
    "Vibeke", "Asger", "Bente", "Dennis", "Frida", "Gorm", "Ida", "Jonas", "Katrine", "Laust", "Malene",
    "Nanna", "Oluf", "Preben", "Sidsel", "Trine", "Villads", "Åse",
)
MIDDLE_NAMES = ("Bach", "Holm", "Krogh", "Skov", "Dahl", "Lund", "Kjær", "Vinther", "Juul", "Brink",
                "Mølgaard")
SURNAMES = (
    "Andersen", "Bertelsen", "Christiansen", "Damgaard", "Eriksen", "Frandsen", "Gregersen", "Hansen",
    "Iversen", "Jensen", "Kristensen", "Larsen", "Mikkelsen", "Nielsen", "Overgaard", "Poulsen",
    "Rasmussen", "Sørensen", "Thomsen", "Villadsen", "Westergaard", "Østergaard", "Bruun", "Dalsgaard",
    "Fogh", "Gade", "Hvidberg", "Kirk", "Lauritsen", "Munk", "Nygaard", "Pallesen", "Riis", "Staal",
    "Toft", "Vestergaard", "Aagaard", "Bisgaard", "Fruergaard", "Husted", "Kjeldsen", "Lykke", "Markussen",
)

#: Titles of KL staff in the KKR secretariat, senior first.
STAFF_TITLES = ("Sekretariatschef", "Chefkonsulent", "Specialkonsulent", "Konsulent", "Konsulent")

#: Where KKR Midtjylland meets; the first is by far the most common.
VENUES = (
    "Scandic, Udgårdsvej 2, 8600 Silkeborg",
    "Scandic, Udgårdsvej 2, 8600 Silkeborg",
    "Scandic, Udgårdsvej 2, 8600 Silkeborg",
    "Regionshuset Viborg, Skottenborg 26, 8800 Viborg",
    "Herning Rådhus, Torvet 5, 7400 Herning",
    "Randers Rådhus, Laksetorvet 1, 8900 Randers C",
    "Horsens Rådhus, Rådhustorvet 4, 8700 Horsens",
)


@dataclass(frozen=True, slots=True)
class Person:
    """One invented person; ``initials`` are the handler initials used after case numbers."""

    name: str
    municipality: str | None = None
    title: str | None = None
    initials: str = ""


def invent_name(rng: random.Random) -> str:
    """A plausible Danish full name; one in five has a middle name."""
    first = rng.choice(FIRST_NAMES)
    last = rng.choice(SURNAMES)
    if rng.random() < 0.2:
        return f"{first} {rng.choice(MIDDLE_NAMES)} {last}"
    return f"{first} {last}"


def initials_of(name: str) -> str:
    """KL-style handler initials: first letters of each name for three names, else two + two."""
    parts = name.lower().split()
    if len(parts) >= 3:
        return "".join(p[0] for p in parts[:3])
    return parts[0][:2] + parts[-1][:2]


class NameBook:
    """Hands out invented names without repeats, so that one meeting never lists a person twice."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[str] = set()

    def keep_only(self, names: list[str]) -> None:
        """Forget everyone but ``names``: in a new election period old names may come back, and
        without forgetting, a run over centuries of meetings would run out of names."""
        self.used = set(names)

    def new(self) -> str:
        for _ in range(50):
            name = invent_name(self.rng)
            if name not in self.used:
                self.used.add(name)
                return name
        name = f"{invent_name(self.rng)} {len(self.used)}"  # pool exhausted: keep names unique anyway
        self.used.add(name)
        return name


def kkr_members(rng: random.Random, book: NameBook, previous: list[Person] | None = None) -> list[Person]:
    """The council for one election period; about half the seats are kept from the previous one."""
    kept = {p.municipality: [] for p in previous or []}
    for p in previous or []:
        kept[p.municipality].append(p)
    members: list[Person] = []
    for municipality in MUNICIPALITIES:
        for seat in range(SEATS.get(municipality, 2)):
            old = kept.get(municipality, [])
            if seat < len(old) and rng.random() < 0.5:
                members.append(old[seat])
            else:
                members.append(Person(book.new(), municipality))
    return members


def kd_net(rng: random.Random, book: NameBook) -> list[Person]:
    """The municipal directors' network (KD-net): the two or three who attend KKR in a period."""
    towns = rng.sample(MUNICIPALITIES, rng.randint(2, 3))
    return [Person(book.new(), town, "Kommunaldirektør") for town in towns]


def secretariat(rng: random.Random, book: NameBook) -> list[Person]:
    """KL's KKR secretariat: a chief and three or four consultants, each with handler initials."""
    staff = []
    for title in STAFF_TITLES[: rng.randint(4, 5)]:
        name = book.new()
        staff.append(Person(name, None, title, initials_of(name)))
    return staff
