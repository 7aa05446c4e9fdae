"""Expected-output ("golden") files: the record of every real sample, reviewed and kept.

A change in parsing shows up as a diff here. After reviewing that the new output is right,
regenerate with:  MOEDEBOG_REGENERATE_GOLDEN=1 pytest tests/test_golden.py
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from moedebog.documents import parse_path
from moedebog.documents.serialize import to_dict
from tests.conftest import SAMPLES, SEEDS, TESTS

GOLDEN = TESTS / "golden"
REGENERATE = os.environ.get("MOEDEBOG_REGENERATE_GOLDEN") == "1"


@pytest.mark.parametrize("path", SEEDS + SAMPLES, ids=lambda p: p.name)
def test_matches_golden_file(path: Path, schema_validator) -> None:
    record = to_dict(parse_path(path))
    schema_validator.validate(record)
    golden = GOLDEN / (path.name + ".json")
    if REGENERATE:
        GOLDEN.mkdir(exist_ok=True)
        golden.write_text(json.dumps(record, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    assert golden.exists(), f"no golden file for {path.name}; regenerate with MOEDEBOG_REGENERATE_GOLDEN=1"
    assert record == json.loads(golden.read_text(encoding="utf-8"))


def test_every_golden_file_has_a_sample() -> None:
    names = {p.name + ".json" for p in SEEDS + SAMPLES}
    assert {p.name for p in GOLDEN.glob("*.json")} <= names
