"""Places from the administrative division data (and whether the text supports
a short one: 秀英 only where the text reads it as a place), places abroad after
their country (墨西哥新莱昂州蒙特雷市), and economic regions named by province
abbreviations (苏北, 京津冀, 长三角).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kg.lexicon import Lexicon
from kg.mentions.common import _COMMON_WORD, _LEVEL_CHARS, _PLACE_PREPOSITIONS, Token, _mention
from kg.types import Mention, Sentence


def _division_names(text: str, sentence: Sentence, tokens: list[Token], lexicon: Lexicon) -> Iterator[Mention]:
    """Administrative divisions and world places, full names and short forms.

    A match must start and end on token boundaries, so 山区 is not found in
    泉山区's neighbours. Whether a short form is supported by the rest of the
    text is decided for the whole document (``_supported``).
    """
    gaz = lexicon.gazetteer
    starts = {t.start for t in tokens}
    ends = {t.end for t in tokens}
    for token in tokens:  # 山西大同/ns: a province and a city jieba took for one word
        if token.tag != "ns" or gaz.lookup(token.word):
            continue
        cut = next((p for p in range(2, len(token.word) - 1) if gaz.lookup(token.word[:p]) and gaz.lookup(token.word[p:])), None)
        if cut is not None:
            starts.add(token.start + cut)
            ends.add(token.start + cut)
    s = sentence.text
    for i in range(len(s)):
        # a name starts at a word, or right after another place's level (襄阳市|黄集镇, cut 市黄/集镇)
        if sentence.start + i not in starts and not (i and s[i - 1] in _LEVEL_CHARS):
            continue
        for length in range(min(9, len(s) - i), 1, -1):
            end = sentence.start + i + length
            if end not in ends:
                continue
            cls = _division_class(s[i : i + length], lexicon)
            if cls == "City" and not gaz.lookup(s[i : i + length]) and not (i and s[i - 1] in _BEFORE_CITY_ABROAD):
                continue  # 巴黎 alone may be a club (巴黎圣日耳曼); 在巴黎, 至莫斯科, 二连浩特—莫斯科 is the city
            if cls:
                yield _mention(text, sentence.start + i, end, cls, "division")
                break


_BEFORE_CITY_ABROAD = _PLACE_PREPOSITIONS | set("—-－~～")


def _division_class(name: str, lexicon: Lexicon) -> str | None:
    gaz = lexicon.gazetteer
    if name in gaz.by_name or name in gaz.by_short:
        return gaz.lookup(name)[0].type
    if name in gaz.towns:
        return "Subdistrict"
    if name in gaz.world or name.endswith("国") and name[:-1] in gaz.world:
        return "Country"  # 蒙古 / 蒙古国
    if name in gaz.world_cities:
        return "City"  # 乌兰巴托, 莫斯科
    return None


def _short(name: str) -> str:
    for head in ("自治区", "自治州", "自治县", "省", "市", "区", "县"):
        if name.endswith(head) and len(name) - len(head) >= 2:
            return name[: -len(head)]
    return name


def _generic_town(mention: Mention, text: str) -> bool:
    """新市镇、禹越镇等沿河镇: after 等 a town's name is a description of the ones listed."""
    return mention.type == "Subdistrict" and text[max(0, mention.start - 1) : mention.start] == "等"


def _supported(name: str, text: str, lexicon: Lexicon) -> bool:
    """Whether the text supports reading ``name`` as a place.

    Provinces, cities and world places stand on their own. A town needs a name
    jieba does not know as a common word (小城镇 is no town). A county-level
    name needs its full form in the text, or a parent place in the text and a
    name that is not a common word: 中原, 新建 and 平原 are counties too.
    """
    gaz = lexicon.gazetteer
    divisions = gaz.lookup(name)
    if not divisions:
        if name in gaz.towns:
            # 小城镇 is no town; 老城镇 is, in a text that names its county
            return lexicon.word_frequency(name) == 0 or any(t.county and t.county in text for t in gaz.towns[name])
        return _division_class(name, lexicon) in {"Country", "City"}  # world places stand on their own
    if any(d.level <= 2 for d in divisions):
        return True
    for division in divisions:
        if len(gaz.by_name.get(division.name, [])) == 1 and len(division.name) >= 3 and division.name in text:
            return True
        parents = (division.city, division.province)
        if lexicon.word_frequency(name) < _COMMON_PLACE and any(p and (p in text or _short(p) in text) for p in parents):
            return True
        if name == division.name and any(p and (p + name in text or (_short(p) or p) + name in text) for p in parents):
            return True  # 北京市朝阳区: a full name right after its parent, however common the words
    return False


_COMMON_PLACE = 200  # a county name jieba has seen this often is also a common word


# ---------------------------------------------------------------- economic regions

# The one-character names of provinces (GB/T 2260's abbreviations and their usual
# second forms); 港澳台 are left out, since 台北 or 台南 are cities.
_PROVINCE_CHARS = frozenset("京津沪渝冀晋辽吉黑苏浙皖闽赣鲁豫鄂湘粤桂琼川蜀贵黔云滇藏陕秦甘陇青宁新蒙")
_DIRECTIONS = re.compile("(?:东南|西南|东北|西北|东|南|西|北|中)")


def _economic_regions(text: str, sentence: Sentence, tokens: list[Token], lexicon: Lexicon) -> Iterator[Mention]:
    """Regions named by province abbreviations, which the division data does not
    hold: a part of a province (苏北, 皖南, 鲁西南), provinces together (京津冀),
    a river delta (长三角, 珠三角). Each must be a word jieba knows as one."""
    gaz = lexicon.gazetteer
    for token in tokens:
        word = token.word
        if gaz.lookup(word) or word in gaz.world or word in gaz.towns or lexicon.word_frequency(word) == 0:
            continue
        part_of_province = token.tag == "ns" and word[0] in _PROVINCE_CHARS and _DIRECTIONS.fullmatch(word[1:])
        provinces = len(word) == 3 and all(ch in _PROVINCE_CHARS for ch in word)
        delta = len(word) == 3 and word.endswith("三角") and token.tag in {"ns", "nz"}
        if part_of_province or provinces or delta:
            yield _mention(text, token.start, token.end, "EconomicRegion", "region")


_FOREIGN_PART = re.compile(r"[\u4e00-\u9fff]{2,5}?(州|省|邦|市)")
_FOREIGN_LEVELS = {"州": "Province", "省": "Province", "邦": "Province", "市": "City"}


def _foreign_places(text: str, sentence: Sentence, tokens: list[Token], lexicon: Lexicon) -> Iterator[Mention]:
    """Places abroad written after their country, coarse to fine: 墨西哥新莱昂州蒙特雷市."""
    world = lexicon.gazetteer.world
    for token in tokens:
        if world.get(token.word) != "Country":
            continue
        at = token.end - sentence.start
        while match := _FOREIGN_PART.match(sentence.text, at):
            name, head = match.group(), match.group(1)
            after = sentence.text[match.end() : match.end() + 1]
            if lexicon.word_frequency(name[-2:]) >= _COMMON_WORD or lexicon.word_frequency(head + after) >= _COMMON_WORD \
                    or name in world or lexicon.gazetteer.lookup(name):
                break  # 东部城市, 美国市场: a common word, not a place
            yield _mention(text, sentence.start + at, sentence.start + match.end(), _FOREIGN_LEVELS[head], "foreign")
            at = match.end()
