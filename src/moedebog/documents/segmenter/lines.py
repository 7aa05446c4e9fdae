"""Cleaning of single lines before the segmenter looks at them.

Extraction tools leave marks that carry no content: Word bookmarks ("[bookmark: Case_Udvalg]"),
image placeholders, markdown emphasis and link syntax, non-breaking spaces. Removing them here
keeps every later rule simple.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

_BOOKMARK = re.compile(r"\[bookmark:[^\]]*\]")
_IMAGE = re.compile(r"\[image:[^\]]*\]|!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]\n]*)\]\((?:[^()\s]|\([^()\s]*\))*\)")
_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1|(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])")
#: Odd spaces become " " and zero-width characters vanish; most lines have neither, so one
#: search decides whether the (slower) translation is needed at all.
_ODD = re.compile("[\u00a0\u2000-\u200d\u202f\u205f\u3000\u2060\ufeff\u00ad]")
_FOLD = str.maketrans({**{cp: " " for cp in (0xA0, *range(0x2000, 0x200B), 0x202F, 0x205F, 0x3000)},
                       **{cp: None for cp in (0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0xAD)}})
_MULTI_SPACE = re.compile(r" {2,}")
_MD_HEADING = re.compile(r"^#{1,6}\s+")
_BULLET = re.compile(r"^(?:[-•*▪◦·‣–]\s+|\d{1,2}\)\s+)")


def clean(raw: str) -> str:
    """A line stripped of markup that carries no content, with spaces normalised.

    Tabs are kept because they separate table cells and table-of-contents columns.
    """
    line = raw
    if "[" in line:
        line = _BOOKMARK.sub("", line)
        line = _IMAGE.sub("", line)
        line = _LINK.sub(r"\1", line)
    if "*" in line or "__" in line:
        line = _EMPHASIS.sub(lambda m: m.group(2) or m.group(3) or "", line)
    # every odd character is unprintable, so isprintable() (a C loop) spares most lines the regex
    if not line.isascii() and not line.isprintable() and _ODD.search(line):
        line = line.translate(_FOLD)
    if "  " in line:
        line = _MULTI_SPACE.sub(" ", line)
    line = line.strip(" \t\r\n\f\v")
    if line.startswith("#"):
        line = _MD_HEADING.sub("", line)
    return line


def has_markup(text: str) -> bool:
    """Whether any line of ``text`` may hold markup that clean() removes besides spaces: a
    bookmark, image or link ('['), emphasis ('*', '__') or a markdown heading ('#'). Four
    scans of a whole text are far cheaper than four tests on each of its lines."""
    return "[" in text or "*" in text or "__" in text or "#" in text


def clean_plain(raw: str) -> str:
    """clean() for a line of a text without markup (``has_markup`` is false): the same result,
    with only the steps that can change such a line."""
    line = raw
    if not line.isascii() and not line.isprintable() and _ODD.search(line):
        line = line.translate(_FOLD)
    if "  " in line:
        line = _MULTI_SPACE.sub(" ", line)
    return line.strip(" \t\r\n\f\v")


def cleaner_for(text: str) -> Callable[[str], str]:
    """The cheapest function that cleans every line of ``text`` exactly as clean() does."""
    return clean if has_markup(text) else clean_plain


BULLET_CHARS = frozenset("-•*▪◦·‣–")


def is_bullet(line: str) -> bool:
    """"- item", "• item", "1) item": cheap character tests first, the pattern only for numbers."""
    first = line[:1]
    if first in BULLET_CHARS:
        return line[1:2] in (" ", "\t")
    return first.isdigit() and bool(_BULLET.match(line))


def without_bullet(line: str) -> str:
    return _BULLET.sub("", line, count=1)


def is_indented(raw: str) -> bool:
    """True when the raw line starts with white space (a continuation or list in some extractions)."""
    return raw[:1] in (" ", "\t") and bool(raw.strip())


_LEADERS = re.compile(r"\.{2,}.*$")
_QUOTES_DASHES = str.maketrans({"’": "'", "‘": "'", "–": "-", "—": "-"})


@lru_cache(maxsize=8192)
def normalize_title(title: str) -> str:
    """A comparison key for titles: lower case, single spaces, no dotted leaders or end punctuation."""
    key = _LEADERS.sub("", title) if ".." in title else title
    # " ".join(split()) folds white space like re.sub(r"\s+", " ") but without a match per
    # space; the ends it leaves out are stripped below anyway
    key = " ".join(key.split()).strip(" .:\t").lower()
    return key.translate(_QUOTES_DASHES)
