"""Small helpers that turn sentence pools into section text.

Section text follows the records' convention (docs/parse.md): paragraphs separated by a blank
line, list entries as "- " lines and table rows as tab-separated lines, one per line. Keeping
that convention here means every format the publisher renders starts from the same text.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence


class Filler(dict):
    """Template values; an unknown placeholder is left as it is rather than failing."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def fill(template: str, values: Mapping[str, object]) -> str:
    return template.format_map(values if isinstance(values, Filler) else Filler(values))


def pick(rng: random.Random, pool: Sequence[str], low: int, high: int) -> list[str]:
    """Between ``low`` and ``high`` distinct entries of ``pool``, in the pool's order (reads better)."""
    count = min(len(pool), rng.randint(low, high))
    chosen = sorted(rng.sample(range(len(pool)), count))
    return [pool[i] for i in chosen]


def paragraph(rng: random.Random, pool: Sequence[str], values: Mapping[str, object], low: int = 1,
              high: int = 2) -> str:
    """One paragraph made of a few sentences from ``pool``."""
    return " ".join(fill(s, values) for s in pick(rng, pool, low, high))


def bullets(entries: Sequence[str]) -> str:
    return "\n".join(f"- {entry}" for entry in entries)


def blocks(parts: Sequence[str]) -> str:
    """Paragraphs, lists and tables joined into one section text."""
    return "\n\n".join(parts)


def recommendation(subject: str, actions: Sequence[str]) -> str:
    """'Det indstilles, at X ...' as one sentence, or as a lead-in and a list for several actions."""
    if len(actions) == 1:
        return f"Det indstilles, at {subject} {actions[0]}."
    return f"Det indstilles, at {subject}:\n\n" + bullets([a[0].upper() + a[1:] for a in actions])
