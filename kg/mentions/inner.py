"""Names inside names (徐州 in 徐州软件园), the short names a text introduces
(（以下简称“恒晟精密”）) and a company's short forms (恒泰电池 for
宜春恒泰电池科技有限公司).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from kg.lexicon import Lexicon
from kg.mentions.common import _CLOSE_QUOTES, _LEGAL_FORMS, clean_name
from kg.mentions.divisions import _division_class, _supported
from kg.types import Mention


# （以下简称“恒晟精密”）, （暂定名，以下简称“宁德闽泓”）, （以下简称“公司”或“闽泓食品”）
_ABBREVIATION = re.compile(
    r"[(（](?:[^()（）]{1,30}?[,，;；])?\s*(?:以下)?(?:简称|下称)[:：]?\s*"
    r"((?:[“\"「《]?[^“”\"「」《》()（）,，。]{2,12}?[”\"」》]?(?:或|、)?)+?)\s*[)）]"
)
_ONE_SHORT_NAME = re.compile(r"[“\"「《]?([^“”\"「」《》、或]{2,12}?)[”\"」》]?(?:或|、|$)")
# A company calling itself 公司 or 本公司 in its own text: a reference, as 该公司 is, not a name
GENERIC_SHORT_NAMES = frozenset({"公司", "本公司", "集团", "本集团"})


def abbreviations(text: str, mentions: Iterable[Mention]) -> dict[str, Mention]:
    """Short names a text introduces for a name before them:
    苏州恒晟精密机械有限公司（以下简称“恒晟精密”） gives 恒晟精密 → that company."""
    ends = {m.end: m for m in mentions if m.rule != "inner"}
    found = {}
    for match in _ABBREVIATION.finditer(text):
        start = match.start()
        # a quoted name ends before its closing mark: 《…计划》（以下简称…）
        named = ends.get(start) or (ends.get(start - 1) if text[start - 1 : start] in _CLOSE_QUOTES else None)
        if named is not None:
            for short in _ONE_SHORT_NAME.finditer(match.group(1)):
                found[short.group(1)] = named
    return found


def _with_abbreviations(text: str, mentions: list[Mention]) -> list[Mention]:
    """Every later use of an introduced short name is a mention of the same thing,
    of the named thing's type; it outweighs shorter names found inside it (皖南 in
    皖南旅投), not a longer name it is part of."""
    kept = list(mentions)
    for short, named in abbreviations(text, mentions).items():
        if short in GENERIC_SHORT_NAMES:
            continue
        for match in re.finditer(re.escape(short), text):
            start, end = match.start(), match.end()
            overlapping = [m for m in kept if m.start < end and start < m.end]
            if all(start <= m.start and m.end <= end and (m.end - m.start < end - start or m.rule == "model") for m in overlapping):
                kept = [m for m in kept if m not in overlapping]
                kept.append(Mention(start, end, short, short, named.type, "abbreviation"))
    return kept


_SHORT_FORM = 4  # 恒泰电池 for 宜春恒泰电池科技有限公司: the firm's own name and its trade


def _short_forms(name: str, lexicon: Lexicon) -> set[str]:
    """What a text calls a company after naming it in full: its name without the places
    it opens with and without its legal form (恒泰电池科技), and the first four
    characters of that (恒泰电池)."""
    rest = _LEGAL_FORMS.sub("", name)
    if rest == name:
        return set()
    cut = _leading_place(rest, lexicon)
    while cut:
        rest = rest[cut:]
        cut = _leading_place(rest, lexicon)
    if len(rest) < _SHORT_FORM or not all("\u4e00" <= ch <= "\u9fff" for ch in rest):
        return set()
    return {rest, rest[:_SHORT_FORM]}


def _leading_place(name: str, lexicon: Lexicon) -> int:
    """Length of the place a company's name opens with (建阳 in 建阳竹韵新材料), leaving four characters."""
    gaz = lexicon.gazetteer
    for end in range(min(len(name) - _SHORT_FORM, 9), 1, -1):
        if gaz.lookup(name[:end]):
            return end
    return 0


def _with_short_forms(text: str, mentions: list[Mention], lexicon: Lexicon) -> list[Mention]:
    """恒泰电池总经理… after 宜春恒泰电池科技有限公司: a company's short form, used where no
    other name stands, is a mention of it."""
    kept = list(mentions)
    taken = [(m.start, m.end) for m in mentions]
    shorts = sorted({short for m in mentions if m.type == "Company" and m.rule != "inner" for short in _short_forms(m.name, lexicon)},
                    key=lambda short: (-len(short), short))
    for short in shorts:
        for match in re.finditer(re.escape(short), text):
            start, end = match.start(), match.end()
            if any(s < end and start < e for s, e in taken) or lexicon.word_frequency(short) > 0:
                continue
            kept.append(Mention(start, end, short, short, "Company", "short"))
            taken.append((start, end))
    return kept


# ---------------------------------------------------------------- names inside names


def _inner_mentions(text: str, mentions: list[Mention], lexicon: Lexicon) -> list[Mention]:
    """Names inside longer names: a place from the division data anywhere in a
    longer name (徐州 in 徐州软件园), and any name the text also uses on its
    own at the start of a longer one (王陵街道 in 王陵街道办事处).
    """
    standalone = {m.name: m.type for m in mentions}
    inner: list[Mention] = []
    for mention in mentions:
        if mention.rule == "division" or mention.type in {"Company", "Person", "Community"} or _division_class(mention.name, lexicon):
            continue  # a place in a company's name is a brand, not where it is (宁德时代, 上海电气); in a person's, a name (彭嘉禾)
        boundaries = _word_starts(mention.text, lexicon)
        i = 0
        while i < len(mention.text) - 1:
            found = _inner_at(mention.text, i, boundaries, standalone, text, lexicon) if i in boundaries else None
            if found is None:
                i += 1
                continue
            length, cls = found
            start = mention.start + i
            piece = mention.text[i : i + length]
            inner.append(Mention(start, start + length, piece, clean_name(piece), cls, "inner"))
            i += length
    return inner


def _word_starts(name: str, lexicon: Lexicon) -> set[int]:
    """Offsets in ``name`` where a word begins: 保定 is no place in 医保定点."""
    starts, position = set(), 0
    for word in lexicon.tokenizer.tokenizer.lcut(name):
        starts.add(position)
        position += len(word)
    return starts


def _inner_at(name: str, i: int, boundaries: set[int], standalone: dict[str, str], text: str, lexicon: Lexicon):
    at_start = i == 0
    for length in range(min(9, len(name) - i - (1 if at_start else 0)), 1, -1):
        piece = name[i : i + length]
        if not at_start and i + length not in boundaries and i + length != len(name):
            continue
        cls = _division_class(piece, lexicon)
        if cls is not None and _supported(piece, text, lexicon):
            return length, cls
        if at_start and piece in standalone:
            return length, standalone[piece]
    return None
