"""The `moedebog` command: thin subcommands that call library functions."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from moedebog import __version__
from moedebog.commands import demo as demo_command
from moedebog.commands import import_ as import_command
from moedebog.commands import parse as parse_command
from moedebog.commands import reindex as reindex_command
from moedebog.commands import remind as remind_command
from moedebog.commands import render as render_command
from moedebog.commands import search as search_command
from moedebog.commands import serve as serve_command
from moedebog.commands import stats as stats_command
from moedebog.commands import sync as sync_command

COMMANDS = {"parse": parse_command, "import": import_command, "stats": stats_command, "demo": demo_command,
            "serve": serve_command, "search": search_command, "reindex": reindex_command}
COMMANDS["render"] = render_command
COMMANDS["sync"] = sync_command
COMMANDS["remind"] = remind_command


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="moedebog", description="Mødebog for danske råd og udvalg.")
    parser.add_argument("--version", action="version", version=f"moedebog {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="KOMMANDO")
    for module in COMMANDS.values():
        module.add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help()
        return 1
    try:
        return int(args.handler(args))
    except KeyboardInterrupt:
        print("moedebog: afbrudt", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
