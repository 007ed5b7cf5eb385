"""The statistical model: names the CLUENER-trained CRF (``kg.crf``) finds where
the rules found none, and the filter on how sure it must be and what class a
name of its is.
"""

from __future__ import annotations

from collections.abc import Iterator

from kg.lexicon import TOP_CLASSES, Lexicon
from kg.mentions.common import (
    _COMMON_WORD, _DIGITS, _FUNCTION_TAGS, _GENERIC_BEFORE, Token, _mention, _suffix_at, clean_name,
)
from kg.mentions.divisions import _division_class, _generic_town, _supported
from kg.types import Mention, Sentence


# How sure the CLUENER-trained CRF (kg.crf) must be, per label, before a name
# no rule found is taken.
_MODEL_CONFIDENCE = {"PER": 0.6, "ORG": 0.7, "COMPANY": 0.7, "ADDRESS": 0.7}
# Surer still for a person's name without a family name (a transliteration:
# 温格), a famous one jieba has as a frequent word (周杰伦, but also 张嘴), and a
# single common word (央行 or 科协: a name as often as a kind).
_NO_FAMILY_NAME = 0.7
_SURE = 0.85
_CERTAIN = 0.95
_MODEL_CLASSES = {"ORG": "Organization", "COMPANY": "Company"}
_MODEL_HEADS = {
    "ORG": tuple("院部委局会办所署队团社厅处站馆校军") + ("组织", "中心", "协会", "联盟", "大学", "学院", "医健集团"),
    "COMPANY": ("公司", "集团", "银行", "分行", "证券", "保险", "信托", "控股", "地产", "置业", "传媒", "商场", "超市", "酒店"),
}
_EVENT_HEADS = ("杯", "赛", "联赛", "锦标赛", "奖", "节", "展", "论坛", "峰会")
_WEAK_LEADS = ("深化", "严格", "加强", "推进", "建设", "省级", "市级", "县级", "区域")


def _with_model_names(text: str, sentence: Sentence, tokens: list[Token], lexicon: Lexicon, kept: list[Mention]) -> list[Mention]:
    """``kept`` and the names the statistical model finds where the rules found
    none, or only a place inside the model's longer name (美国 in 美国海军, 秀英 in 陈秀英)."""
    found = list(kept)
    for mention in _model_names(text, sentence, tokens, lexicon):
        if _generic_town(mention, text):
            continue
        overlapping = [m for m in found if m.start < mention.end and mention.start < m.end]
        if not overlapping or mention.type in {"Organization", "Company", "Person"} and all(
            m.rule == "division" and mention.start <= m.start and m.end <= mention.end and m.end - m.start < len(mention.text)
            and (mention.type != "Person" or m.start > mention.start)  # 陈秀英: a district's name after the family name
            for m in overlapping
        ):
            found = [m for m in found if m not in overlapping] + [mention]
    return found


def _model_names(text: str, sentence: Sentence, tokens: list[Token], lexicon: Lexicon) -> Iterator[Mention]:
    """Names from the statistical model, where it is sure, the span falls on
    jieba's word boundaries and it looks like a name of its kind (``_model_class``)."""
    from kg.crf import scored_spans

    for start, end, label, confidence in scored_spans(sentence.text, [(t.word, t.tag) for t in tokens]):
        start, end = sentence.start + start, sentence.start + end
        if confidence < _MODEL_CONFIDENCE[label]:
            continue
        inside = [t for t in tokens if start <= t.start and t.end <= end]
        if not inside or inside[0].start != start or inside[-1].end != end:
            continue  # the model cut through a word
        cls = _model_class(clean_name(text[start:end]), label, confidence, inside, text, lexicon)
        if cls is not None and not (cls in {"Organization", "Company"} and _kind_named(tokens, tokens.index(inside[0]), inside)):
            yield _mention(text, start, end, cls, "model")


# Heads of a kind of body, never of one body: 教育部门, 监管机构, 责任单位.
_KIND_HEADS = ("部门", "机构", "单位")
_LIST_JOINERS = frozenset({"、", "和", "及", "与", "以及"})


def _kind_named(tokens: list[Token], first: int, words: list[Token]) -> bool:
    """Whether an organisation the model found is a kind: its head says so, or a
    word such as 各 or 一批 stands before it or before the list it ends
    (各经济合作组织, 新建一批区域医疗中心和公共卫生中心)."""
    name = "".join(w.word for w in words)
    if name.endswith(_KIND_HEADS) or name[0] in "各每诸":  # 各街道党工委: every one of them
        return True
    k = first - 1
    while k >= 0:
        word, tag = tokens[k].word, tokens[k].tag
        if word in _GENERIC_BEFORE:
            return True
        if tag.startswith("v") or (tag == "x" and word not in _LIST_JOINERS):
            return False
        k -= 1
    return False


# Tags under which jieba knows a frequent word as a name (利物浦, 中信), not as a kind of thing.
_KNOWN_NAME_TAGS = frozenset({"nr", "nrt", "nrfg", "ns", "nz", "eng"})
_BRAND_TAGS = frozenset({"nrt", "nz", "eng"})  # not nr: jieba tags common words such as 养老 nr
_LONG_NT = 5  # characters from which jieba's nt words are names (国家统计局), not kinds (科研院所)


def _name_evidence(words: list[Token], lexicon: Lexicon) -> bool:
    """Whether a span is a name rather than a kind of thing (区机关, 监管部门):
    a word of it is rare, known as a name, or has digits or Latin letters, or
    two single characters stand side by side, which is how jieba splits a word
    it does not know (新/韩/银行)."""
    if any(len(a.word) == 1 == len(b.word) and a.tag not in _FUNCTION_TAGS and b.tag not in _FUNCTION_TAGS
           for a, b in zip(words, words[1:])) or len(words) == 1 == len(words[0].word):
        return True
    return any(
        len(w.word) > 1 and (lexicon.word_frequency(w.word) < _COMMON_WORD or w.tag in _KNOWN_NAME_TAGS or _DIGITS.search(w.word))
        for w in words
    )


def _common_verb(word: Token, lexicon: Lexicon) -> bool:
    return word.tag.startswith("v") and len(word.word) > 1 and lexicon.word_frequency(word.word) >= _COMMON_WORD


def _model_place_class(name: str, words: list[Token], lexicon: Lexicon) -> str | None:
    """A place the division data does not know: a city abroad (东京), or one
    ending in a place's head (文汇路, 长安街)."""
    if name in lexicon.gazetteer.world_cities:
        return "City"
    suffix, _ = _suffix_at(len(name), name, 1, lexicon)
    if suffix is None or TOP_CLASSES.get(suffix.type, suffix.type) not in {"Region", "Facility", "Park"}:
        return None
    if len(words) == 1:
        return suffix.type if lexicon.word_frequency(name) < _COMMON_WORD else None  # 石桥镇, not 城镇
    before = words[:-1]
    # 和/美/乡村: one character before the head is too little to name a place
    return suffix.type if sum(len(w.word) for w in before) >= 2 and _name_evidence(before, lexicon) else None


def _model_class(name: str, label: str, confidence: float, words: list[Token], text: str, lexicon: Lexicon) -> str | None:
    """The class of a name the model found, or None when it does not look like one:
    a person's name starts with a family name and is no common word; a place is
    in the division data (with the text's support), a city abroad, or ends in a
    place's head; a company or organisation is a name jieba knows, or ends in
    its brand (a word jieba does not know) or in its kind's head after a name.
    CLUENER's news is not policy text: there the model also reads trades
    (新能源汽车), kinds (区机关) and verb phrases (汇聚科技) as names.
    """
    if len(name) < 2 or not all("\u4e00" <= ch <= "\u9fff" or ch.isalnum() or ch in "·•" for ch in name):
        return None
    if label == "ADDRESS":
        return _division_class(name, lexicon) if _supported(name, text, lexicon) else _model_place_class(name, words, lexicon)
    if label == "PER":
        if name.isascii() and not name[0].isupper():
            return None  # an English word the model reads as a name (looked), not one written as a name (Steven)
        family = name[:2] if name[:2] in lexicon.surnames else name[:1]
        surname_led = len(name) <= 4 and family in lexicon.surnames
        known = lexicon.word_frequency(name) < _COMMON_WORD or (
            len(words) == 1 and words[0].tag.startswith("nr") and confidence >= _SURE
        )
        return "Person" if known and (surname_led or confidence >= _NO_FAMILY_NAME) else None
    if len(words) > 1 and _common_verb(words[0], lexicon) or name.startswith(_WEAK_LEADS):
        return None  # 汇聚科技向…, 深化零基…: a verb and its object
    if any(w.word == "是" for w in words):
        return None  # 新厂区投产是集团…: a clause, not a name
    if name.endswith(_EVENT_HEADS):
        return None  # 中国足协杯: a competition, not who holds it
    if len(words) == 1 and (
        words[0].tag in _KNOWN_NAME_TAGS
        or words[0].tag == "nt" and (label == "COMPANY" or len(name) >= _LONG_NT)
        or words[0].tag == "j" and label == "COMPANY"
        or confidence >= _CERTAIN
    ):
        return _MODEL_CLASSES[label]  # 利物浦, 交通银行, 最高人民法院: a name jieba knows
    last = words[-1]
    brand = len(last.word) > 1 and (lexicon.word_frequency(last.word) == 0 or last.tag in _BRAND_TAGS) or (
        len(words) > 1 and len(last.word) == 1 == len(words[-2].word)
    )
    head = name.endswith(_MODEL_HEADS[label]) and len(words) > 1 and (len(words) >= 4 or _name_evidence(words, lexicon))
    # a company or organisation ends in its brand or its kind; 新能源汽车 and 农村居家养老 end in a trade
    return _MODEL_CLASSES[label] if brand or head else None
