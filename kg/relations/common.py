"""What the rule families share: the domain and range of each predicate, the
items a sentence is read as (a mention and its entity), the references that stand
for an entity named before (该区, 该公司, 该联盟, 园区 in a text about one park), and
the small readers of a sentence's text that more than one family uses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.lexicon import Lexicon
from kg.mentions import GENERIC_SHORT_NAMES, abbreviations
from kg.resolve import PARK_WORDS, top_class
from kg.types import Doc, Entity, Mention, Relation, Sentence

# Domain and range of each predicate, by top class (ontology/kg.ttl).
ALLOWED = {
    "locatedIn": ({"Park", "Company", "Organization", "Facility", "Project"}, {"Region", "Park", "Facility"}),
    "partOf": ({"Region"}, {"Region"}),
    "subOrganizationOf": ({"Company", "Organization"}, {"Company", "Organization"}),
    "implements": ({"Region", "Organization", "Company"}, {"Program", "Project"}),
    "worksFor": ({"Person"}, {"Organization", "Company"}),
    "memberOf": ({"Company", "Organization"}, {"Organization"}),
}

_CLAUSE_END = re.compile(r"[,，:：]")
_PREPOSITIONS = ("依托", "通过", "在", "与", "和", "对", "向", "把", "为", "同", "跟", "联合", "携手", "依靠", "借助")
_REFERENCES = ("该区", "全区", "该县", "全县", "该市", "全市", "该镇", "全镇", "我区", "我县", "我市", "全省", "我省", "该省")
_HERE = ("于此", "在此", "这里", "此地", "在这里")
_UNIT_HEADS = ("分公司", "子公司", "分行", "支行", "分院", "分会", "分局", "分中心")
_PARENT_CUES = ("下属", "旗下", "所属", "直属", "全资子公司", "控股子公司", "子公司")


@dataclass(frozen=True)
class _Item:
    mention: Mention
    entity: Entity

    @property
    def top(self) -> str:
        return top_class(self.entity.type)


# References that stand for an entity named before: 该区 is the region the text
# is about, 该公司 the last company named, 该联盟 the last alliance.
_REFERENCE = re.compile(
    r"[该本](区|县|市|镇|公司|企业|集团|联盟|协会|中心|园区|园|项目|计划|工程|行|大厦)|全(区|县|市)"
    r"|(?:^|(?<=[,，;；。]))(项目|工程)(?=由|将|已|拟|预计|计划|总投资|建成后|位于|选址|落户|入驻)"  # 项目由X投资建设, 项目将落户Y: the project just named
    r"|(?:^|(?<=[,，;；。、]))(联盟|协会|学会|商会|研究院|研究所|实验室)(?=[\u4e00-\u9fff])"  # 联盟理事长, 研究院设在X: the one just named
    r"|(?:^|(?<=[,，;；。、]))(合作社|管委会|集团|母公司|公司)(?=[\u4e00-\u9fff])"  # 合作社负责人X, 管委会副主任X, 公司今年将…: the one just named
    r"|(?<=在)(村口|村里|村内|村头|镇上|镇里|镇区)"  # 在村口新建成的X: the village just named
    r"|(?<=[由经在将对与和及是为据])(公司|集团)(?=[\u4e00-\u9fff])"  # 由公司副总经理X: in a text that calls itself 公司
)
_REFERENCE_TYPES = {"行": {"Company"}, "大厦": {"Facility"}, "公司": {"Company"}, "企业": {"Company"}, "集团": {"Company"}, "联盟": {"Alliance"},
                    "协会": {"Alliance"}, "学会": {"Alliance"}, "商会": {"Alliance"}, "研究院": {"Organization"}, "研究所": {"Organization"}, "实验室": {"Organization"}, "中心": {"Organization"}, "园区": {"Park"}, "园": {"Park"},
                    "项目": {"Project"}, "计划": {"Program"}, "工程": {"Program", "Project"}, "合作社": {"Company"}, "母公司": {"Company"},
                    "管委会": {"Organization"}}
_HOME_WORDS = {"村": "Community", "镇": "Subdistrict"}
_NAMED_SO = {"管委会": ("管委会", "管理委员会")}  # the names a bare reference word may stand for


def _calls_itself(doc: Doc, entity_at: dict[tuple[int, int], Entity]) -> dict[str, Entity]:
    """福建某某食品股份有限公司（以下简称“公司”）: in its own announcement, 公司 is that company."""
    return {
        short.lstrip("本"): entity_at[(m.start, m.end)]
        for short, m in abbreviations(doc.text, doc.mentions).items()
        if short in GENERIC_SHORT_NAMES and (m.start, m.end) in entity_at
    }


def _references(text: str, sentence: Sentence, named: list[_Item], focus: Entity | None,
                calls_itself: dict[str, Entity]) -> list[_Item]:
    found = []
    for match in _REFERENCE.finditer(sentence.text):
        start = sentence.start + match.start()
        kind = next(group for group in match.groups() if group)
        if match.group(7) and kind not in calls_itself:
            continue
        if kind in calls_itself and not match.group().startswith("该"):
            target = calls_itself[kind]  # 本公司 is the company writing; 该公司 the one just named
        elif kind in {"区", "县", "市", "镇"}:
            target = focus
            if focus is not None and not focus.name.endswith(kind):  # 该县 in a text about a city: the county named last
                same = [it.entity for it in named if it.mention.end <= start and it.top == "Region" and it.entity.name.endswith(kind)]
                target = same[-1] if same else None
        elif kind[0] in _HOME_WORDS and len(kind) == 2:
            homes = [it for it in named if it.mention.end <= start and it.entity.type == _HOME_WORDS[kind[0]]
                     and it.entity.name.endswith(kind[0])]
            target = homes[-1].entity if homes else None
        else:
            wanted = _REFERENCE_TYPES[kind]
            earlier = [
                it for it in named
                if it.mention.end <= start and (it.entity.type in wanted or top_class(it.entity.type) in wanted)
            ]
            # 工程由X承建: the 工程 named last, before any programme
            named_so = [it for it in earlier if it.entity.name.endswith(_NAMED_SO.get(kind, kind))] \
                if kind in {"工程", "项目", "合作社", "管委会", "研究院", "研究所", "实验室", "行", "大厦"} else []
            if kind == "集团":  # 集团正式加入X联盟: the group named last (by any of its names)
                named_so = [it for it in earlier if any("集团" in n for n in (it.entity.name, *it.entity.aliases))
                            and not it.entity.name.endswith(_UNIT_HEADS)]  # not 集团西安分公司
            if kind in {"合作社", "管委会", "集团", "研究院", "研究所", "实验室", "行", "大厦"} and not named_so:
                continue  # 合作社 with no co-op named before: no one in particular
            target = (named_so or earlier)[-1].entity if earlier else None
        if target is not None:
            end = sentence.start + match.end()
            found.append(_Item(Mention(start, end, text[start:end], target.name, target.type, "reference"), target))
    return found


# A place that opens a longer name the mention finder did not take whole:
# 深圳市联晟冷链物流有限公司 read as 深圳市 + text. Such a place is no one's subject.
_NAME_REST = re.compile(
    r"[\u4e00-\u9fff（）()]{1,16}?(?:集团(?:股份)?有限公司|股份有限公司|有限责任公司|有限公司|集团|公司|研究院|研究所|大学|学院|医院|联盟|协会)"
)
_NOT_IN_NAMES = re.compile("[的了在与和及为是将把对向从由等]|设立|成立|组建|全资|控股")  # 在赣州设立全资子公司: no name


def _unnamed(text: str, item: _Item, spans: list[tuple[int, int]]) -> _Item:
    """The place, or a stand-in for the whole name it opens: the stand-in holds its
    place in the sentence (A、B分别签约…) but no relation to it is kept."""
    if item.top != "Region":
        return item
    rest = _NAME_REST.match(text, item.mention.end)
    if not rest or _NOT_IN_NAMES.search(rest.group()) or any(item.mention.end <= s < rest.end() for s, _ in spans):
        return item
    start, end = item.mention.start, rest.end()
    kind = "Company" if rest.group().endswith(("公司", "集团")) else "Organization"
    stand_in = Entity(key="", type=kind, name=text[start:end])  # no key: _valid_unique drops its relations
    return _Item(Mention(start, end, text[start:end], stand_in.name, kind, "stand-in"), stand_in)


def _park_words(text: str, sentence: Sentence, park: Entity | None, spans: list[tuple[int, int]]) -> list[_Item]:
    """园区 / 产业园 / 高新区 on their own, in a text about one park, stand for that park."""
    if park is None:
        return []
    found = []
    for match in PARK_WORDS.finditer(sentence.text):
        start, end = sentence.start + match.start(), sentence.start + match.end()
        if not any(s <= start < e for s, e in spans):
            found.append(_Item(Mention(start, end, text[start:end], park.name, park.type, "reference"), park))
    return found


def _relation(subject: Entity, predicate: str, obj: Entity, sentence: Sentence, rule: str, position: str | None = None):
    return Relation(subject.key, predicate, obj.key, sentence=sentence.index, position=position, rule=rule)


def _between(sentence: Sentence, start: int, end: int) -> str:
    return sentence.text[max(start, sentence.start) - sentence.start : max(end, sentence.start) - sentence.start]


# What may stand between an organisation and its post: the rest of a short-name
# parenthesis whose short name was a mention (…委员会（以下简称“县卫健委”）主任), or all of it.
_AFTER_NAME = re.compile(r"^(?:[”’」』]?[）)]|[（(](?:以下简称|下称|简称)[^）)]{0,16}[）)])")


_PUNCT = re.compile(r"[,，;；。、:：!！?？\"“”]")


def _post_after(sentence: Sentence, item: _Item, lexicon: Lexicon) -> str | None:
    rest = sentence.text[item.mention.end - sentence.start : item.mention.end - sentence.start + 4]
    return next((t for t in sorted(lexicon.titles, key=len, reverse=True) if rest.startswith(t)), None)


def _clause_end(sentence: Sentence, offset: int) -> int:
    """Where the clause holding ``offset`` ends: the next comma, semicolon or full stop."""
    match = re.search(r"[,，;；。:：!！?？]", sentence.text[offset - sentence.start :])
    return offset + match.start() if match else sentence.end


_JOINED = ("", "与", "和", "、", "及")  # "": 位于柳州市柳江区穿山镇的…, every level


_DATELINE = re.compile(r"讯|电[)）]?$|记者")
# clauses that go on describing the topic without naming it: 位于都匀市东部, 成立于2012年
_PREDICATE = re.compile(
    r"^(?:位于|地处|坐落于|设在|设于|成立于|始建于|创建于|横跨|地跨|规划面积|总面积|占地|总部|现有"
    r"|(?:全资|控股|参股)?子公司$|由[^，,；;]{2,30}持股)"  # 1．A公司：全资子公司，位于X / 由B公司持股100%，位于X
)
_HOLDS_SHARES = re.compile(r"^持股|^持有")  # 本公司持股75%: says who owns the topic, is not it


def _topic(sentence: Sentence, items: list[_Item], clause_start: int, listed: bool = False) -> list[_Item]:
    """The park, body or building that opens an earlier clause, which this one goes on
    describing (X成立于2012年，位于A，横跨B和C: each clause between says nothing of
    anything else); with ``listed``, all of a list that opens it (A、B等6家企业…，正式入驻C)."""
    end = clause_start - 1
    while end > sentence.start:
        text = _between(sentence, sentence.start, end)
        previous = sentence.start + max((m.end() for m in re.finditer(r"[,，;；:：]", text)), default=0)
        if _DATELINE.search(_between(sentence, previous, end)):
            return []  # 某日报讯（记者 X）12月2日，位于…: a dateline, not a topic
        if previous == sentence.start:  # （一）A分公司，营业场所位于X: past the list's numbering
            previous += len(_ENUMERATOR.match(sentence.text).group()) if _ENUMERATOR.match(sentence.text) else 0
        opening = [it for it in items if it.mention.start == previous]
        if opening and _HOLDS_SHARES.match(_between(sentence, opening[0].mention.end, end)):
            opening = []
            end = previous - 1
            continue
        if opening:
            if opening[0].top not in ALLOWED["locatedIn"][0] or _modifies_next(items, items.index(opening[0])):
                return []
            run = opening[:1]
            k = items.index(opening[0]) + 1
            while listed and k < len(items) and items[k].top in ALLOWED["locatedIn"][0] and \
                    _between(sentence, run[-1].mention.end, items[k].mention.start) in _JOINED[1:]:
                run.append(items[k])
                k += 1
            return _distinct(run)
        if previous == sentence.start or not _PREDICATE.match(_between(sentence, previous, end)):
            return []
        end = previous - 1
    return []


# The rule name of ``focus implements P``, dropped where the text names who runs P.
_FOCUS_IMPLEMENTS = "implement-focus"


def _distinct(items: list[_Item]) -> list[_Item]:
    """One item per entity: A（以下简称“B”） names A once."""
    seen: set[str] = set()
    return [it for it in items if not (it.entity.key in seen or seen.add(it.entity.key))]


def _dateline_source(sentence: Sentence, item: _Item) -> bool:
    """某融媒体中心讯（记者…）: the paper that reports, not a subject."""
    return _between(sentence, item.mention.end, item.mention.end + 2).startswith(("讯", "消息", "电"))


def _modifies_next(items: list[_Item], k: int) -> bool:
    """深圳市 in 深圳市联晟冷链物流有限公司: a place written right before a body or
    company says where it is; it is not the subject itself."""
    return items[k].top == "Region" and k + 1 < len(items) and items[k + 1].mention.start == items[k].mention.end \
        and items[k + 1].top in {"Company", "Organization"}


# Words that may stand between a subject and its verb: 莱山区同步出台P, 该区将加快推进P.
_ADVERBS = re.compile(
    r"^(?:还|也|已经|已|将要|将|正在|正|积极|大力|全面|率先|同步|同时|先后|相继|持续|深入|专门|加快|进一步|"
    r"着力|重点|继续|计划|拟|又|再|首次|正式|共同|联合|今年|去年|近年来|启动|开始|牵头|负责|要)*"
)
_PLACES_AT = re.compile(r"^在(?:毗邻的|周边的|附近的)?$")


def _places_run(sentence: Sentence, places: list[_Item], adjacent: bool = False) -> list[_Item]:
    """召夸镇、马街镇、板桥镇 / 岚山区虎山镇: places written in a row, from the first
    (with ``adjacent``, only one inside the next: 岚山区虎山镇)."""
    run = [places[0]]
    for nxt in places[1:]:
        if nxt.top not in ALLOWED["locatedIn"][1] or \
                _between(sentence, run[-1].mention.end, nxt.mention.start) not in (_JOINED[:1] if adjacent else _JOINED):
            break
        run.append(nxt)
    return run


def _at_before(sentence: Sentence, item: _Item) -> int:
    """Where a 在 (with what may qualify the place: 毗邻的) before ``item`` starts, or the item's start."""
    before = _between(sentence, item.mention.start - 6, item.mention.start)
    k = before.rfind("在")
    return item.mention.start - len(before) + k if k >= 0 else item.mention.start


_IS = re.compile(r"^(?:同时|还|也|已|正式|均|都|现|目前)*(?:是|为|当选为|当选|成为)$")


_ENUMERATOR = re.compile(r"^[(（]?[一二三四五六七八九十\d]+[)）、.．]?")


def _sentence_of(doc: Doc, mention: Mention) -> Sentence:
    for sentence in doc.sentences:
        if sentence.start <= mention.start < sentence.end:
            return sentence
    return doc.sentences[0]
