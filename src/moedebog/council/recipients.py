"""Who is consulted: the usual list of KKR Midtjylland (the 19 municipal councils and the region)
and reading a list a secretary types, one recipient a line."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.core.validators import validate_email

MIDTJYLLAND = [f"{name} Kommune" for name in (
    "Favrskov", "Hedensted", "Herning", "Holstebro", "Horsens", "Ikast-Brande", "Lemvig", "Norddjurs", "Odder",
    "Randers", "Ringkøbing-Skjern", "Samsø", "Silkeborg", "Skanderborg", "Skive", "Struer", "Syddjurs",
    "Viborg", "Aarhus")] + ["Region Midtjylland"]

_ANGLE = re.compile(r"^(?P<name>.*?)\s*<(?P<email>[^<>]*)>\s*$")


def parse_lines(text: str) -> list[tuple[str, str]]:
    """(name, email) per line: "Navn; adresse", "Navn <adresse>" or a name alone (answers by post).

    Raises ValueError with a Danish message naming the first line that cannot be read."""
    out: list[tuple[str, str]] = []
    seen: set[str] = set()
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line:
            continue
        match = _ANGLE.match(line)
        if match:
            name, email = match.group("name"), match.group("email")
        elif ";" in line:
            name, email = line.split(";", 1)
        else:
            name, email = line, ""
        name, email = " ".join(name.split()).strip(" ,"), email.strip()
        if not name:
            raise ValueError(f"Linje {number}: navnet mangler.")
        if email:
            try:
                validate_email(email)
            except ValidationError:
                raise ValueError(f"Linje {number}: «{email}» er ikke en gyldig e-mailadresse.") from None
        if name.casefold() in seen:
            raise ValueError(f"Linje {number}: {name} står der to gange.")
        seen.add(name.casefold())
        out.append((name[:300], email))
    return out


def format_lines(pairs: list[tuple[str, str]]) -> str:
    return "\n".join(f"{name}; {email}" if email else name for name, email in pairs)


def addressed_to_midtjylland(text: str) -> bool:
    """A letter "Til de 19 midtjyske kommuner og Region Midtjylland" goes to the usual list."""
    return bool(re.search(r"19\s+midtjyske\s+kommuner", text, re.IGNORECASE))
