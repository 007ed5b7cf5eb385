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

from kg.lexicon import Lexicon, default_lexicon
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
_NAME_TAGS = {"n", "nr", "nr1", "nr2", "nrt", "nrfg", "ns", "nt", "nz", "nw", "j", "eng", "vn", "an", "a", "b", "f", "s", "t", "x", "m", "ng", "l", "i", "nl", "g"}
# Tags that are evidence of a proper name rather than a common word.
_PROPER_TAGS = {"nr", "nrt", "nrfg", "ns", "nt", "nz", "j", "eng", "t"}
_INNER_PUNCT = set("()（）+·-—&") | set(_QUOTES)
_DIGITS = re.compile(r"[0-9A-Za-z]")
_MAX_NAME = 24
_RARE = 60  # a word jieba has seen fewer times than this is likely a name part


def clean_name(text: str) -> str:
    """The name a span gives: quotation and book-title marks and spaces removed."""
    return "".join(text.translate(_QUOTE_TABLE).split())


def tokenize(text: str, offset: int, lexicon: Lexicon) -> list[Token]:
    tokens = []
    position = offset
    for word, tag in lexicon.tokenizer.lcut(text):
        tokens.append(Token(position, position + len(word), word, tag))
        position += len(word)
    return tokens


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


_RULE_PRIORITY = {"lexicon": 6, "quote": 5, "suffix": 4, "person": 3, "division": 2, "enumeration": 1}


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
        found.extend(filter_spans(candidates, lambda m: _RULE_PRIORITY.get(m.rule, 0)))
    found.extend(_inner_mentions(text, found, lexicon))
    return dataclasses.replace(doc, mentions=tuple(sorted(found, key=lambda m: (m.start, m.end))))


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


def _is_proper(token: Token, lexicon: Lexicon) -> bool:
    if token.tag in _PROPER_TAGS or _DIGITS.search(token.word):
        return True
    if token.word.startswith("第") and token.tag == "m":
        return True
    if len(token.word) >= 2 and lexicon.word_frequency(token.word) < _RARE:
        return True
    return bool(lexicon.gazetteer.lookup(token.word))


def _name_token(token: Token, lexicon: Lexicon) -> bool:
    if token.word in lexicon.left_boundaries:
        return False
    if token.tag == "x":
        return all(ch in _INNER_PUNCT for ch in token.word)
    if token.tag == "m":
        # numbers belong in names like 5+10幸福工程, not counts like 8个
        return bool(re.fullmatch(r"[0-9A-Za-z+]+|第.+", token.word))
    return token.tag in _NAME_TAGS or token.tag.startswith("n")


# A region written before a facility, community or park is a separate place:
# 泉山区民安南路 names 民安南路 in 泉山区, 王陵街道财富广场 names 财富广场.
_SPLIT_AFTER_REGION = {"Facility", "Community", "Subdistrict", "Park", "Project"}
_REGION_ENDINGS = ("省", "市", "区", "县", "街道", "镇", "乡")


def _suffix_names(text: str, sentence: Sentence, tokens: list[Token], lexicon: Lexicon) -> Iterator[Mention]:
    for i, token in enumerate(tokens):
        suffix, suffix_start = _suffix_at(token.end, text, sentence.start, lexicon)
        if suffix is None:
            continue
        if i + 1 < len(tokens) and _continues_name(tokens[i + 1], lexicon):
            continue  # 街道 in 街道办事处: the longer name is found at its own end
        # first token of the name: the one holding the suffix's first character
        j = i
        while tokens[j].start > suffix_start:
            j -= 1
        proper = False
        start_index = j
        k = j - 1
        while k >= 0 and token.end - tokens[k].start <= _MAX_NAME and _name_token(tokens[k], lexicon):
            if suffix.type in _SPLIT_AFTER_REGION and tokens[k].word.endswith(_REGION_ENDINGS) and lexicon.gazetteer.lookup(tokens[k].word) + lexicon.gazetteer.towns.get(tokens[k].word, []):
                break
            start_index = k
            k -= 1
        # drop a leading open bracket or stray punctuation
        while start_index < j and tokens[start_index].tag == "x":
            start_index += 1
        name_tokens = tokens[start_index : i + 1]
        modifier = [t for t in name_tokens if t.end <= suffix_start]
        if tokens[j].start < suffix_start:
            modifier.append(tokens[j])
        if not modifier:
            continue  # a bare suffix (公司, 园区) is no name
        proper = any(_is_proper(t, lexicon) for t in modifier) or any(ch in _QUOTES for t in modifier for ch in t.word)
        if not (proper or suffix.generic_ok):
            continue
        if not _balanced(text[name_tokens[0].start : token.end]):
            continue
        if _counted(tokens, start_index) or _plural_after(tokens, i):
            continue
        yield _mention(text, name_tokens[0].start, token.end, suffix.type, "suffix")


def _continues_name(token: Token, lexicon: Lexicon) -> bool:
    """Whether ``token`` extends a name into a longer one with its own suffix."""
    return token.word in lexicon.suffixes and lexicon.suffixes[token.word].type in {
        "GovernmentBody", "Organization", "Company", "Facility", "Alliance", "Park", "EducationalOrganization", "Program", "Project"
    }


def _balanced(span: str) -> bool:
    opens = sum(span.count(c) for c in _OPEN_QUOTES + "(（")
    closes = sum(span.count(c) for c in _CLOSE_QUOTES + ")）")
    return opens == closes


_COUNTER = re.compile(r"^[0-9零一二两三四五六七八九十百千万几多余]+[个家所座条项批类]?$")


def _counted(tokens: list[Token], start_index: int) -> bool:
    """8个园区, 13家楼宇社区: a count before the name makes it generic."""
    if start_index == 0:
        return False
    before = tokens[start_index - 1]
    if before.word in {"各", "每", "多个", "一批", "若干", "等"}:
        return True
    return bool(_COUNTER.match(before.word)) and before.tag in {"m", "q", "mq"}


def _plural_after(tokens: list[Token], i: int) -> bool:
    """老旧小区63个: a count right after the name."""
    if i + 1 >= len(tokens):
        return False
    after = tokens[i + 1]
    return after.tag == "m" and bool(re.match(r"^[0-9]+[个家所座条项]?$", after.word)) and (
        i + 2 < len(tokens) and tokens[i + 2].word in {"个", "家", "所", "座", "条", "项"} or after.word[-1:] in "个家所座条项"
    )


# ---------------------------------------------------------------- quoted names

_QUOTED = re.compile(r"[“「『《]([^“”「」『』《》\n]{2,20})[”」』》]")
_PROGRAM_HEADS = ("计划", "工程", "行动", "战略", "布局", "活动", "包", "制度", "模式", "机制", "方案", "规划", "品牌", "评选活动", "专项行动")
_QUOTE_TAIL = re.compile(r"[\u4e00-\u9fff]{0,6}?(?:" + "|".join(sorted(_PROGRAM_HEADS, key=len, reverse=True)) + ")")
_PROGRAM_CUES = ("推出", "实施", "开展", "启动", "推行", "打造", "创新", "建立", "树立", "开通")


def _quoted_names(text: str, sentence: Sentence, tokens: list[Token], lexicon: Lexicon) -> Iterator[Mention]:
    for match in _QUOTED.finditer(sentence.text):
        inner = match.group(1)
        start = sentence.start + match.start(1)
        end = sentence.start + match.end(1)
        if any(p in inner for p in "，,。；;：:！？!?") and "、" not in inner:
            continue  # a quoted sentence, not a name
        tail = _QUOTE_TAIL.match(sentence.text, match.end())
        cls = _classify_by_suffix(inner, lexicon)
        if tail and (cls in (None, "Program") or tail.group(0).endswith(_PROGRAM_HEADS)):
            # “十百千万”文明创建工程: the name runs on past the closing quote
            yield _mention(text, start, sentence.start + tail.end(), "Program", "quote")
            continue
        if cls is not None:
            yield _mention(text, start, end, cls, "quote")
            continue
        before = sentence.text[max(0, match.start() - 2) : match.start()]
        if "+" in inner or before in _PROGRAM_CUES:
            yield _mention(text, start, end, "Program", "quote")


def _classify_by_suffix(name: str, lexicon: Lexicon) -> str | None:
    name = clean_name(name)
    if name.endswith(_PROGRAM_HEADS):
        return "Program"
    for length in lexicon.suffix_lengths:
        if len(name) > length and name[-length:] in lexicon.suffixes:
            return lexicon.suffixes[name[-length:]].type
    return None


# ---------------------------------------------------------------- persons

_NAME_STOP = re.compile(r"介绍|表示|说|告诉|指出|认为|强调|称|透露|来到|在|的|等|和|与|家|一行|同志|先生|女士|，|,|。|、|\s")


def _person_names(text: str, sentence: Sentence, tokens: list[Token], lexicon: Lexicon) -> Iterator[Mention]:
    s = sentence.text
    for i, token in enumerate(tokens):
        title = token.word if token.word in lexicon.titles or token.word in lexicon.roles else None
        if title is None:
            # 局局长: jieba may glue a post to the body before it
            title = next((t for t in lexicon.titles if token.word.endswith(t) and len(t) >= 2), None)
        if title is None:
            continue
        j = token.end - sentence.start
        while j < len(s) and s[j] in " \u3000":
            j += 1
        name = _person_at(s, j, lexicon, tokens, sentence.start)
        if name:
            yield _mention(text, sentence.start + j, sentence.start + j + len(name), "Person", "person")
    # a person-tagged word followed by a speech verb: 谭华详细听了… is missed, 孟庆礼介绍说 is found
    for i, token in enumerate(tokens[:-1]):
        if token.tag == "nr" and 2 <= len(token.word) <= 3 and token.word[0] in lexicon.surnames:
            if tokens[i + 1].word in lexicon.speech_verbs:
                yield _mention(text, token.start, token.end, "Person", "person")


def _person_at(s: str, j: int, lexicon: Lexicon, tokens: list[Token], offset: int) -> str | None:
    """The person's name that starts at ``s[j]``, if one does."""
    for surname_length in (2, 1):
        surname = s[j : j + surname_length]
        if surname in lexicon.surnames:
            break
    else:
        return None
    token = next((t for t in tokens if t.start == offset + j), None)
    if token and token.tag.startswith("nr") and 2 <= len(token.word) <= 4:
        return token.word
    rest = s[j + surname_length : j + surname_length + 2]
    cut = _NAME_STOP.search(rest)
    given = rest[: cut.start()] if cut else rest
    if not given or not all("\u4e00" <= ch <= "\u9fff" for ch in given):
        return None
    return surname + given


# ---------------------------------------------------------------- divisions


def _division_names(text: str, sentence: Sentence, tokens: list[Token], lexicon: Lexicon) -> Iterator[Mention]:
    """Administrative divisions and world places, full names and short forms.

    A match must start and end on token boundaries, so 山区 is not found in
    泉山区's neighbours. Short forms are checked against the document later
    (``resolve``), where the evidence of the whole text is at hand.
    """
    gaz = lexicon.gazetteer
    starts = {t.start for t in tokens}
    ends = {t.end for t in tokens}
    s = sentence.text
    for i in range(len(s)):
        if sentence.start + i not in starts:
            continue
        for length in range(min(9, len(s) - i), 1, -1):
            candidate = s[i : i + length]
            end = sentence.start + i + length
            if end not in ends:
                continue
            if candidate in gaz.by_name or candidate in gaz.by_short:
                cls = gaz.lookup(candidate)[0].type
            elif candidate in gaz.towns:
                cls = "Subdistrict"
            elif candidate in gaz.world:
                cls = "Country"
            else:
                continue
            yield _mention(text, sentence.start + i, end, cls, "division")
            break


# ---------------------------------------------------------------- enumerations

_SETTLE = ("落户", "入驻", "进驻", "落地", "签约", "投产")


def _enumerated_companies(text: str, sentence: Sentence, tokens: list[Token], lexicon: Lexicon) -> Iterator[Mention]:
    """Items listed with 、 before a settling verb are organisations that settle: 华为、神州数码落户泉山."""
    for i, token in enumerate(tokens):
        if token.word not in _SETTLE:
            continue
        k = i - 1
        while k >= 0 and tokens[k].word in {"等", "陆续", "先后", "纷纷", "已", "正式", "成功", "均", "都", "一批", "创新", "项目", "企业"} | set("等"):
            k -= 1
        items: list[Token] = []
        while k >= 0:
            item = tokens[k]
            if item.tag in {"x", "p", "v", "c", "uj", "d"} and item.word not in "、":
                break
            if item.word == "、" or item.word in {"和", "与", "及"}:
                k -= 1
                continue
            if _is_proper(item, lexicon) and 2 <= len(item.word) <= 8:
                items.append(item)
            k -= 1
        for item in items:
            if item.tag not in {"ns"} and not lexicon.gazetteer.lookup(item.word):
                yield _mention(text, item.start, item.end, "Company", "enumeration")


FINDERS = (_lexicon_names, _quoted_names, _suffix_names, _person_names, _division_names, _enumerated_companies)


# ---------------------------------------------------------------- nested names


def _inner_mentions(text: str, mentions: list[Mention], lexicon: Lexicon) -> list[Mention]:
    """Names inside longer names, where the text also uses them on their own.

    In 王陵街道办事处 the subdistrict 王陵街道 is its own entity when the text
    also writes 王陵街道 alone; a thing named only inside a longer name is left out.
    """
    standalone = {m.name: m for m in mentions}
    inner: list[Mention] = []
    for mention in mentions:
        for name, known in standalone.items():
            if known is mention or len(name) >= len(mention.name) or not mention.text.startswith(name):
                continue
            inner.append(Mention(mention.start, mention.start + len(name), name, name, known.type, "inner"))
    return inner
