"""Names by their head word: a known suffix (…产业园, …有限公司, …街道) and the
words before it that still belong to the name, with the many checks of where
such a name begins; and a name the text counts as a kind (建设10个省级数据产业园),
which names nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kg.lexicon import TOP_CLASSES, Lexicon
from kg.mentions.common import (
    _CLOSE_QUOTES, _COMMON_WORD, _DEMONSTRATIVES, _DIGITS, _FUNCTION_TAGS, _GENERIC_BEFORE, _GLUE_CHARS, _INNER_PUNCT,
    _JOINING_TAGS, _LEGAL_FORMS, _LEVEL_PREFIXES, _MAX_NAME, _NAME_TAGS, _OPEN_QUOTES, _PLACE_PREPOSITIONS,
    _PROJECT_QUALIFIERS, _PROPER_TAGS, _QUOTES, _RARE_NAME, _REGION_ENDINGS, Token, _built_works, _leading_region,
    _mention, _suffix_at, _village_start, clean_name,
)
from kg.types import Mention, Sentence


_COUNT = "[0-9零一二两三四五六七八九十百千万]+[个家所座条项处批]"
_LEVEL_WORDS = "(?:国家级|省级|市级|县级|区级|国家|全国)?"


def _counted_elsewhere(name: str, text: str) -> bool:
    """Whether the text counts things of this name (新增省级生态农业产业园6个,
    建设10个省级数据产业园): then it is a kind, and 加快生态农业产业园建设
    names none."""
    escaped = re.escape(name)
    return bool(
        re.search(escaped + _COUNT + "(?=[、，。；,;)）]|$)", text)
        or re.search(_COUNT + _LEVEL_WORDS + escaped, text)
    )


# ---------------------------------------------------------------- suffix names



_RARE_VERB = 20

_TAG_CAPS = {"nr": _COMMON_WORD, "ns": 1000}

_LOCATIVES = frozenset("上下中内里外间")

_WEAK_START = frozenset({"a", "ad", "d", "b", "f", "t", "c", "p", "u", "r", "m"})
_NUMERALS = frozenset("0123456789零一二两三四五六七八九十百千万几")


def _is_proper(piece: str, tag: str, lexicon: Lexicon) -> bool:
    """Whether a word (or the part of one before a suffix) looks like part of a proper name:
    a name tag, digits or Latin letters, a word jieba does not know, or a place name."""
    if not piece:
        return False
    if _DIGITS.search(piece) or any(ch in _QUOTES for ch in piece) or lexicon.gazetteer.lookup(piece):
        return True
    if tag == "x" and all("\u4e00" <= ch <= "\u9fff" for ch in piece):
        return True  # 塅: a character too rare for jieba to tag
    if tag in _PROPER_TAGS:
        # jieba tags some common words as names (楼宇/nr, 城市/ns); a frequent word is no evidence
        cap = _TAG_CAPS.get(tag[:2])
        if tag.startswith("nr") and not 2 <= len(piece) <= 3:
            return False  # a person-name tag on a long word is jieba guessing
        return cap is None or lexicon.word_frequency(piece) < cap
    if piece.startswith("第") and tag == "m":
        return True  # 第一证券公司
    return len(piece) >= 2 and piece[0] not in _DEMONSTRATIVES and lexicon.word_frequency(piece) == 0


def _unit_type(body_name: str, unit_type: str, lexicon: Lexicon) -> str:
    """A branch is of its body's kind: 中国人民银行河南省分行 is a government body, 某银行分行 a company."""
    for end in range(len(body_name), 1, -1):
        suffix, _ = _suffix_at(end, body_name, 0, lexicon)
        if suffix is not None and TOP_CLASSES.get(suffix.type, suffix.type) == "Organization" and \
                TOP_CLASSES.get(unit_type, unit_type) == "Company":
            return suffix.type
        if suffix is not None and TOP_CLASSES.get(suffix.type, suffix.type) in {"Organization", "Company"}:
            return unit_type
    return unit_type


def _after_kind(text: str, tokens: list[Token], start: int, j: int, lexicon: Lexicon) -> int:
    """Where a body's own name starts after a word for its kind set before it in
    apposition: 公司研发中心|澄丰电器研究院. The kind is all common words and ends
    in a body's head; the name has a word of its own (not 市中心医院, where
    nothing follows the kind, nor 科学院物理研究所, where only a field does)."""
    inside = [t for t in tokens[:j] if t.start >= start]
    for m, token in enumerate(inside[:-1]):
        head, _ = _suffix_at(token.end, text, start, lexicon)
        if head is None or TOP_CLASSES.get(head.type, head.type) != "Organization":
            continue
        kind, rest = inside[: m + 1], inside[m + 1 :]
        if not any(_is_proper(t.word, t.tag, lexicon) for t in kind) and any(_is_proper(t.word, t.tag, lexicon) for t in rest):
            return rest[0].start
    return start


def _after_role(tokens: list[Token], start: int, j: int) -> int:
    """Where a name starts after the role its bearer plays, set before it:
    园区运营方|A有限公司, 项目投资方|B集团 (…方: the side that runs, invests, builds)."""
    inside = [t for t in tokens[:j] if t.start >= start]
    for m, token in enumerate(inside[:-1]):
        if token.word == "方" and m > 0 and inside[m - 1].tag in {"vn", "v"}:
            return inside[m + 1].start
    return start


def _in_registered_name(tokens: list[Token], k: int, lexicon: Lexicon) -> bool:
    """Words a registered firm's name (…有限公司) may hold that other names may not."""
    token, gaz = tokens[k], lexicon.gazetteer
    if token.tag == "v" and token.word not in lexicon.left_boundaries:
        # 二连浩特/通达/换装…: its trade, after its place and brand (not 嘉定区/设有, 协会/吸纳)
        if k >= 2 and gaz.lookup(tokens[k - 2].word) and tokens[k - 1].word not in lexicon.suffixes \
                and tokens[k - 1].tag != "ns" and not gaz.lookup(tokens[k - 1].word):
            return True
        # 、诸暨/感知/传感技术有限公司: in a list, right after its place
        if k > 0 and len(tokens[k - 1].word) >= 2 and gaz.lookup(tokens[k - 1].word) and (k == 1 or tokens[k - 2].word in "、，,：:；;（("):
            return True
    # 榄/g 丰/ag: a brand jieba cuts into rare characters; 集装箱运输/i; （墨西哥）: its country in brackets
    return _rare_pair(tokens, k) or token.tag == "i" or _bracketed_place(tokens, k, lexicon)


_RARE_MORPHEMES = frozenset({"g", "zg", "yg", "ng"})


def _rare_pair(tokens: list[Token], k: int) -> bool:
    """Whether ``tokens[k]`` is one of two single characters side by side, one of
    them a rare morpheme: how jieba cuts a brand it does not know (榄/g 丰/ag)."""
    def single(t: Token) -> bool:
        return len(t.word) == 1 and "\u4e00" <= t.word <= "\u9fff" and t.word not in _GLUE_CHARS and t.tag not in _FUNCTION_TAGS
    pair = [tokens[n] for n in (k - 1, k, k + 1) if 0 <= n < len(tokens)]
    return single(tokens[k]) and any(
        a is not b and single(a) and single(b) and (a.tag in _RARE_MORPHEMES or b.tag in _RARE_MORPHEMES)
        for a, b in zip(pair, pair[1:]) if tokens[k] in (a, b)
    )


def _bracketed_place(tokens: list[Token], k: int, lexicon: Lexicon) -> bool:
    """Whether ``tokens[k]`` is a bracket around a place alone: （墨西哥）, (香港)."""
    if tokens[k].word in "）)" and k >= 2 and tokens[k - 2].word in "（(":
        place = tokens[k - 1].word
    elif tokens[k].word in "（(" and k + 2 < len(tokens) and tokens[k + 2].word in "）)":
        place = tokens[k + 1].word
    else:
        return False
    return place == "中国" or place in lexicon.gazetteer.world or bool(lexicon.gazetteer.lookup(place))


def _place_opens(tokens: list[Token], k: int, lexicon: Lexicon) -> bool:
    """Whether a place name stands at most three name words before ``tokens[k]``."""
    for m in range(k - 1, max(-1, k - 4), -1):
        if tokens[m].tag == "ns" and lexicon.gazetteer.lookup(tokens[m].word):
            return True
        if not _name_token(tokens[m], lexicon):
            return False
    return False


def _is_region_head(word: str, lexicon: Lexicon) -> bool:
    suffix = lexicon.suffixes.get(word)
    return suffix is not None and TOP_CLASSES.get(suffix.type, suffix.type) == "Region"


def _is_city(word: str, lexicon: Lexicon) -> bool:
    """A province or city by its name; county short names are too often common words (振兴, 和平)."""
    return len(word) >= 2 and any(d.level <= 2 for d in lexicon.gazetteer.lookup(word))


def _name_token(token: Token, lexicon: Lexicon) -> bool:
    if token.word in lexicon.left_boundaries or token.word in lexicon.titles:
        return False
    if len(token.word) > 2 and any(token.word[-n:] in lexicon.left_boundaries for n in (2, 3)):
        return False  # 广泛开展, glued into one word, still ends in 开展
    if token.tag == "x":
        # punctuation inside names, a rare character jieba does not tag (董家塅), or digits (年产5万吨)
        return all(ch in _INNER_PUNCT or "\u4e00" <= ch <= "\u9fff" for ch in token.word) or bool(re.fullmatch(r"[0-9A-Za-z.]+", token.word))
    if token.tag == "m":
        # numbers belong in names like 5+10幸福工程 and capacities like 年产20万吨, not counts like 8个
        return bool(re.fullmatch(r"[0-9A-Za-z+]+|第.+|[万千百亿]*(?:吨|千瓦|兆瓦|瓦|台|套|平方米|立方米|米|头|羽|亩)", token.word))
    if token.tag == "mq":
        # 零部件 is no count; 一季度 is a time
        return not _QUANTITY.match(token.word) and token.word[-1] not in _NUMERALS and not token.word.endswith(("季度", "月份", "年度", "周"))
    if token.tag == "z" and lexicon.gazetteer.lookup(token.word):
        return True  # 澄迈/z 老城冷链…: a county jieba read as a state word
    if token.tag.startswith("v") and token.tag != "vn":
        if _is_city(token.word, lexicon):
            return True  # 包头/v 瀚澜新材料…: a city jieba read as a verb
        # a verb jieba hardly knows is a name it mistook (启衡/v 新能源…项目)
        return token.word in lexicon.name_verbs or len(token.word) >= 2 and lexicon.word_frequency(token.word) < _RARE_VERB
    return token.tag in _NAME_TAGS or token.tag.startswith("n")


# A region written before a facility, community or park is a separate place:
# 泉山区民安南路 names 民安南路 in 泉山区, 王陵街道财富广场 names 财富广场.
# Characters that end place names (枇杷湾, 杨家坪, 黄泥塘): a community named after one is a name.
_PLACE_CHARS = frozenset("湾坪塘岭坡沟湖岗洼埠庄屯铺寨堡垸圩冲坝")
_OWNER_REFERENCES = frozenset({"该校", "该院", "该大学", "该集团", "该公司"})
_UNIT_TYPES = frozenset({"EducationalOrganization", "GovernmentBody"})
_PRESS_NEXT = frozenset({"记者", "讯", "报道", "编辑", "评论员"})
_PRESS_ONLY = frozenset({"报"})
_RARE_CHAR_TAGS = frozenset({"zg", "yg", "x", "g", "ng"})

_UNIT_OF_BODY_ONLY = frozenset({"科", "股"})
_UNIT_OF_BODY = re.compile("局|委|厅|署|海关|院|办|中心|处")
_PLACE_LED_ONLY = frozenset({"港"})


def _place_before(text: str, floor: int, end: int, lexicon: Lexicon) -> bool:
    """Whether a place from the division data ends at ``end`` (岚山 in 岚山港)."""
    gaz = lexicon.gazetteer
    return any(gaz.lookup(text[start:end]) for start in range(max(floor, end - 6), end - 1))


def _starts_with_place(modifier: str, lexicon: Lexicon) -> bool:
    gaz = lexicon.gazetteer
    return _leading_region(modifier, lexicon) > 0 or modifier.endswith(_REGION_ENDINGS) and (modifier in gaz.by_name or modifier in gaz.towns)


def _place_crossing(tokens: list[Token], start_index: int, text: str, lexicon: Lexicon) -> int:
    """How many tokens before ``start_index`` a town's name begins that the
    name's first word ends (往/流镇/卫生院: 往流镇 is a town), or 0."""
    if start_index == 0 or len(tokens[start_index - 1].word) != 1 or tokens[start_index - 1].tag == "c":
        return 0  # (和 was split off as joining two names: 中心和县政务服务中心)
    gaz = lexicon.gazetteer
    first = tokens[start_index]
    piece = text[tokens[start_index - 1].start : first.end]
    return 1 if piece.endswith(_REGION_ENDINGS) and (piece in gaz.towns or piece in gaz.by_name) else 0


def _is_region_word(piece: tuple[str, str], lexicon: Lexicon) -> bool:
    word, tag = piece
    return tag == "ns" or bool(lexicon.gazetteer.lookup(word))


_SPLIT_AFTER_REGION = {"Facility", "Community", "Subdistrict", "Park", "Project"}

# How long the common words before a generic_ok suffix must be:
# 跨境电商产业园 and 财富广场 are names, 电商产业园 and 特色产业园 are not.
_MIN_GENERIC_MODIFIER = {"Facility": 2, "Alliance": 5, "Organization": 4, "EducationalOrganization": 4}

# A project is named by more than a word or two: 泰山孟庄项目, not 康养项目.
_MIN_PROJECT_NAME = 3


def _named_by_its_place(suffix) -> bool:
    """Kinds of thing a text names by place and kind alone (柳河县生态农业科技示范园,
    青石镇蔬菜批发市场); a village, a road or a square after its region has a name
    of its own (某镇某某村, 某区某某南路)."""
    return TOP_CLASSES.get(suffix.type, suffix.type) in {"Park", "Project"} or suffix.text.endswith("市场")


def _park_kind(suffix) -> bool:
    """梨树县农产品加工产业园: a park named by its trade alone is the county's, and named with it."""
    return TOP_CLASSES.get(suffix.type, suffix.type) == "Park"


def _region_start(text: str, floor: int, end: int, lexicon: Lexicon) -> int | None:
    """Where the longest place from the division data that ends at ``end`` starts, if one does."""
    gaz = lexicon.gazetteer
    for start in range(max(floor, end - 9), end - 1):
        piece = text[start:end]
        if piece.endswith(_REGION_ENDINGS) and (gaz.lookup(piece) or piece in gaz.towns):
            return start
    return None


def _region_ends_at(tokens: list[Token], k: int, lexicon: Lexicon) -> bool:
    """Whether a region name ends with ``tokens[k]``: 王陵/街道, or 黄集镇 in 市黄/集镇
    (jieba's words need not start where the name does)."""
    if tokens[k].word in {"社区", "村"} and k > 0:
        return True  # 梅岭社区颐年路: a road named after its community
    text = "".join(t.word for t in tokens[max(0, k - 2) : k + 1])
    if not text.endswith(_REGION_ENDINGS):
        return False
    gaz = lexicon.gazetteer
    return any(gaz.lookup(text[i:]) or gaz.towns.get(text[i:]) for i in range(len(text) - 1))


def _suffix_names(text: str, sentence: Sentence, tokens: list[Token], lexicon: Lexicon) -> Iterator[Mention]:
    for i, token in enumerate(tokens):
        suffix, suffix_start = _suffix_at(token.end, text, sentence.start, lexicon)
        if suffix is None:
            continue
        if i + 1 < len(tokens) and _continues_name(tokens[i + 1], lexicon) and not (
            token.word in _CLOSING_HEADS and lexicon.suffixes[tokens[i + 1].word].type in {"Program", "Project"}
        ):
            continue  # 街道 in 街道办事处: the longer name is found at its own end (but …有限公司|布局 ends at 公司)
        j = i
        while tokens[j].start > suffix_start:
            j -= 1  # tokens[j] holds the suffix's first character
        head = tokens[j]
        if len(suffix.text) == 1 and suffix.text not in _UNIT_OF_BODY_ONLY and (
            text[suffix_start - 1] in _NUMERALS or text[suffix_start - 1] in "余多"  # 2400余处
            or head.start < suffix_start and not _field_and_head(head, suffix_start, lexicon)
            and (_common_word(text[suffix_start - 1 : token.end], lexicon) or head.tag in {"i", "l"} and lexicon.word_frequency(head.word) > 0)
        ):
            continue  # 路 in 思路 or 兵分两路, 局 in 全局 or 新格局, 部 in 规章10部: the suffix is part of another word
        press = i + 1 < len(tokens) and tokens[i + 1].word in _PRESS_NEXT and suffix.type == "Organization"
        if suffix.text in _PRESS_ONLY and not press:
            continue  # 报 names a paper only where its reporter or its 讯 follows (汇报, 年报 are no papers)
        if suffix.text in _PLACE_LED_ONLY and not _place_before(text, sentence.start, suffix_start, lexicon):
            continue  # 港 names a port only after its place (岚山港, 宁波港), not in 香港
        start_index = j
        after_region = after_other = False
        registered = suffix.type == "Company" and bool(_LEGAL_FORMS.search(suffix.text))  # …有限公司
        k = j - 1
        while k >= 0 and token.end - tokens[k].start <= _MAX_NAME and (
            _name_token(tokens[k], lexicon)
            # 辽河/口/农村商业银行: a character jieba took for a measure word ends the place before it
            or (tokens[k].tag == "q" and len(tokens[k].word) == 1 and k > 0 and tokens[k - 1].tag == "ns")
            # 张掖市胸痛/救治/专科联盟: an alliance is named for what its members do, after its place
            or (suffix.type == "Alliance" and tokens[k].tag == "v" and _place_opens(tokens, k, lexicon))
            # 二连浩特通达/换装/服务有限公司, 榄/g 丰/ag 电器有限公司, 榄丰电器（墨西哥）有限公司
            or (registered and _in_registered_name(tokens, k, lexicon))
            # 甘肃省/县级/医院发展联盟, 梨树县/现代/物流园: after its place, a word that usually opens a phrase is in the name
            # (but 辽宁省/省级/特色产业园区 is a rank, not a name)
            or (k > 0 and len(tokens[k].word) >= 2 and tokens[k].word in lexicon.left_boundaries
                and (tokens[k].tag == "t" or tokens[k].tag == "b" and suffix.type == "Alliance")
                and tokens[k - 1].tag == "ns" and lexicon.gazetteer.lookup(tokens[k - 1].word))
            # 白鹭湾发展有限公司: a verb that is usually a boundary, right before a head
            or (tokens[k].word in lexicon.name_verbs and (k == j - 1 or tokens[k + 1].word in lexicon.suffixes or tokens[k + 1].word in lexicon.name_verbs))
            # 广西驰远液压…: a name jieba does not know, cut into single characters after a place
            or _unknown_after_place(tokens, k, lexicon)
            # 织/篢铁路货场…: a rare name jieba cut into single characters, the first read as a verb
            or (tokens[k].tag.startswith("v") and tokens[k + 1].tag in _RARE_CHAR_TAGS and tokens[k + 1].word not in _PLACE_PREPOSITIONS
                and _split_word(tokens, k, lexicon))
            # 省工业和信息化厅, 县发展和改革局: departments join their fields with 和
            or (suffix.type in _JOINED_FIELD_TYPES and not suffix.alone
                and (_department_and(tokens, k, text, sentence, lexicon) or _department_and(tokens, k + 1, text, sentence, lexicon)))
        ):
            if suffix.type in _SPLIT_AFTER_REGION and _region_ends_at(tokens, k, lexicon):
                after_region = True
                break
            if _ends_other_name(tokens[k], suffix, lexicon, any(t.word in _PARTY_BODIES for t in tokens[k + 1 : j + 1])) \
                    and not _institute_of_named_university(tokens, k, suffix, lexicon):
                other = lexicon.suffixes.get(tokens[k].word)
                after_other = other is not None and TOP_CLASSES.get(other.type, other.type) == "Organization"
                break
            if tokens[k].tag == "f" and tokens[k].word in _LOCATIVES and not (k > 0 and _split_word(tokens, k - 1, lexicon)):
                break  # 全国运动会上冬夏项目: 上 closes the phrase before the name (but 豫/中 理工学院 is a name cut up)
            if tokens[k].word in _CLOSING_HEADS and k > 0 and tokens[k - 1].word in _DEMONSTRATIVES:
                break  # 该公司阳江分公司: the unit of the company just named
            if tokens[k].word in _CLOSE_QUOTES and k + 1 < len(tokens) and tokens[k + 1].word in _OPEN_QUOTES:
                break  # “电商协会”“创业者协会”: two quoted names side by side
            start_index = k
            k -= 1
        if suffix.type == "Alliance" and k >= 0 and k + 1 == start_index and tokens[k].word == "全国":
            start_index = k  # 全国…协会: a national association is named so
        start_index = _after_open_bracket(tokens, start_index, j)
        walked_to = start_index
        while not after_region and start_index < j and tokens[start_index].tag in _WEAK_START and not _is_proper(tokens[start_index].word, tokens[start_index].tag, lexicon) and not _split_word(tokens, start_index, lexicon) \
                and not _town_short_at(text, tokens[start_index].start, lexicon):
            start_index += 1  # 好新一轮郑州航空港区: no name starts with an adverb or adjective
        if start_index > walked_to and _is_region_head(tokens[start_index].word, lexicon):
            start_index = walked_to  # 中部/f 地区开发区协会: the word before a region's head belongs to it
        while start_index < j and (tokens[start_index].tag == "x" or _QUANTITY.match(tokens[start_index].word)) \
                and not _capacity_at(tokens, start_index):
            if tokens[start_index].tag != "x":
                start_index = -1  # 42项为民办实事项目: counted, so generic
                break
            start_index += 1  # no name starts with punctuation
        if start_index < 0:
            continue
        start_index -= _place_crossing(tokens, start_index, text, lexicon)
        start = tokens[start_index].start
        if suffix.type in _SPLIT_AFTER_REGION:
            cut = _leading_region(text[start:suffix_start], lexicon)
            if cut:
                start, after_region = start + cut, True  # 襄阳市黄集镇 (cut by jieba as 市黄/集镇)
        start = _village_start(text, start, sentence.start, lexicon)
        if text[start] in _PLACE_PREPOSITIONS and start + 1 < suffix_start and (
            text[start + 1] in _LEVEL_PREFIXES or _leading_region(text[start + 1 : suffix_start], lexicon)
        ):
            start += 1  # 往临泽县人民医院, 经省政府: a preposition jieba glued to the place
            if tokens[start_index].end <= start:
                start_index += 1
        modifier = text[start:suffix_start]
        if not modifier:
            if suffix.alone and _is_alone(tokens, i):
                yield _mention(text, suffix_start, token.end, suffix.type, "suffix")
            continue
        # a word cut by the suffix keeps its tag only if the whole word is rare:
        # 中国矿业大学/nt vouches for 中国矿业, 上市公司/nt says nothing of 上市
        pieces = [
            (
                text[max(t.start, start) : min(t.end, suffix_start)],
                t.tag if t.end <= suffix_start or _rare_piece(t, start, suffix_start, lexicon) else "",
            )
            for t in tokens[start_index : j + 1]
        ]
        named_alone = (
            press  # 港城日报讯, 秦川农业报记者: a paper named where its reporter writes
            or (after_other and start_index == k + 1 and suffix.type in _UNIT_TYPES)  # 学院智能制造学院: a unit after its body
            or sum(len(piece) == 1 for piece, _ in pieces) >= 2 == len([p for p, _ in pieces if p]) and pieces[0][1] != "a"  # 蓼/北(大道), not 老/旧(小区)
            or (TOP_CLASSES.get(suffix.type, suffix.type) == "Region" and (modifier[-1] in _PLACE_CHARS or head.tag == "ns"))  # 枇杷湾社区, 华东地区/ns
            or (start_index > 0 and tokens[start_index - 1].word in _OWNER_REFERENCES)  # 该校机电工程学院: a unit of the one just named
            or (start_index > 1 and tokens[start_index - 1].word in _CLOSING_HEADS and tokens[start_index - 2].word in _DEMONSTRATIVES)
            or _starts_with_place(modifier, lexicon)  # 陈集镇卫生院 (cut 陈/集镇): named after its place
            or (suffix.text in _UNIT_HEADS and (_is_region_word(pieces[0], lexicon) or pieces[0][0] in _LEVEL_PREFIXES))  # 华北分公司, 县邮政分公司
            or (TOP_CLASSES.get(suffix.type, suffix.type) != "Region" and any(_split_word(tokens, k, lexicon) for k in range(start_index, j)))
            or any(_is_proper(piece, tag, lexicon) for piece, tag in pieces if piece)
            or (suffix.type == "Company" and pieces[0][1] == "ns" and len(pieces[0][0]) >= 2)  # 黄河/ns 食品: a brand after a place jieba knows well
            # 区科技局, 街道党工委, 县融媒体中心: a body of the level the text is about
            or (TOP_CLASSES.get(suffix.type, suffix.type) == "Organization" and (pieces[0][0] in _LEVEL_PREFIXES or modifier == "街道"))
            or (pieces[0][0] in lexicon.suffixes and lexicon.suffixes[pieces[0][0]].alone)  # 县委组织部
            or (TOP_CLASSES.get(suffix.type, suffix.type) in {"Facility", "Park"}
                and any(piece in _PLACE_CHARS for piece, _ in pieces[1:]))  # 罗汉/岭 生态湿地
        )
        generic_enough = (
            suffix.generic_ok and len(modifier) >= _MIN_GENERIC_MODIFIER.get(suffix.type, 3)
            # 利用产业联盟: a verb that is no trade opens a clause, not a name
            and not (tokens[start_index].tag.startswith("v") and tokens[start_index].word not in lexicon.name_verbs)
        )
        proper = after_region or named_alone  # 铜山区云栖南路: a place named right after its region
        if after_region and not named_alone and (not generic_enough or _park_kind(suffix)) and _named_by_its_place(suffix):
            # 青石镇蔬菜批发市场: common words after the place name nothing alone; the place is part of the name
            region_start = _region_start(text, sentence.start, start, lexicon)
            if region_start is not None:
                start = region_start
                start_index = next((n for n, t in enumerate(tokens) if t.start == start), start_index)
                modifier = text[start:suffix_start]
        if suffix.text == "市场" and (_is_region_word(pieces[-1], lexicon) or modifier.endswith(("三角", "地区", "湾区", "国内", "国际", "海外"))):
            continue  # 长三角市场, 东南亚市场: buyers in a region, not a market place
        if suffix.text == "村" and modifier.endswith(("驻", "进", "包", "到")):
            continue  # 选派驻村第一书记, 进村入户: a stay in villages, not a village
        if suffix.text == "处" and modifier.endswith(("交汇", "交界", "交叉", "相交", "入口", "出口", "路口", "结合")):
            continue  # 渭北大道与虢川路交汇处: where two roads meet, not an office
        if suffix.text in _UNIT_OF_BODY_ONLY and (len(modifier) < 2 or not (after_other or _UNIT_OF_BODY.search(modifier))):
            continue  # 科 names a section only of a body (市财政局教科文科), not in 医院内科 or 本科
        if suffix.text.endswith("子公司") and modifier.endswith(("全资", "控股", "参股", "的")):
            continue  # A控股子公司B: A's role for B, not a name
        if suffix.text in _RANK_HEADS and _a_rank(modifier, lexicon):
            continue  # 江西省重点实验室, 获评国家工程技术研究中心: a rank of labs, not one lab
        if suffix.type == "Project" and clean_name(modifier).endswith(_PROJECT_QUALIFIERS + ("计划", "专项", "行动")):
            continue  # 赭麓高新区重点项目, 科技计划项目: many projects of a kind or a programme, not one named
        if not (proper or generic_enough) or (suffix.type == "Project" and len(clean_name(modifier)) < _MIN_PROJECT_NAME):
            continue
        if not _balanced(text[start : token.end]) or _counted(tokens, start_index) or _plural_after(tokens, i) \
                or text[start] in "各每诸" and not _place_opens(tokens, start_index + 1, lexicon):  # 诸多 / 诸暨
            continue
        if _kind_phrase(modifier, suffix, tokens[start_index : j + 1], lexicon):
            continue
        if suffix.type == "Company" and suffix.text not in _CLOSING_HEADS and not registered and (
            i + 1 < len(tokens) and tokens[i + 1].word in _TRADE_FOLLOWERS or _SECTOR_LIST_AFTER.match(sentence.text, token.end - sentence.start)
            or 0 < len(modifier) == _leading_region(modifier + "的", lexicon)
        ):
            continue  # 河北食品产业, 江苏化工行业, 在锂电新材料、光伏制造等领域, 米东区化工: a place's trade, not a company
        if TOP_CLASSES.get(suffix.type, suffix.type) == "Organization":
            start = _after_kind(text, tokens, start, j, lexicon)  # 研发中心|澄丰电器研究院
        start = _after_role(tokens, start, j)  # 园区运营方|南通滨江…有限公司
        cls = _unit_type(modifier, suffix.type, lexicon) if suffix.text in _UNIT_HEADS else suffix.type
        if suffix.text.endswith("工程") and _built_works(text, sentence.start, start, modifier):
            cls = "Project"  # 观音寺调蓄工程, 建成…治理工程: works that are built, not a programme
        yield _mention(text, start, token.end, cls, "suffix")


def _a_rank(modifier: str, lexicon: Lexicon) -> bool:
    """Whether a lab's modifier is only a rank (国家, 省级) or a place with its level,
    maybe after the verb that confers it (获评浙江省)."""
    return any(
        modifier[k:] in _RANKS or _leading_region(modifier[k:] + "的", lexicon) == len(modifier) - k > 0
        for k in range(len(modifier))
    )


_RANK_HEADS = frozenset({"重点实验室", "工程技术研究中心", "工程研究中心", "技术创新中心", "企业技术中心", "实验室"})
_RANKS = frozenset({"国家", "国家级", "省级", "市级", "全国", "省", "市", "国家重点"})

# Bodies whose names may join two fields: 发展和改革局, 焊接与切割行业协会.
_JOINED_FIELD_TYPES = frozenset({"GovernmentBody", "Alliance", "EducationalOrganization"})


def _after_open_bracket(tokens: list[Token], start_index: int, j: int) -> int:
    """Where a name starts that the scan ran past an opening bracket for:
    韩丽（市财政局教科文科）names 市财政局教科文科, not 韩丽（…."""
    depth = 0
    for k in range(j, start_index - 1, -1):
        word = tokens[k].word
        depth += word.count(")") + word.count("）") - word.count("(") - word.count("（")
        if depth < 0:
            return k + 1
    return start_index


def _town_short_at(text: str, start: int, lexicon: Lexicon) -> bool:
    """Whether a town's name without its 镇/乡 starts here (小/沙江 for 小沙江镇)."""
    towns = lexicon.gazetteer.towns
    return any(text[start : start + n] + head in towns for n in (2, 3) for head in ("镇", "乡"))


def _capacity_at(tokens: list[Token], k: int) -> bool:
    """20/GWh储能电池项目, 200/兆瓦风电项目: a number with its unit is a capacity in a name, not a count."""
    return (tokens[k].word.isdigit() and k + 1 < len(tokens)
            and (tokens[k + 1].tag == "eng" or bool(_CAPACITY_UNIT.fullmatch(tokens[k + 1].word))))


_CAPACITY_UNIT = re.compile(r"[万千百亿]*(?:吨|千瓦|兆瓦|瓦|台|套|平方米|立方米|米|头|羽|亩)")


def _department_and(tokens: list[Token], k: int, text: str, sentence: Sentence, lexicon: Lexicon) -> bool:
    """Whether ``tokens[k]`` is the 和 inside a department's name (发展和改革局), joining two
    fields; 农业部和商务部, where a body ends before 和, are two."""
    return (0 < k < len(tokens) and tokens[k].word in ("和", "与", "及")
            and (tokens[k - 1].tag.startswith(("n", "vn")) or tokens[k - 1].word in lexicon.name_verbs)
            and tokens[k - 1].tag != "ns"  # 孟连县与普洱…研究所: a place and another body, not two fields
            and not (k + 1 < len(tokens) and tokens[k + 1].tag == "ns" and lexicon.gazetteer.lookup(tokens[k + 1].word))  # A与B县人民政府
            and _suffix_at(tokens[k].start, text, sentence.start, lexicon)[0] is None)


# Words after a trade that make it a place's industry, not a company's name.
# The rest of a list of trades: …、光伏制造、高原生物医药等领域.
_SECTOR_LIST_AFTER = re.compile(r"(?:[、和及与][^、，,。；;和及与]{1,10})*等?(?:领域|产业|行业|赛道|方向)")
_TRADE_FOLLOWERS = frozenset({"产业", "行业", "企业", "领域", "板块", "产业链", "集群", "产品", "工业", "经济", "产量", "产值", "出口"})
# Words before 市场 that make it the market of an economy, not a marketplace:
# 国际市场, 消费市场, 资本市场 (a marketplace is named by its place or its goods).
_ECONOMIC_MARKETS = frozenset(
    {"国际", "国内", "海外", "全球", "境外", "国外", "城乡", "农村", "区域", "本地", "当地", "消费", "资本", "金融",
     "要素", "人才", "劳动力", "土地", "技术", "数据", "产权", "碳排放", "房地产", "商品", "终端", "下沉", "细分"}
)


def _kind_phrase(modifier: str, suffix, words: list[Token], lexicon: Lexicon) -> bool:
    """Whether ``modifier`` + suffix describes a kind of thing, whatever else
    vouched for it: two heads side by side (港口码头), a style (嵌入式社区,
    开放式街区), an economy's market (青川特色产品国际市场)."""
    other = lexicon.suffixes.get(modifier)
    if other is not None and not other.alone and TOP_CLASSES.get(other.type, other.type) == TOP_CLASSES.get(suffix.type, suffix.type):
        return True  # (but 区政府督查室: a body's own office)
    if modifier.endswith("式") and len(modifier) >= 2:  # (not 型: 新车型项目 is one)
        return True
    before = words[-2].word if suffix.text == "市场" and len(words) >= 2 and words[-1].word == "市场" else None
    return before in _ECONOMIC_MARKETS


def _rare_piece(token: Token, start: int, suffix_start: int, lexicon: Lexicon) -> bool:
    """中国矿业大学/nt vouches for 中国矿业 (a rare word, a rare piece); 公立医院/nt says
    nothing of 公立, a common word."""
    piece = token.word[max(0, start - token.start) : suffix_start - token.start]
    return lexicon.word_frequency(token.word) < _RARE_NAME and lexicon.word_frequency(piece) < 100


def _common_word(word: str, lexicon: Lexicon) -> bool:
    return lexicon.word_frequency(word) >= 500


# Heads after which a name is complete; a trade word (材料, 食品) can go on
# into a longer name (西岭新材料产业联盟).
_CLOSING_HEADS = frozenset(
    {"公司", "有限公司", "股份有限公司", "有限责任公司", "集团", "集团公司", "银行", "大学", "学院", "医院", "委员会", "政府"}
)
_UNIT_HEADS = ("分公司", "子公司", "分行", "支行", "分院", "分会", "分局", "分中心", "办事处")


# Departments, named after the company or body they belong to (…集团人力资源部, …集团党委宣传部).
_DEPARTMENT_HEADS = ("部", "处", "科", "办公室")
_PARTY_BODIES = frozenset({"党委", "党工委", "党组"})


def _ends_other_name(token: Token, suffix, lexicon: Lexicon, party_between: bool = False) -> bool:
    """种子公司荷兰…公司: a company name ends at 公司, so the next name starts after
    it, as 形象工程政绩工程 holds two names; but a branch is named after its
    parent (…有限公司永安分公司)."""
    if token.word in ("子公司", "全资子公司", "控股子公司"):
        return True  # A控股子公司|B有限公司: the role ends before the subsidiary's own name
    if token.word in _CLOSING_HEADS and suffix.type == "Alliance":
        return False  # 县级医院发展联盟, 银行业协会: an alliance is named after its members' kind
    if token.word in _CLOSING_HEADS:
        # (a department of the company's party committee, 集团党委宣传部, is the committee's)
        return not suffix.text.endswith(_UNIT_HEADS + (() if party_between else _DEPARTMENT_HEADS))
    other = lexicon.suffixes.get(token.word)
    # 形象工程政绩工程; A产业园建设园区级平台: a park's name ends at its park word
    return other is not None and other.type == suffix.type and other.type in {"Program", "Project", "Park"}


_UNIVERSITY_UNITS = ("学院", "研究院", "研究所", "实验室", "研究中心", "医院")


def _institute_of_named_university(tokens: list[Token], k: int, suffix, lexicon: Lexicon) -> bool:
    """华东智造大学|武进智能装备研究院 is one name, the university's institute; but
    学院|智能制造学院 names the unit alone, after a word for the body."""
    return (tokens[k].word in ("大学", "学院") and suffix.text.endswith(_UNIVERSITY_UNITS) and k > 0
            and _is_proper(tokens[k - 1].word, tokens[k - 1].tag, lexicon))


def _is_alone(tokens: list[Token], i: int) -> bool:
    """区委 stands alone where no name runs into it (not 社区党委, not 中共X区委)."""
    return i == 0 or tokens[i - 1].tag in {"x", "p", "c", "uj", "v", "d"} or tokens[i - 1].word in {"的", "、"}


def _split_word(tokens: list[Token], k: int, lexicon: Lexicon) -> bool:
    """Whether ``tokens[k]`` and the next are single characters that are no
    function words: a word jieba does not know, cut up (锐/驰, 极/瞳)."""
    def single(t: Token) -> bool:
        return (len(t.word) == 1 and t.tag not in _JOINING_TAGS and t.word not in _GLUE_CHARS
                and t.word not in _LEVEL_PREFIXES and t.word not in _NUMERALS and t.word not in lexicon.left_boundaries)
    # 老/旧, 高/危: an adjective first is a description, not a brand
    return k + 1 < len(tokens) and single(tokens[k]) and single(tokens[k + 1]) and tokens[k].tag != "a"


_RESULT_COMPLEMENTS = frozenset("好完成到起出住掉开强大优实牢")


def _field_and_head(head: Token, suffix_start: int, lexicon: Lexicon) -> bool:
    """财政局/nt is 财政 and 局, though 政局 is a word; 新格局/nt is no 局."""
    return head.tag == "nt" and lexicon.word_frequency(head.word[: suffix_start - head.start]) > 0


def _unknown_after_place(tokens: list[Token], k: int, lexicon: Lexicon) -> bool:
    """Whether ``tokens[k]`` is in a run of two or three single characters
    (or a rare word among them) right after a place name: how jieba cuts a
    brand it does not know (四川/泓/钧/储能…, 芜湖/极/瞳/光电…)."""
    def piece(t: Token) -> bool:
        # jieba's tags of the characters of a word it does not know mean little (泓/q, 极/d)
        if t.word in lexicon.left_boundaries or t.word in _GLUE_CHARS or t.tag in _JOINING_TAGS:
            return False
        if len(t.word) == 2 and _is_city(t.word, lexicon):
            return False  # 宁德/闽/泓: the place before the brand, not a piece of it
        return len(t.word) == 1 or len(t.word) == 2 and lexicon.word_frequency(t.word) < _RARE_NAME

    if not piece(tokens[k]):
        return False
    start, end = k, k + 1
    while start > 0 and piece(tokens[start - 1]) and end - start < 4:
        start -= 1
    while end < len(tokens) and piece(tokens[end]) and end - start < 4:
        end += 1
    run = tokens[start:end]
    before = tokens[start - 1] if start else None
    singles = sum(len(t.word) == 1 for t in run)
    if len(run) == 2 and run[0].tag.startswith("v") and run[1].word in _RESULT_COMPLEMENTS:
        return False  # 建/好, 做/强: a verb and its result
    if before is None or before.tag in {"x", "p", "uj"}:
        return singles == len(run) == 2  # 建设的极/瞳车载…, ，锐/驰汽车…, 把穿/山…: a phrase starts with the brand
    if before.tag.startswith("v"):
        return singles == len(run) == 2 and run[0].tag not in {"a", "d"}  # 签约联/晟桃源…, not 打造新/…
    unknown = singles >= 2 or any(len(t.word) > 1 for t in run)
    return unknown and (before.tag == "ns" or bool(lexicon.gazetteer.lookup(before.word)))


def _continues_name(token: Token, lexicon: Lexicon) -> bool:
    """Whether ``token`` extends a name into a longer one with its own suffix."""
    return token.word in lexicon.suffixes and lexicon.suffixes[token.word].type in {
        "GovernmentBody", "Organization", "Company", "Facility", "Alliance", "Park", "EducationalOrganization", "Program", "Project"
    }


def _balanced(span: str) -> bool:
    opens = sum(span.count(c) for c in _OPEN_QUOTES + "(（")
    closes = sum(span.count(c) for c in _CLOSE_QUOTES + ")）")
    return opens == closes


_QUANTITY = re.compile(r"^([0-9零一二两三四五六七八九十百千万几多余]+[个家所座条项批类名]?|[个家所座条项批类])$")

_APPROXIMATE = frozenset({"左右", "以上", "以下", "上下", "余", "多", "余家", "多家", "左右的", "以上的"})


def _counted(tokens: list[Token], start_index: int) -> bool:
    """8个园区, 14个街道特色产业园, 这条路: a count or a demonstrative right before the name makes it generic."""
    if start_index == 0:
        return False
    before = tokens[start_index - 1]
    if before.word in _APPROXIMATE and start_index >= 2:
        before = tokens[start_index - 2]  # 800家左右…服务中心: an approximate count is a count
    if before.word in _OWNER_REFERENCES:
        return False  # 该校机电工程学院: a unit of the one just named, not 这条路
    if before.word in _GENERIC_BEFORE or (before.word[0] in _DEMONSTRATIVES and before.tag in {"r", "rz"}):
        return True
    return bool(_QUANTITY.match(before.word)) and before.tag in {"m", "q", "mq"}


def _plural_after(tokens: list[Token], i: int) -> bool:
    """老旧小区63个: a count right after the name."""
    if i + 1 >= len(tokens):
        return False
    after = tokens[i + 1]
    return after.tag == "m" and bool(re.match(r"^[0-9]+[个家所座条项]?$", after.word)) and (
        i + 2 < len(tokens) and tokens[i + 2].word in {"个", "家", "所", "座", "条", "项"} or after.word[-1:] in "个家所座条项"
    )
