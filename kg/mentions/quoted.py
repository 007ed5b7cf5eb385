"""Quoted names (“惠企包”, 《…行动计划》) and what kind of programme a name is by
its head (计划, 工程, 行动, …条, …年).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kg.lexicon import Lexicon
from kg.mentions.common import Token, _mention, clean_name
from kg.types import Mention, Sentence


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
