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


#: The last head decoded by decode_head: the sniffer and the text reader both need it, and a
#: small file is not much more than its head. Keyed by identity (bytes are immutable).
_last_head: tuple[bytes, str, str] | None = None


def decode_head(head: bytes) -> tuple[str, str]:
    """(encoding, text) of a file's first bytes, decoded once for all who ask about the same bytes."""
    global _last_head
    last = _last_head
    if last is not None and last[0] is head:
        return last[1], last[2]
    if head.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) \
            or (len(head) >= 4 and b"\x00" in head):
        encoding = detect_encoding(head)
        text = head.decode(encoding, errors="replace")
    else:
        # detect_encoding's answer is then UTF-8 for bytes that are valid UTF-8 up to a character
        # cut off at the end, else cp1252: one strict decode both tells and gives the text
        try:
            encoding, text = "utf-8", head.decode("utf-8")
        except UnicodeDecodeError as exc:
            if exc.reason == "unexpected end of data":
                encoding, text = "utf-8", head.decode("utf-8", errors="replace")
            else:
                encoding, text = "cp1252", head.decode("cp1252", errors="replace")
    _last_head = (head, encoding, text)
    return encoding, text


def forget_head() -> None:
    """Drop the remembered head (parse() does when a file is done)."""
    global _last_head
    _last_head = None


def decode(data: bytes) -> str:
    """Decode a whole byte string with the detected encoding, replacing what cannot be read."""
    return data.decode(detect_encoding(data[:65536]), errors="replace")
