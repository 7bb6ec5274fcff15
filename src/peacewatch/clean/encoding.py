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

BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


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


def decode(data: bytes, html: bool = False) -> tuple[str, str]:
    """(text, encoding name)."""
    for bom, enc in BOMS:
        if data.startswith(bom):
            return data.decode(enc), enc
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
