"""The streaming text reader gives the record a whole-file parse gives, wherever its chunks end."""

from __future__ import annotations

import pytest

from moedebog.documents import Source, parse
from moedebog.documents.readers import text as text_reader
from moedebog.documents.records import Document
from moedebog.documents.segmenter import segment
from moedebog.documents.segmenter.lines import cleaner_for
from moedebog.documents.serialize import to_dict

PARAGRAPH = ("Kommunerne i Midtjylland samarbejder om opgaver på tværs af kommunegrænserne, "
             "og sagen forelægges med henblik på drøftelse og beslutning. ") * 6


def _items(start: int) -> str:
    parts = []
    for minor in range(start, start + 40):
        parts.append(f"1.{minor}. Punkt 1.{minor}\nSAG-2020-{minor:05d} abc\n"
                     f"Baggrund\n{PARAGRAPH}\n\n{PARAGRAPH}\n\nBeslutning\nGodkendt.\n\n")
    return "".join(parts)


def text_with_break_at_chunk_end(brk: str) -> str:
    """A document over one chunk whose first chunk ends right after ``brk``, the line before it a
    case text and the line after it the next section's title."""
    text = "REFERAT 2020\nKKR MIDTJYLLAND\nDato: 05-02-2020 10:00\n\n1. Sager\n\n"
    minor = 1
    while len(text) < text_reader.CHUNK - 20_000:
        text += _items(minor)
        minor += 40
    text += f"1.{minor}. Punkt 1.{minor}\nSAG-2020-{minor:05d} abc\nBaggrund\n"
    fill = text_reader.CHUNK - len(text) - len(brk)
    words = (PARAGRAPH * (fill // len(PARAGRAPH) + 1))[:fill - 1] + "."
    text += words + brk
    assert len(text) == text_reader.CHUNK and text.endswith(brk)
    return text + "Beslutning\nGodkendt.\n\n" + _items(minor + 1)


def whole(text: str) -> Document:
    document = Document(format="text")
    segment(text.splitlines(), document, None, cleaner_for(text))
    return document


@pytest.mark.parametrize("brk", ["\n", "\r\n", "\f", "\v", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"])
def test_a_chunk_ending_in_any_line_break_ends_its_last_line(brk: str) -> None:
    text = text_with_break_at_chunk_end(brk)
    streamed = parse(Source.from_bytes(text.encode("utf-8"), "big.txt"))
    assert to_dict(streamed) == to_dict(whole(text))


def test_line_breaks_are_the_characters_splitlines_breaks_at() -> None:
    breaks = {chr(c) for c in range(0x110000) if len(f"a{chr(c)}b".splitlines()) == 2}
    assert breaks == text_reader.LINE_BREAKS
