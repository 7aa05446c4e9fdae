"""Shared test helpers: the real corpus, the interchange schema, parsing from bytes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from moedebog.documents import Source, parse
from moedebog.documents.records import Document

TESTS = Path(__file__).parent
ROOT = TESTS.parent
CORPUS = TESTS / "corpus"
SEEDS = sorted((CORPUS / "seeds").glob("*.txt"))
SAMPLES = sorted(p for p in (CORPUS / "samples").iterdir() if p.suffix in (".json", ".html"))
SCHEMA_PATH = ROOT / "docs" / "document.schema.json"


def seed(prefix: str) -> Path:
    """The seed file whose name starts with ``prefix`` ("000")."""
    return next(p for p in SEEDS if p.name.startswith(prefix))


def parse_text(text: str, name: str = "test.txt") -> Document:
    return parse(Source.from_bytes(text.encode("utf-8"), name))


@pytest.fixture(scope="session")
def schema_validator():
    import jsonschema

    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
