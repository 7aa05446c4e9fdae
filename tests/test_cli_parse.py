"""`moedebog parse` as a user runs it: outline, JSON, several files, and files that cannot be read."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from moedebog.cli import main
from tests.conftest import seed


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["parse", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_outline(capsys) -> None:
    code, out, err = run(capsys, str(seed("000")))
    assert code == 0 and err == ""
    assert "Referat (text)" in out and "3.1. Tværkommunale samarbejder om klima" in out
    assert "Sag: SAG-2019-07153 snm/chbo" in out


def test_json_one_object_for_one_file(capsys, schema_validator) -> None:
    code, out, _ = run(capsys, "--json", str(seed("000")))
    record = json.loads(out)
    assert code == 0 and isinstance(record, dict)
    schema_validator.validate(record)
    assert record["items"][2]["sections"][0]["kind"] == "background"


def test_json_array_for_several_files(capsys, schema_validator) -> None:
    code, out, _ = run(capsys, "--json", str(seed("000")), str(seed("003")))
    records = json.loads(out)
    assert code == 0 and [r["kind"] for r in records] == ["minutes", "letter"]
    for record in records:
        schema_validator.validate(record)


def _bad_files(tmp: Path) -> dict[str, Path]:
    files = {
        "empty": tmp / "empty.txt",
        "garbage": tmp / "garbage.bin",
        "truncated_pdf": tmp / "cut.pdf",
        "not_docx_zip": tmp / "other.docx",
        "broken_zip": tmp / "broken.docx",
        "old_word": tmp / "old.doc",
        "missing": tmp / "does-not-exist.txt",
    }
    files["empty"].write_bytes(b"")
    files["garbage"].write_bytes(bytes(range(256)) * 40)
    files["truncated_pdf"].write_bytes(b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<<")
    with zipfile.ZipFile(files["not_docx_zip"], "w") as z:
        z.writestr("hello.txt", "hej")
    files["broken_zip"].write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    files["old_word"].write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    return files


def test_bad_files_give_one_line_errors_and_others_still_print(capsys, tmp_path) -> None:
    bad = _bad_files(tmp_path)
    code, out, err = run(capsys, "--json", str(seed("000")), *map(str, bad.values()), str(seed("003")))
    assert code == 2
    records = json.loads(out)
    assert [r["kind"] for r in records] == ["minutes", "letter"]
    lines = err.strip().splitlines()
    assert len(lines) == len(bad)
    for line, path in zip(lines, bad.values(), strict=True):
        assert line.startswith(f"moedebog: {path}: ")
        assert "Traceback" not in line and len(line) < 300


def test_hostile_text_is_just_text(capsys, tmp_path) -> None:
    hostile = tmp_path / "h.txt"
    hostile.write_text("DAGSORDEN 2020\nKKR MIDTJYLLAND\n1.1. <script>alert(1)</script> ..... 2\n\n"
                       "1.1. <script>alert(1)</script>\nBaggrund\n" + "x" * 100_000 + "\n", encoding="utf-8")
    code, out, _ = run(capsys, "--json", str(hostile))
    assert code == 0 and json.loads(out)["items"][0]["title"] == "<script>alert(1)</script>"


def test_console_script_exit_code(tmp_path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = subprocess.run([sys.executable, "-m", "moedebog", "parse", str(empty)], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 2
    assert result.stderr.strip() == f"moedebog: {empty}: tom fil"


@pytest.mark.slow
def test_large_text_file_streams(tmp_path, capsys) -> None:
    """A ~35 MB document of 2 000 items parses through the CLI, items streamed as they complete."""
    paragraph = ("Kommunerne i Midtjylland samarbejder om opgaver på tværs af kommunegrænserne, "
                 "og sagen forelægges med henblik på drøftelse og beslutning. ") * 12 + "\n\n"
    big = tmp_path / "big.txt"
    with big.open("w", encoding="utf-8") as fh:
        fh.write("REFERAT 2020\nKKR MIDTJYLLAND\nDato: 05-02-2020 10:00\n\n")
        for major in range(1, 51):
            fh.write(f"{major}. Overskrift nummer {major}\n\n")
            for minor in range(1, 41):
                fh.write(f"{major}.{minor}. Punkt {major}.{minor}\nSAG-2020-{major:03d}{minor:02d} abc\n"
                         f"Baggrund\n{paragraph * 10}Beslutning\nGodkendt.\n\n")
    assert big.stat().st_size > 30_000_000
    code, out, err = run(capsys, str(big))
    assert code == 0, err
    assert out.count("[decision] Beslutning: Godkendt.") == 2000
    assert "50.40. Punkt 50.40" in out
