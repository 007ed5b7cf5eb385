"""Stage: find the relations between entities, sentence by sentence.

Rules read the order of mentions and cue words in a sentence:

* worksFor: an organisation, a post and a name in a row (区科技局局长孟庆礼);
* locatedIn: ``在 <place>, …`` puts what follows in that place; a settling verb
  (落户, 入驻, 位于) puts what comes before it in the place after it;
* partOf: a region written right before another (泉山区王陵街道), and the
  authority data (``link``);
* implements: a program or project is run by the subject of its clause, or by
  the document's focus region (the district the text is about) when the
  subject is left out or is a reference such as 该区 / 全区;
* memberOf: ``X 加入 Y``; subOrganizationOf: a unit named after its parent
  (…有限公司永安分公司) or introduced by 下属 / 旗下.

Parks, facilities and projects that the text places nowhere else are placed
in the focus region, and subdistricts and communities are made part of it.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from kg.lexicon import Lexicon, default_lexicon
from kg.resolve import focus_region, top_class
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
    found: list[Relation] = list(doc.relations)
    last_place: _Item | None = None
    named = sorted(
        (_Item(m, entity_at[(m.start, m.end)]) for m in doc.mentions if (m.start, m.end) in entity_at and m.rule != "inner"),
        key=lambda it: it.mention.start,
    )
    for sentence in doc.sentences:
        items = [it for it in named if sentence.start <= it.mention.start < sentence.end]
        items = sorted(items + _references(doc.text, sentence, named, focus), key=lambda it: it.mention.start)
        found.extend(_works_for(sentence, items, lexicon, named))
        located, place = _located_at(sentence, items)
        found.extend(located)
        found.extend(_settled(sentence, items, place or last_place, focus, lexicon))
        found.extend(_implements(sentence, items, focus, lexicon))
        found.extend(_brought_in(sentence, items, focus))
        found.extend(_adjacent(sentence, items))
        found.extend(_member_of(sentence, items))
        found.extend(_parent_cues(sentence, items))
        if place is not None:
            last_place = place
    found.extend(_units(doc))
    found.extend(_defaults(doc, focus, found))
    return dataclasses.replace(doc, relations=tuple(_valid_unique(found, doc)))


# References that stand for an entity named before: 该区 is the region the text
# is about, 该公司 the last company named, 该联盟 the last alliance.
_REFERENCE = re.compile(r"该(区|县|市|镇|公司|企业|集团|联盟|协会|中心|园区|园|项目|计划|工程)|全(区|县|市)")
_REFERENCE_TYPES = {"公司": {"Company"}, "企业": {"Company"}, "集团": {"Company"}, "联盟": {"Alliance"},
                    "协会": {"Alliance"}, "中心": {"Organization"}, "园区": {"Park"}, "园": {"Park"},
                    "项目": {"Project"}, "计划": {"Program"}, "工程": {"Program", "Project"}}


def _references(text: str, sentence: Sentence, named: list[_Item], focus: Entity | None) -> list[_Item]:
    found = []
    for match in _REFERENCE.finditer(sentence.text):
        start = sentence.start + match.start()
        kind = match.group(1) or match.group(2)
        if kind in {"区", "县", "市", "镇"}:
            target = focus
        else:
            wanted = _REFERENCE_TYPES[kind]
            earlier = [
                it for it in named
                if it.mention.end <= start and (it.entity.type in wanted or top_class(it.entity.type) in wanted)
            ]
            target = earlier[-1].entity if earlier else None
        if target is not None:
            end = sentence.start + match.end()
            found.append(_Item(Mention(start, end, text[start:end], target.name, target.type, "reference"), target))
    return found


def _relation(subject: Entity, predicate: str, obj: Entity, sentence: Sentence, rule: str, position: str | None = None):
    return Relation(subject.key, predicate, obj.key, sentence=sentence.index, position=position, rule=rule)


def _between(sentence: Sentence, start: int, end: int) -> str:
    return sentence.text[start - sentence.start : end - sentence.start]


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
            gap = "".join(_between(sentence, before.mention.end, item.mention.start).split())
            after = _post_after(sentence, item, lexicon)
            if gap and _is_post(gap, lexicon):
                yield _relation(item.entity, "worksFor", before.entity, sentence, "post", gap)
                continue
            if not gap and after:
                yield _relation(item.entity, "worksFor", before.entity, sentence, "post", after)
                continue
        previous = items[i - 1] if i else None
        gap = "".join(_between(sentence, previous.mention.end, item.mention.start).split()) if previous else ""
        if employer is not None and previous is not None and previous.top == "Person" and gap in lexicon.titles:
            # a byline: 徐州日报记者 魏宁 通讯员 姚舟 — the second post is at the same paper
            yield _relation(item.entity, "worksFor", employer.entity, sentence, "post-carried", gap)
            continue
        post = _post_before(sentence, item, lexicon)
        body = _body_for_post(post, item, named) if post else None
        if body is not None:
            yield _relation(item.entity, "worksFor", body, sentence, "post-level", post[1])


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
    while k >= 0 and items[k].top == "Region":
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
        for other in items[i + len(chain) :]:
            if other.top in ALLOWED["locatedIn"][0] and other.entity.key != place.entity.key:
                found.append(_relation(other.entity, "locatedIn", place.entity, sentence, "at"))
        return found, place
    return found, None


_CLAUSE_START = re.compile(r"[,，;；。:：、\s|]")
_SETTLE = ("落户于", "落户", "入驻", "进驻", "落地", "位于", "坐落于", "扎根", "落户到", "入驻到")


def _settled(sentence: Sentence, items: list[_Item], last_place: _Item | None, focus: Entity | None, lexicon: Lexicon) -> Iterator[Relation]:
    text = sentence.text
    for first, second in zip(items, items[1:]):
        # 位于滨湖路的金穗大厦
        lead = _between(sentence, first.mention.start - 3, first.mention.start)
        gap = _between(sentence, first.mention.end, second.mention.start)
        if lead.endswith(("位于", "坐落于", "坐落在")) and gap == "的" and first.top in ALLOWED["locatedIn"][1]:
            if second.top in ALLOWED["locatedIn"][0]:
                yield _relation(second.entity, "locatedIn", first.entity, sentence, "settle")
    for cue in re.finditer("|".join(_SETTLE), text):
        cue_at = sentence.start + cue.start()
        clause_start = max(
            (m.end() for m in re.finditer(r"[,，;；:：]", text[: cue.start()])), default=0
        ) + sentence.start
        subjects = [
            it for it in items
            if clause_start <= it.mention.start and it.mention.end <= cue_at and it.top in ALLOWED["locatedIn"][0]
        ]
        if not subjects:
            continue
        after = text[cue.end() :]
        place: Entity | None = None
        following = [it for it in items if it.mention.start >= sentence.start + cue.end()]
        if following and following[0].mention.start - (sentence.start + cue.end()) <= 1 and following[0].top in ALLOWED["locatedIn"][1]:
            place = following[0].entity
        elif after.startswith(_HERE) and last_place is not None:
            place = last_place.entity
        elif focus is not None and not following or (following and following[0].top not in ALLOWED["locatedIn"][1]):
            place = focus
        if place is None:
            continue
        for subject in subjects:
            if subject.entity.key != place.key:
                yield _relation(subject.entity, "locatedIn", place, sentence, "settle")


_BRING_IN = re.compile("引进|引入|招引|吸引")


def _brought_in(sentence: Sentence, items: list[_Item], focus: Entity | None) -> Iterator[Relation]:
    """沂南县先后引进…的长江食品、…: what a place brings in settles there."""
    for cue in _BRING_IN.finditer(sentence.text):
        at = sentence.start + cue.start()
        clause_start = sentence.start + max(
            (m.end() for m in re.finditer(r"[,，;；:：]", sentence.text[: cue.start()])), default=0
        )
        places = [it for it in items if clause_start <= it.mention.start < at and it.top in {"Region", "Park"}]
        place = places[-1].entity if places else focus
        if place is None:
            continue
        clause_end = sentence.start + next(
            (m.start() + cue.end() for m in re.finditer(r"[,，;；:：。]", sentence.text[cue.end() :])), len(sentence.text)
        )
        for item in items:
            if at < item.mention.start < clause_end and item.top == "Company":
                yield _relation(item.entity, "locatedIn", place, sentence, "bring-in")


def _adjacent(sentence: Sentence, items: list[_Item]) -> Iterator[Relation]:
    """黄集镇蔬菜批发市场, 老城镇上洲村: a place written right before another thing holds it."""
    for outer, inner in zip(items, items[1:]):
        if outer.top != "Region" or inner.mention.start != outer.mention.end:
            continue
        if inner.top == "Region" and inner.entity.type in {"Subdistrict", "Community"}:
            yield _relation(inner.entity, "partOf", outer.entity, sentence, "adjacent")
        elif inner.top in {"Park", "Facility", "Company", "Project"}:
            yield _relation(inner.entity, "locatedIn", outer.entity, sentence, "adjacent")


# ---------------------------------------------------------------- implements


def _implements(sentence: Sentence, items: list[_Item], focus: Entity | None, lexicon: Lexicon) -> Iterator[Relation]:
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
        subject = (
            _builder_after(sentence, items[i + 1 :], item, cues)
            or _opening_subject(sentence, items[:i])
            or _cue_subject(sentence, items[:i], item, cues)
        )
        subject = subject or focus
        if subject is not None:
            yield _relation(subject, "implements", item.entity, sentence, "implement")


_NOT_RUN = re.compile("学习|借鉴|运用|用好|反对|纠治|防止|杜绝")


def _clause_before(sentence: Sentence, offset: int) -> str:
    text = _between(sentence, sentence.start, offset)
    return text[max((m.end() for m in re.finditer(r"[,，;；。:：]", text)), default=0) :]


def _builder_after(sentence: Sentence, after: list[_Item], item: _Item, cues: tuple[str, ...]) -> Entity | None:
    """该项目由恒达医药股份有限公司投资建设: the builder named after 由."""
    for candidate in after:
        gap = _between(sentence, item.mention.end, candidate.mention.start)
        if _PUNCT.search(gap) or len(gap) > 12:
            return None
        if candidate.top in ALLOWED["implements"][0] and gap.endswith("由"):
            rest = _between(sentence, candidate.mention.end, candidate.mention.end + 8)
            if any(rest.lstrip("负责牵头组织投资出资").startswith(cue) or rest.startswith(cue) for cue in cues):
                return candidate.entity
    return None


def _opening_subject(sentence: Sentence, before: list[_Item]) -> Entity | None:
    if before and before[0].mention.start == sentence.start and before[0].top in ALLOWED["implements"][0]:
        return before[0].entity
    return None


def _cue_subject(sentence: Sentence, before: list[_Item], item: _Item, cues: tuple[str, ...]) -> Entity | None:
    clause_start = sentence.start + max(
        (m.end() for m in re.finditer(r"[,，;；。:：]", _between(sentence, sentence.start, item.mention.start))), default=0
    )
    for candidate in reversed(before):
        if candidate.mention.start < clause_start:
            break
        if candidate.top not in ALLOWED["implements"][0]:
            continue
        after = _between(sentence, candidate.mention.end, min(candidate.mention.end + 6, item.mention.start))
        if any(after.lstrip("还也已将正在积极大力全面率先").startswith(cue) for cue in cues):
            return candidate.entity
    return None


# ---------------------------------------------------------------- memberOf, subOrganizationOf


def _member_of(sentence: Sentence, items: list[_Item]) -> Iterator[Relation]:
    for cue in re.finditer("加入|成为", sentence.text):
        at = sentence.start + cue.start()
        before = [it for it in items if it.mention.end <= at and it.top in {"Company", "Organization"}]
        after = [it for it in items if it.mention.start >= at + len(cue.group()) and it.top == "Organization"]
        if before and after and after[0].entity.type in {"Alliance", "Organization"}:
            if cue.group() == "成为" and "成员" not in sentence.text[cue.end() :]:
                continue
            yield _relation(before[-1].entity, "memberOf", after[0].entity, sentence, "join")


def _parent_cues(sentence: Sentence, items: list[_Item]) -> Iterator[Relation]:
    """``A 下属的 B`` / ``A 旗下 B``: B is a unit of A."""
    for first, second in zip(items, items[1:]):
        if first.top in {"Company", "Organization"} and second.top in {"Company", "Organization"}:
            gap = _between(sentence, first.mention.end, second.mention.start).strip("的")
            if gap in _PARENT_CUES:
                yield _relation(second.entity, "subOrganizationOf", first.entity, sentence, "parent-cue")


def _units(doc: Doc) -> Iterator[Relation]:
    """…有限公司永安分公司 is a unit of …有限公司, where both are named."""
    orgs = [e for e in doc.entities if top_class(e.type) in {"Company", "Organization"}]
    for unit in orgs:
        if not unit.name.endswith(_UNIT_HEADS):
            continue
        parents = [p for p in orgs if p is not unit and unit.name.startswith(p.name) and len(p.name) < len(unit.name)]
        if parents:
            parent = max(parents, key=lambda p: len(p.name))
            sentence = _sentence_of(doc, unit.mentions[0])
            yield _relation(unit, "subOrganizationOf", parent, sentence, "unit-name")


# ---------------------------------------------------------------- defaults


def _sentence_of(doc: Doc, mention: Mention) -> Sentence:
    for sentence in doc.sentences:
        if sentence.start <= mention.start < sentence.end:
            return sentence
    return doc.sentences[0]


def _defaults(doc: Doc, focus: Entity | None, found: list[Relation]) -> Iterator[Relation]:
    """Place what the text places nowhere else in the region the text is about."""
    if focus is None:
        return
    placed = {r.subject for r in found if r.predicate in {"locatedIn", "partOf"}}
    for entity in doc.entities:
        if entity.key in placed or entity.key == focus.key:
            continue
        sentence = _sentence_of(doc, entity.mentions[0])
        if entity.type in {"Park", "Facility", "Project"}:
            yield _relation(entity, "locatedIn", _home_region(doc, entity, focus), sentence, "focus")
        elif entity.type in {"Subdistrict", "Community"} and focus.type in {"District", "City"}:
            yield _relation(entity, "partOf", focus, sentence, "focus")


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
