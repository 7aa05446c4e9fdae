"""Reading files ahead in worker processes (documents.parallel): same records, bad files and
crashing readers cost only themselves."""

from __future__ import annotations

import os
from pathlib import Path

from moedebog.documents import Source, parse
from moedebog.documents.parallel import ParsedFile, ParsePool, default_workers, read_file
from tests.conftest import CORPUS


def crashing_reader(path: str) -> ParsedFile:
    """A reader that takes its worker down on one file, as a native library might on a hostile PDF."""
    if "crash" in Path(path).name:
        os._exit(70)
    return read_file(path)


def test_workers_read_the_same_records_as_this_process() -> None:
    files = sorted(str(p) for p in (CORPUS / "seeds").iterdir() if p.is_file())
    with ParsePool(2) as pool:
        for path in files:
            assert pool.submit(path)
        results = [pool.result(path) for path in files]
    for path, parsed in zip(files, results, strict=True):
        data = Path(path).read_bytes()
        assert parsed.size == len(data) and len(parsed.digest) == 64
        assert parsed.document == parse(Source.from_bytes(data, path))


def test_bad_files_come_back_with_their_reason(tmp_path: Path) -> None:
    empty = tmp_path / "tom.txt"
    empty.write_bytes(b"")
    missing = tmp_path / "findes-ikke.pdf"
    with ParsePool(1) as pool:
        pool.submit(str(empty))
        pool.submit(str(missing))
        assert pool.result(str(empty)).error == "tom fil"
        gone = pool.result(str(missing))
        assert gone.digest == "" and gone.error.startswith("kan ikke læse filen")


def test_a_crashing_reader_costs_only_its_own_file(tmp_path: Path) -> None:
    seed = sorted(p for p in (CORPUS / "seeds").iterdir() if p.is_file())[0]
    files = []
    for name in ("a.txt", "b-crash.txt", "c.txt", "d.txt"):
        (tmp_path / name).write_bytes(seed.read_bytes())
        files.append(str(tmp_path / name))
    with ParsePool(1, reader=crashing_reader) as pool:
        for path in files:
            pool.submit(path)
        results = {path: pool.result(path) for path in files}
    crashed = results.pop(files[1])
    assert crashed.document is None and crashed.error == "filen fik læseren til at gå ned"
    assert all(r.document is not None and not r.error for r in results.values())


def test_no_workers_for_a_handful_of_files() -> None:
    assert default_workers(3) == 0
    assert default_workers(3, jobs=2) == 2
    assert default_workers(1000, jobs=0) == 0
    with ParsePool(0) as pool:
        assert not pool.submit("x.txt")


def test_workers_that_cannot_start_leave_the_reading_to_this_process(capfd) -> None:
    seed = sorted(p for p in (CORPUS / "seeds").iterdir() if p.is_file())[0]
    with ParsePool(1, reader=lambda path: read_file(path)) as pool:  # a lambda cannot be imported by name
        pool.submit(str(seed))
        assert pool.result(str(seed)).document is not None
        assert not pool.submit(str(seed))  # from now on the caller reads
    assert "kan ikke starte processer til at læse filer" in capfd.readouterr().err


def test_a_script_without_a_main_guard_can_import_with_workers(tmp_path: Path) -> None:
    """Workers never run the consumer's main module again (multiprocessing's spawn would)."""
    import subprocess
    import sys

    script = tmp_path / "read_all.py"
    script.write_text(
        "from moedebog.documents.parallel import ParsePool\n"
        "import sys\n"
        "files = sys.argv[1:]\n"
        "with ParsePool(1) as pool:\n"
        "    for f in files:\n"
        "        pool.submit(f)\n"
        "    print(sum(pool.result(f).document is not None for f in files))\n")
    files = [str(p) for p in sorted((CORPUS / "seeds").iterdir()) if p.is_file()]
    out = subprocess.run([sys.executable, str(script), *files], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0 and out.stdout.strip() == str(len(files)), out.stderr[-500:]


def test_only_expensive_files_are_worth_a_worker() -> None:
    from moedebog.documents.parallel import EXPENSIVE_SIZE, worth_a_worker

    assert worth_a_worker(b"%PDF-1.7\n...") and worth_a_worker(b"PK\x03\x04rest of a docx")
    assert worth_a_worker(b"x" * EXPENSIVE_SIZE)
    assert not worth_a_worker(b"DAGSORDEN\nKKR Midtjylland\n") and not worth_a_worker(b'{"Dagsorden": 1}')
