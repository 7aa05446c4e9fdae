"""`moedebog render RECORD.json --format pdf|docx|html [--public] -o FILE`: re-issue any record of
the interchange format (what `moedebog parse --json` writes) in the house layout.

Thin: reads the JSON, takes the public version when asked (closed items left out) and hands the
record to the publisher.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from moedebog.documents import DocumentError
from moedebog.documents.interchange import from_dict

FORMATS = ("pdf", "docx", "html", "txt")


def add_parser(sub: Any) -> None:
    p = sub.add_parser("render", help="skriv en post som PDF, Word eller HTML i husets layout",
                       description="Læs en post i udvekslingsformatet (JSON fra `moedebog parse --json`) og skriv "
                                   "dagsordenen eller referatet som PDF, DOCX eller HTML i KKR-layoutet.")
    p.add_argument("record", metavar="POST.json", help="posten som JSON; - læser fra standard input")
    p.add_argument("--format", choices=FORMATS, required=True, help="pdf, docx, html eller txt")
    p.add_argument("--public", action="store_true", help="offentlig udgave: lukkede punkter udelades")
    p.add_argument("-o", "--output", metavar="FIL", required=True, help="filen der skrives; - skriver til stdout")
    p.set_defaults(handler=run)


def render(data: Any, fmt: str, public: bool = False) -> bytes:
    """The record's JSON value rendered in ``fmt``; raises DocumentError for a malformed record."""
    from moedebog import publish
    from moedebog.publish.versions import public_version

    doc = from_dict(data)
    if public:
        doc = public_version(doc)
    renderer = {"pdf": publish.render_pdf, "docx": publish.render_docx, "html": publish.render_html,
                "txt": publish.render_text}[fmt]
    content = renderer(doc)
    return content.encode("utf-8") if isinstance(content, str) else content


def run(args: argparse.Namespace) -> int:
    try:
        text = sys.stdin.read() if args.record == "-" else Path(args.record).read_text(encoding="utf-8")
        data = json.loads(text)
        out = render(data, args.format, args.public)
    except OSError as exc:
        print(f"moedebog render: {args.record}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    except (ValueError, DocumentError) as exc:
        print(f"moedebog render: {args.record}: ikke en gyldig post ({exc})", file=sys.stderr)
        return 2
    if args.output == "-":
        sys.stdout.buffer.write(out)
        sys.stdout.flush()
    else:
        Path(args.output).write_bytes(out)
    return 0
