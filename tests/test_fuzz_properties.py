"""Property tests: no input, however broken, makes the documents layer fail other than cleanly.

Every outcome of ``parse`` must be a Document whose JSON validates against the interchange
schema, or a DocumentError with a reason. A DocumentError that says "uventet fejl" is the
registry's wrapper around a reader that crashed: that is a bug too, so it fails here with the
reader's own traceback. Inputs are the real corpus (seeds, samples, regressions) and small
generated DOCX/PDF files, mutated at the byte level and, for JSON and DOCX, inside their
structure, plus random bytes and random text behind each format's magic bytes.

Runtime is kept to well under a minute; raise MOEDEBOG_FUZZ_SCALE (e.g. 10) for a longer hunt,
and name crashes already reported in MOEDEBOG_FUZZ_KNOWN to look past them.
"""

from __future__ import annotations

import io
import json
import os
import zipfile
from functools import cache

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from moedebog.documents import DocumentError, Source, parse
from moedebog.documents.records import Item
from moedebog.documents.serialize import to_dict
from tests.conftest import CORPUS, SCHEMA_PATH

SCALE = float(os.environ.get("MOEDEBOG_FUZZ_SCALE", "1"))
UNEXPECTED = "uventet fejl"
#: Crashes already reported and not yet fixed, to look past them in a long hunt (as for atheris):
#: MOEDEBOG_FUZZ_KNOWN="zip file version;other message".
KNOWN = [k for k in os.environ.get("MOEDEBOG_FUZZ_KNOWN", "").split(";") if k]
#: Messages of the open regressions below (OPEN): mutations of those inputs hit the same crash,
#: which is already tracked by its own expected failure.
OPEN_MESSAGES = ["zip file version"]


def examples(n: int) -> settings:
    return settings(max_examples=max(1, int(n * SCALE)), deadline=None, derandomize=SCALE <= 1,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.large_base_example])


# -- the inputs ------------------------------------------------------------------------------------

@cache
def corpus_files() -> dict[str, bytes]:
    """Real files by name: seeds, samples and every regression input found by fuzzing."""
    files = {}
    for folder in ("seeds", "samples", "regressions"):
        for path in sorted((CORPUS / folder).glob("*")):
            if path.is_file() and path.suffix != ".md":
                files[f"{folder}/{path.name}"] = path.read_bytes()
    return files


@cache
def generated_files() -> dict[str, bytes]:
    """A small generated meeting in every format the demo and the publisher can write."""
    from moedebog.demo import generate_meetings, render_firstagenda_json
    from moedebog.demo.corpus import renderer

    doc = generate_meetings(2, seed=7)[0]
    doc.items = doc.items[:4]
    out = {"generated.json": render_firstagenda_json(doc).encode("utf-8")}
    for fmt in ("txt", "html", "docx", "pdf"):
        try:
            content = renderer(fmt)(doc)
        except Exception:  # the publisher may not support this format yet; fuzz what exists
            continue
        out[f"generated.{fmt}"] = content.encode("utf-8") if isinstance(content, str) else content
    return out


@cache
def all_inputs() -> list[tuple[str, bytes]]:
    return sorted({**corpus_files(), **generated_files()}.items())


@cache
def validator():
    if not SCHEMA_PATH.exists():
        return None
    import jsonschema

    return jsonschema.Draft202012Validator(json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))


# -- the property ----------------------------------------------------------------------------------

def check(data: bytes, name: str = "fuzz", stream: bool = False, mutated: bool = True) -> None:
    """Parse ``data``; pass on a valid Document or a clean DocumentError, fail on anything else.
    Mutated inputs may hit an open regression's crash again; that is not counted twice."""
    known = KNOWN + OPEN_MESSAGES if mutated else KNOWN
    streamed: list[Item] = []
    try:
        doc = parse(Source.from_bytes(data, name), streamed.append if stream else None)
    except DocumentError as exc:
        message = str(exc)
        assert message.strip(), "DocumentError without a reason"
        if UNEXPECTED in message and ("No module named 'moedebog.documents.readers" in message
                                      or any(k in message for k in known)):
            return  # a reader not written yet, or a crash already reported
        if UNEXPECTED in message:
            raise_original(data, name)
            pytest.fail(f"a reader crashed: {message}")
        return
    if stream:
        assert not doc.items, "items were both streamed and kept"
        doc.items = streamed
    record = to_dict(doc)
    json.dumps(record, ensure_ascii=False)
    schema = validator()
    if schema is not None:
        errors = sorted(schema.iter_errors(record), key=lambda e: list(e.path))
        assert not errors, f"record does not match the schema: {errors[0].message} at {list(errors[0].path)}"
    if doc.kind == "agenda":
        assert all(item.decision() is None for item in doc.items), "an agenda with a decision"


def raise_original(data: bytes, name: str) -> None:
    """Run the reader again outside the registry's safety net, so the test shows its traceback."""
    from moedebog.documents import READERS
    from moedebog.documents.sniff import sniff

    source = Source.from_bytes(data, name)
    module_name, func = READERS[sniff(source.head())].split(":")
    reader = getattr(__import__(module_name, fromlist=[func]), func)
    reader(source, None)


# -- mutations -------------------------------------------------------------------------------------

@st.composite
def corpus_input(draw) -> tuple[str, bytes]:
    inputs = all_inputs()
    return inputs[draw(st.integers(0, len(inputs) - 1))]


@st.composite
def flipped(draw) -> bytes:
    """A few bytes changed at random places."""
    _, data = draw(corpus_input())
    buf = bytearray(data)
    for _ in range(draw(st.integers(1, 16))):
        pos = draw(st.integers(0, len(buf) - 1))
        buf[pos] ^= draw(st.integers(1, 255))
    return bytes(buf)


@st.composite
def truncated(draw) -> bytes:
    _, data = draw(corpus_input())
    return data[: draw(st.integers(0, len(data)))]


@st.composite
def inserted(draw) -> bytes:
    """Random bytes, or a chunk of another corpus file, spliced in."""
    _, data = draw(corpus_input())
    pos = draw(st.integers(0, len(data)))
    if draw(st.booleans()):
        chunk = draw(st.binary(min_size=1, max_size=256))
    else:
        _, other = draw(corpus_input())
        start = draw(st.integers(0, len(other)))
        chunk = other[start:start + draw(st.integers(1, 4096))]
    return data[:pos] + chunk + data[pos:]


@st.composite
def shuffled_lines(draw) -> bytes:
    """Lines of a text-like file deleted, duplicated or moved: what a careless export does."""
    _, data = draw(corpus_input())
    lines = data.split(b"\n")
    for _ in range(draw(st.integers(1, 12))):
        i = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(("delete", "duplicate", "move")))
        if action == "delete" and len(lines) > 1:
            del lines[i]
        elif action == "duplicate":
            lines.insert(i, lines[i])
        else:
            lines.insert(draw(st.integers(0, len(lines) - 1)), lines.pop(i))
    return b"\n".join(lines)


MAGIC = (b"", b"%PDF-1.7\n", b"PK\x03\x04", b'{"Moede": ', b'{"Dagsordenpunkter": [', b"<html><body>",
         b"<!DOCTYPE html>\n<div>", b"DAGSORDEN 2020\n\nKKR MIDTJYLLAND\n\nDato: 05-02-2020 10:00\n\n",
         b"\xef\xbb\xbf", b"\xff\xfe")

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4),
    max_leaves=12,
)


def _paths(value: object, path: tuple = ()) -> list[tuple]:
    out = [path]
    if isinstance(value, dict):
        for key, child in value.items():
            out += _paths(child, (*path, key))
    elif isinstance(value, list):
        for index, child in enumerate(value[:6]):
            out += _paths(child, (*path, index))
    return out


@st.composite
def mutated_json(draw) -> bytes:
    """A FirstAgenda answer with values replaced by other JSON types or keys removed."""
    samples = [data for name, data in all_inputs() if name.endswith(".json")]
    tree = json.loads(draw(st.sampled_from(samples)))
    paths = [p for p in _paths(tree) if p]
    for _ in range(draw(st.integers(1, 6))):
        path = draw(st.sampled_from(paths))
        parent = tree
        try:
            for key in path[:-1]:
                parent = parent[key]
            if draw(st.booleans()) and isinstance(parent, dict):
                parent.pop(path[-1], None)
            else:
                parent[path[-1]] = draw(json_values)
        except (KeyError, IndexError, TypeError):
            continue  # an earlier mutation removed this path
    return json.dumps(tree, ensure_ascii=False).encode("utf-8")


@st.composite
def mutated_docx(draw) -> bytes:
    """A DOCX whose XML parts are damaged but that is still a valid zip (gets past the zip layer)."""
    docx = generated_files().get("generated.docx")
    if docx is None:
        return draw(st.binary(max_size=64))
    src = zipfile.ZipFile(io.BytesIO(docx))
    names = src.namelist()
    target = draw(st.sampled_from([n for n in names if n.endswith(".xml")] or names))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in names:
            data = src.read(name)
            if name == target:
                buf = bytearray(data)
                if draw(st.booleans()):
                    buf = buf[: draw(st.integers(0, len(buf)))]
                for _ in range(draw(st.integers(0, 8))):
                    if buf:
                        buf[draw(st.integers(0, len(buf) - 1))] = draw(st.sampled_from(b"<>/\"'&=x \x00"))
                data = bytes(buf)
            if not (name == target and draw(st.integers(0, 9)) == 0):  # sometimes drop the part
                dst.writestr(name, data)
    return out.getvalue()


# -- the tests -------------------------------------------------------------------------------------

#: Regression inputs whose crash is reported but not fixed yet: expected to fail until the owner
#: fixes the reader (then the test passes as XPASS; remove the entry).
OPEN: dict[str, str] = {}


def _input_params() -> list:
    return [pytest.param(name, marks=pytest.mark.xfail(reason=OPEN[name], strict=False)) if name in OPEN
            else name for name, _ in all_inputs()]


@pytest.mark.parametrize("name", _input_params())
def test_the_corpus_itself_parses_cleanly(name: str) -> None:
    data = dict(all_inputs())[name]
    check(data, name, mutated=False)
    check(data, name, stream=True, mutated=False)


@examples(250)
@given(flipped(), st.booleans())
def test_byte_flips(data: bytes, stream: bool) -> None:
    check(data, stream=stream)


@examples(150)
@given(truncated())
def test_truncation(data: bytes) -> None:
    check(data)


@examples(150)
@given(inserted())
def test_insertion(data: bytes) -> None:
    check(data)


@examples(150)
@given(shuffled_lines(), st.booleans())
def test_lines_deleted_duplicated_moved(data: bytes, stream: bool) -> None:
    check(data, stream=stream)


@examples(300)
@given(st.sampled_from(MAGIC), st.binary(max_size=4096))
def test_random_bytes_behind_magic(magic: bytes, data: bytes) -> None:
    check(magic + data)


@examples(300)
@given(st.sampled_from(MAGIC), st.text(max_size=3000), st.sampled_from(("utf-8", "utf-16", "cp1252")))
def test_random_text(magic: bytes, text: str, encoding: str) -> None:
    check(magic + text.encode(encoding, errors="replace"))


@examples(150)
@given(mutated_json())
def test_firstagenda_json_with_wrong_types_and_missing_keys(data: bytes) -> None:
    check(data, "mutated.json")


@examples(80)
@given(mutated_docx())
def test_docx_with_damaged_xml(data: bytes) -> None:
    check(data, "mutated.docx")


def test_regression_inputs_are_kept() -> None:
    """Inputs that once crashed a reader live in tests/corpus/regressions and are parsed above."""
    folder = CORPUS / "regressions"
    assert not folder.exists() or all(p.stat().st_size > 0 for p in folder.iterdir() if p.is_file())
