"""Draw page 1's machine-readable marks as PNG images: the job number in Code 39 and the address as a QR code."""

# Both images are made at draft time and are byte-identical for the same text: the PNG writer below writes
# no time or software chunks, and segno's PNG writer does not either.

from __future__ import annotations

import io
import struct
import zlib

from secretariat.errors import OutputError

# Code 39: each character is five bars and four spaces, three of the nine wide ("1"), the rest narrow.
_CODE39 = dict(zip(
    "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-. $/+%*",
    ("000110100 100100001 001100001 101100000 000110001 100110000 001110000 000100101 100100100 001100100 "
     "100001001 001001001 101001000 000011001 100011000 001011000 000001101 100001100 001001100 000011100 "
     "100000011 001000011 101000010 000010011 100010010 001010010 000000111 100000110 001000110 000010110 "
     "110000001 011000001 111000000 010010001 110010000 011010000 010000101 110000100 011000100 010101000 "
     "010100010 010001010 000101010 010010100").split(),
    strict=True,
))
_WIDE, _QUIET, _PIXELS_PER_MODULE, _HEIGHT = 3, 10, 3, 60


def code39_modules(text: str) -> list[bool]:
    """Return the bars (True) and spaces of text framed by the * start and stop characters; raise OutputError."""
    bad = sorted({c for c in text if c not in _CODE39 or c == "*"})
    if bad or not text:
        found = ", ".join(repr(c) for c in bad) if bad else "nothing"
        raise OutputError(f"masthead.barcode: expected digits, capital letters or - . $ / + % for the Code 39 "
                          f"barcode, found {found}")
    modules = [False] * _QUIET
    for char in f"*{text}*":
        for position, wide in enumerate(_CODE39[char]):
            modules += [position % 2 == 0] * (_WIDE if wide == "1" else 1)
        modules.append(False)  # the narrow gap between characters
    return modules + [False] * (_QUIET - 1)


def _png(width: int, rows: list[bytes]) -> bytes:
    """Return an 8-bit greyscale PNG of rows (each width bytes, 0 black, 255 white)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, len(rows), 8, 0, 0, 0, 0)
    raw = b"".join(b"\x00" + row for row in rows)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


def code39_png(text: str) -> tuple[bytes, int]:
    """Return the PNG of text in Code 39 and its width in modules."""
    modules = code39_modules(text)
    row = bytes(0 if bar else 255 for bar in modules for _ in range(_PIXELS_PER_MODULE))
    return _png(len(row), [row] * _HEIGHT), len(modules)


def qr_png(text: str) -> bytes:
    """Return the PNG of a QR code (error correction M, quiet zone of four modules) holding text."""
    buffer = io.BytesIO()
    import segno  # only a first page with a QR code needs it: not loaded for a redline of two .docx

    segno.make_qr(text, error="m", boost_error=False).save(buffer, kind="png", scale=4, border=4)
    return buffer.getvalue()
