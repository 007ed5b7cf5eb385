"""What the finder families share: the tokenizer (jieba's words and tags, with
offsets, a post glued to its body cut off), ``clean_name`` and ``_mention``,
``filter_spans``, the longest suffix at a place (``_suffix_at``), and the tag
sets, character sets and word-frequency bounds more than one family reads.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from kg.lexicon import TOP_CLASSES, Lexicon
from kg.types import Mention


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    word: str
    tag: str


_QUOTES = "“”\"「」『』《》〈〉‘’'"
_OPEN_QUOTES = "“「『《〈‘"
_CLOSE_QUOTES = "”」』》〉’"
_QUOTE_TABLE = str.maketrans("", "", _QUOTES)
# Tags of words that can be part of a name (jieba's ICTCLAS-style tags).
_NAME_TAGS = {"n", "nr", "nr1", "nr2", "nrt", "nrfg", "ns", "nt", "nz", "nw", "j", "eng", "vn", "an", "a", "b", "f", "s", "t", "x", "m", "ng", "nl", "g", "zg", "yg", "l"}
# Tags that are evidence of a proper name rather than a common word.
_PROPER_TAGS = {"nr", "nrt", "nrfg", "ns", "nt", "nz", "eng"}
_INNER_PUNCT = set("()（）+·-—&") | set(_QUOTES)
_DIGITS = re.compile(r"[0-9A-Za-z]")
_MAX_NAME = 32  # characters; stock codes, quotes and brackets make some names long


_STOCK_CODE = re.compile(r"[(（]\d{6}[)）]")


def clean_name(text: str) -> str:
    """The name a span gives: quotation and book-title marks, spaces and stock
    codes (中航精机(002013)) removed."""
    return "".join(_STOCK_CODE.sub("", text).translate(_QUOTE_TABLE).split())


def tokenize(text: str, offset: int, lexicon: Lexicon) -> list[Token]:
    """jieba's words and tags, with offsets; a post glued to the word before it
    (局局长 in 科技局局长) is cut off as a word of its own, and so are function
    characters jieba's guesser glued into a name (由林达集团, 委和省)."""
    tokens = []
    position = offset
    words = [tuple(pair) for pair in lexicon.tokenizer.lcut(text)]
    for index, (jieba_word, jieba_tag) in enumerate(words):
        following = words[index + 1][0] if index + 1 < len(words) else ""
        if jieba_word in lexicon.titles and len(jieba_word) == 2 and following and lexicon.gazetteer.lookup(jieba_word[1] + following):
            # 生态环境局长/汀/分局 is 局 and 长汀: a post jieba made of a head and a place
            tokens.append(Token(position, position + 1, jieba_word[0], "n"))
            position += 1
            words[index + 1] = (jieba_word[1] + following, "ns")
            continue
        if tokens and jieba_word[0] in _JOINING_CHARS and len(jieba_word) > 1 and (
            tokens[-1].word in lexicon.suffixes and lexicon.word_frequency(jieba_word) == 0
            and TOP_CLASSES.get(lexicon.suffixes[tokens[-1].word].type) != "Region"
            # 中心和县政务服务中心: 和县 is a county, but after a body's name 和 joins the next body
            or jieba_word[1:] in _LEVEL_PREFIXES and _body_ends_at(position - offset, text, lexicon)
        ):
            # (not after a region's head: 杨家坪街道和鸣苑小区 is the compound 和鸣苑 in the subdistrict)
            tokens.append(Token(position, position + 1, jieba_word[0], "c"))  # 项目和鲁/东南: 和 joins two names
            position += 1
            jieba_word = jieba_word[1:]
        for word, tag in _unglued(jieba_word, jieba_tag, lexicon):
            post = _glued_post(word, lexicon) or ("讯" if len(word) >= 3 and word.endswith("报讯") else None)  # 晨报讯: the paper, then its 讯
            pieces = [(word[: -len(post)], tag), (post, "n")] if post else [(word, tag)]
            for piece, piece_tag in pieces:
                tokens.append(Token(position, position + len(piece), piece, piece_tag))
                position += len(piece)
    return tokens


def _body_ends_at(end: int, text: str, lexicon: Lexicon) -> bool:
    suffix = _suffix_at(end, text, 0, lexicon)[0]
    return suffix is not None and TOP_CLASSES.get(suffix.type) == "Organization"


# Function characters jieba's guesser glues onto the unknown name after them
# (由林达/集团, 开发的海/渔/广场, 将五/夫古镇); family names such as 向 and 于 are left out.
_GLUE_CHARS = frozenset("由的了在与对把被从为给及是将")
_JOINING_CHARS = frozenset("和与及")
_JOINING_TAGS = frozenset({"x", "p", "c", "u", "uj", "ul", "r", "m"})


def _unglued(word: str, tag: str, lexicon: Lexicon) -> list[tuple[str, str]]:
    """A word jieba guessed (one not in its dictionary) split where a function
    character was glued in: 由林达 → 由 林达, 委和省 → 委 和 省."""
    if len(word) < 2 or tag == "x" or lexicon.word_frequency(word) > 0:
        return [(word, tag)]
    if word[0] in _GLUE_CHARS:
        # what is left is the guessed name; an idiom's tag (了瀚澜/i) said nothing of it
        return [(word[0], "p"), *_unglued(word[1:], "nz" if tag in {"i", "l"} else tag, lexicon)]
    if tag not in _PROPER_TAGS:
        return [(word, tag)]
    if word[0] in _LEVEL_CHARS:
        return [(word[0], "n"), *_unglued(word[1:], tag, lexicon)]  # 莫干山/镇仙潭/村: the town's 镇 is not the village's
    for i in range(1, len(word) - 1):
        if word[i] in _JOINING_CHARS:
            return [(word[:i], tag), (word[i], "c"), (word[i + 1 :], tag)]
    return [(word, tag)]


def _glued_post(word: str, lexicon: Lexicon) -> str | None:
    """The post at the end of ``word``: 局长 in 局局长, 书记 in 党委书记 (a body's
    head, then its post, so 五夫镇党委书记 names 五夫镇党委)."""
    for length in range(min(4, len(word) - 1), 1, -1):
        if word[-length:] in lexicon.titles and (word not in lexicon.titles or word[:-length] in lexicon.suffixes):
            return word[-length:]
    return None


def filter_spans(mentions: Iterable[Mention], priority: Callable[[Mention], int] = lambda m: 0) -> list[Mention]:
    """Keep the longest of overlapping mentions (ties: higher priority, then earlier).

    Like spaCy's ``filter_spans``: the result is sorted by start and no two
    kept mentions overlap.
    """
    ordered = sorted(mentions, key=lambda m: (-(m.end - m.start), -priority(m), m.start))
    taken: list[Mention] = []
    used: set[int] = set()
    for mention in ordered:
        span = range(mention.start, mention.end)
        if not any(i in used for i in span):
            taken.append(mention)
            used.update(span)
    return sorted(taken, key=lambda m: m.start)


_LEGAL_FORMS = re.compile(r"(?:集团)?(?:股份有限公司|有限责任公司|有限公司)$")


def _mention(text: str, start: int, end: int, cls: str, rule: str) -> Mention:
    span = text[start:end]
    return Mention(start, end, span, clean_name(span), cls, rule)


def _suffix_at(word_end: int, text: str, floor: int, lexicon: Lexicon):
    """The longest known suffix ending at ``word_end`` and starting at or after ``floor``."""
    for length in lexicon.suffix_lengths:
        start = word_end - length
        if start >= floor and text[start:word_end] in lexicon.suffixes:
            return lexicon.suffixes[text[start:word_end]], start
    return None, None


_DEMONSTRATIVES = frozenset("这那该此本其每各某")

_COMMON_WORD = 40  # jieba frequency above which a word is a common word, not a name part

# A single administrative-level character before a department names that
# level's body in the place the text is about: 区科技局, 县发改委, 市教育局.
_LEVEL_PREFIXES = frozenset("省市区县镇乡")

_PLACE_PREPOSITIONS = frozenset("往经赴至到向从在于由对")

_REGION_ENDINGS = ("省", "市", "区", "县", "街道", "镇", "乡")

_PROJECT_QUALIFIERS = ("重点", "重大", "在建", "新建", "续建", "签约", "招商", "产业")


def _leading_region(text: str, lexicon: Lexicon) -> int:
    """Length of the longest place name with its level (…市, …镇) that ``text`` starts with."""
    gaz = lexicon.gazetteer
    for end in range(len(text) - 1, 1, -1):
        piece = text[:end]
        if piece.endswith(_REGION_ENDINGS) and (piece in gaz.by_name or piece in gaz.towns):
            return end
    return 0


_BUILD_VERBS = re.compile("建设|建成|开工|竣工|续建|新建|完工|投运|施工|启用|通水|通车")
_PHYSICAL = re.compile("水|调蓄|灌区|排涝|防洪|河|江|湖|渠|堤|坝|闸|路|道|桥|管网|管道|电站|铁路|公路|隧道|港|机场|线|站|库|厂|楼|馆|古镇|设施|街|场|基地|改造|扩建|修缮|整治")


def _built_works(text: str, sentence_start: int, start: int, modifier: str) -> bool:
    before = text[sentence_start:start]
    clause = before[max((m.end() for m in re.finditer(r"[,，;；。:：]", before)), default=0) :]
    return bool(_BUILD_VERBS.search(clause) or _PHYSICAL.search(modifier))


_GENERIC_BEFORE = frozenset({"各", "每", "多个", "一批", "若干", "等", "一些", "这些", "那些", "部分", "有关"})

_FUNCTION_TAGS = {"c", "p", "u", "uj", "ul", "d", "r", "f", "q", "m"}

_LEVEL_CHARS = frozenset("省市县区镇乡")

_RARE_NAME = 20  # jieba has seen a brand name like 金源 a handful of times at most

_NOT_VILLAGE_STEM = frozenset("的了在和与及是为到从向对把被将于该本全各每进驻入出回这那其某")


def _village_stem(stem: str, lexicon: Lexicon) -> bool:
    """Whether ``stem`` + 村 is a village's name: 南插村 (南插, no word), not 贫困村 or 示范村
    (common words), 新农村 (a word itself) or 湾岭镇村 (a town before 村)."""
    return (
        all("\u4e00" <= ch <= "\u9fff" for ch in stem)
        and not any(ch in _NOT_VILLAGE_STEM for ch in stem)
        and stem[-1] not in "省市区县镇乡村街"
        and lexicon.word_frequency(stem[-1] + "村") < _COMMON_WORD  # 农业农村局: 农村 is a word
        and lexicon.word_frequency(stem) < _COMMON_WORD
        and lexicon.word_frequency(stem + "村") == 0
    )


def _village_start(text: str, start: int, floor: int, lexicon: Lexicon) -> int:
    """Where a name that opens with a village begins, when jieba cut the village's
    stem off it (大/边村黎锦…合作社, 南/插/村益农…合作社)."""
    head = text[start : start + 2]
    at = head.find("村")
    if at < 0 or start + at - 2 < floor:
        return start
    village_start = start + at - 2
    return village_start if _village_stem(text[village_start : start + at], lexicon) else start
