"""Stage: find the spans of text that name entities.

Each finder reads a tokenised sentence and returns candidate mentions; one
shared helper (``filter_spans``) keeps the longest of overlapping candidates.
The finders are general rules, not lists of names: head-word suffixes
(…产业园, …有限公司, …街道), quoted names (“惠企包”), posts before person names
(局长孟庆礼), enumerations before settling verbs (华为、神州数码落户…), and the
administrative division data for place names.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from kg.lexicon import TOP_CLASSES, Lexicon, default_lexicon
from kg.types import Doc, Mention, Sentence

__all__ = ["Token", "tokenize", "find", "filter_spans", "clean_name"]


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


_RULE_PRIORITY = {"lexicon": 6, "quote": 5, "suffix": 4, "cue": 4, "person": 3, "division": 2, "foreign": 2, "region": 2, "enumeration": 1, "model": 0}


def find(doc: Doc, lexicon: Lexicon | None = None) -> Doc:
    """Find every mention in ``doc``; assigns ``doc.mentions`` sorted by offset."""
    lexicon = lexicon or default_lexicon()
    text = doc.text
    found: list[Mention] = []
    for sentence in doc.sentences:
        tokens = tokenize(sentence.text, sentence.start, lexicon)
        candidates: list[Mention] = []
        for finder in FINDERS:
            candidates.extend(finder(text, sentence, tokens, lexicon))
        candidates = [m for m in candidates if m.rule != "division" or _supported(m.name, text, lexicon) and not _generic_town(m, text)]
        kept = filter_spans(candidates, lambda m: _RULE_PRIORITY.get(m.rule, 0))
        found.extend(_with_model_names(text, sentence, tokens, lexicon, kept))
    found = [m for m in found if not (m.rule == "suffix" and _counted_elsewhere(m.name, text))]
    found = _with_persons_named_again(text, found)
    found.extend(_inner_mentions(text, found, lexicon))
    found = _with_abbreviations(text, found)
    found = _with_short_forms(text, found, lexicon)
    return dataclasses.replace(doc, mentions=tuple(sorted(found, key=lambda m: (m.start, m.end))))


# What may follow a person's name where no post or verb vouches for it again.
_AFTER_PERSON = frozenset("等的和与及在说称表介指强认告透来到也还则一同就对、，,。；;：:）)“”\"！？ \u3000")
# Weaker findings a person's name outweighs where they overlap (秀英 as a district in 陈秀英).
_WEAKER_RULES = frozenset({"division", "model", "village", "enumeration"})


def _with_persons_named_again(text: str, found: list[Mention]) -> list[Mention]:
    """A person named once beside a post (党委书记其其格) is the same name wherever
    the text writes it again (其其格表示…, 邀请陈秀英等), where nothing else
    vouches for it: the document's own use is the evidence."""
    names = {m.name for m in found if m.type == "Person" and len(m.name) >= 2}
    kept = list(found)
    for name in sorted(names, key=len, reverse=True):
        for match in re.finditer(re.escape(name), text):
            start, end = match.span()
            if text[end : end + 1] not in _AFTER_PERSON or "\u4e00" <= text[start - 1 : start] <= "\u9fff" and text[start - 1] not in _BEFORE_PERSON:
                continue
            overlapping = [m for m in kept if m.start < end and start < m.end]
            if all(m.rule in _WEAKER_RULES and start <= m.start and m.end <= end for m in overlapping):
                kept = [m for m in kept if m not in overlapping]
                kept.append(Mention(start, end, name, name, "Person", "person"))
    return kept


# What may stand right before a person's name written again: a verb or a word of relation.
_BEFORE_PERSON = frozenset("请由和与及对向给让同据把被将从是为任")


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


_LEGAL_FORMS = re.compile(r"(?:集团)?(?:股份有限公司|有限责任公司|有限公司)$")
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


def _mention(text: str, start: int, end: int, cls: str, rule: str) -> Mention:
    span = text[start:end]
    return Mention(start, end, span, clean_name(span), cls, rule)


# ---------------------------------------------------------------- user lexicon


def _lexicon_names(text: str, sentence: Sentence, tokens: list[Token], lexicon: Lexicon) -> Iterator[Mention]:
    for name, cls in lexicon.user_names.items():
        start = sentence.text.find(name)
        while start >= 0:
            yield _mention(text, sentence.start + start, sentence.start + start + len(name), cls, "lexicon")
            start = sentence.text.find(name, start + len(name))


# ---------------------------------------------------------------- suffix names


def _suffix_at(word_end: int, text: str, floor: int, lexicon: Lexicon):
    """The longest known suffix ending at ``word_end`` and starting at or after ``floor``."""
    for length in lexicon.suffix_lengths:
        start = word_end - length
        if start >= floor and text[start:word_end] in lexicon.suffixes:
            return lexicon.suffixes[text[start:word_end]], start
    return None, None


_DEMONSTRATIVES = frozenset("这那该此本其每各某")
_RARE_VERB = 20
_COMMON_WORD = 40  # jieba frequency above which a word is a common word, not a name part
_TAG_CAPS = {"nr": _COMMON_WORD, "ns": 1000}
# A single administrative-level character before a department names that
# level's body in the place the text is about: 区科技局, 县发改委, 市教育局.
_LEVEL_PREFIXES = frozenset("省市区县镇乡")
_LOCATIVES = frozenset("上下中内里外间")
_EVENT_ENDINGS = frozenset("会院局部厅所社馆站队")
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
_PLACE_PREPOSITIONS = frozenset("往经赴至到向从在于由对")
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
_REGION_ENDINGS = ("省", "市", "区", "县", "街道", "镇", "乡")
# How long the common words before a generic_ok suffix must be:
# 跨境电商产业园 and 财富广场 are names, 电商产业园 and 特色产业园 are not.
_MIN_GENERIC_MODIFIER = {"Facility": 2, "Alliance": 5, "Organization": 4, "EducationalOrganization": 4}
_PROJECT_QUALIFIERS = ("重点", "重大", "在建", "新建", "续建", "签约", "招商", "产业")
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


def _leading_region(text: str, lexicon: Lexicon) -> int:
    """Length of the longest place name with its level (…市, …镇) that ``text`` starts with."""
    gaz = lexicon.gazetteer
    for end in range(len(text) - 1, 1, -1):
        piece = text[:end]
        if piece.endswith(_REGION_ENDINGS) and (piece in gaz.by_name or piece in gaz.towns):
            return end
    return 0


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
        k = j - 1
        while k >= 0 and token.end - tokens[k].start <= _MAX_NAME and (
            _name_token(tokens[k], lexicon)
            # 辽河/口/农村商业银行: a character jieba took for a measure word ends the place before it
            or (tokens[k].tag == "q" and len(tokens[k].word) == 1 and k > 0 and tokens[k - 1].tag == "ns")
            # 张掖市胸痛/救治/专科联盟: an alliance is named for what its members do, after its place
            or (suffix.type == "Alliance" and tokens[k].tag == "v" and _place_opens(tokens, k, lexicon))
            # 二连浩特通达/换装/服务有限公司: a registered firm's trade may be a verb, after its place and brand
            or (suffix.type == "Company" and _LEGAL_FORMS.search(suffix.text) and tokens[k].tag == "v"
                and tokens[k].word not in lexicon.left_boundaries and k >= 2
                and lexicon.gazetteer.lookup(tokens[k - 2].word) and tokens[k - 1].word not in lexicon.suffixes
                and tokens[k - 1].tag != "ns" and not lexicon.gazetteer.lookup(tokens[k - 1].word))  # (not 嘉定区/设有, 协会/吸纳)
            # 榄/g 丰/ag 电器有限公司: a brand jieba does not know, cut into single characters, one of them rare
            or (suffix.type == "Company" and _LEGAL_FORMS.search(suffix.text) and (_rare_pair(tokens, k) or tokens[k].tag == "i"))  # 集装箱运输/i
            # 榄丰电器（墨西哥）有限公司, 某某（中国）有限公司: a firm's country or region in brackets before its legal form
            or (suffix.type == "Company" and _LEGAL_FORMS.search(suffix.text) and _bracketed_place(tokens, k, lexicon))
            # 、诸暨/感知/传感技术有限公司: in a list, a firm with its legal form may have a verb for a name after its place
            or (suffix.type == "Company" and _LEGAL_FORMS.search(suffix.text) and tokens[k].tag == "v"
                and tokens[k].word not in lexicon.left_boundaries and k > 0
                and len(tokens[k - 1].word) >= 2 and lexicon.gazetteer.lookup(tokens[k - 1].word)
                and (k == 1 or tokens[k - 2].word in "、，,：:；;（("))
            # 甘肃省/县级/医院发展联盟, 梨树县/现代/物流园: after its place, a word that usually opens a phrase is in the name
            # (but 辽宁省/省级/特色产业园区 is a rank, not a name)
            or (k > 0 and len(tokens[k].word) >= 2 and tokens[k].word in lexicon.left_boundaries
                and (tokens[k].tag == "t" or tokens[k].tag == "b" and suffix.type == "Alliance")
                and len(tokens[k - 1].word) >= 2 and lexicon.gazetteer.lookup(tokens[k - 1].word))
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
        if suffix.type == "Company" and suffix.text not in _CLOSING_HEADS and not _LEGAL_FORMS.search(suffix.text) and (
            i + 1 < len(tokens) and tokens[i + 1].word in _TRADE_FOLLOWERS or _SECTOR_LIST_AFTER.match(sentence.text, token.end - sentence.start)
        ):
            continue  # 河北食品产业, 江苏化工行业, 在锂电新材料、光伏制造等领域: a place's trade, not a company
        if suffix.type == "Company" and suffix.text not in _CLOSING_HEADS and not _LEGAL_FORMS.search(suffix.text) \
                and 0 < len(modifier) == _leading_region(modifier + "的", lexicon):
            continue  # 米东区化工新材料产业: a district with its level and a trade is the district's trade
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


_BUILD_VERBS = re.compile("建设|建成|开工|竣工|续建|新建|完工|投运|施工|启用|通水|通车")
_PHYSICAL = re.compile("水|调蓄|灌区|排涝|防洪|河|江|湖|渠|堤|坝|闸|路|道|桥|管网|管道|电站|铁路|公路|隧道|港|机场|线|站|库|厂|楼|馆|古镇|设施|街|场|基地|改造|扩建|修缮|整治")


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


def _built_works(text: str, sentence_start: int, start: int, modifier: str) -> bool:
    before = text[sentence_start:start]
    clause = before[max((m.end() for m in re.finditer(r"[,，;；。:：]", before)), default=0) :]
    return bool(_BUILD_VERBS.search(clause) or _PHYSICAL.search(modifier))


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
_GENERIC_BEFORE = frozenset({"各", "每", "多个", "一批", "若干", "等", "一些", "这些", "那些", "部分", "有关"})


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


# ---------------------------------------------------------------- quoted names

# A title in book marks may be long (《…三年行动计划（2024—2026年）》); other quotes hold short names.
_QUOTED = re.compile(r"《([^“”「」『』《》\n]{2,40})》|[“「『]([^“”「」『』《》\n]{2,20})[”」』]")
# Heads that make a quoted phrase a named program: “八大行动计划”, “十百千万”文明创建工程.
# Weaker heads (模式, 制度, 机制, 品牌) name ways of working, not programs, and are left alone.
_PROGRAM_HEADS = ("计划", "工程", "行动", "战略", "布局", "活动", "包", "方案", "规划", "专项行动", "评选活动", "文明创建工程", "大赛", "专项", "券",
                  "措施", "细则")
_ARTICLES = re.compile(r"[一二三四五六七八九十百0-9]+条$")  # “物流十条”: a policy of N articles
_QUOTE_TAIL = re.compile(
    r"(?![和与及])[^\W\d_等的与及、]{0,16}?(?:" + "|".join(sorted(set(_PROGRAM_HEADS) - {"包", "专项", "券"}, key=len, reverse=True)) + ")"
)
_PROGRAM_CUES = ("推出", "实施", "开展", "启动", "推行", "打造")
# A quoted name right after one of these is what is to be avoided; 、 and more quotes may come between.
_NEGATED = re.compile(r"(防止|杜绝|反对|避免|遏制|严禁|不搞|拒绝)(?:[“「『][^“”「」『』,，。;；]{0,20}[”」』]\s*[、和与及]?\s*)*$")
_PRESS_AFTER = ("记者", "报道", "编辑", "评论员", "社论")


def _quoted_names(text: str, sentence: Sentence, tokens: list[Token], lexicon: Lexicon) -> Iterator[Mention]:
    for match in _QUOTED.finditer(sentence.text):
        group = 1 if match.group(1) is not None else 2
        inner = match.group(group)
        start = sentence.start + match.start(group)
        end = sentence.start + match.end(group)
        if any(p in inner for p in "，,。；;：:！？!?"):
            continue  # a quoted sentence, not a name
        if _NEGATED.search(sentence.text[: match.start()]):
            continue  # 防止“形象工程”“政绩工程”: what is to be avoided is no programme
        if match.group(0)[0] == "《" and sentence.text.startswith(_PRESS_AFTER, match.end()):
            yield _mention(text, start, end, "Organization", "quote")  # 《中国产经新闻》记者: a newspaper
            continue
        cls = _classify_by_suffix(inner, lexicon)
        tail = _QUOTE_TAIL.match(sentence.text, match.end())
        if tail and cls in (None, "Program"):
            # “十百千万”文明创建工程: the name runs on past the closing quote
            yield _mention(text, start, sentence.start + tail.end(), "Program", "quote")
        elif cls is not None:
            yield _mention(text, start, end, cls, "quote")
        elif "+" in inner or sentence.text[: match.start()].endswith(_PROGRAM_CUES):
            yield _mention(text, start, end, "Program", "quote")


_CAMPAIGN_YEAR = re.compile("(提升|攻坚|建设|推进|服务|突破|行动|作风|效能|质量|深化|落实|创新)年$")
_YEARS_AFTER = re.compile(r"[(（][0-9—–\-~～至年]+[)）]$")  # …行动计划（2024—2026年）


def _classify_by_suffix(name: str, lexicon: Lexicon) -> str | None:
    name = _YEARS_AFTER.sub("", clean_name(name))
    if name.endswith(_PROGRAM_HEADS) or _ARTICLES.search(name) and len(name) > 3:
        return "Program"
    if len(name) >= 3 and name.endswith("贷") or len(name) >= 5 and _CAMPAIGN_YEAR.search(name):
        return "Program"  # “园区贷”: a credit product; “营商环境提升年”: a year-long campaign
    for length in lexicon.suffix_lengths:
        # one character (路, 厂, 镇) is too weak a head for a quoted phrase (“一带一路”),
        # and so is one character before the head (“大党委”制)
        if length > 1 and len(name) > length + 1 and name[-length:] in lexicon.suffixes:
            return lexicon.suffixes[name[-length:]].type
    return None


# ---------------------------------------------------------------- persons

_NAME_STOP = re.compile(r"介绍|表示|说|告诉|指出|认为|强调|称|透露|来到|在|的|等|和|与|家|一行|同志|先生|女士|[^\u4e00-\u9fff]")
_FUNCTION_TAGS = {"c", "p", "u", "uj", "ul", "d", "r", "f", "q", "m"}


def _person_names(text: str, sentence: Sentence, tokens: list[Token], lexicon: Lexicon) -> Iterator[Mention]:
    s = sentence.text
    for i, token in enumerate(tokens):
        if token.word not in lexicon.titles and token.word not in lexicon.roles:
            continue
        # post, then name: 局长孟庆礼, 记者 魏宁
        j = token.end - sentence.start
        while j < len(s) and s[j] in " \u3000":
            j += 1
        # after a post a name is expected; after a role word (群众, 村民) only a rare one counts
        name = _person_at(s, j, lexicon, tokens, sentence.start, strict=token.word not in lexicon.titles)
        if name is None and token.word in lexicon.titles:
            name = _bare_name_after_post(s[j:], lexicon)
        if token.word in lexicon.titles:
            name = _long_name_after_post(s[j:], name, lexicon, tokens, sentence.start + j) or name  # 经理乌云毕力格说
        if name and name[-1] in _EVENT_ENDINGS:
            name = None  # 企业家高峰会: an event or a body, not a person
        if name:
            yield _mention(text, sentence.start + j, sentence.start + j + len(name), "Person", "person")
        # name, then post: 办公室李建安主任
        if token.word in lexicon.titles and i and _named_before_post(tokens[i - 1], lexicon):
            yield _mention(text, tokens[i - 1].start, tokens[i - 1].end, "Person", "person")
        elif token.word in lexicon.titles:
            name = _name_between_unit_and_post(s[: token.start - sentence.start], lexicon)
            if name:
                yield _mention(text, token.start - len(name), token.start, "Person", "person")
    # a person-tagged word followed by a speech verb: 孟庆礼介绍说
    for i, token in enumerate(tokens[:-1]):
        if _named_before_post(token, lexicon) and tokens[i + 1].word in lexicon.speech_verbs:
            yield _mention(text, token.start, token.end, "Person", "person")
    # an appointment: 任命赵海军为…, 免去其木格同志…: whoever is named between the verb and 为 is a person
    for match in _APPOINTED.finditer(s):
        start, end = match.span("name")
        if _appointed_name(match.group("name"), lexicon):
            yield _mention(text, sentence.start + start, sentence.start + end, "Person", "person")
    # a byline: names between spaces beside a reporter's post (郭华平 黄晓平 本报记者 鄢朝晖, 记者 其木格)
    for match in _BYLINE_NAME.finditer(s):
        start, end = match.span("name")
        yield _mention(text, sentence.start + start, sentence.start + end, "Person", "person")
    if any(t.word in _BYLINE_POSTS for t in tokens):
        for i, token in enumerate(tokens):
            spaced = (i == 0 or tokens[i - 1].word.isspace()) and (i == len(tokens) - 1 or tokens[i + 1].word.isspace())
            if spaced and _named_before_post(token, lexicon):
                yield _mention(text, token.start, token.end, "Person", "person")


_UNIT_BEFORE_NAME = re.compile(r"(?:科|股|处|部|室|局|委|办|厅|站|所|队)([\u4e00-\u9fff]{2,3})$")


def _name_between_unit_and_post(before: str, lexicon: Lexicon) -> str | None:
    """A name jieba cut across, between a department and the post it holds there:
    新闻科|李顺利|科长 (cut 科李/顺利)."""
    match = _UNIT_BEFORE_NAME.search(before)
    if match is None:
        return None
    name = match.group(1)
    if lexicon.word_frequency(match.group()[:2]) > 0:
        return None  # 部门主要负责人: the unit's character and the next make a word
    if name[0] not in lexicon.surnames or lexicon.word_frequency(name) > 0 or lexicon.word_frequency(name[:2]) >= _COMMON_NAME:
        return None
    return name


_DOTTED = re.compile(r"(?<=[\u4e00-\u9fff])[·•](?=[\u4e00-\u9fff])")
_AFTER_DOTTED = ("担任", "兼任", "任", "出席", "主持", "同志", "为", "是", "等", "和", "与", "及")


def _dotted_names(text: str, sentence: Sentence, tokens: list[Token], lexicon: Lexicon) -> Iterator[Mention]:
    """Names written with a middle dot (艾力·买买提, 阿依古丽·吐尔逊): where the text
    before the first part is a post or a boundary, and a post, a verb or a
    boundary follows the second."""
    s = sentence.text
    for dot in _DOTTED.finditer(s):
        at = dot.start()
        first = next((k for k in (2, 3, 4) if at - k >= 0 and _name_opens_after(s[: at - k], lexicon)), None)
        last = next((k for k in (1, 2, 3, 4, 5) if at + 1 + k <= len(s) and _name_closes_before(s[at + 1 + k :], lexicon)), None)
        if not (first and last) or _is_place_word(s[at - first : at], lexicon):
            continue
        opens, closes = s[at - first - 1 : at - first], s[at + 1 + last : at + 2 + last]
        if opens and opens in _OPEN_QUOTES and closes and closes in _CLOSE_QUOTES:
            continue  # “行走河南·读懂中国”: a slogan
        yield _mention(text, sentence.start + at - first, sentence.start + at + 1 + last, "Person", "person")


def _is_place_word(word: str, lexicon: Lexicon) -> bool:
    return word in lexicon.gazetteer.world or bool(lexicon.gazetteer.lookup(word))  # 俄罗斯·圣彼得堡


def _name_opens_after(before: str, lexicon: Lexicon) -> bool:
    return not before or not "\u4e00" <= before[-1] <= "\u9fff" or before[-1] in "、和与及由" \
        or any(before.endswith(title) for title in lexicon.titles)


def _name_closes_before(after: str, lexicon: Lexicon) -> bool:
    return not after or not "\u4e00" <= after[0] <= "\u9fff" or after.startswith(_AFTER_DOTTED) \
        or any(after.startswith(word) for word in lexicon.speech_verbs) or any(after.startswith(title) for title in lexicon.titles)


_ADVERB_ENDINGS = frozenset("则也还就都又再将已正曾便并亦")
_LONG_NAME = re.compile(r"[\u4e00-\u9fff]{4,6}?(?=说|介绍|表示|告诉|指出|认为|称|[，、。；：,;:（(])")


def _long_name_after_post(rest: str, found: str | None, lexicon: Lexicon, tokens: list[Token], start: int) -> str | None:
    """A Mongolian or Tibetan name of four to six characters after a post (乌云毕力格,
    扎西多吉), which the family-name rules cut short: characters that make no
    common word, up to a speech verb or a pause."""
    match = _LONG_NAME.match(rest)
    if match is None or found is not None and not match.group().startswith(found):
        return None
    name = match.group()
    verbs = [t for t in tokens if start + len(found or "") <= t.start and t.end <= start + len(name) and t.tag.startswith("v") and len(t.word) > 1]
    if verbs or name[-1] in _ADVERB_ENDINGS:
        return None  # 专家驻点坐诊, 院长常秀兰则表示: a verb or an adverb, not a name
    if _NAME_STOP.search(name[2:]) or any(ch in _GLUE_CHARS for ch in name) or lexicon.word_frequency(name) > 0 \
            or any(lexicon.word_frequency(name[k : k + 2]) >= _COMMON_WORD for k in range(max(len(found or "") - 1, 0), len(name) - 1)):
        return None
    return name


_BARE_NAME = re.compile(r"[\u4e00-\u9fff]{2,3}(?=[，、。；：（）,;:() \u3000])")


def _bare_name_after_post(rest: str, lexicon: Lexicon) -> str | None:
    """A name with no family name jieba knows, alone between a post and a comma
    (党委书记其其格，): two or three characters that make no word."""
    match = _BARE_NAME.match(rest)
    if match is None:
        return None
    name = match.group()
    if name[0] in _GLUE_CHARS or lexicon.word_frequency(name) > 0 or lexicon.word_frequency(name[:2]) >= _COMMON_NAME or name[-1] in _EVENT_ENDINGS:
        return None
    return name


_BYLINE_POSTS = frozenset({"记者", "本报记者", "通讯员", "摄影", "实习生"})
_BYLINE_NAME = re.compile(r"(?:记者|通讯员|摄影|实习生)[ \u3000]+(?P<name>[\u4e00-\u9fff]{2,4})(?=[ \u3000）)，,])")
_APPOINTED = re.compile(r"(?:任命|提名|推选|选举|聘任|聘请|免去)(?P<name>[\u4e00-\u9fff]{2,4}?)(?:同志)?(?:为|的|担任|任)")


def _appointed_name(name: str, lexicon: Lexicon) -> bool:
    """A name, not a word: 任命赵海军为 and 任命其木格为, but not 任命书为 or 选举产生的."""
    if name[0] in _DEMONSTRATIVES or lexicon.word_frequency(name) > 0:
        return False
    return lexicon.word_frequency(name[:2]) < _COMMON_NAME
# jieba knows some words tagged as names that are mostly common words (张嘴,
# 高峰); a real name is rare in its dictionary (李强 159).
_COMMON_NAME = 200


def _named_before_post(token: Token, lexicon: Lexicon) -> bool:
    return (
        token.tag == "nr"
        and 2 <= len(token.word) <= 3
        and token.word[0] in lexicon.surnames
        and lexicon.word_frequency(token.word) < _COMMON_NAME
    )


def _person_at(s: str, j: int, lexicon: Lexicon, tokens: list[Token], offset: int, strict: bool) -> str | None:
    """The person's name that starts at ``s[j]``, if one does."""
    token = next((t for t in tokens if t.start == offset + j), None)
    if token is None or token.tag in _FUNCTION_TAGS and len(token.word) == 1 and token.word not in lexicon.surnames:
        return None
    if (token.tag in _FUNCTION_TAGS and not (token.tag == "q" and token.word in lexicon.surnames)) or token.word in lexicon.left_boundaries:
        return None  # 代表和党员: 和 here joins two nouns, it is no family name (but 章/q 启明 is a name)
    if token.tag == "nr" and len(token.word) == 3 and token.word[-1] in "说称讲道":
        return token.word[:-1]  # 黄韵说/nr: the speech verb glued to a two-character name
    glued = next((t for t in tokens if t.start == token.end), None)
    if token.tag == "nr" and len(token.word) == 2 and glued is not None and len(glued.word) == 2 and glued.word[-1] in "说称讲道" \
            and glued.word[0] not in _GLUE_CHARS and lexicon.word_frequency(token.word + glued.word[0]) == 0:
        return token.word + glued.word[0]  # 钱志/明说: the name's last character glued to the speech verb
    following = next((t for t in tokens if t.start == token.end), None)
    if len(token.word) == 1 and token.tag == "nr" and following is not None and following.tag == "nr" and len(following.word) == 2:
        return token.word + following.word  # 邴/nr 海涛/nr: a rare family name jieba did not join to the given name
    if (
        token.tag.startswith("nr")
        and 2 <= len(token.word) <= 4
        and token.word[0] in lexicon.surnames | {token.word[:2]}
        and (not strict or lexicon.word_frequency(token.word) < _COMMON_NAME)
    ):
        # 李成刚，/ 王明远介绍: jieba often cuts a three-character name after two; a
        # lone character followed by punctuation or a verb belongs to the name
        following = [t for t in tokens if t.start >= token.end][:2]
        if (
            len(token.word) == 2
            and len(following) == 2
            and len(following[0].word) == 1
            and "\u4e00" <= following[0].word <= "\u9fff"
            and following[0].tag not in _FUNCTION_TAGS
            and following[0].word not in lexicon.speech_verbs  # 黄韵/说: the verb, not the name's third character
            and (following[1].tag == "x" or following[1].tag.startswith("v") or following[1].word in lexicon.speech_verbs)
        ):
            return token.word + following[0].word
        return token.word
    if len(token.word) >= 2 and token.word not in lexicon.surnames and not (
        token.word[0] in lexicon.surnames and lexicon.word_frequency(token.word) == 0
    ):
        return None  # 强调道, 利益出: a word that is not a name begins here (but 农志/坚: a name jieba cut)
    for surname_length in (2, 1):
        surname = s[j : j + surname_length]
        if surname in lexicon.surnames:
            break
    else:
        return None
    rest = s[j + surname_length : j + surname_length + 2]
    cut = _NAME_STOP.search(rest)
    given = rest[: cut.start()] if cut else rest
    if not given or lexicon.word_frequency(surname + given) > 0 and not token.tag.startswith("nr"):
        return None  # 张大爷 is a person; 王府井 or 高新区 are not
    return surname + given


# ---------------------------------------------------------------- divisions


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
        cut = next((p for p in range(2, len(token.word) - 1) if gaz.lookup(token.word[:p]) and gaz.lookup(token.word[p:])), None)
        if cut is not None and token.tag == "ns" and not gaz.lookup(token.word):
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


_LEVEL_CHARS = frozenset("省市县区镇乡")
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


# ---------------------------------------------------------------- enumerations

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


_RARE_NAME = 20  # jieba has seen a brand name like 金源 a handful of times at most


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
_NOT_VILLAGE_STEM = frozenset("的了在和与及是为到从向对把被将于该本全各每进驻入出回这那其某")
# Words that start with 村 (村民, 村委): after a stem they are no village.
_VILLAGE_WORDS_AFTER = frozenset("民委里级部庄落集干组务规容貌情")


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


def _village_names(text: str, sentence: Sentence, tokens: list[Token], lexicon: Lexicon) -> Iterator[Mention]:
    """Villages named by a two-character stem jieba does not know (南插村, 大边村); there is
    no division data at this level, so the stem's rarity is the evidence."""
    for match in _VILLAGE.finditer(sentence.text):
        after = sentence.text[match.end() : match.end() + 1]
        if _village_stem(match.group(1), lexicon) and after not in _VILLAGE_WORDS_AFTER:
            yield _mention(text, sentence.start + match.start(), sentence.start + match.end(), "Community", "village")


def _village_start(text: str, start: int, floor: int, lexicon: Lexicon) -> int:
    """Where a name that opens with a village begins, when jieba cut the village's
    stem off it (大/边村黎锦…合作社, 南/插/村益农…合作社)."""
    head = text[start : start + 2]
    at = head.find("村")
    if at < 0 or start + at - 2 < floor:
        return start
    village_start = start + at - 2
    return village_start if _village_stem(text[village_start : start + at], lexicon) else start




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


# A row of a notice's list of members: 副总指挥：武建军　副区长 / 　　王建平　区发展和改革局局长
ROSTER_ROW = re.compile(r"^(?:(?P<label>[^：:，,。]{1,12})[：:][ \t\u3000]*)?(?P<name>[\u4e00-\u9fff]{2,3})[ \t\u3000]+(?P<post>\S[^\n]{1,40})$")


def _roster_names(text: str, sentence: Sentence, tokens: list[Token], lexicon: Lexicon) -> Iterator[Mention]:
    """The person a roster row opens with: a surname and a given name, then a space and posts."""
    row = ROSTER_ROW.match(sentence.text)
    if row is None:
        return
    name, post = row.group("name"), row.group("post").rstrip("。；;")
    if (name[0] in lexicon.surnames or name[:2] in lexicon.surnames) and post.endswith(tuple(lexicon.titles)) \
            and lexicon.word_frequency(name) < _COMMON_WORD:
        start = sentence.start + row.start("name")
        yield Mention(start, start + len(name), name, name, "Person", "person")


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


FINDERS = (
    _lexicon_names, _quoted_names, _suffix_names, _person_names, _dotted_names, _division_names, _foreign_places,
    _enumerated_companies, _economic_regions, _cued_programs, _village_names, _roster_names, _units_set_up, _cued_bodies, _placed_names,
)


# ---------------------------------------------------------------- the statistical model

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
