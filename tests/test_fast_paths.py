"""The text reader's fast paths give exactly what their plain definitions give.

Parsing speed comes from cheap tests that rule a slow step out (a regex that cannot match, a
decode that was done already) and from faster formulations of the same rule. Each is checked
here against the plain form it replaces, kept in this file as the specification, on generated
strings built from the characters that matter to the rule.
"""

from __future__ import annotations

import codecs
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from moedebog.documents import dates, htmltext, textdecode
from moedebog.documents.readers.text import _MARKDOWN, _looks_like_markdown
from moedebog.documents.records import Document
from moedebog.documents.sectionkinds import _needs_folding
from moedebog.documents.sectionkinds import normalize_title as section_title_key
from moedebog.documents.segmenter import core, head, participants, toc
from moedebog.documents.segmenter.lines import (
    clean,
    clean_plain,
    cleaner_for,
    has_markup,
    normalize_title,
)
from moedebog.documents.sniff import _looks_binary

EXAMPLES = settings(max_examples=200, deadline=None, derandomize=True)


def text_of(*pieces: str, max_size: int = 12) -> st.SearchStrategy[str]:
    """Strings glued from ``pieces`` (words, marks, odd spaces) and arbitrary characters."""
    piece = st.one_of(st.sampled_from(pieces), st.characters(codec="utf-8"))
    return st.lists(piece, max_size=max_size).map("".join)


MARKS = ("[", "]", "(", ")", "*", "**", "_", "__", "#", "# ", "  ", " ", "\t", "\u00a0", "\u200b", "\u2003",
         "\u00ad", "\ufeff", "–", "æ", "ø", "a", "B", "1", ".", "bookmark:", "image:", "![x](y)", "[a](b)")
TOC = ("1", "3.1", "12.345", ".", "..", "...", "....", "…", "\t", " ", "  ", "\n", "\u00a0", "Titel", "a", "5",
       "2021", "(", "«", "|")
NAMES = ("Chefkonsulent", "Konsulent", "Chef", "Næstformand", "Borgmester", "og", "kommunal", "Jonas", "Økonom",
         "chef", "X", " ", "\t", "  ", ",", "(", ")", "referent", "A", "-", "Afdelingsleder")


@EXAMPLES
@given(text_of(*MARKS))
def test_cheaper_cleaners_are_clean_where_they_are_chosen(line: str) -> None:
    assert cleaner_for(line)(line) == clean(line)
    if not has_markup(line):
        assert clean_plain(line) == clean(line)


@EXAMPLES
@given(text_of(*TOC, max_size=16))
def test_leader_pattern_is_the_lazy_title_pattern(line: str) -> None:
    plain = re.compile(rf"^(?:{toc.NUMBER}\s+)?(?P<title>\S.*?)\s*(?:\.{{3,}}|…+|\t)[\s.…]*(?P<page>\d{{1,4}})$")
    expected, got = plain.match(line), toc._LEADER.match(line)
    assert (expected and expected.groupdict()) == (got and got.groupdict())


@settings(max_examples=2000, deadline=None, derandomize=True)
@given(text_of(*TOC, "Godkendelse af referat", "2021", "\u2003", "\t5", "12.3.", max_size=16))
def test_leader_parts_are_the_groups_of_the_leader_pattern(line: str) -> None:
    m = toc._LEADER.match(line)
    assert toc.leader_parts(line) == ((m.group("num"), m.group("title"), m.group("page")) if m else None)


def test_leader_parts_take_the_string_shortcut_on_usual_entries() -> None:
    for line in ("3.1. Status på sundhedsreformen.....\t5", "Deltagerfortegnelse ....... 3", "7. Eventuelt\t20",
                 "1.1. Godkendelse af referat fra mødet den 8. juni 2021 … 12"):
        m = toc._LEADER.match(line)
        assert toc.leader_parts(line) == (m.group("num"), m.group("title"), m.group("page"))


@EXAMPLES
@given(text_of(*TOC))
def test_toc_titles_lose_their_leaders_as_before(text: str) -> None:
    assert toc._title(text) == re.sub(r"\s*(?:\.{2,}|…+)\s*$", "", text).strip()
    assert core._strip_title(text) == re.sub(r"\s*(?:\.{2,}|…+)\s*\d*\s*$", "", text).strip()


@EXAMPLES
@given(text_of("indhold", "INDHOLD", "Dagsordenens punkter", "#", " ", "|", "\t", "...", "…", "x", "\u00a0"))
def test_maybe_toc_is_the_search_it_replaces(raw: str) -> None:
    plain = re.compile(r"\t|\.\.\.|…|^\s*\||^\s*#*\s*(?:indhold|dagsordenens punkter)", re.IGNORECASE)
    assert core._maybe_toc(raw) == bool(plain.search(raw))


@EXAMPLES
@given(text_of("Afbud", "afbud", "Deltagere", "Fra KL-sekretariatet", "Fra KD-net", "Fra", "fra ", "kl", "KL",
               "Sekretariatet", "Referent", "Gæster", "til stede", "meldt afbud", " ", ",", "x", "\t"))
def test_group_titles_are_tried_in_the_order_of_the_groups(line: str) -> None:
    ordered = [(r"^(afbud|fraværende|forfald|meldt afbud|ikke til stede)\b", "absent"),
               (r"^(deltagere|deltog|til stede|tilstede|fremmødte|medlemmer|mødedeltagere)\b", "present"),
               (r"^fra .*(sekretariat|kl\b)", "secretariat"),
               (r"^(sekretariat|sekretariatet|referent)\b", "secretariat"),
               (r"^(fra\s+\S+|embedsmænd|administrationen|desuden deltog|øvrige deltagere|gæster)", "officials")]
    expected = None
    if len(line) <= 60 and "," not in line:
        expected = next((group for pattern, group in ordered if re.match(pattern, line, re.I)), None)
    assert participants.group_of(line) == expected


@EXAMPLES
@given(text_of(*NAMES))
def test_a_title_word_is_the_whole_first_word(name: str) -> None:
    """parse_participant runs _TITLE_WORDS only when the first word has a title's ending."""
    if participants._TITLE_WORDS.match(name):
        assert name.split(None, 1)[0].endswith(participants._TITLE_ENDINGS)


@EXAMPLES
@given(text_of("Beslutning", "beslutning", "Baggrund", "  ", " ", "\t", "\u00a0", "\u2003", "*", "#", "_", ":", ".",
               "ß", "ſ", "İ", "x"))
def test_section_title_key_folds_white_space_as_the_regex_did(title: str) -> None:
    text = re.sub(r"\s+", " ", title) if _needs_folding(title) else title
    text = text.strip("*#_ \t")
    while text and text[-1] in ":.":
        text = text[:-1].rstrip("*#_ \t")
    assert section_title_key(title) == text.casefold()
    key = re.sub(r"\.{2,}.*$", "", title) if ".." in title else title
    assert normalize_title(title) == re.sub(r"[\s\u00a0]+", " ", key).strip(" .:\t").lower().translate(
        str.maketrans({"’": "'", "‘": "'", "–": "-", "—": "-"}))


@EXAMPLES
@given(st.lists(st.sampled_from([b"a", b"\xc3\xa6", b"\xe2\x80\x93", b"\xf0\x9f\x98\x80", b"\xc3", b"\xe2\x80",
                                 b"\x80", b"\xff", b"\xe0\x80", b"\xed\xa0\x80", b"\x00", b" ", b"\n",
                                 codecs.BOM_UTF8, codecs.BOM_UTF16_LE, b"\xf0\x90"]), max_size=10).map(b"".join))
def test_decode_head_is_detect_then_decode(data: bytes) -> None:
    textdecode._last_head = None
    encoding = textdecode.detect_encoding(data)
    assert textdecode.decode_head(data) == (encoding, data.decode(encoding, errors="replace"))


@EXAMPLES
@given(st.text(alphabet=st.sampled_from(["a", "æ", "\x00", "\x07", "\x0b", "\x1f", "\t", "\n", "\ufffd", "\u2028",
                                         "\U0001f600", "–"]), max_size=40))
def test_binary_count_is_the_findall_count(text: str) -> None:
    sample = text[:8192]
    expected = bool(sample) and len(re.findall("[\x00-\x08\x0e-\x1f\ufffd]", sample)) > len(sample) * 0.05
    assert _looks_binary(text) == expected


@EXAMPLES
@given(text_of("#", "# ", "|", "](", "[x]", "(y)", "- ", "* ", "\n", " ", "x"))
def test_markdown_prefilter(sample: str) -> None:
    assert _looks_like_markdown(sample) == bool(_MARKDOWN.search(sample))


def test_prefilters_know_which_characters_a_pattern_can_start_with() -> None:
    """'p' (punkt), 'l' (lukket) and the first letters of the document kinds match only themselves (in either
    case) when case is ignored; every odd space clean() folds is unprintable."""
    for first in "pl":
        assert {c for c in map(chr, range(0x110000)) if re.match(first, c, re.I)} == {first, first.upper()}
        assert {c for c in map(chr, range(0x110000)) if c.lower().startswith(first)} == {first, first.upper()}
    kind_first = re.compile("[" + "".join(sorted(head._KIND_FIRST)) + "]", re.I)
    assert all(c.lower() in head._KIND_FIRST for c in map(chr, range(0x110000)) if kind_first.match(c))
    odd = re.compile("[\u00a0\u2000-\u200d\u202f\u205f\u3000\u2060\ufeff\u00ad]")
    assert not any(c.isprintable() for c in map(chr, range(0x110000)) if odd.match(c))


@EXAMPLES
@given(text_of("22-02-2016", "5.2.2020", "5. februar 2020", "7. feb. 2020", "2020-02-05", "den ", " ", "kl. 10.00",
               "31-02-2020", "1", "-", ".", "x"))
def test_dates_are_found_as_when_every_pattern_was_tried(text: str) -> None:
    best = None
    for pattern, order in ((dates.NUMERIC_DATE, "dmy"), (dates.WORD_DATE, "dMy"), (dates.ISO_DATE, "ymd")):
        for m in pattern.finditer(text):
            a, b, c = m.groups()
            if order == "dmy":
                iso = dates._valid(int(c), int(b), int(a))
            elif order == "dMy":
                iso = dates._valid(int(c), dates.MONTHS[b.lower().rstrip(".")], int(a))
            else:
                iso = dates._valid(int(a), int(b), int(c))
            if iso:
                if best is None or m.start() < best[1]:
                    best = (iso, m.start(), m.end())
                break
    assert dates.find_date(text) == best


CASES = ("SAG-2019-07153", "sag", "Sagsnr.", "J.nr.", "j. nr", "ſag", "20/1234", "20-12345", "01.02.03-A01-1-20",
         "Ringkøbing-Skjern", "Ulla Sørensen, ", "-", "/", " ", ":", "chbo/jhp", "ab", "ÆØÅ", "2", "x")


@EXAMPLES
@given(text_of(*CASES))
def test_case_line_prefilter_rules_out_only_lines_the_pattern_rejects(line: str) -> None:
    if not core._may_be_case(line):
        assert core._CASE_LINE.match(line) is None


def test_case_labels_start_with_the_letters_the_prefilter_knows() -> None:
    """Every character that _CASE_LINE's labels can start with, case ignored, is in the prefilter."""
    firsts = re.compile("[sj]", re.I)
    assert {c for c in map(chr, range(0x110000)) if firsts.match(c)} <= core._CASE_LABEL_FIRST


@EXAMPLES
@given(text_of("Deltagerfortegnelse", "TIL STEDE", ":", "::", "İ", "ß", "x", " "))
def test_list_title_length_guard(line: str) -> None:
    """lower() never shortens a line, so a long one without a trailing ':' is no list title."""
    if line and not (len(line) <= core._LONGEST_LIST_TITLE or line[-1] == ":"):
        assert line.lower().rstrip(":") not in participants.LIST_TITLES


@EXAMPLES
@given(st.lists(text_of(" ", "\n", "\t", "\u00a0", "\u2003", "a", "æ", htmltext._BREAK, max_size=6), max_size=5))
def test_an_inline_buffer_without_a_break_is_one_normalised_line(pieces: list[str]) -> None:
    """_buffer's shortcut for a buffer without <br> gives what splitting at the breaks gives."""
    out = [" ".join(line.split()) for line in "".join(pieces).split(htmltext._BREAK)]
    kept: list[str] = []
    for line in out:
        if line or (kept and kept[-1]):
            kept.append(line)
    while kept and not kept[-1]:
        kept.pop()
    flat = htmltext._Flattener()
    flat.pieces = list(pieces)
    assert flat._buffer() == "\n".join(kept)
    assert flat.pieces == []


@EXAMPLES
@given(text_of("1", "2.", "12 ", "Dato: 05-02-2020", "|", "REFERAT 2020", "KKR", " ", "x", ":"))
def test_a_numbered_line_is_no_head_fact_unless_it_may_be_a_running_header(line: str) -> None:
    """HeadReader.feed's early answer for numbered lines is the answer of its whole body."""
    if not (line[:1].isdigit() and "|" not in line):
        return
    doc = Document()
    reader = head.HeadReader(doc)
    reader.lines_seen = 5  # past the lines where a body name is looked for
    assert head.kind_of(line) is None and not head._FIELD.match(line) and not head._plausible_body(line)
    assert reader.feed(line) is False and doc == Document()
