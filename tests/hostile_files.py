"""Builders for broken and hostile input files: encrypted and text-less PDFs, zip bombs, zips
that are not Word documents. Everything is made at test time; nothing is downloaded."""

from __future__ import annotations

import hashlib
import io
import struct
import zipfile

#: The padding string of the PDF standard security handler (ISO 32000-1, 7.6.3.3).
_PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")


def _rc4(key: bytes, data: bytes) -> bytes:
    s = list(range(256))
    j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) % 256
        s[i], s[j] = s[j], s[i]
    out = bytearray()
    i = j = 0
    for byte in data:
        i = (i + 1) % 256
        j = (j + s[i]) % 256
        s[i], s[j] = s[j], s[i]
        out.append(byte ^ s[(s[i] + s[j]) % 256])
    return bytes(out)


def encrypted_pdf(user_password: bytes = b"hemmelig", owner_password: bytes = b"ejer") -> bytes:
    """A one-page PDF encrypted with RC4-40 (revision 2) that needs ``user_password`` to open.

    pypdfium2 cannot write encrypted files, so the security handler is computed here by hand.
    """
    file_id = hashlib.md5(b"moedebog-test").digest()
    permissions = -4
    owner_key = hashlib.md5((owner_password + _PAD)[:32]).digest()[:5]
    o_entry = _rc4(owner_key, (user_password + _PAD)[:32])
    key = hashlib.md5((user_password + _PAD)[:32] + o_entry + struct.pack("<i", permissions) + file_id).digest()[:5]
    u_entry = _rc4(key, _PAD)

    def object_key(num: int) -> bytes:
        return hashlib.md5(key + struct.pack("<i", num)[:3] + b"\x00\x00").digest()[:10]

    content = _rc4(object_key(4), b"BT /F1 24 Tf 72 720 Td (Hemmelig dagsorden) Tj ET")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Filter /Standard /V 1 /R 2 /O <" + o_entry.hex().encode() + b"> /U <" + u_entry.hex().encode()
        + b"> /P %d >>" % permissions,
    ]
    return _assemble(objects, b"/Encrypt 6 0 R /ID [<%s> <%s>]" % (file_id.hex().encode(), file_id.hex().encode()))


def _assemble(objects: list[bytes], trailer_extra: bytes = b"") -> bytes:
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % n + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R " % (len(objects) + 1) + trailer_extra + b" >>\n")
    out.write(b"startxref\n%d\n%%%%EOF\n" % xref)
    return out.getvalue()


def blank_pdf(pages: int = 2) -> bytes:
    """A PDF whose pages have no text layer at all, like a scan without OCR."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument.new()
    for _ in range(pages):
        pdf.new_page(595, 842)
    out = io.BytesIO()
    pdf.save(out)
    pdf.close()
    return out.getvalue()


def with_blank_page(pdf_bytes: bytes) -> bytes:
    """The given PDF with an extra page that has no text (a scanned attachment)."""
    import pypdfium2 as pdfium

    src = pdfium.PdfDocument(pdf_bytes)
    pdf = pdfium.PdfDocument.new()
    pdf.import_pages(src)
    pdf.new_page(595, 842)
    out = io.BytesIO()
    pdf.save(out)
    pdf.close()
    src.close()
    return out.getvalue()


def zip_bomb(declared_ok: bool = True, size: int = 300 * 1024 * 1024) -> bytes:
    """A small DOCX-shaped zip whose word/document.xml expands to ``size`` bytes of zeros.

    With ``declared_ok`` False the central directory lies and declares a tiny size, so only the
    check while reading can catch it.
    """
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        with zf.open("word/document.xml", "w", force_zip64=True) as fh:
            chunk = b"\0" * (1024 * 1024)
            for _ in range(size // len(chunk)):
                fh.write(chunk)
    data = out.getvalue()
    if declared_ok:
        return data
    return _lie_about_size(data, "word/document.xml", 1000)


def _lie_about_size(data: bytes, name: str, fake: int) -> bytes:
    """Rewrite the uncompressed size of ``name`` in the central directory."""
    buf = bytearray(data)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        info = zf.getinfo(name)
    pos = buf.find(b"PK\x01\x02" )
    while pos != -1:
        name_len = struct.unpack_from("<H", buf, pos + 28)[0]
        if buf[pos + 46: pos + 46 + name_len] == name.encode():
            extra_len = struct.unpack_from("<H", buf, pos + 30)[0]
            if struct.unpack_from("<I", buf, pos + 24)[0] == 0xFFFFFFFF:  # zip64: size in the extra field
                extra = pos + 46 + name_len
                end = extra + extra_len
                while extra < end:
                    tag, length = struct.unpack_from("<HH", buf, extra)
                    if tag == 1:
                        struct.pack_into("<Q", buf, extra + 4, fake)
                        break
                    extra += 4 + length
            else:
                struct.pack_into("<I", buf, pos + 24, fake)
            break
        pos = buf.find(b"PK\x01\x02", pos + 4)
    assert info.file_size != fake
    return bytes(buf)


def plain_zip() -> bytes:
    """A valid zip archive that is not a Word document."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr("readme.txt", "Ikke et Word-dokument")
        zf.writestr("data/tal.csv", "a;b\n1;2\n")
    return out.getvalue()
