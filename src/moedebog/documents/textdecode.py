"""Guess the encoding of a text file from its first bytes.

Danish documents arrive as UTF-8 (with or without BOM), UTF-16 from Windows tools, or the old
Windows code page cp1252. UTF-8 is tried strictly first because cp1252 accepts almost any bytes.
"""

from __future__ import annotations

import codecs


def detect_encoding(head: bytes) -> str:
    """Return a Python codec name suitable for decoding a file that starts with ``head``."""
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if len(head) >= 4 and b"\x00" in head:  # without NUL bytes it cannot be UTF-16
        even, odd = head[0::2], head[1::2]
        if odd.count(0) > len(odd) * 0.3 and even.count(0) < len(even) * 0.05:
            return "utf-16-le"
        if even.count(0) > len(even) * 0.3 and odd.count(0) < len(odd) * 0.05:
            return "utf-16-be"
    if head.isascii():
        return "utf-8"
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        decoder.decode(head, final=False)
    except UnicodeDecodeError:
        return "cp1252"
    return "utf-8"


def decode(data: bytes) -> str:
    """Decode a whole byte string with the detected encoding, replacing what cannot be read."""
    return data.decode(detect_encoding(data[:65536]), errors="replace")
