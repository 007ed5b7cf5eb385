"""worksFor: an organisation, a post and a name in a row (区科技局局长孟庆礼), an
appointment (任命X为<body><post>), a working body 由X任<post>, a second post named
by its body's kind alone (A党工委书记、管委会主任X), a person's list of posts
(X同时担任A副主席、B会长; X有很多身份：…), and the posts of lines, rosters and
team sections (联系人：X; 副总指挥：A; 五、主要管理人员).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kg.lexicon import Lexicon, _lines
from kg.mentions import ROSTER_ROW
from kg.relations.common import _AFTER_NAME, _ENUMERATOR, _PUNCT, _between, _clause_end, _Item, _post_after, _relation
from kg.types import Entity, Mention, Relation, Sentence


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


def _employer_before(items: list[_Item], i: int) -> _Item | None:
    """The organisation just before a person, skipping a place written between (沃尔玛超市湖北…)."""
    k = i - 1
    while k >= 0 and items[k].top in {"Region", "Park"}:
        k -= 1
    if k >= 0 and items[k].top in {"Organization", "Company"}:
        return items[k]
    return None


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


_TEAM_HEADING = re.compile(r"^[一二三四五六七八九十\d]+[、.．]\s*(?:公司)?(?:主要|现任)?(?:管理人员|管理层|高级管理人员|领导班子|高管团队|经营班子|董事、监事和高级管理人员)(?:及[^，,。]{0,8})?$")
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


def _elected(sentence: Sentence, items: list[_Item], lexicon: Lexicon, named: list[_Item] = ()) -> Iterator[Relation]:
    """A董事长X当选联盟理事长，B总经理Y、C董事长Z当选副理事长: each holds the post in the body
    written after 当选 (or, with none written, in the one the last 当选 named, or else in the
    association named last before the sentence: X当选会长, 秘书长由Y担任)."""
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
        elif body is None:
            body = _association_before(sentence, named)
        post = re.match(r"[^,，;；。、]+", _between(sentence, at, sentence.end))
        if body is None or post is None or not _is_post(post.group(), lexicon):
            waiting = []
            continue
        for each in (*waiting, person):
            if _between(sentence, each.mention.end, each.mention.end + 1) in ("、", "") or each is person:
                yield _relation(each.entity, "worksFor", body, sentence, "elected", post.group())
        waiting = []
    if "当选" in sentence.text:
        yield from _post_held_by_named(sentence, items, lexicon, body or _association_before(sentence, named))


def _association_before(sentence: Sentence, named: list[_Item]) -> Entity | None:
    return next((it.entity for it in reversed(named) if it.mention.end <= sentence.start and it.entity.type == "Alliance"), None)


_HELD_BY = re.compile(r"(?:^|[,，;；])(?P<post>[\u4e00-\u9fff]{2,5})由$")


def _post_held_by_named(sentence: Sentence, items: list[_Item], lexicon: Lexicon, body: Entity | None) -> Iterator[Relation]:
    """…，秘书长由Y担任: Y holds the post in the body the sentence is about."""
    for person in items:
        if person.top != "Person" or body is None:
            continue
        held = _HELD_BY.search(_between(sentence, sentence.start, person.mention.start))
        if held and _between(sentence, person.mention.end, person.mention.end + 2) in ("担任", "兼任") and _is_post(held.group("post"), lexicon):
            yield _relation(person.entity, "worksFor", body, sentence, "elected", held.group("post"))


_HEAD_LINE = re.compile(r"^(?:负责人|联系人|总经理|经理|站长|主任|院长|所长|行长|理事长|会长)[:：]\s*$")


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
