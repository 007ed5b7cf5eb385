"""Persons: a name beside a post (局长孟庆礼, 孟庆礼局长), a byline, an
appointment (任命X为…), a dotted name (阿卜杜·热合曼), a roster row, and a name
written again where a post named it once.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kg.lexicon import Lexicon
from kg.mentions.common import (
    _CLOSE_QUOTES, _COMMON_WORD, _DEMONSTRATIVES, _FUNCTION_TAGS, _GLUE_CHARS, _OPEN_QUOTES, Token, _mention,
)
from kg.types import Mention, Sentence


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

_EVENT_ENDINGS = frozenset("会院局部厅所社馆站队")


# ---------------------------------------------------------------- persons

_NAME_STOP = re.compile(r"介绍|表示|说|告诉|指出|认为|强调|称|透露|来到|在|的|等|和|与|家|一行|同志|先生|女士|[^\u4e00-\u9fff]")


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
    following = next((t for t in tokens if t.start == token.end), None)
    if token.tag == "nr" and len(token.word) == 2 and following is not None and len(following.word) == 2 and following.word[-1] in "说称讲道" \
            and following.word[0] not in _GLUE_CHARS and lexicon.word_frequency(token.word + following.word[0]) == 0:
        return token.word + following.word[0]  # 钱志/明说: the name's last character glued to the speech verb
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
