"""Coverage-guided fuzzing of every reader through the one parse entry point (atheris/libFuzzer).

    .venv/bin/python fuzz/fuzz_readers.py -atheris_runs=20000 tests/corpus/seeds tests/corpus/samples

A crash is any exception other than DocumentError, and any DocumentError that says "uventet fejl"
(the registry's wrapper around a reader that crashed): the harness then re-runs the reader
outside the wrapper so libFuzzer records the reader's own traceback, and saves the input under
fuzz/artifacts/. Corpus directories given on the command line are copied to a scratch directory
first, because libFuzzer writes the new inputs it finds into the first corpus directory and the
real corpus under tests/ must stay as it is. See docs/fuzzing.md.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["moedebog"]):
    import contextlib
    import importlib
    import pkgutil

    import moedebog.documents
    from moedebog.documents import READERS, DocumentError, Source, parse
    from moedebog.documents.serialize import to_dict
    from moedebog.documents.sniff import sniff

    # The registry imports readers lazily, which would be after instrumentation ends: import
    # every module of the documents layer now so that coverage guides the fuzzer inside them.
    for _module in pkgutil.walk_packages(moedebog.documents.__path__, "moedebog.documents."):
        with contextlib.suppress(ImportError):  # a reader whose optional library is missing
            importlib.import_module(_module.name)

HERE = Path(__file__).resolve().parent
ARTIFACTS = HERE / "artifacts"
UNEXPECTED = "uventet fejl"
#: Substrings of crash messages already reported and not yet fixed, so that a long run can look
#: past them: MOEDEBOG_FUZZ_KNOWN="negative seek value;other message".
KNOWN = [k for k in os.environ.get("MOEDEBOG_FUZZ_KNOWN", "").split(";") if k]


def reader_for(data: bytes):
    """The reader the registry would pick, imported directly (outside its safety net)."""
    module_name, func = READERS[sniff(data[:65536])].split(":")
    return getattr(__import__(module_name, fromlist=[func]), func)


def test_one_input(data: bytes) -> None:
    try:
        doc = parse(Source.from_bytes(data, "fuzz"))
    except DocumentError as exc:
        if UNEXPECTED in str(exc):
            if "No module named 'moedebog.documents.readers" in str(exc) or any(k in str(exc) for k in KNOWN):
                return  # a format whose reader is not written yet, or a crash already reported
            reader_for(data)(Source.from_bytes(data, "fuzz"), None)  # raises with the real traceback
            raise AssertionError(f"reader crashed only inside the registry: {exc}") from None
        return
    json.dumps(to_dict(doc), ensure_ascii=False)
    if doc.kind == "agenda" and any(item.decision() for item in doc.items):
        raise AssertionError("an agenda with a decision")


def seed_generated(folder: Path) -> None:
    """Add a small generated meeting in every format the publisher can write, as extra seeds."""
    try:
        from moedebog.demo import generate_meetings, render_firstagenda_json
        from moedebog.demo.corpus import renderer
    except ImportError:
        return
    doc = generate_meetings(2, seed=11)[0]
    doc.items = doc.items[:4]
    (folder / "generated.json").write_text(render_firstagenda_json(doc), encoding="utf-8")
    for fmt in ("txt", "html", "docx", "pdf"):
        try:
            content = renderer(fmt)(doc)
        except Exception:  # that renderer is not available yet
            continue
        path = folder / f"generated.{fmt}"
        if isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        else:
            path.write_bytes(content)


def prepare_argv(argv: list[str]) -> list[str]:
    """Replace corpus directories by one scratch copy, and keep crash files in fuzz/artifacts/."""
    options = [a for a in argv[1:] if a.startswith("-")]
    folders = [Path(a) for a in argv[1:] if not a.startswith("-")]
    work = Path(tempfile.mkdtemp(prefix="moedebog-fuzz-"))
    for folder in folders:
        files = [folder] if folder.is_file() else sorted(p for p in folder.rglob("*") if p.is_file())
        for path in files:
            if path.suffix != ".md":
                shutil.copyfile(path, work / f"{path.parent.name}_{path.name}")
    if "-no_generated=1" in options:
        options.remove("-no_generated=1")
    else:
        seed_generated(work)
    if not any(o.startswith("-artifact_prefix=") for o in options):
        ARTIFACTS.mkdir(exist_ok=True)
        options.append(f"-artifact_prefix={ARTIFACTS}/")
    if not any(o.startswith("-timeout=") for o in options):
        options.append("-timeout=60")
    print(f"fuzz corpus: {work} ({sum(1 for _ in work.iterdir())} files)", file=sys.stderr)
    return [argv[0], *options, str(work)]


def main() -> None:
    argv = prepare_argv(sys.argv)
    atheris.Setup(argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
