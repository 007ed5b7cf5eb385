"""Stage: find the relations between entities, sentence by sentence.

Rules read the order of mentions and cue words in a sentence:

* worksFor: an organisation, a post and a name in a row (区科技局局长孟庆礼), an
  appointment (任命X为<body><post>), a working body 由X任<post>, and a second post
  named by its body's kind alone (A党工委书记、管委会主任X);
* locatedIn: ``在 <place>, …`` puts what follows in that place; a settling verb
  (落户, 入驻, 位于, 设在, 横跨) puts what comes before it — or the topic of the
  clauses before (A、B等企业…，正式入驻C) — in the place after it;
* partOf: a region written right before another (泉山区王陵街道), and the
  authority data (``link``);
* implements: a program or project is run by the subject of its clause, by the
  body that leads it (由X牵头实施, 牵头单位：X), by the firm whose own name it
  opens with (海晟… 项目 of 辽宁海晟重工…), or by the document's focus region
  (the district the text is about) when the subject is left out or is a
  reference such as 该区 / 全区;
* memberOf: ``X 加入 Y``, X是Y会长单位; subOrganizationOf: a unit named after its
  parent (…有限公司永安分公司), introduced by 下属 / 旗下 / 下设 / 全资子公司, or
  named by its place alone (贵阳分公司) in a text about one company, or set up
  in a place (A在X市Y区设立B: B is A's and is in X and Y);
* a person's list of posts (X同时担任A副主席、B会长; X有很多身份：…) gives a
  worksFor for each body, and bodies listed together (A、B、C决定开展P) each run P.

Parks, facilities and projects that the text places nowhere else are placed
in the focus region, and subdistricts and communities are made part of it.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from kg.lexicon import Lexicon, _lines, default_lexicon
from kg.mentions import GENERIC_SHORT_NAMES, ROSTER_ROW, abbreviations
from kg.resolve import PARK_WORDS, focus_park, focus_region, top_class
from kg.types import Doc, Entity, Mention, Relation, Sentence

__all__ = ["find", "focus_region", "ALLOWED"]

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
_PARENT_CUES = ("下属", "旗下", "所属", "直属")


@dataclass(frozen=True)
class _Item:
    mention: Mention
    entity: Entity

    @property
    def top(self) -> str:
        return top_class(self.entity.type)


def find(doc: Doc, lexicon: Lexicon | None = None) -> Doc:
    lexicon = lexicon or default_lexicon()
    entity_at = {(m.start, m.end): e for e in doc.entities for m in e.mentions}
    focus = focus_region(doc)
    park = focus_park(doc, focus)
    main = _main_company(doc)
    spans = [(m.start, m.end) for m in doc.mentions]
    found: list[Relation] = list(doc.relations)
    last_place: _Item | None = None
    previous: list[_Item] = []  # the items of the sentence before
    previous_sentence: Sentence | None = None
    roster_label: str | None = None  # 副总指挥：A … / B …: the post of a roster's rows, carried down
    team: Entity | None = None  # 五、主要管理人员: the company whose team the section lists
    scope: _Item | None = None  # 在X，A…；B…: the place of a 在 clause cut off by a semicolon
    lister: Entity | None = None  # 子公司三家：A…；B…: the company whose units are being listed
    named = sorted(
        (_Item(m, entity_at[(m.start, m.end)]) for m in doc.mentions if (m.start, m.end) in entity_at and m.rule != "inner"),
        key=lambda it: it.mention.start,
    )
    named = [_unnamed(doc.text, it, spans) for it in named]
    calls_itself = _calls_itself(doc, entity_at)
    for sentence in doc.sentences:
        items = [it for it in named if sentence.start <= it.mention.start < sentence.end]
        items = sorted(
            items + _references(doc.text, sentence, named, focus, calls_itself) + _park_words(doc.text, sentence, park, spans),
            key=lambda it: it.mention.start,
        )
        found.extend(_works_for(sentence, items, lexicon, named))
        located, place = _located_at(sentence, items)
        found.extend(located)
        if place is None and scope is not None:
            found.extend(_still_there(sentence, items, scope))
        # only a 在 clause that opens the sentence (在射洪市，…) reaches past its semicolon
        opens = place is not None and sentence.text.startswith("在") and \
            _between(sentence, place.mention.end, place.mention.end + 1) in ("，", ",")
        scope = place if opens and sentence.text.endswith(("；", ";")) else None
        found.extend(_settled(sentence, items, place or last_place, park or focus, lexicon))
        found.extend(_implements(sentence, items, focus, lexicon, _carried_subject(doc.sentences, sentence, previous, lexicon)))
        found.extend(_signed(sentence, items))
        found.extend(_sited(sentence, items))
        found.extend(_spans(sentence, items))
        found.extend(_inside_park(sentence, items, named, park))
        found.extend(_inside_town(sentence, items, named))
        found.extend(_built_inside(sentence, items, park))
        found.extend(_brought_in_by(sentence, items))
        found.extend(_built_by_park_body(sentence, items, named))
        found.extend(_opened_at(sentence, items))
        found.extend(_built_at(sentence, items))
        found.extend(_built_by_place(sentence, items))
        found.extend(_brought_in(sentence, items, focus))
        found.extend(_settled_list(sentence, items, park or focus))
        found.extend(_built_where_settled(sentence, items))
        found.extend(_among_settled(sentence, items))
        found.extend(_adjacent(sentence, items))
        found.extend(_lies_in(sentence, items))
        found.extend(_member_of(sentence, items, named))
        found.extend(_founded(sentence, items))
        found.extend(_members_listed(sentence, items, named))
        found.extend(_formed_from(sentence, items))
        found.extend(_parent_cues(sentence, items))
        found.extend(_member_unit(sentence, items))
        found.extend(_sets_up_under(sentence, items))
        found.extend(_subsidiary_named(sentence, items, main))
        found.extend(_unit_of(sentence, items))
        found.extend(_serves_as(sentence, items, main))
        listed, lister = _units_listed(sentence, items, lister)
        found.extend(listed)
        found.extend(_set_up_by(sentence, items, park))
        found.extend(_set_up_at(sentence, items, lexicon))
        found.extend(_holds_post(sentence, items, lexicon))
        found.extend(_posts_listed(sentence, items, lexicon, previous))
        found.extend(_post_held_by(sentence, items, lexicon))
        found.extend(_appointed(sentence, items, lexicon, named))
        found.extend(_headed_by(sentence, items, lexicon))
        found.extend(_contact_line(sentence, items))
        found.extend(_head_line(sentence, items, previous, previous_sentence))
        listed, roster_label = _roster_row(sentence, items, named, roster_label, lexicon)
        found.extend(listed)
        found.extend(_task_units(doc.text, sentence, items, named))
        found.extend(_address_line(sentence, items, previous, previous_sentence))
        found.extend(_team_listed(sentence, items, lexicon))
        found.extend(_elected(sentence, items, lexicon))
        if _SECTION_HEADING.match(sentence.text):
            team = (calls_itself.get("公司") or main) if _TEAM_HEADING.match(sentence.text) else None
        found.extend(_team_section(sentence, items, team, lexicon))
        found.extend(_post_in_brackets(sentence, items, lexicon))
        found.extend(_led_by(sentence, items, previous))
        if place is not None:
            last_place = place
        previous, previous_sentence = items, sentence
    found.extend(_units(doc, focus))
    found.extend(_place_units(doc, lexicon))
    found.extend(_named_for_company(doc, lexicon))
    found.extend(_named_for_village(doc, found))
    found.extend(_defaults(doc, focus, park, found))
    found = _placed_by_verb_first(found, doc)
    return dataclasses.replace(doc, relations=tuple(_valid_unique(_named_runner_first(found, park), doc)))


_PLACING_RULES = {"at", "built-at", "settle", "site"}
_LEVELS = ("Province", "City", "District", "Subdistrict", "Community")


def _placed_by_verb_first(relations: list[Relation], doc: Doc) -> list[Relation]:
    """在昭平镇建设昭平县农产品冷链物流中心项目: the county written before the project is
    part of its name; the sentence places it in the town, so the county is dropped."""
    level = {e.key: _LEVELS.index(e.type) for e in doc.entities if e.type in _LEVELS}
    finest: dict[tuple[str, int | None], int] = {}
    for r in relations:
        if r.predicate == "locatedIn" and r.rule in _PLACING_RULES and r.object in level:
            key = (r.subject, r.sentence)
            finest[key] = max(finest.get(key, -1), level[r.object])
    return [
        r for r in relations
        if not (r.rule == "adjacent" and r.predicate == "locatedIn" and r.object in level
                and finest.get((r.subject, r.sentence), -1) > level[r.object])
    ]


def _named_runner_first(relations: list[Relation], park: Entity | None) -> list[Relation]:
    """``focus implements P`` is a guess for when the text names no one; drop it where
    it does name who runs P (in another sentence), and in a text about a park,
    whose projects are run by firms and the park, not by the region around it."""
    named: dict[str, set[str]] = {}
    for r in relations:
        if r.predicate == "implements" and r.rule != _FOCUS_IMPLEMENTS:
            named.setdefault(r.object, set()).add(r.subject)
    return [
        r for r in relations
        if r.rule != _FOCUS_IMPLEMENTS or r.subject in named.get(r.object, {r.subject}) and park is None
    ]


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
        if kind in calls_itself:
            target = calls_itself[kind]
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


# ---------------------------------------------------------------- worksFor


def _works_for(sentence: Sentence, items: list[_Item], lexicon: Lexicon, named: list[_Item]) -> Iterator[Relation]:
    """区科技局局长孟庆礼 / 办公室李建安主任 / 沃尔玛超市湖北生鲜采购经理冯飞.

    The position is the text between the employer and the name (or after the
    name), when it ends in a known post and is short.
    """
    employer: _Item | None = None
    for i, item in enumerate(items):
        if item.top in {"Organization", "Company"}:
            employer = item
        if item.top != "Person":
            continue
        before = _employer_before(items, i)
        if before is not None:
            gap = _AFTER_NAME.sub("", "".join(_between(sentence, before.mention.end, item.mention.start).split()))
            after = _post_after(sentence, item, lexicon)
            if gap and _is_post(gap, lexicon):
                second = _second_body(before.entity, gap, named, before.mention.text)
                if second is None:
                    yield _relation(item.entity, "worksFor", before.entity, sentence, "post", gap)
                else:
                    body, first_post, second_post = second
                    yield _relation(item.entity, "worksFor", before.entity, sentence, "post", first_post)
                    yield _relation(item.entity, "worksFor", body, sentence, "post", second_post)
                yield from _first_post(sentence, items, items.index(before), item, lexicon)
                continue
            if not gap and after:
                yield _relation(item.entity, "worksFor", before.entity, sentence, "post", after)
                continue
            first = _first_of_two_posts(gap, lexicon)
            if first:
                yield _relation(item.entity, "worksFor", before.entity, sentence, "post", first)
                continue
        previous = items[i - 1] if i else None
        gap = "".join(_between(sentence, previous.mention.end, item.mention.start).split()) if previous else ""
        if employer is not None and previous is not None and previous.top == "Person" and gap in lexicon.titles:
            # a byline: 徐州日报记者 魏宁 通讯员 姚舟 — the second post is at the same paper
            yield _relation(item.entity, "worksFor", employer.entity, sentence, "post-carried", gap)
            continue
        if employer is not None and previous is not None and previous.top == "Person" and gap.startswith("、") \
                and _is_post(gap[1:], lexicon) and not _GOVERNMENT_POST.match(gap[1:]) and \
                i >= 2 and items[i - 2] is employer and \
                _is_post(_AFTER_NAME.sub("", "".join(_between(sentence, employer.mention.end, previous.mention.start).split())), lexicon):
            # 某学院党委书记A、校长B / 某公司董事长A、总经理B: the second holds a post at the same body
            yield _relation(item.entity, "worksFor", employer.entity, sentence, "post-carried", gap[1:])
            continue
        post = _post_before(sentence, item, lexicon)
        body = _body_for_post(post, item, named) if post else None
        if body is not None:
            yield _relation(item.entity, "worksFor", body, sentence, "post-level", post[1])


# What may stand between an organisation and its post: the rest of a short-name
# parenthesis whose short name was a mention (…委员会（以下简称“县卫健委”）主任), or all of it.
_AFTER_NAME = re.compile(r"^(?:[”’」』]?[）)]|[（(](?:以下简称|下称|简称)[^）)]{0,16}[）)])")


# Bodies a park, town or district has side by side, each named as its place plus one of
# these; after one of them is named in full, a second is often named by this word alone
# (剑江高新区党工委书记、管委会主任).
_SISTER_BODIES = ("管委会", "管理委员会", "党工委", "党委", "纪委", "人大常委会", "人民政府", "政府", "办事处")


def _second_body(first: Entity, gap: str, named: list[_Item], written: str = "") -> tuple[Entity, str, str] | None:
    """A党工委书记、管委会主任X: X also works for A管委会, the body of the same place
    that the second post names by its kind alone; and in 川岷集团党委书记、董事长X, for
    the 党委 of the company, when the text names it. (That body, the posts left to the
    first body, the posts in that body), or None."""
    heads = sorted(_SISTER_BODIES, key=len, reverse=True)
    head = next((h for h in heads if first.name.endswith(h)), None)
    places = {first.name[: -len(head)]} if head else {first.name, *first.aliases, written} - {""}
    posts = gap.split("、")
    for k, post in enumerate(posts):
        kind = next((h for h in heads if post.startswith(h)), None)
        if kind is None or kind == head or len(post) == len(kind) or (k == 0 and head) or (k == 0 and len(posts) == 1):
            continue
        wanted = {place + kind for place in places}
        if kind in ("管委会", "管理委员会"):
            wanted |= {place + other for place in places for other in ("管委会", "管理委员会")}
        body = next((it.entity for it in named if {it.entity.name, *it.entity.aliases} & wanted), None)
        if body is not None and body.key != first.key:
            return body, "、".join(posts[:k] + posts[k + 1 :]), post[len(kind):]
    return None


def _first_of_two_posts(gap: str, lexicon: Lexicon) -> str | None:
    """农业农村局副局长、某中心主任X where the second body was not recognised: the
    first post, in the first body, still holds."""
    first, sep, rest = gap.partition("、")
    if not sep or not _is_post(first, lexicon) or _PUNCT.search(rest) or len(rest) > 3 * _MAX_POST:
        return None
    return first if rest.endswith(tuple(lexicon.titles) + _WORKING_POSTS) else None


def _first_post(sentence: Sentence, items: list[_Item], k: int, person: _Item, lexicon: Lexicon) -> Iterator[Relation]:
    """学会会长、医院院长X: X also holds the first post, in the first body (A（以下简称“B”）:
    B is A again, not a first body)."""
    while k > 0 and items[k - 1].entity.key == items[k].entity.key:
        k -= 1
    if k == 0 or items[k - 1].top not in {"Organization", "Company"}:
        return
    first = items[k - 1]
    gap = "".join(_between(sentence, first.mention.end, items[k].mention.start).split())
    if gap.endswith("、") and _is_post(gap[:-1], lexicon):
        yield _relation(person.entity, "worksFor", first.entity, sentence, "post", gap[:-1])


_MAX_POST = 8
_GOVERNMENT_POST = re.compile(r"^(?:常务)?副?([省市区县镇乡])长$")
_COMPANY_WORDS = ("公司", "集团", "企业")


def _post_before(sentence: Sentence, item: _Item, lexicon: Lexicon) -> tuple[str, str] | None:
    """``(what, post)`` written right before a name: 副市长 → ("市", "副市长"), 公司董事长 → ("公司", "董事长")."""
    before = "".join(_between(sentence, max(sentence.start, item.mention.start - 10), item.mention.start).split())
    before = _PUNCT.split(before)[-1]
    title = next((t for t in sorted(lexicon.titles, key=len, reverse=True) if before.endswith(t)), None)
    if title is None:
        return None
    level = _GOVERNMENT_POST.match(title)
    if level:
        return level.group(1), title
    holder = before[: -len(title)]
    if holder.endswith(_COMPANY_WORDS):
        return "公司", title
    return None


def _body_for_post(post: tuple[str, str], item: _Item, named: list[_Item]) -> Entity | None:
    """The body a post without one belongs to, when the text names it: 副县长 → 梧川县人民政府,
    公司董事长 → the company named last."""
    what, _ = post
    earlier = [it for it in named if it.mention.start < item.mention.start]
    if what == "公司":
        companies = [it for it in earlier if it.top == "Company"]
        return companies[-1].entity if companies else None
    bodies = {
        it.entity.key: it.entity for it in named
        if it.entity.type == "GovernmentBody" and it.entity.name.endswith("政府")
        and (it.entity.name.startswith(what) or it.entity.name[: -len("政府")].removesuffix("人民").endswith(what))
    }
    return next(iter(bodies.values())) if len(bodies) == 1 else None


def _is_post(text: str, lexicon: Lexicon) -> bool:
    """局长, 生鲜采购经理, 常委、宣传部长: short, and every part ends in a known post."""
    parts = text.split("、")
    return len(text) <= 2 * _MAX_POST and all(
        0 < len(part) <= _MAX_POST and part.endswith(tuple(lexicon.titles)) and not _PUNCT.search(part) for part in parts
    )


_PUNCT = re.compile(r"[,，;；。、:：!！?？\"“”]")


def _employer_before(items: list[_Item], i: int) -> _Item | None:
    """The organisation just before a person, skipping a place written between (沃尔玛超市湖北…)."""
    k = i - 1
    while k >= 0 and items[k].top in {"Region", "Park"}:
        k -= 1
    if k >= 0 and items[k].top in {"Organization", "Company"}:
        return items[k]
    return None


def _post_after(sentence: Sentence, item: _Item, lexicon: Lexicon) -> str | None:
    rest = sentence.text[item.mention.end - sentence.start : item.mention.end - sentence.start + 4]
    return next((t for t in sorted(lexicon.titles, key=len, reverse=True) if rest.startswith(t)), None)


# ---------------------------------------------------------------- locatedIn


def _located_at(sentence: Sentence, items: list[_Item]) -> tuple[list[Relation], _Item | None]:
    """``在 A B, X …``: B is in A, and X is in B."""
    found: list[Relation] = []
    text = sentence.text
    for i, item in enumerate(items):
        offset = item.mention.start - sentence.start
        if item.top not in {"Region", "Park", "Facility"} or not text[:offset].endswith("在"):
            continue
        if offset > 1 and not _CLAUSE_START.match(text[offset - 2]):
            continue
        chain = [item]
        for nxt in items[i + 1 :]:
            if nxt.mention.start == chain[-1].mention.end and nxt.top in {"Region", "Park", "Facility"}:
                chain.append(nxt)
            else:
                break
        for outer, inner in zip(chain, chain[1:]):
            predicate = "partOf" if inner.top == "Region" else "locatedIn"
            found.append(_relation(inner.entity, predicate, outer.entity, sentence, "at"))
        place = chain[-1]
        if _UNDER.match(_between(sentence, place.mention.end, place.mention.end + 8)):
            return found, None  # 在庄行镇的支持下，A…: with the town's support, not in the town
        # 在X（一楼西侧），A…: all that follows is in X; 在X建成A，引进B: only what the verb's own clause names
        clause_end = _clause_end(sentence, place.mention.end)
        if not any(place.mention.end <= it.mention.start < clause_end for it in items):
            clause_end = sentence.end
        for other in items[i + len(chain) :]:
            if other.mention.start >= clause_end:
                break
            if other.top in ALLOWED["locatedIn"][0] and other.entity.key != place.entity.key:
                found.append(_relation(other.entity, "locatedIn", place.entity, sentence, "at"))
        return found, place
    return found, None


_CLAUSE_START = re.compile(r"[,，;；。:：、\s|]")
_UNDER = re.compile(r"^的?[\u4e00-\u9fff]{1,4}下[,，]")  # 在X的支持下, 在X指导下


def _clause_end(sentence: Sentence, offset: int) -> int:
    """Where the clause holding ``offset`` ends: the next comma, semicolon or full stop."""
    match = re.search(r"[,，;；。:：!！?？]", sentence.text[offset - sentence.start :])
    return offset + match.start() if match else sentence.end


def _still_there(sentence: Sentence, items: list[_Item], place: _Item) -> Iterator[Relation]:
    """在射洪市，A公司…；B公司的生产线…: a company opening the next part is in that place too."""
    if items and items[0].mention.start == sentence.start and items[0].top == "Company":
        yield _relation(items[0].entity, "locatedIn", place.entity, sentence, "at")
_BESIDE = re.compile(r"^(?:旁|附近|对面|周边|隔壁|一侧|东侧|西侧|南侧|北侧|之间)")
# 川岷集团成立于2003年，总部位于宜宾市; A分公司，营业场所位于X区
_SEAT = ("总部", "其总部", "公司总部", "集团总部", "总部均", "营业场所", "住所", "注册地", "注册地址", "办公地点", "办公地址")
_MOVE_IN = ("落户于", "落户", "入驻", "进驻", "落地", "扎根", "落户到", "入驻到")
_SEATED = ("设在", "设于")  # 研究院设在X大厦; 办公室设在某局 (a body, no place) says nothing
_SETTLE = ("设在", "设于", "落户于", "落户", "入驻", "进驻", "落地", "位于", "坐落于", "扎根", "落户到", "入驻到", "搬迁至", "迁至", "迁入", "搬迁到")


def _settled(sentence: Sentence, items: list[_Item], last_place: _Item | None, focus: Entity | None, lexicon: Lexicon) -> Iterator[Relation]:
    text = sentence.text
    yield from _located_where(sentence, items)
    for cue in re.finditer("|".join(_SETTLE), text):
        cue_at = sentence.start + cue.start()
        clause_start = max(
            (m.end() for m in re.finditer(r"[,，;；:：]", text[: cue.start()])), default=0
        ) + sentence.start
        subjects = [
            it for it in items
            if clause_start <= it.mention.start and it.mention.end <= cue_at and it.top in ALLOWED["locatedIn"][0]
        ]
        subjects = [it for it in subjects if not _between(sentence, it.mention.end, it.mention.end + 2) in _PARENT_CUES]  # 集团旗下A位于X: A, not the group
        heads = [it for it in subjects if _between(sentence, it.mention.start - 1, it.mention.start) == "的"]
        if heads:  # A与B共建的C同样落户P: C settles; A and B only describe it
            subjects = [it for it in subjects if it.mention.start >= heads[-1].mention.start]
        if subjects and "的" in _between(sentence, subjects[-1].mention.end, cue_at):
            subjects = []  # A与B共建的(unnamed)中心落户P: what settles is not named
        if cue.group() in _WHERE_LEAD and text[cue.start() - 1 : cue.start()] in ("、", ",", "，", "和", "与", "及") and \
                _describes_next(sentence, items, sentence.start + cue.end()):
            continue  # A、位于X区的B: 位于X区 describes B (read by _located_where), not A
        moved = text.rfind("把", clause_start - sentence.start, cue.start())
        if moved >= 0:  # A把旗下的B搬迁至C: B moves, not A
            subjects = [it for it in subjects if it.mention.start > sentence.start + moved]
        lead = _between(sentence, clause_start, cue_at)
        if not subjects and cue.group() in _WHERE_LEAD + _SEATED and lead in ("", *_SEAT):
            subjects = _topic(sentence, items, clause_start)  # 科技园由A与B共建，位于莱山区解甲庄街道
        elif not subjects and cue.group() in _MOVE_IN and _ADVERBS.fullmatch(lead):
            subjects = _topic(sentence, items, clause_start, listed=True)  # A、B等6家企业已注册，正式入驻C
        if not subjects:
            continue
        after = text[cue.end() :]
        place: Entity | None = None
        following = [it for it in items if it.mention.start >= sentence.start + cue.end()]
        seated_gap = _between(sentence, sentence.start + cue.end(), following[0].mention.start) if following else ""
        if following and cue.group() in _SEATED and following[0].top in ALLOWED["locatedIn"][1] and \
                re.fullmatch(r"(?:已|新)?建成的|新建的|[^，,；;。]{0,4}的", seated_gap):
            place = following[0].entity  # 孵化园设在已建成的科创中心内
        elif following and following[0].mention.start - (sentence.start + cue.end()) <= 1 and following[0].top in ALLOWED["locatedIn"][1]:
            place = following[0].entity
        elif after.startswith(_HERE) and last_place is not None:
            place = last_place.entity
        elif cue.group() in _SEATED and len(following) > 1 and following[0].top in {"Company", "Organization"} and \
                _between(sentence, following[0].mention.end, following[1].mention.start) == "位于" and \
                following[1].top in ALLOWED["locatedIn"][1] and seated_gap == "":
            # 实验室设在A公司位于X区Y街道的生产基地内: in each place of the firm's site
            for where in _places_run(sentence, following[1:], adjacent=True):
                for subject in subjects:
                    yield _relation(subject.entity, "locatedIn", where.entity, sentence, "settle")
            continue
        elif cue.group() in _SEATED:
            continue
        elif focus is not None and not following or (following and following[0].top not in ALLOWED["locatedIn"][1]):
            # 园区已落地项目23个: what lands is after the verb, the park holds it
            subjects = [it for it in subjects if it.top != "Park" or it.entity.key == getattr(focus, "key", None)]
            place = focus
        if place is None:
            continue
        places = [place]
        if following and following[0].entity is place:
            run = [following[0]]
            for outer, inner in zip(following, following[1:]):  # 位于岚山区虎山镇: the town too
                if inner.mention.start != outer.mention.end or inner.top not in ALLOWED["locatedIn"][1]:
                    break
                run.append(inner)
            if len(run) > 1 and run[-1].top == "Facility" and _BESIDE.match(_between(sentence, run[-1].mention.end, run[-1].mention.end + 3)):
                run = run[:-1]  # 位于A街道B大道旁: in the subdistrict, beside the road
            # 位于A市B区C镇, 位于A省B市C区D大厦: every level written
            places = [it.entity for it in run]
            if len(following) > len(run) and following[len(run)].top == "Facility" and \
                    _between(sentence, run[-1].mention.end, following[len(run)].mention.start) in ("与", "和") and \
                    re.match("交汇处|交叉口|交界处|路口|之间", _between(sentence, following[len(run)].mention.end, sentence.end)):
                places.append(following[len(run)].entity)  # 位于A大道与B路交汇处: at both roads
            beyond = next((it for it in following[len(run):] if it.top in {"Park", "Facility"}), None)
            if beyond is not None and _between(sentence, run[-1].mention.end, beyond.mention.start) == "的":
                places.append(beyond.entity)  # 入驻汇川区的X产业园: the park, too
        if following and following[0].entity is place and following[0].top == "Facility" and \
                _BESIDE.match(_between(sentence, following[0].mention.end, following[0].mention.end + 3)):
            continue  # 服务站设在农贸市场旁: beside it, not in it
        for subject in subjects:
            for where in places:
                if subject.entity.key != where.key:
                    yield _relation(subject.entity, "locatedIn", where, sentence, "settle")


_SETTLES_THEN_BUILDS = re.compile(r"^[,，](?:并|还|将|计划|拟)?(?:投资[\d.]+[亿万]?元)?(?:建设|新建|兴建|打造)$")


def _built_where_settled(sentence: Sentence, items: list[_Item]) -> Iterator[Relation]:
    """A入驻P，投资32亿元建设Q项目: the project the firm goes on to build in the next clause is in P."""
    for k, place in enumerate(items[:-1]):
        if place.top not in {"Park", "Facility", "Region"} or \
                not _between(sentence, place.mention.start - 2, place.mention.start).endswith(_MOVE_IN[:4]):
            continue
        built = items[k + 1]
        if built.top == "Project" and _SETTLES_THEN_BUILDS.match(_between(sentence, place.mention.end, built.mention.start)):
            yield _relation(built.entity, "locatedIn", place.entity, sentence, "settle-build")


_AMONG = re.compile(r"(?:新)?(?:入驻|落户|进驻|引进|集聚)[^，,；;。]{0,12}(?:企业|项目|公司)[\d]+(?:家|个)")


def _among_settled(sentence: Sentence, items: list[_Item]) -> Iterator[Relation]:
    """X产业园新入驻企业37家，其中A公司…: a company the 其中 clause names first is one of
    those that settled in the park opening the sentence's clause."""
    for cue in _AMONG.finditer(sentence.text):
        at = sentence.start + cue.start()
        clause_start = sentence.start + max((m.end() for m in re.finditer(r"[,，;；:：]", sentence.text[: cue.start()])), default=0)
        parks = [it for it in items if clause_start <= it.mention.start and it.mention.end <= at and it.top == "Park"]
        among = sentence.text.find("其中", cue.end())
        if not parks or among < 0 or sentence.text[among - 1 : among] not in ",，;；":
            continue
        first = next((it for it in items if it.mention.start == sentence.start + among + 2), None)
        if first is not None and first.top == "Company":
            yield _relation(first.entity, "locatedIn", parks[-1].entity, sentence, "among-settled")


_SETTLED_LIST = re.compile(r"(?:新)?(?:落户|入驻|进驻|落地|签约)的(?:企业|项目|公司)(?:中|有|包括)?")


def _settled_list(sentence: Sentence, items: list[_Item], home: Entity | None) -> Iterator[Relation]:
    """上半年落户的企业中，A、B、C等9家企业…: the companies listed settled in the
    place the text is about (the park, in a text about a park)."""
    if home is None:
        return
    for cue in _SETTLED_LIST.finditer(sentence.text):
        if _located_before(sentence, items, cue.start()):
            continue  # 在X落户的企业: placed by the 在 rule
        for item in items:
            if item.mention.start >= sentence.start + cue.end() and item.top in {"Company", "Project"}:
                yield _relation(item.entity, "locatedIn", home, sentence, "settled-list")


def _located_before(sentence: Sentence, items: list[_Item], offset: int) -> bool:
    return any(
        it.top in ALLOWED["locatedIn"][1] and it.mention.start < sentence.start + offset
        and _between(sentence, it.mention.start - 1, it.mention.start) == "在"
        for it in items
    )


_BRING_IN = re.compile("引进|引入|招引|吸引")
_WHERE_LEAD = ("位于", "坐落于", "坐落在")
_JOINED = ("", "与", "和", "、", "及")  # "": 位于柳州市柳江区穿山镇的…, every level
_SPOT = re.compile(r"^(?:交叉口|交汇处|交界处|之间|附近|一带|路口|旁|内|[东南西北]侧)?的$")


def _located_where(sentence: Sentence, items: list[_Item]) -> Iterator[Relation]:
    """位于滨湖路的金穗大厦 / 位于A路与B路交叉口的P项目: the thing after 的 is at
    each place named between 位于 and 的."""
    for i, first in enumerate(items):
        lead = _between(sentence, first.mention.start - 3, first.mention.start)
        if not lead.endswith(_WHERE_LEAD) or first.top not in ALLOWED["locatedIn"][1]:
            continue
        places = [first]
        k = i + 1
        while k < len(items) and items[k].top in ALLOWED["locatedIn"][1] and \
                _between(sentence, places[-1].mention.end, items[k].mention.start) in _JOINED and not _modifies_next(items, k):
            places.append(items[k])  # …团泽镇的遵义磐川新材料公司 read as 遵义 + the rest: 遵义 opens the name
            k += 1
        start_of_thing = items[k].mention.start if k < len(items) else sentence.end
        if k < len(items) and _modifies_next(items, k) and \
                _between(sentence, places[-1].mention.end, items[k].mention.start) in ("的", "之"):
            k += 1
        if k == len(items) or items[k].top not in ALLOWED["locatedIn"][0]:
            continue
        if _SPOT.match(_between(sentence, places[-1].mention.end, start_of_thing)):
            for place in _finest_two(sentence, places):
                yield _relation(items[k].entity, "locatedIn", place.entity, sentence, "settle")


def _describes_next(sentence: Sentence, items: list[_Item], at: int) -> bool:
    """位于X区Y镇的Z: the places after ``at`` end in 的 and a thing they qualify."""
    following = [it for it in items if it.mention.start >= at]
    if not following or following[0].mention.start != at or following[0].top not in ALLOWED["locatedIn"][1]:
        return False
    run = _places_run(sentence, following, adjacent=True)
    return _between(sentence, run[-1].mention.end, run[-1].mention.end + 1) == "的"  # the thing may go unnamed


_DATELINE = re.compile(r"讯|电[)）]?$|记者")
# clauses that go on describing the topic without naming it: 位于都匀市东部, 成立于2012年
_PREDICATE = re.compile(r"^(?:位于|地处|坐落于|设在|设于|成立于|始建于|创建于|横跨|地跨|规划面积|总面积|占地|总部|现有)")


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


def _finest_two(sentence: Sentence, places: list[_Item]) -> list[_Item]:
    """广西崇左市凭祥市友谊镇: of regions written one inside the next, the two finest
    (友谊镇, 凭祥市) say where a thing is; the province and city above them do not.
    A road or building in the run (梅岭社区颐年路18号) is kept; below a city it counts as
    one of the two (宜宾市叙州区科技大厦: the district and the building)."""
    kept: list[_Item] = []
    for k, place in enumerate(places):
        below = []
        for inner in places[k + 1 :]:
            if _between(sentence, (below or [place])[-1].mention.end, inner.mention.start) != "":
                break
            below.append(inner)
        finer = {"Region", "Facility"} if place.entity.type in {"City", "Province"} else {"Region"}
        if place.top != "Region" or sum(it.top in finer for it in below) < 2:
            kept.append(place)
    return kept


def _brought_in(sentence: Sentence, items: list[_Item], focus: Entity | None) -> Iterator[Relation]:
    """沂南县先后引进…的长江食品、…: what a place brings in settles there."""
    for cue in _BRING_IN.finditer(sentence.text):
        at = sentence.start + cue.start()
        clause_start = sentence.start + max(
            (m.end() for m in re.finditer(r"[,，;；:：]", sentence.text[: cue.start()])), default=0
        )
        places = [it for it in items if clause_start <= it.mention.start < at and it.top in {"Region", "Park"}]
        place = places[-1].entity if places else None
        if place is None:
            continue
        clause_end = sentence.start + next(
            (m.start() + cue.end() for m in re.finditer(r"[,，;；:：。]", sentence.text[cue.end() :])), len(sentence.text)
        )
        for item in items:
            if at < item.mention.start < clause_end and item.top == "Company":
                yield _relation(item.entity, "locatedIn", place, sentence, "bring-in")


_LIES_IN = re.compile(r"^(?:地处|位于|地处于)$")
_QUARTER = re.compile(r"^(?:[东南西北]{1,2}部|[东南西北]{1,2}端|中部|腹地|境内|[东南西北]{1,2})")


def _lies_in(sentence: Sentence, items: list[_Item]) -> Iterator[Relation]:
    """洛川县地处陕西省延安市南部: the place opening the clause is part of the finest place after the verb."""
    for k, (first, second) in enumerate(zip(items, items[1:])):
        if first.top != "Region" or second.top != "Region" or \
                not _LIES_IN.match(_between(sentence, first.mention.end, second.mention.start)):
            continue
        inner = second
        for nxt in items[k + 2 :]:
            if nxt.mention.start != inner.mention.end or nxt.top != "Region":
                break
            inner = nxt
        if _QUARTER.match(sentence.text[inner.mention.end - sentence.start :]):
            yield _relation(first.entity, "partOf", inner.entity, sentence, "lies-in")


def _adjacent(sentence: Sentence, items: list[_Item]) -> Iterator[Relation]:
    """黄集镇蔬菜批发市场, 老城镇上洲村: a place written right before another thing holds it;
    so does a park or building written before 内的 (园区内的创新大厦)."""
    for outer, inner in zip(items, items[1:]):
        if outer.top in {"Park", "Facility"} and inner.top in ALLOWED["locatedIn"][0] and \
                _between(sentence, outer.mention.end, inner.mention.start) in ("内的", "里的"):
            yield _relation(inner.entity, "locatedIn", outer.entity, sentence, "adjacent")
        if outer.top == "Region" and inner.top in {"Company", "Park", "Facility"} and \
                _between(sentence, outer.mention.end, inner.mention.start) == "的":
            # 泊头市的X公司, 中北镇的X产业园; 在银川市金凤区的X大厦: each region of the run
            k = items.index(outer)
            while k > 0 and items[k - 1].top == "Region" and items[k - 1].mention.end == items[k].mention.start:
                k -= 1
            run = items[k : items.index(outer) + 1] if _between(sentence, items[k].mention.start - 1, items[k].mention.start) == "在" else [outer]
            for place in run:
                yield _relation(inner.entity, "locatedIn", place.entity, sentence, "adjacent")
        if outer.top != "Region" or inner.mention.start != outer.mention.end:
            continue
        if inner.top == "Region" and inner.entity.type in {"Subdistrict", "Community"}:
            yield _relation(inner.entity, "partOf", outer.entity, sentence, "adjacent")
        elif inner.top in {"Park", "Facility", "Company", "Project"}:
            yield _relation(inner.entity, "locatedIn", outer.entity, sentence, "adjacent")


# ---------------------------------------------------------------- implements


def _implements(sentence: Sentence, items: list[_Item], focus: Entity | None, lexicon: Lexicon,
                carried: Entity | None = None) -> Iterator[Relation]:
    """Who runs a program or project: the region or body that opens the sentence
    (泉山区坚持…, 打造“5+10幸福工程”), or one right before a cue verb in the same
    clause (泉山区推出…); otherwise the region the document is about."""
    cues = tuple(cue for cue, (predicate, _) in lexicon.cues.items() if predicate == "implements")
    for i, item in enumerate(items):
        if item.top not in {"Program", "Project"}:
            continue
        clause = _clause_before(sentence, item.mention.start)
        if _NOT_RUN.search(clause[-8:]):
            continue  # 学习运用“千万工程”经验, 反对形象工程: learned from or opposed, not run
        if _MODIFIES.match(_between(sentence, item.mention.end, item.mention.end + 8).lstrip("”》\"")):
            continue  # 安排P专项资金, 推进P的好经验, P推进情况: the programme qualifies another thing
        carriers = _carried_out_by(sentence, items, i)
        if carriers:
            for carrier in carriers:
                yield _relation(carrier, "implements", item.entity, sentence, "implement")
            continue
        subject = (
            _builder_after(sentence, items[i + 1 :], item, cues)
            or _run_by(sentence, items[:i], item, cues)
            or _possessor(sentence, items, i)
            or _respectively(sentence, items, i)
            or _cue_subject(sentence, items[:i], item, cues)
            or _opening_subject(sentence, items[:i], lexicon)
            or _earlier_clause_subject(sentence, items[:i], lexicon)
            or _carried_to(sentence, items[:i], item, cues, carried)
        )
        if subject is not None:
            verb = _between(sentence, sentence.start, item.mention.start)
            listed = [subject] if "分别" in verb or _SIGN.search(_clause_before(sentence, item.mention.start)) \
                else _listed_with(sentence, items[:i], subject)  # A与B签约P: the signing partner runs nothing
            for each in listed:
                yield _relation(each, "implements", item.entity, sentence, "implement")
        elif focus is not None:
            yield _relation(focus, "implements", item.entity, sentence, _FOCUS_IMPLEMENTS)


_WITH = ("、", "和", "及", "以及", "会同", "联合")


def _listed_with(sentence: Sentence, before: list[_Item], subject: Entity) -> list[Entity]:
    """A（以下简称“甲”）、B、C决定开展P / A联合B推出P: every body listed with the subject
    (a short name in parentheses names the one before it again)."""
    groups: list[list[_Item]] = []
    for it in before:
        if groups and groups[-1][-1].entity.key == it.entity.key and \
                re.fullmatch(r"[（(](?:以下简称|下称|简称)?[“\"]?", _between(sentence, groups[-1][-1].mention.end, it.mention.start)):
            groups[-1].append(it)
        else:
            groups.append([it])
    k = next((n for n in range(len(groups) - 1, -1, -1) if groups[n][0].entity.key == subject.key), None)
    if k is None:
        return [subject]

    def joined(left: list[_Item], right: list[_Item]) -> bool:
        gap = _AFTER_NAME.sub("", _between(sentence, left[-1].mention.end, right[0].mention.start))
        return gap in _WITH and right[0].top in ALLOWED["implements"][0] and left[0].top in ALLOWED["implements"][0]

    first = last = k
    while first > 0 and joined(groups[first - 1], groups[first]):
        first -= 1
    while last + 1 < len(groups) and joined(groups[last], groups[last + 1]):
        last += 1
    found = [g[0].entity for g in groups[first : last + 1]]
    return found if all(top_class(e.type) != "Region" for e in found) or len(found) == 1 else [subject]


def _carried_subject(sentences: tuple[Sentence, ...], sentence: Sentence, previous: list[_Item], lexicon: Lexicon) -> Entity | None:
    """X实施P，…；启动Q: the body that opens the part before a semicolon (or its last
    clause that opens with one) is still the subject of a part that opens with a verb."""
    if sentence.index == 0 or not sentences[sentence.index - 1].text.endswith(("；", ";")):
        return None
    before = sentences[sentence.index - 1]
    starts = [before.start] + [before.start + m.end() for m in re.finditer(r"[,，]", before.text)]
    for start in reversed(starts):  # X镇镇长Y介绍，X镇将依托…；启动P: the subject of the last clause that has one
        opening = [it for it in previous if it.mention.start == start]
        if opening and opening[0].top in ALLOWED["implements"][0] and not _modifies_next(previous, previous.index(opening[0])) \
                and not _post_after(before, opening[0], lexicon) and not _dateline_source(before, opening[0]) \
                and _between(before, opening[0].mention.end, opening[0].mention.end + 1) != "的":
            return opening[0].entity
    return None


def _carried_to(sentence: Sentence, before: list[_Item], item: _Item, cues: tuple[str, ...], carried: Entity | None) -> Entity | None:
    """启动“P”，…: a part that opens with the verb, and names no one before P."""
    if carried is None or before:
        return None
    lead = _between(sentence, sentence.start, item.mention.start)
    lead = re.sub(r"^(?:并|还|也|同时|同步|又|再|将|正式|全面|深入|积极|大力)+", "", lead).rstrip("“《\"")
    return carried if lead in cues else None


_LEAD = re.compile(r"^(?:牵头|(?:具体)?负责(?:组织)?实施|负责推进|主抓)")
_LEAD_LABEL = re.compile(r"(?:^|[,，;；。])(?:牵头|责任|主责)(?:单位|部门)[:：]$")
_LEAD_JOINED = ("、", "和", "与", "及", "会同")


def _led_by(sentence: Sentence, items: list[_Item], previous: list[_Item]) -> Iterator[Relation]:
    """（一）实施P。由X牵头实施，Y配合 / 实施P，由X、Z牵头 / 牵头单位：X: the bodies that lead
    run the programme or project the sentence (or heading) before it names; those
    that only 配合 (assist) do not."""
    for k, lead in enumerate(items):
        opening = _between(sentence, sentence.start, lead.mention.start)
        clause = opening[max((m.end() for m in re.finditer(r"[,，;；:：]", opening)), default=0):]
        labelled = bool(_LEAD_LABEL.search(opening))  # 牵头单位：县商务局
        if not (clause == "由" or labelled) or lead.top not in ALLOWED["implements"][0]:
            continue
        leads = [lead]
        for nxt in items[k + 1 :]:
            if nxt.top not in ALLOWED["implements"][0] or \
                    _between(sentence, leads[-1].mention.end, nxt.mention.start) not in _LEAD_JOINED:
                break
            leads.append(nxt)
        rest = _AFTER_NAME.sub("", _between(sentence, leads[-1].mention.end, leads[-1].mention.end + 12))
        if not labelled and not _LEAD.match(rest):
            continue
        before = [it for it in items[:k] if it.top in ALLOWED["implements"][1]]
        if not before and not any(it.top in ALLOWED["implements"][1] for it in items[k:]):
            before = [it for it in previous if it.top in ALLOWED["implements"][1]]
        if before:
            for body in _distinct(leads):
                yield _relation(body.entity, "implements", before[-1].entity, sentence, "led-by")


# The rule name of ``focus implements P``, dropped where the text names who runs P.
_FOCUS_IMPLEMENTS = "implement-focus"
_CONNECTIVES = ("此外", "另外", "同时", "其中", "目前", "近日", "今年", "去年", "日前")


def _respectively(sentence: Sentence, items: list[_Item], i: int) -> Entity | None:
    """A、B分别签约P1和P2: the n-th of those before 分别 runs the n-th project after it."""
    cue = sentence.text.find("分别")
    if cue < 0 or items[i].mention.start < sentence.start + cue:
        return None
    clause_start = sentence.start + max((m.end() for m in re.finditer(r"[,，;；:：]", sentence.text[:cue])), default=0)
    clause_end = sentence.start + next(
        (m.start() + cue for m in re.finditer(r"[,，;；:：。]", sentence.text[cue:])), len(sentence.text)
    )
    actors = _distinct([it for it in items if clause_start <= it.mention.start < sentence.start + cue
                        and it.top in ALLOWED["implements"][0]])
    objects = [it for it in items if sentence.start + cue < it.mention.start < clause_end
               and it.top in ALLOWED["implements"][1]]
    if len(actors) < 2 or len(actors) != len(objects) or items[i] not in objects:
        return None
    return actors[objects.index(items[i])].entity


def _distinct(items: list[_Item]) -> list[_Item]:
    """One item per entity: A（以下简称“B”） names A once."""
    seen: set[str] = set()
    return [it for it in items if not (it.entity.key in seen or seen.add(it.entity.key))]


def _earlier_clause_subject(sentence: Sentence, before: list[_Item], lexicon: Lexicon) -> Entity | None:
    """此外，X公司拟投资9亿元，在热市镇建设P: the company that opens an earlier clause
    of the sentence runs P, when no one nearer does."""
    clause_starts = [sentence.start] + [sentence.start + m.end() for m in re.finditer(r"[,，]", sentence.text)]
    for candidate in reversed(before):
        if candidate.top not in {"Company", "Organization"} or _post_after(sentence, candidate, lexicon) \
                or _dateline_source(sentence, candidate):
            continue  # 县委常委、副县长X宣布: the body names a post, X is the subject
        opening = next((s for s in reversed(clause_starts) if s <= candidate.mention.start), sentence.start)
        lead = _between(sentence, opening, candidate.mention.start)
        if lead in ("", *_CONNECTIVES):
            return candidate.entity
    return None


_MODIFIES = re.compile(r"^(?:(?:\(\d{4}[—\-－~至]\d{4}年\))?(?:实施方案|工作方案|行动方案|方案)(?:\(\d{4}[—\-－~至]\d{4}年\))?的通知|(?:\(\d{4}[—\-－~至]\d{4}年\))?(?:实施方案|工作方案|行动方案)|专项资金|资金|推进情况|实施情况|进展情况|完成情况|工作领导小组|领导小组|的(?:好)?经验|的做法|经验做法|考核)")
_NOT_RUN = re.compile("学习|借鉴|运用|用好|反对|纠治|防止|杜绝")


def _clause_before(sentence: Sentence, offset: int) -> str:
    text = _between(sentence, sentence.start, offset)
    return text[max((m.end() for m in re.finditer(r"[,，;；。:：]", text)), default=0) :]


_AMOUNT = re.compile(r"^(?:计划|拟)?(?:总)?投资(?:约|超过|超)?[\d.]+(?:亿|万)?元")


def _builder_after(sentence: Sentence, after: list[_Item], item: _Item, cues: tuple[str, ...]) -> Entity | None:
    """该项目由恒达医药股份有限公司投资建设: the builder named after 由."""
    for candidate in after:
        gap = _between(sentence, item.mention.end, candidate.mention.start)
        if _PUNCT.search(gap) or len(gap) > 12:
            return None
        if candidate.top in ALLOWED["implements"][0] and gap.endswith("由"):
            rest = _AFTER_NAME.sub("", _between(sentence, candidate.mention.end, candidate.mention.end + 30))
            rest = _AMOUNT.sub("", rest)[:8]  # 由X投资32亿元建设
            if any(rest.lstrip("负责牵头组织投资出资").startswith(cue) or rest.startswith(cue) for cue in cues):
                return candidate.entity
    return None


def _dateline_source(sentence: Sentence, item: _Item) -> bool:
    """某融媒体中心讯（记者…）: the paper that reports, not a subject."""
    return _between(sentence, item.mention.end, item.mention.end + 2).startswith(("讯", "消息", "电"))


def _opening_subject(sentence: Sentence, before: list[_Item], lexicon: Lexicon) -> Entity | None:
    """The body that opens the sentence; not one whose 做法 / 经验 the sentence is about (X的做法，是Y推行P),
    nor one that only names a speaker's post (区民政局局长X表示，该区将实施P)."""
    if before and before[0].mention.start == sentence.start and before[0].top in ALLOWED["implements"][0] \
            and not _modifies_next(before, 0) and _between(sentence, before[0].mention.end, before[0].mention.end + 1) != "的" \
            and not _dateline_source(sentence, before[0]) and not _post_after(sentence, before[0], lexicon):
        return before[0].entity
    return None


# 为贯彻落实《P》, or its short form in 《P》（以下简称《Q》）
# only a clause that opens with the verb (为贯彻落实P，X…): in X正在实施P，Y被列为… X is the subject
_APPLYING = re.compile(r"^(?:为|为了)?(?:进一步)?(?:认真)?(?:贯彻落实|贯彻|落实|推进|实施|执行|根据|按照|依据)(?:《[^《》]*》[（(](?:以下简称|下称|简称))?[《“\"]*$")
_ALONGSIDE = re.compile(r"^(?:会同|联合|协同|与|和|、|及)$")


def _carried_out_by(sentence: Sentence, items: list[_Item], i: int) -> list[Entity]:
    """为贯彻落实《P》，X会同Y…: the bodies that open the next clause carry P out."""
    item = items[i]
    if not _APPLYING.search(_clause_before(sentence, item.mention.start)):
        return []
    comma = re.search(r"[,，]", sentence.text[item.mention.end - sentence.start :])
    if comma is None:
        return []
    opening = item.mention.end + comma.end()
    starting = [it for it in items if it.mention.start == opening and it.top in ALLOWED["implements"][0]]
    if not starting:
        return []
    carriers = [min(starting, key=lambda it: it.mention.end)]
    if "会同" in carriers[0].mention.text:
        return []  # a name read across 会同: who it is is unclear
    for nxt in items:
        if nxt.mention.start > carriers[-1].mention.end and nxt.top in ALLOWED["implements"][0] and \
                _ALONGSIDE.match(_between(sentence, carriers[-1].mention.end, nxt.mention.start)):
            carriers.append(nxt)
    return [c.entity for c in carriers]


def _run_by(sentence: Sentence, before: list[_Item], item: _Item, cues: tuple[str, ...]) -> Entity | None:
    """由陆良县水务局组织实施的P / 由X作为实施主体投资建设P: the body after 由 runs P."""
    for candidate in reversed(before):
        if candidate.top not in ALLOWED["implements"][0]:
            continue
        if _between(sentence, candidate.mention.start - 1, candidate.mention.start) != "由":
            gap = _between(sentence, candidate.mention.end, item.mention.start).rstrip("“《\"")
            # 申报省科学技术厅组织实施的P: a body (not a place) right before 组织实施的 runs P
            if candidate.top != "Region" and re.fullmatch(r"(?:负责|牵头)?(?:组织)?(?:实施|开展|推出|设立)的", gap):
                return candidate.entity
            return None
        gap = _AFTER_NAME.sub("", _between(sentence, candidate.mention.end, item.mention.start)).rstrip("“《\"")
        if re.fullmatch(r"作为[\u4e00-\u9fff]{0,4}主体(?:负责)?(?:投资)?(?:建设|实施|运营)", gap):
            return candidate.entity  # 由X作为实施主体投资建设P
        verb = gap.removesuffix("的").lstrip("负责牵头组织投资出资")
        return candidate.entity if gap.endswith("的") and (verb in cues or verb in ("建设", "实施")) else None
    return None


_QUOTES = re.compile("[“《\"]*")


def _possessor(sentence: Sentence, items: list[_Item], i: int) -> Entity | None:
    """是固始县“县域医共体能力提升工程”的重要一环: the place or body a quoted
    programme is written after owns it."""
    if i == 0 or items[i - 1].top not in ALLOWED["implements"][0] or _modifies_next(items, i - 1):
        return None
    owner, item = items[i - 1], items[i]
    gap = _between(sentence, owner.mention.end, item.mention.start) + _QUOTES.match(item.mention.text).group()
    if not re.search("[“《\"]", gap) or gap.strip("“《\"") not in ("", "的"):
        return None
    return owner.entity


def _modifies_next(items: list[_Item], k: int) -> bool:
    """深圳市 in 深圳市联晟冷链物流有限公司: a place written right before a body or
    company says where it is; it is not the subject itself."""
    return items[k].top == "Region" and k + 1 < len(items) and items[k + 1].mention.start == items[k].mention.end \
        and items[k + 1].top in {"Company", "Organization"}


def _cue_subject(sentence: Sentence, before: list[_Item], item: _Item, cues: tuple[str, ...]) -> Entity | None:
    clause_start = sentence.start + max(
        (m.end() for m in re.finditer(r"[,，;；。:：]", _between(sentence, sentence.start, item.mention.start))), default=0
    )
    for k in range(len(before) - 1, -1, -1):
        candidate = before[k]
        if candidate.mention.start < clause_start:
            break
        if candidate.top not in ALLOWED["implements"][0] or _modifies_next(before, k) or _after_at(sentence, before, k):
            continue  # 在热市镇建设P, 在A镇、B镇建设P: the places are where, not who
        if _verb_follows(sentence, before[k + 1 :], candidate, item, cues):
            return candidate.entity
    return None


def _after_at(sentence: Sentence, items: list[_Item], k: int) -> bool:
    """The k-th item is a place in a run that follows 在 (在A镇、B镇 / 在毗邻的A镇)."""
    while k > 0 and items[k].top in ALLOWED["locatedIn"][1] and items[k - 1].top in ALLOWED["locatedIn"][1] and \
            _between(sentence, items[k - 1].mention.end, items[k].mention.start) in _JOINED:
        k -= 1
    item = items[k]
    return item.top in ALLOWED["locatedIn"][1] and \
        bool(_PLACES_AT.match(_between(sentence, _at_before(sentence, item), item.mention.start)))


# Words that may stand between a subject and its verb: 莱山区同步出台P, 该区将加快推进P.
_ADVERBS = re.compile(
    r"^(?:还|也|已经|已|将要|将|正在|正|积极|大力|全面|率先|同步|同时|先后|相继|持续|深入|专门|加快|进一步|"
    r"着力|重点|继续|计划|拟|又|再|首次|正式|共同|联合|今年|去年|近年来|启动|开始|牵头|负责|要)*"
)
_PLACES_AT = re.compile(r"^在(?:毗邻的|周边的|附近的)?$")


def _verb_follows(sentence: Sentence, later: list[_Item], candidate: _Item, item: _Item, cues: tuple[str, ...]) -> bool:
    """The subject's verb is one of ``cues``, after adverbs and a place it acts in
    (X将在樟树市建设P: X builds P)."""
    at = candidate.mention.end
    rest = _between(sentence, at, item.mention.start)
    if any(rest.startswith(cue) for cue in cues):
        return True  # 东园村启动P: 启动 is the verb here, not an adverb before one
    at += _ADVERBS.match(rest).end()
    places = [it for it in later if it.mention.start >= at and it.mention.end <= item.mention.start]
    if places and _PLACES_AT.match(_between(sentence, at, places[0].mention.start)) and \
            places[0].top in ALLOWED["locatedIn"][1]:
        at = _places_run(sentence, places)[-1].mention.end
        at += _ADVERBS.match(_between(sentence, at, item.mention.start)).end()
    gap = _between(sentence, at, item.mention.start)
    return any(gap.startswith(cue) for cue in cues)


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


_SIGN = re.compile("签订|签约|签署")


def _signed(sentence: Sentence, items: list[_Item]) -> Iterator[Relation]:
    """A与B签订P投资协议 / A与B签约P: the company of the two runs P, and P is in
    the other when that is a park or a place (not a government body); and in X公司签约P,
    the company runs P."""
    for k, (first, second) in enumerate(zip(items, items[1:])):
        if first.top == "Company" and second.top == "Project" and \
                re.fullmatch(r"(?:成功|正式|现场|当天|也)?(?:签约|签下)了?", _between(sentence, first.mention.end, second.mention.start)):
            yield _relation(first.entity, "implements", second.entity, sentence, "sign")
        if _between(sentence, first.mention.end, second.mention.start) not in ("与", "和", "同"):
            continue
        investor, host = (first, second) if first.top == "Company" else (second, first)
        if investor.top != "Company" or host.top == "Company":
            continue
        rest = items[k + 2 :]
        if not rest or rest[0].top != "Project":
            continue
        gap = _between(sentence, second.mention.end, rest[0].mention.start)
        if not _SIGN.search(gap) or _PUNCT.search(gap) or len(gap) > 8:
            continue
        yield _relation(investor.entity, "implements", rest[0].entity, sentence, "sign")
        if host.top in {"Park", "Region"}:
            yield _relation(rest[0].entity, "locatedIn", host.entity, sentence, "sign")


_BUILD = re.compile(r"^(?:规划|计划|拟|将|开工|启动|投资)?(?:建设|新建|建成|兴建|扩建|打造|布局|实施|推进)")
_BUILT = {"Project", "Facility", "Park"}
_BUILDING_PLACES = {"District", "Subdistrict", "Community"}


def _built_at(sentence: Sentence, items: list[_Item]) -> Iterator[Relation]:
    """在毗邻的青义镇规划建设P / 在召夸镇、马街镇建设P: what is built is in each place
    named after 在, when the verb follows the places."""
    for i, item in enumerate(items):
        if item.top not in ALLOWED["locatedIn"][1] or not _PLACES_AT.match(_between(sentence, _at_before(sentence, item), item.mention.start)):
            continue
        places = _places_run(sentence, items[i:])
        rest = _ADVERBS.match(_between(sentence, places[-1].mention.end, places[-1].mention.end + 12))
        end = places[-1].mention.end + rest.end()
        if not _BUILD.match(_between(sentence, end, end + 8)):
            continue
        clause_end = _clause_end(sentence, end)
        for built in items:
            if end < built.mention.start < clause_end and built.top in _BUILT:
                for place in places:
                    yield _relation(built.entity, "locatedIn", place.entity, sentence, "built-at")
                break


def _at_before(sentence: Sentence, item: _Item) -> int:
    """Where a 在 (with what may qualify the place: 毗邻的) before ``item`` starts, or the item's start."""
    before = _between(sentence, item.mention.start - 6, item.mention.start)
    k = before.rfind("在")
    return item.mention.start - len(before) + k if k >= 0 else item.mention.start


def _built_by_place(sentence: Sentence, items: list[_Item]) -> Iterator[Relation]:
    """河田镇将在罗汉岭一带建设P / 三洲镇将新建X: what a town or county builds,
    with no other place named, is in it (a city builds across its counties)."""
    for i, item in enumerate(items):
        first = i  # 鲅鱼圈区熊岳镇规划建设的P: the town at the end of a run of places builds
        while first > 0 and items[first - 1].top == "Region" and items[first - 1].mention.end == items[first].mention.start:
            first -= 1
        opening = items[first].mention.start
        if item.entity.type not in _BUILDING_PLACES or _between(sentence, opening - 1, opening) not in ("", "，", ",", "；", ";", "。") \
                or _modifies_next(items, i):
            continue
        clause_end = _clause_end(sentence, item.mention.end)
        rest = _between(sentence, item.mention.end, clause_end)
        verb = re.search(r"(?:规划|计划|拟|投资)?(?:建设|新建|建成|兴建|扩建)", rest)
        if verb is None:
            continue
        lead = rest[: verb.start()]
        if re.search(r"[的与和及、]", lead) or len(lead) > 12:
            continue  # 河田镇的企业建设…, 河田镇与X共建: not the town's own building
        verb_at = item.mention.end + verb.start()
        between = [it for it in items if item.mention.end <= it.mention.start < verb_at]
        if between:
            continue  # another place or body stands between: it is the one acting or holding
        for built in items:
            if verb_at < built.mention.start < clause_end and built.top in _BUILT:
                yield _relation(built.entity, "locatedIn", item.entity, sentence, "built-by-place")
                break


_INSIDE_PARK = re.compile(r"(?:园区|产业园|开发区|高新区)内的")


def _inside_park(sentence: Sentence, items: list[_Item], named: list[_Item], park: Entity | None) -> Iterator[Relation]:
    """确保园区内的A项目二期开工、B项目投产: what the clause names after 园区内的 is in the
    park the text is about, or else in the park named last."""
    for cue in _INSIDE_PARK.finditer(sentence.text):
        at = sentence.start + cue.start()
        if any(it.mention.start < at + 2 <= it.mention.end for it in items if it.mention.rule != "reference"):
            continue  # part of a park's own name (某某产业园内的): the adjacent rule reads it
        home = park
        if home is None:
            earlier = [it for it in named if it.mention.end <= at and it.top == "Park"]
            home = earlier[-1].entity if earlier else None
        if home is None:
            continue
        end = sentence.start + cue.end()
        clause_end = _clause_end(sentence, end)
        for item in items:
            if end <= item.mention.start < clause_end and item.top in ALLOWED["locatedIn"][0] and item.top != "Park":
                yield _relation(item.entity, "locatedIn", home, sentence, "inside-park")


_BUILT_INSIDE = re.compile(r"在(?:区内|园内|园区内|区域内)(?:规划|先后|已|陆续|相继)*(?:建设|建成|打造|布局|设立)了?")


def _built_inside(sentence: Sentence, items: list[_Item], park: Entity | None) -> Iterator[Relation]:
    """某高新区在区内规划建设了A产业园、B产业园和C产业园: each is inside the zone
    (the park named before 在, or the park the text is about)."""
    for cue in _BUILT_INSIDE.finditer(sentence.text):
        at = sentence.start + cue.start()
        parks = [it.entity for it in items if it.mention.end <= at and it.top == "Park"]
        home = parks[-1] if parks else park
        first = next((it for it in items if it.mention.start == sentence.start + cue.end()), None)
        if home is None or first is None:
            continue
        run = [first]
        for nxt in items[items.index(first) + 1 :]:
            if _between(sentence, run[-1].mention.end, nxt.mention.start) not in _JOINED[1:]:
                break
            run.append(nxt)
        for inside in run:
            if inside.top in ALLOWED["locatedIn"][0] and inside.entity.key != home.key:
                yield _relation(inside.entity, "locatedIn", home, sentence, "built-inside")


_INSIDE_TOWN = re.compile(r"位于(镇|乡|村)(?:内|里|中)的")


def _inside_town(sentence: Sentence, items: list[_Item], named: list[_Item]) -> Iterator[Relation]:
    """榆林镇将依托位于镇内的X加工园: X is in the town (or village) named last."""
    for cue in _INSIDE_TOWN.finditer(sentence.text):
        at = sentence.start + cue.start()
        wanted = "Community" if cue.group(1) == "村" else "Subdistrict"
        earlier = [it for it in named if it.mention.end <= at and it.entity.type == wanted
                   and it.entity.name.endswith(cue.group(1) if wanted == "Subdistrict" else ("村", "社区"))]
        after = [it for it in items if it.mention.start == sentence.start + cue.end()]
        if earlier and after and after[0].top in ALLOWED["locatedIn"][0]:
            yield _relation(after[0].entity, "locatedIn", earlier[-1].entity, sentence, "inside-town")


_BROUGHT_IN_BY = re.compile(r"^(?:引进|招引|引入|引来)的")


def _brought_in_by(sentence: Sentence, items: list[_Item]) -> Iterator[Relation]:
    """X公司是剑江高新区引进的第一家半导体企业: a company a park or place brought in is there."""
    for company, place in zip(items, items[1:]):
        if company.top != "Company" or place.top not in {"Park", "Region"} or \
                not _IS.match(_AFTER_NAME.sub("", _between(sentence, company.mention.end, place.mention.start))):
            continue
        if _BROUGHT_IN_BY.match(_between(sentence, place.mention.end, place.mention.end + 4)):
            yield _relation(company.entity, "locatedIn", place.entity, sentence, "brought-in-by")


_PARK_BODY = re.compile(r"(?:管委会|管理委员会)$")
_BUILDS = re.compile(r"^(?:已|先后|相继|陆续|还|将|累计|共)*(?:建成|建设|新建|打造|规划建设|投资建设)(?:了)?")


def _built_by_park_body(sentence: Sentence, items: list[_Item], named: list[_Item]) -> Iterator[Relation]:
    """剑江高新区管委会先后建成A产业园和B孵化园: what a park's administration builds is in that park."""
    for k, body in enumerate(items):
        if body.top != "Organization" or not _PARK_BODY.search(body.entity.name):
            continue
        place = _PARK_BODY.sub("", body.entity.name)
        home = next((it.entity for it in named if it.top == "Park" and place in {it.entity.name, *it.entity.aliases}), None)
        rest = [it for it in items[k + 1 :] if it.entity.key != body.entity.key]
        if home is None or not rest:
            continue
        verb = _BUILDS.match(_AFTER_NAME.sub("", _between(sentence, body.mention.end, rest[0].mention.start)))
        if verb is None or verb.end() != len(_AFTER_NAME.sub("", _between(sentence, body.mention.end, rest[0].mention.start))):
            continue
        for built in _places_run(sentence, rest) if rest[0].top in ALLOWED["locatedIn"][1] else rest[:1]:
            if built.top in {"Park", "Facility", "Project"} and built.entity.key != home.key:
                yield _relation(built.entity, "locatedIn", home, sentence, "built-by-park-body")


_SPAN = re.compile("横跨|地跨")


def _spans(sentence: Sentence, items: list[_Item]) -> Iterator[Relation]:
    """X位于Y东部，横跨A街道和B镇: a park (or anything placed) across several places is in each."""
    for cue in _SPAN.finditer(sentence.text):
        clause_start = sentence.start + max((m.end() for m in re.finditer(r"[,，;；:：]", sentence.text[: cue.start()])), default=0)
        at = sentence.start + cue.start()
        subjects = [it for it in items if clause_start <= it.mention.start and it.mention.end <= at and it.top in ALLOWED["locatedIn"][0]]
        if not subjects and _ADVERBS.fullmatch(_between(sentence, clause_start, at)):
            subjects = _topic(sentence, items, clause_start)
        after = [it for it in items if it.mention.start == at + len(cue.group())]
        if not subjects or not after or after[0].top not in ALLOWED["locatedIn"][1]:
            continue
        for place in _places_run(sentence, items[items.index(after[0]):]):
            for subject in subjects[-1:]:
                yield _relation(subject.entity, "locatedIn", place.entity, sentence, "spans")


# the opening verbs end the clause (A分公司在X揭牌成立。), or A在X成立研发中心 says where the centre is
_OPENED = re.compile(r"^(?:正式|举行)?(?:揭牌成立|揭牌|挂牌成立|挂牌|注册成立|成立|开业|落户)(?:仪式|大会|活动)?$"
                     r"|^(?:计划|拟|将|已)?(?:投资建设|投资兴建|投资|建厂|设厂)")  # not 设立: a subsidiary set up there is
# building, without investing, places the builder only when it builds its own plant (a contractor builds roads)
_BUILDS_OWN = re.compile(r"^(?:计划|拟|将|已)?(?:建设|新建|扩建)[^，,；;。]{0,16}(?:生产线|厂房|厂区|工厂|车间|生产基地|总部)")


def _opened_at(sentence: Sentence, items: list[_Item]) -> Iterator[Relation]:
    """A分公司在武汉市东西湖区揭牌成立 / 该公司在X产业园投资建设P: a company or branch
    opened or building in a place is there (an alliance founded at a meeting in a city is not)."""
    for k, unit in enumerate(items[:-1]):
        first = items[k + 1]
        if not (unit.top == "Company" or unit.entity.name.endswith(_UNIT_HEADS)) or first.top not in ALLOWED["locatedIn"][1] or \
                _between(sentence, unit.mention.end, first.mention.start) != "在":
            continue
        run = _places_run(sentence, items[k + 1 :], adjacent=True)
        verb = _between(sentence, run[-1].mention.end, _clause_end(sentence, run[-1].mention.end))
        if _OPENED.match(verb) or _BUILDS_OWN.match(verb):
            for place in _finest_two(sentence, run):
                yield _relation(unit.entity, "locatedIn", place.entity, sentence, "opened-at")


_SITE = re.compile("选址(?:于|在)?")


def _sited(sentence: Sentence, items: list[_Item]) -> Iterator[Relation]:
    """P项目…，选址X镇: the project named last before 选址 is in that place."""
    for cue in _SITE.finditer(sentence.text):
        after = [it for it in items if it.mention.start == sentence.start + cue.end()]
        before = [it for it in items if it.mention.end <= sentence.start + cue.start() and it.top == "Project"]
        if after and before and after[0].top in ALLOWED["locatedIn"][1]:
            for place in _finest_two(sentence, _places_run(sentence, items[items.index(after[0]):], adjacent=True)):
                yield _relation(before[-1].entity, "locatedIn", place.entity, sentence, "site")


# ---------------------------------------------------------------- memberOf, subOrganizationOf


_MEMBERS = re.compile("(?:首批|第一批)?(?:成员|会员)")
_BARE_ALLIANCE = re.compile(r"(?:了)?(?:该)?(?:联盟|协会|商会|学会)(?![\u4e00-\u9fff]{0,3}(?:联盟|协会|商会|学会))")
_LISTED = re.compile(r"^(?:、|和|及|以及|与)$")


def _member_of(sentence: Sentence, items: list[_Item], named: list[_Item]) -> Iterator[Relation]:
    """X 加入 Y / A、B、C等单位加入联盟 / …等31家单位成为首批会员单位: each one listed
    before the verb is a member of the alliance after it, or of the one just named
    when the text says only 联盟 or 会员."""
    for cue in re.finditer("加入|成为", sentence.text):
        at = sentence.start + cue.start()
        clause_start = sentence.start + max(
            (m.end() for m in re.finditer(r"[,，;；:：]", sentence.text[: cue.start()])), default=0)
        before = [it for it in items if clause_start <= it.mention.start and it.mention.end <= at
                  and it.top in {"Company", "Organization"}]
        if not before and re.match(r"^(?:并|还|也|同时|并于|还于)", _between(sentence, clause_start, at)):
            before = items[:1] if items and items[0].mention.start == sentence.start and \
                items[0].top in {"Company", "Organization"} else []  # X为…，并于2024年加入Y: X, who opens the sentence
        rest = sentence.text[cue.end():]
        alliance = _joined(sentence, items, named, at + len(cue.group()), rest, cue.group() == "成为")
        if not before or alliance is None:
            continue
        members = [before[-1]]
        for earlier in reversed(before[:-1]):
            if not _LISTED.match(_between(sentence, earlier.mention.end, members[0].mention.start)):
                break
            members.insert(0, earlier)
        joined = [alliance]
        k = next((n for n, it in enumerate(items) if it.entity.key == alliance.key and it.mention.start > at), None)
        while k is not None and k + 1 < len(items) and items[k + 1].top == "Organization" and _is_alliance(items[k + 1].entity) \
                and _between(sentence, items[k].mention.end, items[k + 1].mention.start) in _JOINED[1:]:
            joined.append(items[k + 1].entity)  # 加入了A联盟和B联盟: both
            k += 1
        for member in members:
            for each in joined:
                yield _relation(member.entity, "memberOf", each, sentence, "join")


def _joined(sentence: Sentence, items: list[_Item], named: list[_Item], end: int, rest: str, become: bool) -> Entity | None:
    """What one joins or becomes a member of: the organisation right after the verb
    (an alliance, when 由X牵头组建的Y stands between), or the alliance named last
    when the text says 加入联盟 / 成为会员单位."""
    clause_end = end + next((m.start() for m in re.finditer(r"[,，;；。]", rest)), len(rest))
    after = [it for it in items if end <= it.mention.start < clause_end and it.top == "Organization"]
    alliances = [it for it in after if it.entity.type == "Alliance" or it.entity.name.endswith(_ALLIANCE_HEADS)]
    if become:
        if not _MEMBERS.search(rest[: clause_end - end]):
            return None  # 成为龙头企业: not a membership
        if after and after[0].mention.start - end <= 2:
            return after[0].entity
        return _last_alliance(named, end)
    if rest.lstrip("了").startswith("由") and alliances:
        return alliances[0].entity
    if after and alliances and after[0] is not alliances[0] and after[0].mention.start - end <= 2 and \
            re.match(r"^(?:牵头|发起|主导|倡议)(?:成立|组建)?的$", _between(sentence, after[0].mention.end, alliances[0].mention.start)):
        return alliances[0].entity  # 加入了A医院牵头的B联盟: B, which A leads
    if after and after[0].mention.start - end <= 2:
        return after[0].entity if after[0].entity.type in {"Alliance", "Organization"} else None
    if _BARE_ALLIANCE.match(rest):
        return _last_alliance(named, end)
    if re.match(r"^[,，;；。]|^$", rest):  # 发起成立X联盟，A、B等16家企业已确认加入。: the alliance named just before
        alliance = _last_alliance(named, end)
        return alliance if alliance is not None and any(it.entity.key == alliance.key for it in items) else None
    return None


def _last_alliance(named: list[_Item], before: int) -> Entity | None:
    earlier = [it for it in named if it.mention.end <= before and it.top == "Organization"
               and (it.entity.type == "Alliance" or it.entity.name.endswith(_ALLIANCE_HEADS))]
    return earlier[-1].entity if earlier else None


_FOUNDED = re.compile(r"(?:共同|联合)?(?:发起)?(?:组建|成立|组成)(?:了|的)?")
_ALLIANCE_HEADS = ("联盟", "协会", "联合体", "商会", "共同体", "联合会", "学会")
_GUIDES = ("指导", "主管", "支持", "监督")  # 由厅指导、协会发起成立的联盟: the body guides, it is no member


def _founded(sentence: Sentence, items: list[_Item]) -> Iterator[Relation]:
    """由A牵头，联合B、C等组建的X联盟 / A、B共同发起成立X协会: each founder is a member."""
    for cue in _FOUNDED.finditer(sentence.text):
        end = sentence.start + cue.end()
        alliance = next((it for it in items if it.mention.start == end), None)
        if alliance is None or alliance.top != "Organization" or \
                not (alliance.entity.type == "Alliance" or alliance.entity.name.endswith(_ALLIANCE_HEADS)):
            continue
        head = sentence.text.rfind("由", 0, cue.start())
        start = sentence.start + (head if head >= 0 else max(
            (m.end() for m in re.finditer(r"[,，;；:：]", sentence.text[: cue.start()])), default=0))
        for item in items:
            if start <= item.mention.start and item.mention.end <= sentence.start + cue.start() \
                    and item.top in {"Company", "Organization"} and item.entity.key != alliance.entity.key \
                    and _between(sentence, item.mention.end, item.mention.end + 2) not in _GUIDES:
                yield _relation(item.entity, "memberOf", alliance.entity, sentence, "founded")


_MEMBERS_ARE = re.compile(r"(?:首批|现有|第一批)?(?:成员|会员)(?:单位)?(?:包括|有|为|涵盖|是)[:：]?|吸纳了?(?=[^，,。；;]*(?:会员|成员))")


def _members_listed(sentence: Sentence, items: list[_Item], named: list[_Item]) -> Iterator[Relation]:
    """联盟首批成员包括A、B等31家企业，C等5家服务机构，以及D / 协会吸纳A、B等36家会员单位: every
    company or body listed to the end of the sentence is a member of the alliance named
    (or referred to) before the cue."""
    for cue in _MEMBERS_ARE.finditer(sentence.text):
        at = sentence.start + cue.start()
        owners = [it for it in items if it.mention.end <= at and it.top == "Organization"
                  and _AFTER_NAME.sub("", _between(sentence, it.mention.end, at)) in ("", "的", "，", ",")]
        alliance = owners[-1].entity if owners else None
        if alliance is None and items and _DATE_LEAD.fullmatch(_between(sentence, sentence.start, items[0].mention.start)) \
                and _is_alliance(items[0].entity):
            alliance = items[0].entity  # (目前，)联盟由A联合B共同发起，首批成员单位包括C、D: the alliance the sentence is about
        # 组建…总院（以下简称“总院”），成员单位包括A、B: member units make any body a group
        if alliance is None or not (_is_alliance(alliance) or "单位" in cue.group()):
            continue
        for item in items:
            if item.mention.start >= sentence.start + cue.end() and item.top in {"Company", "Organization"} \
                    and item.entity.key != alliance.key:
                yield _relation(item.entity, "memberOf", alliance, sentence, "members-listed")


def _is_alliance(entity: Entity) -> bool:
    """An alliance, association or a group of bodies (医疗健康集团: a group that is no company)."""
    return entity.type == "Alliance" or entity.name.endswith(_ALLIANCE_HEADS) or \
        top_class(entity.type) == "Organization" and entity.name.endswith(("集团", "共同体", "医共体"))


_LED_GROUP = re.compile(r"^为(?:牵头|龙头|核心)[\u4e00-\u9fff]{0,4}的$")


def _formed_from(sentence: Sentence, items: list[_Item]) -> Iterator[Relation]:
    """X以A为牵头单位，联合B、C等组建: A, B and C are members of X (the group opening the clause);
    组建以A为牵头医院的X: A is a member of X."""
    for lead, group in zip(items, items[1:]):
        if _between(sentence, lead.mention.start - 1, lead.mention.start) == "以" and lead.top in {"Company", "Organization"} \
                and group.top == "Organization" and _LED_GROUP.match(_between(sentence, lead.mention.end, group.mention.start)):
            yield _relation(lead.entity, "memberOf", group.entity, sentence, "formed-from")
    for k, group in enumerate(items):
        if not _is_alliance(group.entity) or k + 1 >= len(items):
            continue
        lead = items[k + 1]
        if _between(sentence, group.mention.end, lead.mention.start) != "以" or \
                not _between(sentence, lead.mention.end, lead.mention.end + 6).startswith(("为牵头", "为龙头", "为核心")):
            continue
        formed = re.search(r"(?:组建|组成|成立)", sentence.text[lead.mention.end - sentence.start :])
        if formed is None:
            continue
        end = lead.mention.end + formed.start()
        for item in items[k + 1 :]:
            if item.mention.start < end and item.top in {"Company", "Organization"} and item.entity.key != group.entity.key:
                yield _relation(item.entity, "memberOf", group.entity, sentence, "formed-from")


_MEMBER_UNIT = re.compile(r"(?:常务)?(?:副)?(?:会长|理事长|理事|监事长|监事|主席|主任|秘书长|成员|会员)单位")
_IS = re.compile(r"^(?:同时|还|也|已|正式|均|都|现|目前)*(?:是|为|当选为|当选|成为)$")


def _member_unit(sentence: Sentence, items: list[_Item]) -> Iterator[Relation]:
    """X同时还是Y协会会长单位 / X当选Y联盟理事单位: X is a member of Y; in X为Y副会长单位、Z会长单位, of Z too."""
    last: tuple[_Item, int] | None = None  # the member, and where the cue naming its last membership ends
    for cue in _MEMBER_UNIT.finditer(sentence.text):
        at = sentence.start + cue.start()
        alliance = next((it for it in items if it.mention.end in (at, at - 1) and _between(sentence, it.mention.end, at) in ("", "的")
                         and it.top == "Organization" and _is_alliance(it.entity)), None)  # X是Y协会的会员单位
        if alliance is None:
            continue
        k = items.index(alliance)
        member = items[k - 1] if k else None
        if last is not None and _between(sentence, last[1], alliance.mention.start) in _JOINED[1:]:
            member = last[0]
            yield _relation(member.entity, "memberOf", alliance.entity, sentence, "member-unit")
            last = (member, at + len(cue.group()))
        elif member is not None and member.top in {"Company", "Organization"} and \
                _IS.match(_between(sentence, member.mention.end, alliance.mention.start)):
            yield _relation(member.entity, "memberOf", alliance.entity, sentence, "member-unit")
            last = (member, at + len(cue.group()))
        elif _between(sentence, alliance.mention.start - 2, alliance.mention.start).endswith("作为") and k + 1 < len(items):
            member = items[k + 1]  # 作为Y副理事长单位，X…: X, opening the next clause
            if member.top in {"Company", "Organization"} and \
                    _between(sentence, at + len(cue.group()), member.mention.start) in (",", "，"):
                yield _relation(member.entity, "memberOf", alliance.entity, sentence, "member-unit")


_SETS_UNDER = re.compile(r"下设(?:有)?")


def _sets_up_under(sentence: Sentence, items: list[_Item]) -> Iterator[Relation]:
    """研究院（…）设在X，现有研发人员420人，下设A实验室、B实验室和C中心: each unit listed
    after 下设 is a unit of the body the clause (or the sentence's topic) is about."""
    for cue in _SETS_UNDER.finditer(sentence.text):
        at = sentence.start + cue.start()
        clause_start = sentence.start + max((m.end() for m in re.finditer(r"[,，;；:：]", sentence.text[: cue.start()])), default=0)
        owners = [it for it in items if clause_start <= it.mention.start and it.mention.end <= at and it.top in {"Company", "Organization"}]
        if not owners and _ADVERBS.fullmatch(_between(sentence, clause_start, at)):
            owners = _topic(sentence, items, clause_start)
        after = [it for it in items if it.mention.start == at + len(cue.group())]
        if not owners or not after or owners[-1].top not in {"Company", "Organization"}:
            continue
        units = [after[0]]
        for nxt in items[items.index(after[0]) + 1 :]:
            if _between(sentence, units[-1].mention.end, nxt.mention.start) not in _JOINED[1:]:
                break
            units.append(nxt)
        for unit in units:
            if unit.top in {"Company", "Organization"}:
                yield _relation(unit.entity, "subOrganizationOf", owners[-1].entity, sentence, "sets-up-under")


_IS_UNIT_OF = re.compile(r"^(?:是|系|为|作为)$")
_UNIT_WORD = re.compile(r"^的?(?:全资|控股|绝对控股)?(?:子公司|分公司|二级公司|下属企业|下属公司|下属单位|研发中心|分支机构)")
_OWNS = re.compile(r"^(?:旗下|下属)(?:另有|还有|共有|拥有|有|包括|设有)[:：]?$")
_CONTROLLED_BY = re.compile(r"^的?(?:控股股东|母公司)(?:为|是)$")


def _unit_of(sentence: Sentence, items: list[_Item]) -> Iterator[Relation]:
    """A公司是X集团的全资子公司 / A系X控股子公司: A is X's unit; X旗下拥有A、B: so are A and B."""
    for unit, parent in zip(items, items[1:]):
        if unit.top not in {"Company", "Organization"} or parent.top not in {"Company", "Organization"}:
            continue
        if _CONTROLLED_BY.match(_between(sentence, unit.mention.end, parent.mention.start)) and unit.entity.key != parent.entity.key:
            yield _relation(unit.entity, "subOrganizationOf", parent.entity, sentence, "controlled-by")
            continue  # 公司控股股东为X集团: a subsidiary of X
        if not _IS_UNIT_OF.match(_AFTER_NAME.sub("", _between(sentence, unit.mention.end, parent.mention.start))) or \
                unit.entity.key == parent.entity.key:
            continue
        after = _between(sentence, parent.mention.end, parent.mention.end + 10)
        if _UNIT_WORD.match(after):
            yield _relation(unit.entity, "subOrganizationOf", parent.entity, sentence, "unit-of")
            continue
        k = items.index(parent)  # A是B在贵州设立的全资子公司: a unit of B, in that place
        run = _places_run(sentence, items[k + 1 :], adjacent=True) if k + 1 < len(items) and \
            items[k + 1].top in ALLOWED["locatedIn"][1] and after.startswith("在") and items[k + 1].mention.start == parent.mention.end + 1 else []
        if run and re.match(r"^(?:投资|注册)?(?:设立|成立|组建)的" + _UNIT_WORD.pattern[3:], _between(sentence, run[-1].mention.end, run[-1].mention.end + 14)):
            yield _relation(unit.entity, "subOrganizationOf", parent.entity, sentence, "unit-of")
            for place in run:
                yield _relation(unit.entity, "locatedIn", place.entity, sentence, "unit-of")
    for k, owner in enumerate(items):
        if owner.top not in {"Company", "Organization"}:
            continue
        clause = _clause_end(sentence, owner.mention.end)
        owned = [it for it in items[k + 1 :] if it.mention.start < clause and it.top in {"Company", "Organization"}]
        if not owned or not _OWNS.match(_between(sentence, owner.mention.end, owned[0].mention.start).lstrip("，,")):
            continue
        run = [owned[0]]
        for nxt in owned[1:]:
            if _between(sentence, run[-1].mention.end, nxt.mention.start) not in _JOINED[1:]:
                break
            run.append(nxt)
        for unit in run:
            yield _relation(unit.entity, "subOrganizationOf", owner.entity, sentence, "owns")


_SERVES_AS = re.compile(r"^作为(集团|公司)?的?([\u4e00-\u9fff]{1,8}?(?:中枢|中心|平台|机构|部门|板块|基地))[,，]")


_UNITS_FOLLOW = re.compile(r"(?:全资|控股)?(?:子公司|分公司)(?:[0-9一二三四五六七八九十]+[家个])?[:：]")


def _units_listed(sentence: Sentence, items: list[_Item], owner: Entity | None) -> tuple[list[Relation], Entity | None]:
    """公司拥有全资子公司三家：A，位于…；B，位于…；C…: each company listed after the colon,
    one per clause to the full stop, is a unit of the company before 子公司. Gives the
    relations and the owner, while the list runs on past this sentence's semicolon."""
    found: list[Relation] = []
    cue = _UNITS_FOLLOW.search(sentence.text)
    if cue is not None:
        at = sentence.start + cue.start()
        before = [it for it in items if it.mention.end <= at and it.top == "Company"]
        owner = before[-1].entity if before else None
        first = next((it for it in items if it.mention.start == sentence.start + cue.end()), None)
    else:
        lead = _ENUMERATOR.match(sentence.text)  # （一）A公司，位于…: past the list's numbering
        opening = sentence.start + (lead.end() if lead else 0)
        first = items[0] if owner is not None and items and items[0].mention.start == opening else None
    if owner is None:
        return [], None
    if first is not None and first.top == "Company" and first.entity.key != owner.key:
        run = [first]
        for nxt in items[items.index(first) + 1 :]:
            if _between(sentence, run[-1].mention.end, nxt.mention.start) not in _JOINED[1:] or nxt.top != "Company":
                break
            run.append(nxt)
        found = [_relation(unit.entity, "subOrganizationOf", owner, sentence, "units-listed") for unit in run]
    return found, owner if sentence.text.endswith(("；", ";", "：", ":")) and (cue is not None or found) else None


def _serves_as(sentence: Sentence, items: list[_Item], main: Entity | None) -> Iterator[Relation]:
    """作为集团的研发中枢，X研究院… / 作为A公司的研发中心，B…: B is a unit of the company
    (the one the text is about, when the text says 集团 or 公司)."""
    match = _SERVES_AS.match(sentence.text)
    if match is None:
        return
    owners = [it for it in items if it.mention.end <= sentence.start + match.end() and it.top == "Company"]
    owner = owners[-1].entity if owners else main if match.group(1) else None
    unit = next((it for it in items if it.mention.start == sentence.start + match.end()), None)
    if owner is not None and unit is not None and unit.top in {"Company", "Organization"} and unit.entity.key != owner.key:
        yield _relation(unit.entity, "subOrganizationOf", owner, sentence, "serves-as")


_SUBSIDIARY = re.compile(r"(?:全资|控股|参股)?(?:子公司|分公司)$")
_SUBSIDIARY_OPENING = re.compile(r"^(?:全资|控股|参股)(?:子公司)(?=.)")  # a name read with the word before it


def _subsidiary_named(sentence: Sentence, items: list[_Item], main: Entity | None = None) -> Iterator[Relation]:
    """A公司…全资子公司B / 集团还将支持控股子公司（自贡）B: B is a subsidiary of the company
    written right before the word, or else of the company the text is about, or else of
    the company named last before it."""
    for k, unit in enumerate(items):
        if unit.top != "Company":
            continue
        start = unit.mention.start
        if k and items[k - 1].top == "Region" and items[k - 1].mention.end == start:
            start = items[k - 1].mention.start  # 控股子公司自贡川岷…: the place opens the name
        written = _between(sentence, start - 6, start)
        cue = _SUBSIDIARY.search(written)
        if not (cue or _SUBSIDIARY_OPENING.match(unit.mention.text)):
            continue
        cue_at = start - (len(written) - cue.start()) if cue else start
        if re.search(r"(?:成立|设立|组建)了?$", _between(sentence, cue_at - 3, cue_at)):
            continue  # A在X设立全资子公司B: the set-up rule reads it
        before = [it for it in items[:k] if it.top == "Company" and it.entity.key != unit.entity.key]
        adjacent = [it for it in before if _between(sentence, it.mention.end, cue_at) in ("", "的")]
        bare = [m for m in re.finditer("集团|公司", sentence.text[: cue_at - sentence.start])
                if not any(it.mention.start <= sentence.start + m.start() < it.mention.end for it in items)]
        if adjacent:
            parent = adjacent[-1].entity
        elif bare and main is not None and main.key != unit.entity.key:
            parent = main  # 集团还将支持控股子公司B: the group the text is about
        elif before and not bare:
            parent = before[-1].entity
        else:
            continue
        if parent is not None:
            yield _relation(unit.entity, "subOrganizationOf", parent, sentence, "subsidiary")


def _parent_cues(sentence: Sentence, items: list[_Item]) -> Iterator[Relation]:
    """``A 下属的 B`` / ``A 旗下 B``: B is a unit of A; and in A把旗下的B… / 集团…由旗下的B…
    the owner is the company (or, for a unit that is no company, the body) named last before."""
    for k, (first, second) in enumerate(zip(items, items[1:])):
        if second.top not in {"Company", "Organization"}:
            continue
        gap = _between(sentence, first.mention.end, second.mention.start).strip("的")
        if first.top in {"Company", "Organization"} and gap in _PARENT_CUES:
            yield _relation(second.entity, "subOrganizationOf", first.entity, sentence, "parent-cue")
        elif _between(sentence, second.mention.start - 3, second.mention.start).endswith(("旗下的", "下属的", "旗下")):
            owners = {"Company"} if second.top == "Company" else {"Company", "Organization"}
            earlier = [it for it in items[: k + 1] if it.top in owners]
            if earlier:
                yield _relation(second.entity, "subOrganizationOf", earlier[-1].entity, sentence, "parent-cue")


# 在园区 / 在当地: a place the text does not name may stand before the verb
_SET_UP_VERB = re.compile(r"^(?:已|还|专门|同时|先后|正式|去年|今年|近日|日前|此前|\d{4}年)*(?:在[\u4e00-\u9fff]{1,4})?(?:注册)?(?:成立|设立|组建)了?"
                          r"(?:(?:全资|控股)?(?:子公司|分公司))?$")  # 设立全资子公司B


_FUNDED = re.compile(r"^(?:全额|独资)?(?:出资|投资)(?:组建|成立|设立)(?:了|的)$")  # 管委会出资组建的X公司


def _set_up_by(sentence: Sentence, items: list[_Item], park: Entity | None = None) -> Iterator[Relation]:
    """A公司(已在X)(注册)成立/设立了B: a company B set up by company A is A's subsidiary or
    branch (and is in X); so is a 分公司 / 分院 unit set up by any body."""
    for k, parent in enumerate(items):
        if parent.top not in {"Company", "Organization"}:
            continue
        place: _Item | None = None
        nxt = k + 1
        if nxt < len(items) and items[nxt].top in ALLOWED["locatedIn"][1] and \
                re.fullmatch(r"(?:已|还|专门|同时|先后|将)*在", _between(sentence, parent.mention.end, items[nxt].mention.start)):
            place, nxt = items[nxt], nxt + 1
        if nxt >= len(items):
            continue
        unit = items[nxt]
        gap = _between(sentence, (place or parent).mention.end, unit.mention.start)
        funded = _FUNDED.match(gap.lstrip("”\"）)"))
        if not (_SET_UP_VERB.match(gap) or funded) or unit.top not in {"Company", "Organization"}:
            continue
        if not (parent.top == unit.top == "Company" or unit.entity.name.endswith(_UNIT_HEADS) or funded and unit.top == "Company"):
            continue
        yield _relation(unit.entity, "subOrganizationOf", parent.entity, sentence, "set-up")
        home = place.entity if place is not None else _park_meant(gap, items[:k], park)
        if home is not None:
            yield _relation(unit.entity, "locatedIn", home, sentence, "set-up")


_SET_UP_AT = re.compile(r"^(?:投资|出资|注册|正式|专门)*(?:成立|设立|组建|创办|创立)了?的?(?:(?:全资|控股)?(?:子公司|分公司))?")
_WHEN = re.compile(r"(?:已|还|又|也|并|将|拟|计划|专门|同时|先后|此前|去年|今年|近日|日前|近年来|\d{4}年|\d{1,2}月"
                   r"|(?:以自有资金|以自筹资金|出资|投资|斥资)(?:约?[\d.]+(?:亿|万)?元)?)*")  # 拟以自有资金2亿元在X设立B


def _set_up_at(sentence: Sentence, items: list[_Item], lexicon: Lexicon) -> Iterator[Relation]:
    """（A）在X市Y区设立（的）B / 他在X镇注册成立B: B is in each place of the run after 在;
    and B is a unit of A, the company or body written before 在 (or opening the sentence,
    when the clause opens with 并在 / 还在), unless B is an alliance A only founded."""
    for i, first in enumerate(items):
        if first.top not in ALLOWED["locatedIn"][1] or _between(sentence, first.mention.start - 1, first.mention.start) != "在":
            continue
        run = _places_run(sentence, items[i:], adjacent=True)
        verb = _SET_UP_AT.match(_between(sentence, run[-1].mention.end, run[-1].mention.end + 16))
        unit = next((it for it in items if verb and it.mention.start == run[-1].mention.end + verb.end()), None)
        if unit is not None and _modifies_next(items, items.index(unit)):
            unit = items[items.index(unit) + 1]  # 设立包头瀚澜…公司 read as 包头 + the rest: the company
        if unit is None or unit.top not in {"Company", "Organization"} or _is_alliance(unit.entity):
            continue
        for place in run:
            yield _relation(unit.entity, "locatedIn", place.entity, sentence, "set-up-at")
        parent = _founder(sentence, items, first, lexicon)
        if parent is not None and parent.key != unit.entity.key and \
                (top_class(parent.type) == "Company" or unit.entity.name.endswith(_UNIT_HEADS + _DEPARTMENT_HEADS)):
            yield _relation(unit.entity, "subOrganizationOf", parent, sentence, "set-up-at")


_DATE_LEAD = re.compile(r"(?:(?:\d{4}年)?(?:\d{1,2}月)?(?:\d{1,2}日)?|此外|同时|目前|今年|去年|近年来)[,，]?")


def _founder(sentence: Sentence, items: list[_Item], place: _Item, lexicon: Lexicon) -> Entity | None:
    """Who sets something up 在 ``place``: the company or body right before 在 (past time
    words), or the one opening the sentence when the clause opens with 并在 / 还在."""
    at = place.mention.start - 1
    clause_start = sentence.start + max((m.end() for m in re.finditer(r"[,，;；:：]", _between(sentence, sentence.start, at))), default=0)
    before = [it for it in items if clause_start <= it.mention.start and it.mention.end <= at]
    if before:
        last = before[-1]
        gap = _AFTER_NAME.sub("", _between(sentence, last.mention.end, at))
        return last.entity if last.top in {"Company", "Organization"} and _WHEN.fullmatch(gap) else None
    if not _WHEN.fullmatch(_between(sentence, clause_start, at)) or clause_start == sentence.start:
        return None
    opening = next((it for it in items if it.mention.start >= sentence.start), None)
    if opening is not None and not _DATE_LEAD.fullmatch(_between(sentence, sentence.start, opening.mention.start)):
        opening = None  # 2012年，A集团将总部迁至银川，并在B区组建C: a date may open the sentence
    if opening is None or opening.top not in {"Company", "Organization"} or _post_after(sentence, opening, lexicon):
        return None
    return opening.entity


def _park_meant(gap: str, before: list[_Item], park: Entity | None) -> Entity | None:
    """在园区设立了B: 园区 is the park the text is about, or else the park named just before."""
    if not re.search(r"在(?:园区|产业园|开发区|高新区)", gap):
        return None
    parks = [it.entity for it in before if it.top == "Park"]
    return park or (parks[-1] if parks else None)


_CONTACT = re.compile(r"^(?:联系人|联系方式|联 系 人)?[:：]?\s*$")


def _contact_line(sentence: Sentence, items: list[_Item]) -> Iterator[Relation]:
    """联系人：省财政厅农业农村处 孙婧 / 市科技局某科：马某，电话… — a line that holds only a body and a person
    (a notice's contact) says the person works there."""
    named = [it for it in items if it.mention.rule != "reference"]
    if len(named) != 2 or named[0].top not in {"Company", "Organization"} or named[1].top != "Person":
        return
    body, person = named
    if _CONTACT.match(_between(sentence, sentence.start, body.mention.start)) and \
            _between(sentence, body.mention.end, person.mention.start).strip(" \t\u3000:：") == "" and \
            _between(sentence, body.mention.end, person.mention.start) != "" and \
            re.fullmatch(r"[\s\d\-—()（）电话:：,，。;；]*", sentence.text[person.mention.end - sentence.start :]):
        yield _relation(person.entity, "worksFor", body.entity, sentence, "contact")


_TEAM = re.compile(r"(?:管理层|领导班子|班子成员|高管团队|高级管理人员)(?:组成|构成|名单)?(?:如下|为)?[:：]")


def _team_listed(sentence: Sentence, items: list[_Item], lexicon: Lexicon) -> Iterator[Relation]:
    """公司管理层组成如下：董事长A，总经理B，副总经理兼董事会秘书C: each person holds
    the post written before the name in the body named before the colon."""
    cue = _TEAM.search(sentence.text)
    if cue is None:
        return
    at = sentence.start + cue.start()
    bodies = [it for it in items if it.mention.end <= at and it.top in {"Company", "Organization"}]
    if not bodies:
        return
    start = sentence.start + cue.end()
    for person in (it for it in items if it.mention.start >= start and it.top == "Person"):
        post = _between(sentence, start, person.mention.start)
        post = _PUNCT.split(post)[-1]
        if _is_post(post.split("兼")[0], lexicon):
            yield _relation(person.entity, "worksFor", bodies[-1].entity, sentence, "team", post)


def _post_in_brackets(sentence: Sentence, items: list[_Item], lexicon: Lexicon) -> Iterator[Relation]:
    """A公司副总经理X（B公司执行董事）介绍: X also holds the post in brackets, in the body written there."""
    for person, body in zip(items, items[1:]):
        if person.top != "Person" or body.top not in {"Company", "Organization"} or \
                _between(sentence, person.mention.end, body.mention.start) not in ("(", "（"):
            continue
        post = re.match(r"([^()（）,，、;；。]+)[)）]", _between(sentence, body.mention.end, sentence.end))
        if post is not None and _is_post(post.group(1), lexicon):
            yield _relation(person.entity, "worksFor", body.entity, sentence, "post-in-brackets", post.group(1))


_TASK_UNITS = re.compile(r"^(?:牵头|责任|配合|参与|协办|主办)(?:单位|部门)[:：]")


def _task_units(text: str, sentence: Sentence, items: list[_Item], named: list[_Item]) -> Iterator[Relation]:
    """（一）实施“某某”工程。……牵头单位：A；配合单位：B、C。: in a notice's list of tasks, the
    bodies named to lead or support a task carry out the programmes its paragraph names."""
    if not _TASK_UNITS.match(sentence.text):
        return
    paragraph = text.rfind("\n", 0, sentence.start) + 1
    tasks = [it for it in named if paragraph <= it.mention.start < sentence.start and it.top in {"Program", "Project"}]
    for body in items:
        if body.top in {"Company", "Organization"} and body.mention.rule != "reference":
            for task in _distinct(tasks):
                yield _relation(body.entity, "implements", task.entity, sentence, "task-units")


_GROUP_HEADS = ("指挥部", "领导小组", "工作小组", "工作组", "专班", "委员会", "组委会", "小组")


def _roster_row(sentence: Sentence, items: list[_Item], named: list[_Item], label: str | None,
                lexicon: Lexicon) -> tuple[list[Relation], str | None]:
    """关于调整X指挥部组成人员的通知 … 副总指挥：武建军　副区长 / 　王建平　区发展和改革局局长: the
    person on a row holds the row's post (or the one of the rows above it) in the group
    named last before the list, and the post written after the name in the body written
    there. Gives the relations and the post the next row inherits."""
    row = ROSTER_ROW.match(sentence.text)
    person = next((it for it in items if row and it.mention.start == sentence.start + row.start("name")), None)
    if row is None or person is None or person.top != "Person":
        return [], None
    label = "".join(row.group("label").split()) if row.group("label") else label
    found: list[Relation] = []
    groups = [it.entity for it in named if it.mention.end <= sentence.start and it.top == "Organization"
              and it.entity.name.endswith(_GROUP_HEADS)]
    if label and groups and _is_post(label, lexicon) or label in ("成员", "组员"):
        if groups:
            found.append(_relation(person.entity, "worksFor", groups[-1], sentence, "roster", label))
    bodies = [it for it in items if it.mention.start > person.mention.end and it.top in {"Company", "Organization"}]
    for body in bodies[:1]:
        post = re.match(r"[^、，,；;。]+", _between(sentence, body.mention.end, sentence.end))
        if post and _is_post(post.group(), lexicon):
            found.append(_relation(person.entity, "worksFor", body.entity, sentence, "roster", post.group()))
    return found, label


_ADDRESS_LINE = re.compile(r"^(?:\d+[.、．]|[(（][一二三四五六七八九十\d]+[)）])?\s*(?:注册地址|注册地|住所|地址|办公地址|经营场所|营业场所)[:：]")
_NAME_LINE = re.compile(r"^(?:\d+[.、．]|[(（][一二三四五六七八九十\d]+[)）])?\s*(?:公司|企业|单位|机构)?名称[:：]")


def _address_line(sentence: Sentence, items: list[_Item], previous: list[_Item], previous_sentence: Sentence | None) -> Iterator[Relation]:
    """1.公司名称：X / 2.注册地址：A省B市C区D街道E路88号: X is at each place of the address."""
    if previous_sentence is None or not _ADDRESS_LINE.match(sentence.text) or not _NAME_LINE.match(previous_sentence.text):
        return
    named = [it for it in previous if it.top in {"Company", "Organization"}]
    if not named:
        return
    for place in items:
        if place.top in ALLOWED["locatedIn"][1] and place.mention.rule != "inner":
            yield _relation(named[0].entity, "locatedIn", place.entity, sentence, "address")


_TEAM_HEADING = re.compile(r"^[一二三四五六七八九十\d]+[、.．]\s*(?:公司)?(?:主要|现任)?(?:管理人员|管理层|高级管理人员|领导班子|高管团队|经营班子|董事、监事和高级管理人员)$")
_SECTION_HEADING = re.compile(r"^[一二三四五六七八九十]+、")


def _team_section(sentence: Sentence, items: list[_Item], body: Entity | None, lexicon: Lexicon) -> Iterator[Relation]:
    """五、主要管理人员 / 董事长A；副董事长、总经理B；…: under a heading for the company's
    team, each person holds the posts written before the name, in the company."""
    if body is None:
        return
    for person in items:
        if person.top != "Person":
            continue
        before = _between(sentence, sentence.start, person.mention.start)
        post = re.split(r"[；;。，,]", before)[-1]
        if post and _is_post(post.split("兼")[0], lexicon):
            yield _relation(person.entity, "worksFor", body, sentence, "team", post)


_ELECTED = re.compile(r"^(?:当选|被选为|当选为)(?:为)?")


def _elected(sentence: Sentence, items: list[_Item], lexicon: Lexicon) -> Iterator[Relation]:
    """A董事长X当选联盟理事长，B总经理Y、C董事长Z当选副理事长: each holds the post in the body
    written after 当选 (or, with none written, in the one the last 当选 named)."""
    body: Entity | None = None
    waiting: list[_Item] = []  # persons listed before a 当选 that names no body yet
    for k, person in enumerate(items):
        if person.top != "Person":
            continue
        cue = _ELECTED.match(_between(sentence, person.mention.end, sentence.end))
        if cue is None:
            waiting.append(person)
            continue
        at = person.mention.end + cue.end()
        after = next((it for it in items[k + 1 :] if it.mention.start == at), None)
        if after is not None and after.top == "Organization":
            body, at = after.entity, after.mention.end
        post = re.match(r"[^,，;；。、]+", _between(sentence, at, sentence.end))
        if body is None or post is None or not _is_post(post.group(), lexicon):
            waiting = []
            continue
        for each in (*waiting, person):
            if _between(sentence, each.mention.end, each.mention.end + 1) in ("、", "") or each is person:
                yield _relation(each.entity, "worksFor", body, sentence, "elected", post.group())
        waiting = []


_HEAD_LINE = re.compile(r"^(?:负责人|联系人|总经理|经理|站长|主任|院长|所长|行长|理事长|会长)[:：]\s*$")
_ENUMERATOR = re.compile(r"^[(（]?[一二三四五六七八九十\d]+[)）、.．]?")


def _head_line(sentence: Sentence, items: list[_Item], previous: list[_Item], previous_sentence: Sentence | None) -> Iterator[Relation]:
    """（一）A分公司，营业场所位于X…。负责人：B。: B heads the unit the sentence before opened with."""
    if previous_sentence is None or len(items) != 1 or items[0].top != "Person":
        return
    person = items[0]
    post = _HEAD_LINE.match(_between(sentence, sentence.start, person.mention.start))
    if post is None or not re.fullmatch(r"[。.；;]?", sentence.text[person.mention.end - sentence.start :].strip()):
        return
    opener = previous[0] if previous else None
    if opener is None or opener.top not in {"Company", "Organization"} or opener.mention.rule == "reference":
        return
    lead = _between(previous_sentence, previous_sentence.start, opener.mention.start)
    if lead and not _ENUMERATOR.fullmatch(lead):
        return
    yield _relation(person.entity, "worksFor", opener.entity, sentence, "head-line", post.group().rstrip(":： "))


_HOLDS = re.compile(r"^(?:兼任|担任|出任|任)$")
_APPOINT = re.compile(r"(?:任命|聘任|聘请|提名|推选|选举|委任)$")
_WORKING_POSTS = tuple(_lines("rel_posts.txt"))


def _appointed(sentence: Sentence, items: list[_Item], lexicon: Lexicon, named: list[_Item]) -> Iterator[Relation]:
    """任命X为区营商环境建设局局长 / 任命X为A党工委副书记、管委会常务副主任: X works for
    the body named after 为, in the post after it (and for the sister body the next post names)."""
    for person, body in zip(items, items[1:]):
        if person.top != "Person" or body.top not in {"Company", "Organization"} or \
                _between(sentence, person.mention.end, body.mention.start) != "为" or \
                not _APPOINT.search(_between(sentence, person.mention.start - 4, person.mention.start)):
            continue
        rest = _AFTER_NAME.sub("", _between(sentence, body.mention.end, _clause_end(sentence, body.mention.end)))
        post = rest.removesuffix("职务")
        if not post or not _is_post(post, lexicon):
            continue
        second = _second_body(body.entity, post, named)
        first_post = second[1] if second else post
        yield _relation(person.entity, "worksFor", body.entity, sentence, "appointed", first_post)
        if second:
            yield _relation(person.entity, "worksFor", second[0], sentence, "appointed", second[2])


def _headed_by(sentence: Sentence, items: list[_Item], lexicon: Lexicon) -> Iterator[Relation]:
    """指挥部由X任总指挥，Y任常务副总指挥: each person named with 任 and a post in the
    clauses that follow works for the body (a working body: 指挥部, 领导小组)."""
    posts = tuple(lexicon.titles) + _WORKING_POSTS
    for body, first in zip(items, items[1:]):
        if body.top not in {"Company", "Organization"} or first.top != "Person" or \
                _between(sentence, body.mention.end, first.mention.start) != "由":
            continue
        for person in (it for it in items if it.mention.start >= first.mention.start and it.top == "Person"):
            opening = _between(sentence, person.mention.start - 1, person.mention.start)
            if person is not first and opening not in ("，", ",", "；", ";"):
                continue
            role = re.match(r"(?:兼任|担任|出任|任)([\u4e00-\u9fff]{1,8}?)(?=[,，;；。、]|$)", sentence.text[person.mention.end - sentence.start :])
            if role is None or not role.group(1).endswith(posts):
                if person is first:
                    break
                continue
            yield _relation(person.entity, "worksFor", body.entity, sentence, "headed-by", role.group(1))


# What leads into a list of a person's posts: X同时担任A副主席、B会长 / X有很多身份：A书记，B董事长
_POSTS_LEAD = re.compile(r"^(?:同时|还|也|现|另|并|曾|先后|目前|兼|拟|将)*(?:担任|兼任|出任|任)|^(?:还)?有(?:很多|多个|多重|几个|多种)?身份[:：]")
_SEPARATORS = re.compile(r"^[、,，;；]?$")


def _posts_listed(sentence: Sentence, items: list[_Item], lexicon: Lexicon, previous: list[_Item] = ()) -> Iterator[Relation]:
    """陈某同时担任A协会副主席、B商会会长 / 陆某有很多身份：A党总支书记、B公司董事长，C协会
    副会长: the person holds each post in the body written right before it, for as long as
    the list goes on with nothing but a body and its posts in each part. A sentence that
    opens with 他 / 她 speaks of the person the sentence before named last."""
    people = [it for it in previous if it.top == "Person"]
    if people and sentence.text.startswith(("他", "她")):
        he = Mention(sentence.start, sentence.start + 1, sentence.text[0], people[-1].entity.name, people[-1].entity.type, "reference")
        items = [_Item(he, people[-1].entity), *items]
    for k, person in enumerate(items):
        if person.top != "Person":
            continue
        lead = _POSTS_LEAD.match(sentence.text[person.mention.end - sentence.start :])
        if lead is None:
            continue
        at = person.mention.end + lead.end()
        for body in items[k + 1 :]:
            if body.mention.start < at:
                continue  # a short name in parentheses, already read
            if body.top not in {"Company", "Organization"} or not _SEPARATORS.match(_between(sentence, at, body.mention.start)):
                break
            posts, at = _posts_after(sentence, body, items, lexicon)
            if not posts:
                break
            yield _relation(person.entity, "worksFor", body.entity, sentence, "posts-listed", "、".join(posts))


def _posts_after(sentence: Sentence, body: _Item, items: list[_Item], lexicon: Lexicon) -> tuple[list[str], int]:
    """The posts written right after a body (党委书记、院长 → 书记, 院长; past a short-name
    parenthesis), and where they end; a post that opens the next body's name is not one."""
    at = body.mention.end
    at += len(_AFTER_NAME.match(_between(sentence, at, sentence.end)).group()) if _AFTER_NAME.match(_between(sentence, at, sentence.end)) else 0
    posts: list[str] = []
    while True:
        rest = _between(sentence, at, sentence.end)
        if posts:
            if not rest.startswith("、"):
                break
            rest, skip = rest[1:], 1
        else:
            skip = 0
        word = re.match(r"[^、,，;；。:：()（）“”\"]+", rest)
        if word is None or not _is_post(word.group(), lexicon):
            break
        if any(at + skip <= it.mention.start < at + skip + word.end() for it in items):
            break  # 、B公司董事长: a body, not a post
        posts.append(word.group())
        at += skip + word.end()
    return posts, at


_WILL_BE_LED = re.compile(r"^(?:拟|将|已|现|暂)?由")


def _post_held_by(sentence: Sentence, items: list[_Item], lexicon: Lexicon) -> Iterator[Relation]:
    """A研究院院长由集团首席技术官X兼任 / A公司拟由X担任执行董事: X holds the post in the body
    it is written after."""
    for k, body in enumerate(items):
        if body.top not in {"Company", "Organization"}:
            continue
        post = _post_after(sentence, body, lexicon)
        lead = _WILL_BE_LED.match(_between(sentence, body.mention.end + len(post or ""), sentence.end))
        if lead is None:
            continue
        start = body.mention.end + len(post or "") + lead.end()
        person = next((it for it in items[k + 1 :] if it.top == "Person"), None)
        if person is None or _PUNCT.search(_between(sentence, start, person.mention.start)) or person.mention.start - start > 16:
            continue
        verb = re.match(r"^(?:兼任|担任|出任|担当)", _between(sentence, person.mention.end, person.mention.end + 2))
        if verb is None:
            continue
        if post is None:  # A公司拟由B担任执行董事兼总经理: the post is written after the verb
            after = re.match(r"[^,，;；。]+", _between(sentence, person.mention.end + 2, sentence.end))
            post = after.group() if after and _is_post(after.group().split("兼")[0], lexicon) else None
        if post is not None:
            yield _relation(person.entity, "worksFor", body.entity, sentence, "held-by", post)


def _holds_post(sentence: Sentence, items: list[_Item], lexicon: Lexicon) -> Iterator[Relation]:
    """X兼任云溪茶旅董事长 / X担任协会会长: X works for the body, in that post."""
    for person, body in zip(items, items[1:]):
        if person.top != "Person" or body.top not in {"Company", "Organization"}:
            continue
        if not _HOLDS.match(_between(sentence, person.mention.end, body.mention.start)):
            continue
        post = _post_after(sentence, body, lexicon)
        if post:
            yield _relation(person.entity, "worksFor", body.entity, sentence, "holds", post)


# Departments named after the body they belong to: 某大学公共卫生学院, 某医院检验中心.
_DEPARTMENT_HEADS = ("学院", "研究院", "研究所", "研究中心", "医院", "实验室", "中心", "办公室", "督查室", "系", "部", "处", "科", "股")


def _units(doc: Doc, focus: Entity | None = None) -> Iterator[Relation]:
    """…有限公司永安分公司 is a unit of …有限公司, and 某大学公共卫生学院 of 某大学,
    where both are named (昭平县人民政府办公室 of what the text calls 县人民政府, in a
    text about 昭平县)."""
    orgs = [e for e in doc.entities if top_class(e.type) in {"Company", "Organization"}]
    for unit in orgs:
        department = top_class(unit.type) == "Organization" and unit.name.endswith(_DEPARTMENT_HEADS)
        if not unit.name.endswith(_UNIT_HEADS) and not department:
            continue
        parents = [p for p in orgs if p is not unit and _named_after(unit, p, focus)]
        if parents:
            parent = max(parents, key=lambda p: len(_named_after(unit, p, focus)))
            sentence = _sentence_of(doc, unit.mentions[0])
            yield _relation(unit, "subOrganizationOf", parent, sentence, "unit-name")


def _named_after(unit: Entity, parent: Entity, focus: Entity | None = None) -> str:
    """The parent's name or short name that opens the unit's name (闽汀集团第三工程分公司,
    where 闽汀集团 is what the text calls 福建闽汀生态建设集团有限公司), or ''."""
    names = {parent.name, *parent.aliases, *(m.text for m in parent.mentions)}
    if focus is not None and focus.name[-1:] in "县市区":  # 县人民政府 in a text about 昭平县
        names |= {focus.name + n[1:] for n in names if n[:1] == focus.name[-1] and len(n) > 3}
    unit_names = {unit.name, *unit.aliases}
    found = [n for n in names for u in unit_names if len(n) >= 3 and u.startswith(n) and len(u) - len(n) >= 2]
    return max(found, key=len, default="")


_INVESTS = re.compile("投资|签约|签订|签署|建设|承建|开发|出资")  # the firm is said to invest, not just to help
_TRADE_NAME = 2  # the characters of a firm's own name (字号) a project must open with
_NEAR = 2  # how many sentences apart the firm and its project may first be named


def _named_for_company(doc: Doc, lexicon: Lexicon) -> Iterator[Relation]:
    """辽宁海晟重工装备有限公司 … 海晟海上风电装备制造基地项目: a project whose name opens
    with a firm's own name (its 字号, what is left after the places its name starts
    with) is that firm's, when the two are named close together, the text speaks of
    investing or building where either is named, and no other firm of the text has
    that name (姚江文旅发展有限公司 only assisting with 姚江夜游提升项目 is not its owner)."""
    companies = [e for e in doc.entities if top_class(e.type) == "Company" and not e.name.endswith(_UNIT_HEADS)]
    places = {n[:_TRADE_NAME] for e in doc.entities if e.type in {"Subdistrict", "Community"} for n in (e.name, *e.aliases)}
    # 广西濛江新型建材 and 濛江临港码头项目 both take their name from the town 濛江镇
    trade = {e.key: [t for t in _trade_names(e.name, lexicon) if t not in places] for e in companies}
    for project in (e for e in doc.entities if e.type == "Project"):
        if re.match(r"^[\u4e00-\u9fff]{2}[省市区县镇乡]", project.name):
            continue  # 武汉市…项目: named after a place
        owners = [c for c in companies if any(project.name.startswith(head) for head in trade[c.key])]
        if len(owners) != 1:
            continue
        owner = owners[0]
        near = [
            (p, c) for p in project.mentions for c in owner.mentions
            if abs(_sentence_of(doc, p).index - _sentence_of(doc, c).index) <= _NEAR
        ]
        invests = any(_INVESTS.search(_sentence_of(doc, m).text) for m in (*owner.mentions, *project.mentions))
        if near and invests:
            yield _relation(owner, "implements", project, _sentence_of(doc, near[0][0]), "trade-name")


def _trade_names(name: str, lexicon: Lexicon) -> list[str]:
    """海晟 in 辽宁海晟重工装备有限公司, 云谷 in 呼和浩特云谷数据科技有限公司: what may be the
    firm's own name, after each place its name opens with (营口北辰镁业: 北辰, whether or
    not 北辰 is also a place, and 镁业); the whole name's opening when it opens with none."""
    gaz = lexicon.gazetteer
    found: list[str] = []
    rest = name
    while True:
        place = next((rest[:end] for end in range(min(len(rest) - 1, 9), 1, -1)
                      if gaz.lookup(rest[:end]) or rest[:end] in gaz.world or rest[:end] == "中国"), None)
        if place is None:
            break
        rest = rest[len(place):].lstrip("市省县区")
        found.append(rest[:_TRADE_NAME])
    found = found or [name[:_TRADE_NAME]]
    return [head for head in found if len(head) == _TRADE_NAME and all("\u4e00" <= ch <= "\u9fff" for ch in head)]


_PLACE_UNIT = re.compile(r"^(?P<place>[\u4e00-\u9fff]{2,6}?)(?:分公司|子公司|办事处|分院)$")
_MAIN_COMPANY_MENTIONS = 3


def _place_units(doc: Doc, lexicon: Lexicon) -> Iterator[Relation]:
    """贵阳分公司, 泸州子公司 — a unit named by its place alone, in a text about one
    company (named far more often than any other), is that company's."""
    main = _main_company(doc)
    if main is None:
        return
    gaz = lexicon.gazetteer
    for unit in doc.entities:
        match = _PLACE_UNIT.match(unit.name)
        if unit is main or top_class(unit.type) != "Company" or match is None:
            continue
        if gaz.lookup(match.group("place")) or match.group("place") in gaz.towns or match.group("place") in gaz.world:
            yield _relation(unit, "subOrganizationOf", main, _sentence_of(doc, unit.mentions[0]), "place-unit")


def _main_company(doc: Doc) -> Entity | None:
    """The company a text is about: not a unit, named at least three times and more
    than twice as often as any other company."""
    counts = sorted(
        ((len(e.mentions), e) for e in doc.entities if top_class(e.type) == "Company" and not e.name.endswith(_UNIT_HEADS)),
        key=lambda pair: -pair[0],
    )
    if not counts or counts[0][0] < _MAIN_COMPANY_MENTIONS or len(counts) > 1 and counts[1][0] * 2 > counts[0][0]:
        return None
    return counts[0][1]


# ---------------------------------------------------------------- defaults


def _sentence_of(doc: Doc, mention: Mention) -> Sentence:
    for sentence in doc.sentences:
        if sentence.start <= mention.start < sentence.end:
            return sentence
    return doc.sentences[0]


def _defaults(doc: Doc, focus: Entity | None, park: Entity | None, found: list[Relation]) -> Iterator[Relation]:
    """Place what the text places nowhere else in the region the text is about,
    or, for projects and facilities in a text about a park, in that park."""
    if focus is None:
        return
    types = {e.key: e.type for e in doc.entities}
    town = _focus_town(doc, found)
    by_key = {e.key: e for e in doc.entities}
    run_by_place = {r.object: by_key[r.subject] for r in found if r.predicate == "implements" and r.rule != _FOCUS_IMPLEMENTS
                    and types.get(r.subject) in {"Subdistrict", "Community"}}
    # a place on a road or in a building is still to be placed in an area
    placed = {r.subject for r in found if r.predicate in {"locatedIn", "partOf"} and top_class(types.get(r.object, "")) != "Facility"}
    for entity in doc.entities:
        if entity.key in placed or entity.key == focus.key:
            continue
        sentence = _sentence_of(doc, entity.mentions[0])
        if entity.type == "Project" and entity.key in run_by_place:
            yield _relation(entity, "locatedIn", run_by_place[entity.key], sentence, "run-by-place")
            continue  # 东园村启动P: a project a village or town runs is in it, not just in the focus region
        if entity.type in {"Facility", "Project"} and park is not None:
            yield _relation(entity, "locatedIn", park, sentence, "focus-park")
        elif entity.type in {"Park", "Facility", "Project"}:
            yield _relation(entity, "locatedIn", _home_region(doc, entity, focus), sentence, "focus")
        elif entity.type == "Community" and town is not None:
            yield _relation(entity, "partOf", town, sentence, "focus-town")
        elif entity.type in {"Subdistrict", "Community"} and focus.type in {"District", "City"}:
            yield _relation(entity, "partOf", focus, sentence, "focus")


def _focus_town(doc: Doc, found: list[Relation]) -> Entity | None:
    """The town a text is about, below the region it names as its focus: the town named
    most (at least three times, and twice as often as any other), which the text places
    in a region. Villages it names with no town of their own are its villages."""
    towns = sorted(((len(e.mentions), e) for e in doc.entities if e.type == "Subdistrict" and e.name.endswith(("镇", "乡"))),
                   key=lambda pair: -pair[0])  # a city's 街道 holds fewer of the places a text names
    if not towns or towns[0][0] < 3 or len(towns) > 1 and towns[1][0] * 2 > towns[0][0]:
        return None
    town = towns[0][1]
    return town if any(r.subject == town.key and r.predicate == "partOf" for r in found) else None


def _named_for_village(doc: Doc, found: list[Relation]) -> Iterator[Relation]:
    """南插村益农养蜂专业合作社 is in 南插村; 南插村蜂产品加工车间建设项目, which the text
    names no one as running, is the village's own."""
    villages = [e for e in doc.entities if e.type == "Community"]
    runners = {r.object for r in found if r.predicate == "implements" and r.rule != _FOCUS_IMPLEMENTS}
    written_before = {(m.end, v.key): v for v in villages for m in v.mentions}
    for entity in doc.entities:
        village = next((v for v in villages if v is not entity and any(
            entity.name.startswith(n) and len(entity.name) > len(n) + 1 for n in (v.name, *v.aliases))), None)
        village = village or next((written_before[(m.start, v.key)] for m in entity.mentions for v in villages
                                   if (m.start, v.key) in written_before), None)  # 南插村 + 蜂产品加工车间建设项目
        if village is None:
            continue
        sentence = _sentence_of(doc, entity.mentions[0])
        if top_class(entity.type) == "Company":
            yield _relation(entity, "locatedIn", village, sentence, "village-name")
        elif entity.type == "Project" and entity.key not in runners:
            yield _relation(village, "implements", entity, sentence, "village-name")


def _home_region(doc: Doc, entity: Entity, focus: Entity) -> Entity:
    """The place a name carries (松原石化园区 → 松原), unless it is the focus region or
    contains it (徐州软件园 in a text about 泉山区 of 徐州: the focus is more precise)."""
    by_key = {e.key: e for e in doc.entities}
    spans = [(m.start, m.end) for m in entity.mentions]
    for mention in doc.mentions:
        if mention.rule != "inner" or not any(s <= mention.start and mention.end <= e for s, e in spans):
            continue
        region = next((e for e in doc.entities if top_class(e.type) == "Region" and mention in e.mentions), None)
        if region is None or region.type == "Country":
            continue
        if region.key not in {focus.key, focus.city, focus.province} and region.key in by_key:
            return region
    return focus


def _valid_unique(relations: list[Relation], doc: Doc) -> list[Relation]:
    types = {e.key: top_class(e.type) for e in doc.entities}
    seen: set[tuple] = set()
    kept: list[Relation] = []
    for relation in relations:
        domain, range_ = ALLOWED[relation.predicate]
        if relation.subject == relation.object:
            continue
        if types.get(relation.subject) not in domain or types.get(relation.object) not in range_:
            continue
        key = (relation.subject, relation.predicate, relation.object, relation.sentence, relation.authority)
        if key not in seen:
            seen.add(key)
            kept.append(relation)
    return kept
