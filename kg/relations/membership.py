"""memberOf: ``X 加入 Y``, X是Y会长单位, the founders and listed members of an alliance;
subOrganizationOf: a unit named after its parent (…有限公司永安分公司), introduced by
下属 / 旗下 / 下设 / 全资子公司, or named by its place alone (贵阳分公司) in a text about
one company, or set up in a place (A在X市Y区设立B: B is A's and is in X and Y).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kg.lexicon import Lexicon
from kg.relations.common import (
    _ADVERBS, _AFTER_NAME, _ENUMERATOR, _IS, _JOINED, _PARENT_CUES, _UNIT_HEADS, ALLOWED, _between, _clause_end, _Item,
    _modifies_next, _places_run, _post_after, _relation, _sentence_of, _topic,
)
from kg.resolve import top_class
from kg.types import Doc, Entity, Relation, Sentence

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
_SET_UP_VERB = re.compile(r"^(?:已|还|则|将|专门|同时|先后|正式|去年|今年|近日|日前|此前|\d{4}年)*(?:在[\u4e00-\u9fff]{1,4})?(?:注册)?"
                          r"(?:全资|控股|独资)?(?:成立|设立|组建)[了的]?"
                          r"(?:(?:全资|控股)?(?:子公司|分公司))?$")  # 设立全资子公司B, 全资设立的B


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
        gap = _AFTER_NAME.sub("", _between(sentence, (place or parent).mention.end, unit.mention.start))  # A（以下简称“a”）全资设立的B
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
_WHEN = re.compile(r"(?:已|还|又|也|并|将|则|拟|计划|专门|同时|先后|此前|去年|今年|近日|日前|近年来|\d{4}年|\d{1,2}月"
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
        # 泸州子公司, a subsidiary named as one, does not count as its own name
        ((sum(not m.text.endswith(_UNIT_HEADS) for m in e.mentions), e)
         for e in doc.entities if top_class(e.type) == "Company" and not e.name.endswith(_UNIT_HEADS)),
        key=lambda pair: -pair[0],
    )
    if not counts or counts[0][0] < _MAIN_COMPANY_MENTIONS or len(counts) > 1 and counts[1][0] * 2 > counts[0][0]:
        return None
    return counts[0][1]


_ROLE_AFTER_ENTRY = re.compile(r"^\s*[:：]\s*(?:全资|控股|全资控股)子公司")
_OWNED_BY = re.compile(r"由$")
_SHARES_AFTER = re.compile(r"^(?:直接|间接)?持股(?:100|[5-9]\d)(?:\.\d+)?%")


def _entry_role(sentence: Sentence, items: list[_Item], owner: Entity | None) -> Iterator[Relation]:
    """1．A有限公司：全资子公司… — a numbered line about a subsidiary: A is the writer's;
    …由B有限公司持股100%… — A is B's, whichever line says so."""
    enumerator = _ENUMERATOR.match(sentence.text)
    opening = sentence.start + (len(enumerator.group()) if enumerator else 0)
    entry = next((it for it in items if it.mention.start == opening and it.top in {"Company", "Organization"}), None)
    if entry is None:
        return
    if owner is not None and _ROLE_AFTER_ENTRY.match(sentence.text[entry.mention.end - sentence.start :]):
        yield _relation(entry.entity, "subOrganizationOf", owner, sentence, "entry-role")
    for it in items:
        if it is not entry and it.top == "Company" and _OWNED_BY.search(_between(sentence, it.mention.start - 1, it.mention.start)) \
                and _SHARES_AFTER.match(sentence.text[it.mention.end - sentence.start :]):
            yield _relation(entry.entity, "subOrganizationOf", it.entity, sentence, "entry-role")


_RECORD_OPENING = re.compile(r"^(?:[(（]?[一二三四五六七八九十\d]+[)）、.．])\s*")
_HOST_FIELD = re.compile(r"^(?:依托单位|依托机构|承担单位|建设单位|主管单位|牵头建设单位)[:：]")
_PLACE_FIELD = re.compile(r"^(?:所在地|所在城市|所在地区|地址|地点|建设地点)[:：]")
_HEAD_FIELD = re.compile(r"^(?P<post>负责人|主任|院长|所长|首席科学家|学术委员会主任)[:：]")


def _record_of(sentence: Sentence, items: list[_Item], record: Entity | None) -> Entity | None:
    """The lab, centre or firm a numbered record is about (1．A重点实验室。依托单位：…),
    carried over the field lines that follow it; any other line ends the record."""
    if any(pattern.match(sentence.text) for pattern in (_HOST_FIELD, _PLACE_FIELD, _HEAD_FIELD)):
        return record
    opening = _RECORD_OPENING.match(sentence.text)
    if opening and items and items[0].mention.start == sentence.start + opening.end() and items[0].top in {"Organization", "Company"}:
        return items[0].entity
    return None


def _record_fields(sentence: Sentence, items: list[_Item], record: Entity | None) -> Iterator[Relation]:
    """依托单位：B / 所在地：C / 负责人：D after a record of A: A is B's, is in C, and D heads it."""
    if record is None:
        return
    if _HOST_FIELD.match(sentence.text):
        for it in items:
            if it.top in {"Organization", "Company"} and it.entity.key != record.key:
                yield _relation(record, "subOrganizationOf", it.entity, sentence, "record-field")
    elif _PLACE_FIELD.match(sentence.text):
        for it in items:
            if it.top in ALLOWED["locatedIn"][1] and it.mention.rule != "inner":
                yield _relation(record, "locatedIn", it.entity, sentence, "record-field")
    elif head := _HEAD_FIELD.match(sentence.text):
        for it in items:
            if it.top == "Person":
                yield _relation(it.entity, "worksFor", record, sentence, "record-field", head.group("post"))
