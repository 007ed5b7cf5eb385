"""implements: a program or project is run by the subject of its clause, by the body
that leads it (由X牵头实施, 牵头单位：X), by the bodies listed with the subject
(A、B、C决定开展P), by the firm whose own name it opens with (海晟… 项目 of
辽宁海晟重工…), or by the document's focus region when the subject is left out or
is a reference such as 该区 / 全区 (a guess ``find`` drops where the text names who
runs it).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kg.lexicon import Lexicon
from kg.relations.common import (
    _ADVERBS, _AFTER_NAME, _FOCUS_IMPLEMENTS, _JOINED, _PLACES_AT, _PUNCT, _UNIT_HEADS, ALLOWED, _at_before, _between,
    _dateline_source, _distinct, _Item, _modifies_next, _places_run, _post_after, _relation, _sentence_of,
)
from kg.resolve import top_class
from kg.types import Doc, Entity, Relation, Sentence


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


_CHOSEN_AS_RUNNERS = re.compile(r"^(?:首批|第一批|第二批|本批|首轮)?(?:实施|试点|示范|先行)(?:地区|城市|区县|县区|县|市|区|单位)")


def _chosen_to_run(sentence: Sentence, items: list[_Item]) -> Iterator[Relation]:
    """P确定A、B和C为首批实施地区: each place (or body) chosen runs P."""
    for k, programme in enumerate(items):
        if programme.top != "Program" or not _between(sentence, programme.mention.end, programme.mention.end + 2) in ("确定", "选定", "遴选"):
            continue
        chosen = [it for it in items[k + 1 :] if it.mention.start > programme.mention.end]
        run = []
        for it in chosen:
            if it.top not in ALLOWED["implements"][0] or run and _between(sentence, run[-1].mention.end, it.mention.start) not in _JOINED[1:]:
                break
            run.append(it)
        if run and _between(sentence, run[-1].mention.end, run[-1].mention.end + 1) == "为" \
                and _CHOSEN_AS_RUNNERS.match(sentence.text[run[-1].mention.end + 1 - sentence.start :]):
            for it in run:
                yield _relation(it.entity, "implements", programme.entity, sentence, "chosen-to-run")
