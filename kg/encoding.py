"""Turn a file's bytes into text: find the encoding, or say why it is not text.

Chinese collections mix UTF-8, GB18030 (and its subsets GBK/GB2312), UTF-8
with a byte-order mark and UTF-16 from Windows tools. The order of trust:

1. a byte-order mark (UTF-32, UTF-8, UTF-16) is decisive;
2. NUL bytes without a mark mean a binary file (UTF-16 text needs a mark);
3. bytes that are valid UTF-8 are UTF-8 (the commonest case, and unambiguous
   in practice: GB18030 Chinese is almost never valid UTF-8);
4. an HTML page's own ``<meta charset>``, when its bytes decode under it;
5. otherwise charset-normalizer's guess, with GB18030 preferred whenever it
   is a plausible reading that looks like Chinese (short GB text is easily
   mistaken for Korean or Japanese by statistics alone).

The decoded text must still look like text (not mostly control characters),
else the file is refused as binary.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

__all__ = ["Decoded", "NotText", "decode"]

_BOMS = (  # UTF-32 first: its little-endian mark starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_GB_FAMILY = {"gb18030", "gbk", "gb2312", "hz"}
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
# Texts shorter than this are too short for statistics to tell GB from Korean or Japanese.
_SHORT = 256
# More than this share of control characters: not text.
_MAX_CONTROL = 0.05
# Control characters (category Cc) other than line controls, and the replacement character.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd]")


class NotText(ValueError):
    """The bytes are not text in any encoding we can tell; the message says why."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # Python codec name, e.g. "utf-8", "gb18030", "utf-16-le"
    bom: bool = False
    how: str = ""  # what decided it: "byte-order mark", "valid UTF-8", "meta charset", "detected"

    @property
    def name(self) -> str:
        """The codec that reads the whole file back, mark included: utf-8-sig, utf-16, gb18030…"""
        if not self.bom:
            return self.encoding
        return {"utf-8": "utf-8-sig"}.get(self.encoding, self.encoding[:6])

    def describe(self) -> str:
        return f"{self.encoding}{' with BOM' if self.bom else ''} ({self.how})"


def decode(raw: bytes, html: bool = False) -> Decoded:
    """The text of ``raw``; raises ``NotText`` for empty, binary or undecodable bytes.

    >>> decode("泉山区".encode("gb18030")).encoding
    'gb18030'
    >>> decode(codecs.BOM_UTF16_LE + "泉山区".encode("utf-16-le")).describe()
    'utf-16-le with BOM (byte-order mark)'
    """
    if not raw:
        raise NotText("empty file")
    decoded = _decode(raw, html)
    _check_text(decoded.text)
    return decoded


def _decode(raw: bytes, html: bool) -> Decoded:
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                return Decoded(raw[len(bom):].decode(encoding), encoding, True, "byte-order mark")
            except UnicodeDecodeError as exc:
                raise NotText(f"starts with a {encoding} byte-order mark but is not {encoding} text "
                              f"({exc.reason} at byte {exc.start + len(bom)})") from exc
    if b"\x00" in raw:
        at = raw.index(b"\x00")
        raise NotText(f"binary file (NUL byte at offset {at}; UTF-16/UTF-32 text needs a byte-order mark)")
    try:
        return Decoded(raw.decode("utf-8"), "utf-8", False, "valid UTF-8")
    except UnicodeDecodeError:
        pass
    if html:
        declared = _declared_charset(raw)
        if declared:
            try:
                return Decoded(raw.decode(declared), declared, False, "meta charset")
            except (UnicodeError, LookupError):  # wrong label, or a codec that is not a text encoding
                pass
    return _detect(raw)


def _declared_charset(raw: bytes) -> str | None:
    match = _META_CHARSET.search(raw[:4096])
    if not match:
        return None
    try:
        name = codecs.lookup(match.group(1).decode("ascii")).name
    except LookupError:
        return None
    return "gb18030" if name in _GB_FAMILY else name  # pages labelled gb2312 are usually GBK


def _detect(raw: bytes) -> Decoded:
    from charset_normalizer import from_bytes

    results = from_bytes(raw)
    best = results.best()
    gb = next((m for m in results if m.encoding in _GB_FAMILY), None)
    gb_text = _strict(raw, "gb18030")
    if gb_text is not None:
        if best is None or best.encoding in _GB_FAMILY:
            chinese = best is not None or _looks_chinese(gb_text)
        else:  # another reading won: GB still wins a tie, or a short text that looks Chinese
            tie = gb is not None and gb.chaos <= best.chaos and gb.coherence >= best.coherence
            chinese = tie or (len(raw) < _SHORT and _looks_chinese(gb_text))
        if chinese:
            return Decoded(gb_text, "gb18030", False, "detected")
    if best is None:
        raise NotText("not text: no encoding reads it (tried UTF-8, GB18030 and charset detection)")
    return Decoded(str(best), codecs.lookup(best.encoding).name, False, "detected")


def _strict(raw: bytes, encoding: str) -> str | None:
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError:
        return None


def _looks_chinese(text: str, sample: int = 4000) -> bool:
    """Most non-ASCII characters are in GB2312 (the common Chinese characters and
    punctuation), and some are Han: what GB18030 Chinese decodes to, and random
    bytes or another encoding read as GB18030 mostly do not."""
    wide = [ch for ch in text[: sample * 4] if ord(ch) > 0x7F][:sample]
    if not wide or not any("\u4e00" <= ch <= "\u9fff" for ch in wide):
        return False
    common = sum(1 for ch in wide if _in_gb2312(ch))
    return common >= 0.9 * len(wide)


def _in_gb2312(ch: str) -> bool:
    try:
        ch.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def _check_text(text: str) -> None:
    if not text.strip():
        raise NotText("empty file (white space only)" if text else "empty file")
    controls = sum(1 for _ in _CONTROL.finditer(text))
    if controls > _MAX_CONTROL * len(text):
        raise NotText(f"binary file ({controls} of {len(text)} characters are control characters)")
