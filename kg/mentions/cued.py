"""Names a cue word vouches for: companies listed before a settling or signing
verb (华为、神州数码落户…), programmes, projects and bodies after a verb that
starts or sets them up (实施…工程, 成立…专班), names placed by 位于, and
villages (…村).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kg.lexicon import Lexicon
from kg.mentions.common import (
    _COMMON_WORD, _DEMONSTRATIVES, _FUNCTION_TAGS, _PROJECT_QUALIFIERS, _RARE_NAME, Token, _built_works,
    _leading_region, _mention, _village_stem,
)
from kg.mentions.quoted import _classify_by_suffix
from kg.types import Mention, Sentence


_SETTLE = re.compile("落户|入驻|进驻|落地|投产")
_SIGN = re.compile("签订|签署|签约")
# 比亚迪、宁德时代等一批龙头企业: a list closed by 等 and a word for companies
_SECTOR_WORDS = re.compile("工业|产业|行业|领域|规模|类")
_COMPANY_LIST_END = re.compile(r"等(?:[一二三四五六七八九十百千\d]+[家个批]|多家|一批)?[^,，。;；、]{0,6}?(?:企业|公司|集团|厂商|车企|药企|商家)")


def _enumerated_companies(text: str, sentence: Sentence, tokens: list[Token], lexicon: Lexicon) -> Iterator[Mention]:
    """Names listed right before a settling verb are companies (华为、神州数码落户…),
    and so are the parties of a signing (金源生物与青州高新区签订…).

    An item counts if it is one word that looks like a name (a name tag, or a
    word jieba barely knows when two or more are listed), or a word jieba does
    not know followed by a trade word (云帆科技). The list must run up to the
    verb: 一大批高科技企业纷纷落户 and 副市长李卫东出席签约仪式 list nothing.
    """
    by_start = {t.start: t for t in tokens}
    for cue in _SETTLE.finditer(sentence.text):
        items = _list_before(sentence, cue.start())
        names = [
            _listed_company(start, word, by_start, lexicon, len(items) > 1, first_item=n == 0)
            for n, (start, word) in enumerate(items)
        ]
        if names and names[-1] is not None:
            yield from (_mention(text, t.start, t.end, "Company", "enumeration") for t in names if t is not None)
    for close in _COMPANY_LIST_END.finditer(sentence.text):
        items = _list_before(sentence, close.start())
        if len(items) < 2 or _SECTOR_WORDS.search(close.group()):
            continue  # 装备制造、新材料等规模以上工业企业: the items are trades, the companies unnamed
        for n, (start, word) in enumerate(items):
            token = _listed_company(start, word, by_start, lexicon, listed=True, strong=True, first_item=n == 0)
            if token is not None:
                yield _mention(text, token.start, token.end, "Company", "enumeration")
    for cue in _SIGN.finditer(sentence.text):
        before = sentence.text[: cue.start()]
        parties = re.search(r"([^,，;；:：。、与和同]+)(与|和|同)([^,，;；:：。、与和同]+?)(正式|成功|现场|共同)?$", before)
        if parties is None:
            continue
        for group in (1, 3):
            start = sentence.start + parties.start(group)
            token = _listed_company(start, parties.group(group), by_start, lexicon, listed=True)
            if token is not None:
                yield _mention(text, token.start, token.end, "Company", "enumeration")


_LIST_END = re.compile(r"(等|陆续|先后|纷纷|已|正式|成功|均|都|一批|创新|项目|企业|相继|已经|也|注册|将|拟|即将|顺利)+$")


def _list_before(sentence: Sentence, end: int) -> list[tuple[int, str]]:
    """``(offset, item)`` for each item of the list that ends at ``end`` (fillers such as 等 dropped)."""
    clause_start = max((m.end() for m in re.finditer(r"[,，;；:：。]", sentence.text[:end])), default=0)
    items = []
    for match in re.finditer(r"[^、和与及]+", sentence.text[clause_start:end]):
        items.append((sentence.start + clause_start + match.start(), _LIST_END.sub("", match.group())))
    return items


_LEAD_TAGS = frozenset({"v", "vn", "vd", "ul", "uj", "uz", "u", "p", "d", "c"})


def _listed_company(
    start: int, word: str, by_start: dict[int, Token], lexicon: Lexicon, listed: bool, strong: bool = False,
    first_item: bool = False,
) -> Token | None:
    """The company name an item of a list gives, if it looks like one.

    ``strong``: the list itself says its items are companies (…等一批企业), so a
    short run of nouns with one rare word or a place in front counts (宁德时代).
    The first item may carry the verb that governs the list (培育了比亚迪).
    """
    first = by_start.get(start)
    while first_item and first is not None and first.tag in _LEAD_TAGS and first.end < start + len(word):
        word = word[first.end - start :]
        start = first.end
        first = by_start.get(start)
    if first is None or not word:
        return None
    if first.word == word:
        return first if _listed_name(first, lexicon, listed) else None
    if strong and 2 <= len(word) <= 8:
        words, position = [], start
        while position < start + len(word) and position in by_start:
            words.append(by_start[position])
            position = by_start[position].end
        # a name jieba does not know comes out as a rare word or as single
        # characters (超/聚变, 芯/沃/微电子); a run of common words (新能源汽车) is a trade
        name_like = any(lexicon.word_frequency(w.word) == 0 for w in words) or any(
            len(w.word) == 1 and w.tag not in _FUNCTION_TAGS for w in words
        )
        if (
            position == start + len(word)
            and len(words) <= 4
            and not any(w.tag in _FUNCTION_TAGS or w.tag == "x" for w in words[1:])
            and lexicon.word_frequency(word) == 0
            and (name_like or lexicon.gazetteer.lookup(words[0].word))
        ):
            return Token(start, position, word, "nz")
    second = by_start.get(first.end)
    if (
        second is not None
        and first.word + second.word == word
        and len(word) <= 8
        and _rare_word(first.word, lexicon)
        and second.tag in {"n", "vn", "nz"}
    ):
        return Token(first.start, second.end, word, "nz")  # 云帆科技: an unknown name, then a trade word
    return None


def _rare_word(word: str, lexicon: Lexicon) -> bool:
    return len(word) >= 2 and lexicon.word_frequency(word) < _RARE_NAME and not lexicon.gazetteer.lookup(word)


_LIST_END = re.compile(r"(等|陆续|先后|纷纷|已|正式|成功|均|都|一批|创新|项目|企业|相继|已经|也|注册)+$")


def _listed_name(token: Token, lexicon: Lexicon, listed: bool) -> bool:
    if not 2 <= len(token.word) <= 8 or token.word in lexicon.left_boundaries:
        return False
    if lexicon.gazetteer.lookup(token.word) or token.tag == "ns":
        return False
    if token.tag.startswith("nr"):
        # a rare surname-led word is a person (who does not settle); a known one is a brand (华为)
        return token.word[0] not in lexicon.surnames or lexicon.word_frequency(token.word) >= _COMMON_WORD
    if token.tag in {"nz", "nt", "eng"}:
        return True
    return listed and token.tag == "n" and lexicon.word_frequency(token.word) < 10


_CUED_PROGRAM = re.compile(
    r"(?:实施|开展|启动|推进|推出|推行|组织实施|深入实施|大力实施|牵头实施)"
    r"了?(?P<name>[\u4e00-\u9fff0-9A-Za-z]{4,16}?(?:行动计划|专项行动|计划|工程|行动))(?=[，,。；;、（(和与及]|$)"
)
# 签约秸秆生物基材料项目, 投资18亿元建设的X玉米淀粉及变性淀粉项目: the verb that signs or
# builds a project vouches for its name up to 项目, common words, numbers and 及 included
_CUED_PROJECT = re.compile(
    r"(?:签约|签下|投资建设的|建设的|开工建设|建设|新建|实施|引进|落地)"
    r"(?P<name>[\u4e00-\u9fff0-9A-Za-z]{6,24}?项目)(?=[，,。；;、（(]|$)"  # (not 高标准农田项目, a kind)
)
_COUNTED_OPENING = re.compile(r"[0-9零一二两三四五六七八九十百千万几多]+[个项批类大条种]")  # 六大工程, 十项行动: a count of programmes
_GENERIC_OPENINGS = ("一批", "一系列", "多项", "各项", "各类", "这些", "有关", "相关", "重点", "重大", "专项", "系列")


_SETS_UP_UNITS = re.compile(
    r"下设(?:有)?(?P<units>[\u4e00-\u9fff、和及]{4,80}?)(?:[0-9两三四五六七八九十]+个[\u4e00-\u9fff]{1,4})?(?=[，,。；;]|$)"
)  # (…、C实验室三个研究室: the count after the list is no part of the last name)
_UNIT_NAME = re.compile(r"[\u4e00-\u9fff]{2,12}?(?:中心|局|处|科|室|部|办公室|所|站|队|专班|小组)$")


def _units_set_up(text: str, sentence: Sentence, tokens: list[Token], lexicon: Lexicon) -> Iterator[Mention]:
    """管委会下设招商服务中心、规划建设局和企业服务局: the units a body lists after 下设
    are named, common words and all."""
    for match in _SETS_UP_UNITS.finditer(sentence.text):
        offset = sentence.start + match.start("units")
        for piece in re.finditer(r"[^、和及]+", match.group("units")):
            name = piece.group()
            if _UNIT_NAME.fullmatch(name) and not _COUNTED_OPENING.match(name) and name[0] not in _DEMONSTRATIVES:
                cls = _classify_by_suffix(name, lexicon) or "Organization"
                yield _mention(text, offset + piece.start(), offset + piece.end(), cls, "cue")


_CUED_BODY = re.compile(
    r"(?:共建|共同组建|联合组建|组建|挂牌成立|成立|设立|加入)了?"
    r"(?P<name>[\u4e00-\u9fff]{4,20}?(?:联合实验室|重点实验室|实验室|研究院|研究所|创新中心|工程中心|技术中心"
    r"|联盟|协会|商会|学会|联合会))(?=[，,。；;、（(和]|$)"
)


_PLACED_NAME = re.compile(
    r"位于(?P<place>[\u4e00-\u9fff]{2,14}?(?:省|市|区|县|镇|乡|街道))的"
    r"(?P<name>[\u4e00-\u9fff0-9]{4,20}?(?:产业园|示范园|科技园|工业园|物流园|开发区|基地|大厦|实验室|研究院))"
    r"(?=[和与及、，,。；;]|建设|推进|打造|开展|$)"
)


def _placed_names(text: str, sentence: Sentence, tokens: list[Token], lexicon: Lexicon) -> Iterator[Mention]:
    """位于合肥市蜀山区的蜀麓科技成果转化示范园: what a run of places and 的 describe is named."""
    starts = {t.start for t in tokens}
    for match in _PLACED_NAME.finditer(sentence.text):
        place, name = match.group("place"), match.group("name")
        while place:
            cut = _leading_region(place + "的", lexicon)
            if not cut:
                break
            place = place[cut:]
        start, end = (sentence.start + i for i in match.span("name"))
        if place or start not in starts or _leading_region(name, lexicon) or re.search("[和与的等及]|建设|推进|打造|支持", name):
            continue
        yield _mention(text, start, end, _classify_by_suffix(name, lexicon) or "Park", "cue")


def _cued_bodies(text: str, sentence: Sentence, tokens: list[Token], lexicon: Lexicon) -> Iterator[Mention]:
    """共建建窑烧制工艺联合实验室, 加入皖江技术转移联盟: the verb that founds or joins a lab, an
    institute or an alliance vouches for its name."""
    starts = {t.start for t in tokens}
    for match in _CUED_BODY.finditer(sentence.text):
        start, end = (sentence.start + i for i in match.span("name"))
        name = match.group("name")
        if start not in starts or name.startswith(_GENERIC_OPENINGS) or name[0] in _DEMONSTRATIVES \
                or _COUNTED_OPENING.match(name) or re.search("[和与的等及]", name):
            continue
        yield _mention(text, start, end, _classify_by_suffix(name, lexicon) or "Organization", "cue")


def _cued_programs(text: str, sentence: Sentence, tokens: list[Token], lexicon: Lexicon) -> Iterator[Mention]:
    """A programme named right after the verb that launches it, up to its head word, on
    its own in its clause: 实施林下经济扩面行动。 The cue vouches for a name made of
    common words (县域冷链物流补短板行动), which the head word alone would not."""
    starts = {t.start for t in tokens}
    for match in _CUED_PROGRAM.finditer(sentence.text):
        start, end = (sentence.start + i for i in match.span("name"))
        name = match.group("name")
        if start not in starts or name.startswith(_GENERIC_OPENINGS) or name[0] in _DEMONSTRATIVES or _COUNTED_OPENING.match(name):
            continue
        cls = _classify_by_suffix(name, lexicon) or "Program"
        if name.endswith("工程") and _built_works(text, sentence.start, start, name[:-2]):
            cls = "Project"
        yield _mention(text, start, end, cls, "cue")
    for match in _CUED_PROJECT.finditer(sentence.text):
        start, end = (sentence.start + i for i in match.span("name"))
        name = match.group("name")
        if start not in starts or name.startswith(_GENERIC_OPENINGS) or name[0] in _DEMONSTRATIVES \
                or _COUNTED_OPENING.match(name) or name[:-2].endswith(_PROJECT_QUALIFIERS + ("计划", "专项", "行动")) \
                or re.search("[和与的等]|及.*及|项目.|投资|主体|[本该此]项目", name) or _leading_region(name, lexicon):
            continue  # 签约一批重点项目, 签约A和B项目, 实施的技术改造项目: many projects, or kinds, not one named
            # (and a project named after its town is read, with and without the town, by its head word)
        yield _mention(text, start, end, "Project", "cue")


_VILLAGE = re.compile(r"(?<![\u4e00-\u9fff]村)([\u4e00-\u9fff]{2})村")

# Words that start with 村 (村民, 村委): after a stem they are no village.
_VILLAGE_WORDS_AFTER = frozenset("民委里级部庄落集干组务规容貌情")


def _village_names(text: str, sentence: Sentence, tokens: list[Token], lexicon: Lexicon) -> Iterator[Mention]:
    """Villages named by a two-character stem jieba does not know (南插村, 大边村); there is
    no division data at this level, so the stem's rarity is the evidence."""
    for match in _VILLAGE.finditer(sentence.text):
        after = sentence.text[match.end() : match.end() + 1]
        if _village_stem(match.group(1), lexicon) and after not in _VILLAGE_WORDS_AFTER:
            yield _mention(text, sentence.start + match.start(), sentence.start + match.end(), "Community", "village")
