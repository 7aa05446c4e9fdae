"""Archive tests run against whichever database DATABASE_URL names (SQLite by default; `make test`
runs them a second time against PostgreSQL)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import seed


def agenda_from_minutes(text: str) -> str:
    """The agenda of seed 000's meeting: the same document before the meeting, without
    participants and decisions, as the secretariat sent it out."""
    lines = text.replace("REFERAT 2020", "DAGSORDEN 2020").split("\n")
    out: list[str] = []
    skip = False
    in_participants = False
    for line in lines:
        stripped = line.strip()
        if stripped == "Deltagerfortegnelse":
            in_participants = True
            continue
        if in_participants:
            if stripped == "1. Godkendelse af referat":
                in_participants = False
            else:
                continue
        if stripped == "Beslutning":
            skip = True
            continue
        if skip and (stripped[:1].isdigit() and ". " in stripped[:6]):
            skip = False
        if not skip:
            out.append(line)
    return "\n".join(out)


@pytest.fixture
def minutes_2020() -> Path:
    return seed("000")


@pytest.fixture
def agenda_2020(tmp_path) -> Path:
    path = tmp_path / "dagsorden-2020-02-05.txt"
    path.write_text(agenda_from_minutes(seed("000").read_text(encoding="utf-8")), encoding="utf-8")
    return path
