"""locatedIn (and the partOf read along with it): ``在 <place>, …`` puts what follows
in that place; a settling verb (落户, 入驻, 位于, 设在, 横跨) puts what comes before it —
or the topic of the clauses before (A、B等企业…，正式入驻C) — in the place after it;
what is built, opened or sited at a place, what lies inside a park or town, and
each place of a company's address line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kg.lexicon import Lexicon
from kg.relations.common import (
    _ADVERBS, _AFTER_NAME, _HERE, _IS, _JOINED, _PARENT_CUES, _PLACES_AT, _UNIT_HEADS, ALLOWED, _at_before, _between,
    _clause_end, _Item, _modifies_next, _places_run, _relation, _topic,
)
from kg.types import Entity, Relation, Sentence


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


def _still_there(sentence: Sentence, items: list[_Item], place: _Item) -> Iterator[Relation]:
    """在射洪市，A公司…；B公司的生产线…: a company opening the next part is in that place too."""
    if items and items[0].mention.start == sentence.start and items[0].top == "Company":
        yield _relation(items[0].entity, "locatedIn", place.entity, sentence, "at")
_BESIDE = re.compile(r"^(?:旁|附近|对面|周边|隔壁|一侧|东侧|西侧|南侧|北侧|之间)")
# 川岷集团成立于2003年，总部位于宜宾市; A分公司，营业场所位于X区
_SEAT = ("总部", "其总部", "公司总部", "集团总部", "总部均", "营业场所", "住所", "注册地", "注册地址", "办公地点", "办公地址", "注册地及总部", "注册地和总部")
_MOVE_IN = ("落户于", "落户", "入驻", "进驻", "落地", "扎根", "落户到", "入驻到")
_SEATED = ("设在", "设于")  # 研究院设在X大厦; 办公室设在某局 (a body, no place) says nothing
_SETTLE = ("设在", "设于", "落户于", "落户", "入驻", "进驻", "落地", "位于", "坐落于", "扎根", "落户到", "入驻到", "搬迁至", "迁至", "迁入", "搬迁到", "注册于")


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
        subjects = _possessed(sentence, subjects)
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
                gap = _between(sentence, outer.mention.end, inner.mention.start)
                if not (gap == "" or gap in ("内的", "里的") and inner.top in {"Facility", "Park"}) or inner.top not in ALLOWED["locatedIn"][1]:
                    break  # (位于A产业园内的B大厦: in both)
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


def _possessed(sentence: Sentence, subjects: list[_Item]) -> list[_Item]:
    """公司研发中心A位于X: A settles, the company only owns it; A、B和C位于X: all three."""
    if not subjects:
        return subjects
    kept = [subjects[-1]]
    for earlier in reversed(subjects[:-1]):
        if _between(sentence, earlier.mention.end, kept[0].mention.start) not in ("、", "与", "和", "及", "，", ","):
            break
        kept.insert(0, earlier)
    return kept


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
_WHERE_LEAD = ("位于", "坐落于", "坐落在", "注册于")
_SPOT = re.compile(r"^(?:交叉口|交汇处|交界处|之间|附近|一带|路口|旁|内|[东南西北]侧)?的$")


def _located_where(sentence: Sentence, items: list[_Item]) -> Iterator[Relation]:
    """位于滨湖路的金穗大厦 / 位于A路与B路交叉口的P项目: the thing after 的 is at
    each place named between 位于 and 的."""
    for i, first in enumerate(items):
        lead = _between(sentence, first.mention.start - 3, first.mention.start)
        if not lead.endswith(_WHERE_LEAD + ("来自",)) or first.top not in ALLOWED["locatedIn"][1]:  # 来自浙江温州的X
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
                _between(sentence, outer.mention.end, inner.mention.start).rstrip("“\"「") == "的":  # 齐润社区的“齐润长者食堂”
            # 泊头市的X公司, 中北镇的X产业园; 在银川市金凤区的X大厦: each region of the run
            k = items.index(outer)
            while k > 0 and items[k - 1].top == "Region" and items[k - 1].mention.end == items[k].mention.start:
                k -= 1
            run = items[k : items.index(outer) + 1] if _between(sentence, items[k].mention.start - 1, items[k].mention.start) == "在" else [outer]
            for place in run:
                yield _relation(inner.entity, "locatedIn", place.entity, sentence, "adjacent")
        if outer.top != "Region" or inner.mention.start != outer.mention.end:
            continue
        if inner.top == "Region" and (inner.entity.type in {"Subdistrict", "Community"} or inner.mention.rule == "foreign"):
            yield _relation(inner.entity, "partOf", outer.entity, sentence, "adjacent")
        elif inner.top in {"Park", "Facility", "Company", "Project"}:
            yield _relation(inner.entity, "locatedIn", outer.entity, sentence, "adjacent")


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


_LIST_JOINS = re.compile(r"^[、，,；;。\s和及与]*$")


def _listed_under_place(sentence: Sentence, items: list[_Item]) -> Iterator[Relation]:
    """越城区：A公司、B公司； — a list grouped under its place, one line each: every
    company, body or park listed is in the place that heads the line."""
    if not items or items[0].top != "Region" or items[0].mention.start != sentence.start:
        return
    place = items[0]
    listed = items[1:]
    if not listed or _between(sentence, place.mention.end, listed[0].mention.start) not in ("：", ":"):
        return
    if any(it.top not in {"Company", "Organization", "Park"} for it in listed):
        return
    gaps = [_between(sentence, a.mention.end, b.mention.start) for a, b in zip(listed, listed[1:])]
    gaps.append(sentence.text[listed[-1].mention.end - sentence.start :])
    if all(_LIST_JOINS.match(gap) for gap in gaps):
        for it in listed:
            yield _relation(it.entity, "locatedIn", place.entity, sentence, "listed-under")
