"""Joining the lines of a wrapped paragraph or table cell back into one text."""

from __future__ import annotations

import re

_SOFT_HYPHEN_END = re.compile(r"[\u00ad\u0002]$")
#: After "social-" a line starting with these words means "social- og special...": keep the space.
_CONJUNCTIONS = frozenset(("og", "eller", "samt", "til", "som", "and", "or"))


def join_wrapped(text: str, part: str) -> str:
    """Join a line to the text it continues: a space, or none after a word-break hyphen or "/"."""
    if not text:
        return part
    if not part:
        return text
    if _SOFT_HYPHEN_END.search(text):
        return text[:-1] + part
    first = part.split(maxsplit=1)[0]
    before = text[-2:-1]
    if text.endswith("-") and first.lower() not in _CONJUNCTIONS and (
            before.isalnum() or (before.isspace() and part[:1].islower())):
        return text + part  # "CO2-" + "reduktion", "og -" + "hjælpere"
    if text.endswith("/"):
        return text + part
    return text + " " + part
