"""Every CLI command and every key of the interchange format is documented."""

from __future__ import annotations

import json

from moedebog.cli import COMMANDS
from tests.conftest import ROOT, SCHEMA_PATH


def test_every_command_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in COMMANDS:
        assert f"moedebog {name}" in readme, f"`moedebog {name}` is not documented in README.md"


def test_readme_opens_with_the_two_commands() -> None:
    lines = [line for line in (ROOT / "README.md").read_text(encoding="utf-8").splitlines() if line.strip()]
    commands = [line.split("#")[0].strip() for line in lines[2:4]]
    assert commands == ["make run", "make test"]


def test_every_schema_key_is_in_the_format_doc() -> None:
    doc = (ROOT / "docs" / "parse.md").read_text(encoding="utf-8")
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    keys = set(schema["properties"]) | set(schema["$defs"]["item"]["properties"])
    keys -= {"file"}
    missing = sorted(k for k in keys if f"`{k}`" not in doc)
    assert not missing, f"keys not described in docs/parse.md: {missing}"


def test_every_setting_is_documented() -> None:
    from moedebog.config import SETTINGS

    doc = (ROOT / "docs" / "settings.md").read_text(encoding="utf-8")
    for setting in SETTINGS:
        assert f"`{setting.name}`" in doc, f"{setting.name} is not described in docs/settings.md"
