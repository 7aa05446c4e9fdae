"""Decide a file's format from its content, never from its name.

Returns one of the format names the registry knows, or raises DocumentError for content that
is empty or recognisably something we cannot read (old binary Word, arbitrary binary data).
"""

from __future__ import annotations

import re

from moedebog.documents.errors import DocumentError
from moedebog.documents.textdecode import decode_head

_HTML_START = re.compile(
    rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|div|p|h[1-6]|table|section|article|span|meta)\b",
    re.IGNORECASE | re.DOTALL,
)
_BAD_CHARS = re.compile("[\x00-\x08\x0e-\x1f\ufffd]")
_JSON_ARRAY = re.compile(r"\[\s*[{\[\"\d\]-]")
_FIRSTAGENDA_KEYS = ("Dagsordenpunkter", "Moede", "Udvalg")


def sniff(head: bytes) -> str:
    """The format of a document whose first bytes are ``head``."""
    if not head.strip(b" \t\r\n\x00\xef\xbb\xbf"):
        raise DocumentError("tom fil")
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "docx"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        raise DocumentError("gammelt binært Office-format (.doc) understøttes ikke; gem filen som DOCX eller PDF")
    if head.startswith(b"{\\rtf"):
        raise DocumentError("RTF understøttes ikke; gem filen som DOCX eller PDF")
    _encoding, text = decode_head(head)
    if _looks_binary(text):
        raise DocumentError("binære data, ikke et kendt dokumentformat")
    stripped = text.lstrip("\ufeff \t\r\n")
    if stripped[:1] == "{" or (stripped[:1] == "[" and _JSON_ARRAY.match(stripped[:20])):
        if any(f'"{key}"' in text for key in _FIRSTAGENDA_KEYS):
            return "firstagenda-json"
        raise DocumentError("JSON-fil, men ikke en FirstAgenda-dagsorden")
    # every HTML start (a comment or a tag) begins with '<': encode the head only then
    if stripped.lstrip(" \t\n\r\f\v")[:1] == "<" and _HTML_START.match(stripped.encode("utf-8", errors="replace")):
        return "html"
    return "text"


#: The control characters of _BAD_CHARS as bytes: in UTF-8 they are single bytes that no other
#: character's encoding contains, so deleting them from the encoded sample counts them in C.
_BAD_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x20)])


def _looks_binary(text: str) -> bool:
    """True when too many characters are control characters or decoding failures.

    Counts what ``_BAD_CHARS.findall`` would find, without a regex step per character (this runs
    for every file, and a small file's whole parse takes little more)."""
    sample = text[:8192]
    if not sample:
        return False
    encoded = sample.encode("utf-8", "surrogatepass")
    bad = len(encoded) - len(encoded.translate(None, _BAD_BYTES)) + sample.count("\ufffd")
    return bad > len(sample) * 0.05
