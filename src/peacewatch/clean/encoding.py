"""Decode article bytes: declared charset, BOM, strict UTF-8, then detection.

News sites in our region serve UTF-8, cp1251 and latin-1 / cp1252; a wrong guess turns every
Cyrillic name into mojibake, so the encoding is detected (charset-normalizer) when the bytes are
not valid UTF-8, never assumed.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.I)

# UTF-32 first: its little-endian BOM starts with UTF-16's.
BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Without a BOM, UTF-16 and UTF-32 are told apart by where their NUL bytes fall; UTF-32 first,
# since UTF-32 text also decodes as UTF-16 (with NUL characters, which real text never has).
_WIDE = (("utf-32-le", 4), ("utf-32-be", 4), ("utf-16-le", 2), ("utf-16-be", 2))


PREFERRED = ["utf_8", "cp1252", "latin_1", "iso8859_15", "cp1251", "koi8_r", "koi8_u", "cp1250"]


class DecodeError(ValueError):
    pass


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in its first 4 KB, if Python knows it."""
    m = _META_CHARSET.search(data[:4096])
    if not m:
        return None
    name = m.group(1).decode("ascii", "ignore").lower()
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _printable(text: str) -> bool:
    if not text or "\x00" in text:
        return False
    ok = sum(1 for c in text if c.isprintable() or c in "\n\r\t")
    return ok >= 0.95 * len(text)


def wide_encoding(data: bytes) -> str | None:
    """UTF-16 or UTF-32 (with its byte order) of text that has no BOM, else None.

    Text in an 8-bit encoding or UTF-8 has no NUL bytes; text in UTF-16/32 has them wherever a
    character's code point is small (every space and digit). A binary file (image, PDF)
    decodes to unprintable characters in all four.
    """
    head = data[:4096]
    if b"\x00" not in head:
        return None
    for enc, width in _WIDE:
        sample = head[: len(head) - len(head) % width]
        try:
            text = sample.decode(enc)
        except UnicodeDecodeError:
            continue
        if _printable(text):
            return enc
    return None


def decode(data: bytes, html: bool = False) -> tuple[str, str]:
    """(text, encoding name)."""
    for bom, enc in BOMS:
        if data.startswith(bom):
            return data.decode(enc), enc
    wide = wide_encoding(data)
    if wide is not None:
        try:
            return data.decode(wide), wide
        except UnicodeDecodeError as exc:
            raise DecodeError(f"the text looks {wide} but does not decode as it ({exc})") from exc
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if html:
        declared = declared_charset(data)
        if declared and declared not in ("utf-8", "utf_8"):
            try:
                return data.decode(declared), declared
            except (UnicodeDecodeError, LookupError):
                pass
    matches = list(from_bytes(data))
    if not matches:
        raise DecodeError("cannot detect the text encoding")
    best = matches[0]
    # Single-byte code pages often tie: the same bytes are equally "coherent" as cp1250, cp1252
    # and cp1257 (a French sentence in latin-1 came back as cp1250 with "à" -> "ŕ"). Among the
    # matches as good as the best, prefer the encodings news sites in our domain actually serve.
    ties = [
        m for m in matches if m.chaos <= best.chaos + 0.01 and m.coherence >= best.coherence - 0.05
    ]
    ties.sort(key=lambda m: PREFERRED.index(m.encoding) if m.encoding in PREFERRED else 99)
    chosen = ties[0] if ties else best
    return str(chosen), chosen.encoding
