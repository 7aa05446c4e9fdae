"""`moedebog render`: the interchange JSON back to records, the public version, and the round trip
rendered document → `moedebog parse` → the same items, titles, case numbers, handlers, sections
and participants, property-tested over generated meetings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from moedebog.cli import main
from moedebog.commands.render import render
from moedebog.demo import generate_meetings
from moedebog.documents import DocumentError, Source, parse
from moedebog.documents.interchange import from_dict
from moedebog.documents.serialize import to_dict
from moedebog.publish.versions import public_version
from tests.roundtrip import differences
from tests.sample_records import minutes

SUFFIX = {"pdf": "x.pdf", "docx": "x.docx", "html": "x.html", "txt": "x.txt"}


def test_from_dict_inverts_to_dict() -> None:
    doc = minutes()
    assert from_dict(json.loads(json.dumps(to_dict(doc)))) == doc


def test_from_dict_refuses_malformed_records() -> None:
    for bad in ({"items": "x"}, {"items": [{"title": "x"}]}, {"items": [{"number": "1", "public": "ja"}]}, [], 3):
        with pytest.raises(DocumentError):
            from_dict(bad)


def test_public_version_leaves_closed_items_out() -> None:
    doc = minutes()
    closed = [i.number for i in doc.items if not i.public]
    assert closed, "the sample has a closed item"
    public = public_version(doc)
    assert [i.number for i in public.items] == [i.number for i in doc.items if i.public]
    assert public.headings == doc.headings and len(doc.items) > len(public.items)


def test_render_command_writes_every_format(tmp_path: Path, capsys) -> None:
    record = tmp_path / "referat.json"
    record.write_text(json.dumps(to_dict(minutes()), ensure_ascii=False), encoding="utf-8")
    for fmt in ("html", "docx", "txt"):
        out = tmp_path / f"referat.{fmt}"
        assert main(["render", str(record), "--format", fmt, "--public", "-o", str(out)]) == 0
        back = parse(Source.from_bytes(out.read_bytes(), SUFFIX[fmt]))
        assert differences(public_version(minutes()), back, fmt) == []
        assert "Personalesag" not in {i.title for i in back.items}


def test_render_command_reports_bad_input(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    assert main(["render", str(bad), "--format", "pdf", "-o", str(tmp_path / "x.pdf")]) == 2
    assert "ikke en gyldig post" in capsys.readouterr().err
    assert main(["render", str(tmp_path / "missing.json"), "--format", "pdf", "-o", "-"]) == 2
    assert not (tmp_path / "x.pdf").exists()


def _round_trip(seed: int, index: int, fmt: str, public: bool) -> list[str]:
    docs = generate_meetings(index + 1, seed)
    doc = docs[index]
    data = json.loads(json.dumps(to_dict(doc)))  # through the interchange JSON, as the command reads it
    back = parse(Source.from_bytes(render(data, fmt, public), SUFFIX[fmt]))
    return differences(public_version(doc) if public else doc, back, fmt)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 10_000), index=st.integers(0, 6), fmt=st.sampled_from(["html", "docx"]),
       public=st.booleans())
def test_round_trip_of_generated_meetings(seed: int, index: int, fmt: str, public: bool) -> None:
    assert _round_trip(seed, index, fmt, public) == []


@settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 10_000), index=st.integers(0, 4), public=st.booleans())
def test_round_trip_of_generated_meetings_through_pdf(seed: int, index: int, public: bool) -> None:
    assert _round_trip(seed, index, "pdf", public) == []
