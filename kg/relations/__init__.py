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

This module runs the rules in order (``find``) and then sifts what they found;
each family's rules live in a module of their own: ``works_for``, ``located_in``,
``implements``, ``membership`` (memberOf, subOrganizationOf) and ``defaults``,
with the helpers they share in ``common``.
"""

from __future__ import annotations

import dataclasses

from kg.lexicon import Lexicon, default_lexicon
from kg.relations.common import (
    _FOCUS_IMPLEMENTS, ALLOWED, _between, _calls_itself, _Item, _park_words, _references, _unnamed,
)
from kg.relations.defaults import _defaults, _named_for_village
from kg.relations.implements import _carried_subject, _chosen_to_run, _implements, _led_by, _named_for_company, _signed, _task_units
from kg.relations.located_in import (
    _address_line, _adjacent, _among_settled, _brought_in, _brought_in_by, _built_at, _built_by_park_body,
    _built_by_place, _built_inside, _built_where_settled, _inside_park, _inside_town, _lies_in, _listed_under_place, _located_at, _opened_at,
    _settled, _settled_list, _sited, _spans, _still_there,
)
from kg.relations.membership import (
    _entry_role, _formed_from, _founded, _main_company, _record_fields, _record_of, _member_of, _member_unit, _members_listed, _parent_cues, _place_units,
    _serves_as, _set_up_at, _set_up_by, _sets_up_under, _subsidiary_named, _unit_of, _units, _units_listed,
)
from kg.relations.works_for import (
    _SECTION_HEADING, _TEAM_HEADING, _appointed, _contact_line, _elected, _head_line, _headed_by, _holds_post,
    _post_held_by, _post_in_brackets, _posts_listed, _roster_row, _team_listed, _team_section, _works_for,
)
from kg.resolve import focus_park, focus_region, top_class
from kg.types import Doc, Entity, Relation, Sentence

__all__ = ["find", "focus_region", "ALLOWED"]


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
    record: Entity | None = None  # 1．A重点实验室。依托单位：B；…: the record the field lines are about
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
        found.extend(_chosen_to_run(sentence, items))
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
        found.extend(_listed_under_place(sentence, items))
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
        found.extend(_entry_role(sentence, items, calls_itself.get("公司") or main))
        record = _record_of(sentence, items, record)
        found.extend(_record_fields(sentence, items, record))
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
        found.extend(_elected(sentence, items, lexicon, named))
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
