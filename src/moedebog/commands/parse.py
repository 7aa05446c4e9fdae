"""`moedebog parse FILE...`: print each file's record as an outline or as JSON.

Items are written as the reader completes them, so a huge document does not have to be held in
memory. One unreadable file gets a one-line message on stderr and exit code 2; the others are
still printed.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from typing import Any, TextIO

from moedebog.documents import DocumentError, parse_path
from moedebog.documents.records import Item
from moedebog.documents.serialize import head_dict, head_outline, item_dict, item_outline, tail_outline

SPOOL_LIMIT = 8 * 1024 * 1024


def add_parser(sub: Any) -> None:
    p = sub.add_parser("parse", help="læs dokumenter og vis deres indhold",
                       description="Læs dagsordener, referater og breve (tekst, PDF, DOCX, HTML, "
                                   "FirstAgenda-JSON) og vis dem som oversigt eller JSON.")
    p.add_argument("files", nargs="+", metavar="FIL", help="filer der skal læses")
    p.add_argument("--json", action="store_true", help="skriv JSON (ét objekt for én fil, ellers en liste)")
    p.set_defaults(handler=run)


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)


def _indent(text: str, prefix: str) -> str:
    return text.replace("\n", "\n" + prefix)


def _write_json(path: str, out: TextIO, prefix: str) -> None:
    """Stream one document's JSON object: items first as they come, then the other keys."""
    out.write("{\n" + prefix + '  "items": [')
    first = True

    def on_item(item: Item) -> None:
        nonlocal first
        out.write(("" if first else ",") + "\n" + prefix + "    " + _indent(_dump(item_dict(item)), prefix + "    "))
        first = False

    try:
        doc = parse_path(path, on_item=on_item)
    except DocumentError:
        raise
    out.write(("\n" + prefix + "  " if not first else "") + "]")
    head = head_dict(doc)
    head["file"] = path
    for key, value in head.items():
        out.write(",\n" + prefix + f"  {json.dumps(key)}: " + _indent(_dump(value), prefix + "  "))
    out.write("\n" + prefix + "}")


def _write_outline(path: str, out: TextIO) -> None:
    items: list[str] = []

    def on_item(item: Item) -> None:
        items.extend(item_outline(item))
        if len(items) > 1000:  # keep memory flat on huge documents: flush early
            out.write("\n".join(items) + "\n")
            items.clear()

    out.write(f"== {path}\n")
    doc = parse_path(path, on_item=on_item)
    out.write("\n".join([*head_outline(doc), *items, *tail_outline(doc)]) + "\n\n")


def run(args: argparse.Namespace) -> int:
    out = sys.stdout
    failed = 0
    many = len(args.files) > 1
    if args.json and many:
        out.write("[")
    written = 0
    for path in args.files:
        try:
            if args.json:
                # a file that fails mid-stream must not leave half an object: buffer per file
                with _spool() as buffer:
                    _write_json(path, buffer, "  " if many else "")
                    out.write(("," if written else "") + ("\n  " if many else ""))
                    _copy(buffer, out)
                written += 1
            else:
                with _spool() as buffer:
                    _write_outline(path, buffer)
                    _copy(buffer, out)
        except DocumentError as exc:
            failed += 1
            print(f"moedebog: {path}: {exc}", file=sys.stderr)
        out.flush()
    if args.json and many:
        out.write("\n]\n")
    elif args.json and written:
        out.write("\n")
    return 2 if failed else 0


def _spool() -> Any:
    """A per-file output buffer that moves to disk past a few MB, so that a failing file never
    leaves half a record on stdout and a huge one does not fill memory."""
    return tempfile.SpooledTemporaryFile(max_size=SPOOL_LIMIT, mode="w+", encoding="utf-8")


def _copy(buffer: Any, out: TextIO) -> None:
    buffer.seek(0)
    shutil.copyfileobj(buffer, out)
