"""Defaults, once every sentence is read: parks, facilities and projects that the text
places nowhere else are placed in the focus region (or the park the text is about),
subdistricts and communities are made part of it (or of the town the text is about),
and what is named after a village (南插村…) is in it, or run by it.
"""

from __future__ import annotations

from collections.abc import Iterator

from kg.relations.common import _FOCUS_IMPLEMENTS, _relation, _sentence_of
from kg.resolve import top_class
from kg.types import Doc, Entity, Relation


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
