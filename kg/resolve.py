"""Stage: group mentions into entities, one per real thing; and merge across documents.

Within a document, mentions with the same name are one entity, and so are
short and full forms: 泉山 / 泉山区 (from the division data or by taking a
region's head word off), 苏北 / 苏北地区, 惠民包 / 双+惠民包, 泉房物业 /
泉房物业服务有限公司. The entity's name is its fullest form in the text.
Across documents, entities with the same key are one node.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter, defaultdict
from collections.abc import Iterable

from kg.gazetteer import Division
from kg.lexicon import TOP_CLASSES, Lexicon, default_lexicon
from kg.mentions import abbreviations, clean_name
from kg.types import Corpus, Doc, Entity, Mention

__all__ = ["resolve", "merge", "division_of", "top_class", "focus_region", "focus_park", "PARK_WORDS"]

_REGION_HEADS = ("特别行政区", "自治区", "自治州", "自治县", "地区", "省", "市", "区", "县", "旗", "盟")
_COMPANY_FORMS = ("股份有限公司", "有限责任公司", "有限公司", "集团有限公司", "集团", "公司")
_REGISTERED_FORMS = _COMPANY_FORMS[:3]  # what only a registered firm's name ends with
# A name ending in one of these is a unit of the thing it starts with, not another name for it.
_UNIT_HEADS = ("分公司", "子公司", "分行", "支行", "分院", "分会", "分局", "办事处", "分中心")


def top_class(cls: str) -> str:
    return TOP_CLASSES.get(cls, cls)


def division_of(name: str, lexicon: Lexicon, context: Iterable[str]) -> Division | None:
    """The division a region name refers to, using other places in the text to choose."""
    candidates = lexicon.gazetteer.lookup(name) or lexicon.gazetteer.towns.get(name, [])
    if not candidates:
        return None
    if len(candidates) == 1:
        return candidates[0]
    seen = set(context)

    def support(division: Division) -> int:
        # a county named like its city (新乡县 in 新乡市) gets no support from that name
        parents = {division.province, division.city, division.county} - {None}
        return sum(1 for parent in parents if _short(parent) != name and (parent in seen or _short(parent) in seen))

    # ties go to the higher level: 新乡 is the city more often than the county
    best = max(candidates, key=lambda d: (support(d), -d.level))
    if support(best) > 0 or len({d.level for d in candidates}) > 1 and sum(d.level == best.level for d in candidates) == 1:
        return best
    return None


def _short(name: str | None) -> str | None:
    if not name:
        return None
    for head in _REGION_HEADS:
        if name.endswith(head) and len(name) - len(head) >= 2:
            return name[: -len(head)]
    return name


def resolve(doc: Doc, lexicon: Lexicon | None = None) -> Doc:
    """Group ``doc.mentions`` into ``doc.entities``."""
    lexicon = lexicon or default_lexicon()
    names_in_text = {m.name for m in doc.mentions}
    mentions = [m for m in doc.mentions if _keep(m, names_in_text, doc.text, lexicon)]
    short_names = abbreviations(doc.text, mentions)
    groups: dict[tuple[str, str], list[Mention]] = defaultdict(list)
    for index, mention in enumerate(mentions):
        named = short_names.get(mention.name)
        if named is not None:
            # 恒晟精密 was introduced as the short name of 苏州恒晟精密机械有限公司: it is
            # that thing, of its type, whatever its own head says (华岳研究院 for …研究院有限公司)
            mention = mentions[index] = dataclasses.replace(mention, type=named.type)
            groups[_identity(named, names_in_text, lexicon)].append(mention)
        else:
            groups[_identity(mention, names_in_text, lexicon)].append(mention)
    groups = _merge_forms(groups, lexicon)
    entities = [_entity(identity, group, names_in_text, lexicon) for identity, group in groups.items()]
    entities = _with_place_qualified_names(entities, mentions, doc.text)
    entities = _units_named_after_their_body(entities, lexicon)
    entities.sort(key=lambda e: (e.mentions[0].start, e.key))
    doc = dataclasses.replace(doc, mentions=tuple(mentions), entities=tuple(entities))
    return dataclasses.replace(doc, entities=tuple(_qualify_relative(doc.entities, focus_region(doc))))


_LEVEL_PREFIXES = ("街道", "省", "市", "区", "县", "镇", "乡")
# Things a text may name with the place they are in written before them.
_PLACE_QUALIFIED = frozenset({"Park", "Facility", "Project", "Company", "Organization"})


def _units_named_after_their_body(entities: list[Entity], lexicon: Lexicon) -> list[Entity]:
    """黔北理工学院机械工程学院 is the 机械工程学院 the text also names alone: a unit
    written after its body's name has its own name too, and they are one thing."""
    bodies = {n for e in entities if top_class(e.type) in {"Organization", "Company"} for n in (e.name, *e.aliases)}
    by_name = {e.name: e for e in entities}
    merged_into: dict[str, str] = {}
    for entity in sorted(entities, key=lambda e: -len(e.name)):
        if top_class(entity.type) != "Organization" or entity.name in merged_into:
            continue
        body = max((b for b in bodies if entity.name.startswith(b) and b != entity.name), key=len, default=None)
        unit = entity.name[len(body) :] if body else ""
        if len(unit) < 3 or not any(unit.endswith(suffix) for suffix in lexicon.suffixes) or unit in bodies - set(by_name):
            continue
        alone = by_name.get(unit)
        if alone is not None and top_class(alone.type) == "Organization" and alone is not entity:
            by_name[entity.name] = _combine(by_name[entity.name], alone)
            merged_into[unit] = entity.name
        else:
            by_name[entity.name] = dataclasses.replace(entity, aliases=tuple(sorted({*entity.aliases, unit})))
    return [by_name[e.name] for e in entities if e.name not in merged_into]


def _with_place_qualified_names(entities: list[Entity], mentions: list[Mention], text: str) -> list[Entity]:
    """走马镇茶叶交易市场项目 is a name too: the mention finder cuts a place written
    right before a project, park or facility off its name (it is where the thing is),
    but the whole phrase is another form of the thing's name."""
    region_at_end = {m.end: m for m in mentions if top_class(m.type) == "Region"}
    qualified = []
    for entity in entities:
        extra = {
            clean_name(text[region_at_end[m.start].start : m.end])
            for m in entity.mentions
            if m.start in region_at_end and top_class(entity.type) in _PLACE_QUALIFIED
        }
        names = (set(entity.aliases) | extra) - {entity.name}
        qualified.append(dataclasses.replace(entity, aliases=tuple(sorted(names))) if extra else entity)
    return qualified


def _qualify_relative(entities: tuple[Entity, ...], focus: Entity | None) -> list[Entity]:
    """区委 or 县科技局 mean the body of a place of that level the text is about
    (区委 → the district, 市政府 → the city): where the text also writes it in
    full (襄州区委) they are one entity, and otherwise their keys name that
    place (泉山区_区委), so two documents' 区委 stay apart."""
    by_name = {n: e for e in entities if top_class(e.type) == "Organization" for n in (e.name, *e.aliases)}
    regions = [e for e in entities if top_class(e.type) == "Region"]
    merged: dict[str, Entity] = {}
    for entity in entities:
        place = _place_of_level(entity, regions, focus) if top_class(entity.type) == "Organization" else None
        if place is None:
            merged.setdefault(entity.key, entity)
            continue
        body = entity.name[len(_level_of(entity.name)) :]
        forms = [prefix + n + body for n in (place.name, place.key, *place.aliases) for prefix in ("", "中共")]
        full = next((by_name[f] for f in forms if f in by_name), None)
        if full is not None and full is not entity:
            current = merged.get(full.key, full)
            merged[full.key] = dataclasses.replace(
                current,
                aliases=tuple(sorted(set(current.aliases) | {entity.name})),
                mentions=tuple(sorted(current.mentions + entity.mentions, key=lambda m: m.start)),
            )
        else:
            key = f"{place.key}_{entity.key}"
            merged.setdefault(key, dataclasses.replace(entity, key=key))
    return sorted(merged.values(), key=lambda e: (e.mentions[0].start, e.key))


def _level_of(name: str) -> str | None:
    """The level a relative body's name starts with: 区 in 区委, 街道 in 街道党工委."""
    level = next((p for p in _LEVEL_PREFIXES if name.startswith(p)), None)
    return level if level is not None and len(name) > len(level) else None


def _place_of_level(entity: Entity, regions: list[Entity], focus: Entity | None) -> Entity | None:
    """The place a relative name such as 区委 belongs to: the focus region if it is
    of that level, else the most mentioned region of that level in the text."""
    level = _level_of(entity.name)
    if level is None:
        return None
    if focus is not None and focus.key.endswith(level):
        return focus
    same_level = [r for r in regions if r.key.endswith(level) and r.type != "Country"]
    if not same_level:
        return focus
    return max(same_level, key=lambda r: (len(r.mentions), -r.mentions[0].start))


def focus_region(doc: Doc) -> Entity | None:
    """The region the document is about: the most mentioned county, city or province."""
    levels = {"District": 3, "City": 2, "Province": 1}
    candidates = [e for e in doc.entities if e.type in levels]
    if not candidates:
        candidates = [e for e in doc.entities if top_class(e.type) == "Region" and e.type != "Country"]
    if not candidates:
        return None
    titled = [e for e in candidates if doc.sentences and e.mentions[0].start < doc.sentences[0].end]
    if titled and len(doc.sentences) > 1:
        candidates = titled  # the headline says what the text is about
    return max(candidates, key=lambda e: (len(e.mentions), levels.get(e.type, 0), -e.mentions[0].start))


# Words a text uses for a park it has named: 园区, 产业园, 高新区 (in 园区新入驻企业14家).
PARK_WORDS = re.compile("园区|产业园|科学园|工业园|软件园|科技园|高新区|开发区|经开区")


def focus_park(doc: Doc, focus: Entity | None = None) -> Entity | None:
    """The park the document is about, if it is about one.

    A report on a park names it in its title or lead and then mostly calls it
    园区 / 产业园 / 高新区; a report on a district names parks in passing and
    names the district far more. So: the park named first, within the first two
    sentences, whose mentions plus the bare park words outnumber the mentions
    of the focus region.
    """
    parks = [e for e in doc.entities if top_class(e.type) == "Park"]
    if not parks or not doc.sentences:
        return None
    lead_end = doc.sentences[min(1, len(doc.sentences) - 1)].end
    park = min(parks, key=lambda e: (e.mentions[0].start, e.key))
    if park.mentions[0].start >= lead_end:
        return None
    spans = [(m.start, m.end) for m in doc.mentions]
    bare = sum(1 for w in PARK_WORDS.finditer(doc.text) if not any(s <= w.start() < e for s, e in spans))
    named = sum(1 for m in (focus.mentions if focus else ()) if m.rule != "inner")
    return park if len(park.mentions) + bare > max(named, 2) else None


def _keep(mention: Mention, names_in_text: set[str], text: str, lexicon: Lexicon) -> bool:
    """Short division names need support from the text (a parent place, or the full form)."""
    if mention.rule != "division":
        return True
    gaz = lexicon.gazetteer
    if mention.name in gaz.by_name or mention.name in gaz.world or mention.name in gaz.towns:
        return True
    if mention.type in {"Country", "City"} and not gaz.lookup(mention.name):
        return True  # 蒙古国, 莫斯科: places abroad
    divisions = gaz.by_short.get(mention.name, [])
    if any(d.level <= 2 for d in divisions):
        return True
    for division in divisions:
        if division.name in text:
            return True
        for parent in (division.city, division.province):
            if parent and (parent in text or (_short(parent) or parent) in text):
                return True
    return False


def _identity(mention: Mention, names_in_text: set[str], lexicon: Lexicon) -> tuple[str, str]:
    top = top_class(mention.type)
    if top == "Region":
        division = division_of(mention.name, lexicon, names_in_text)
        if division is not None and division.code:
            return ("division", division.code)
        return (top, _short(mention.name) if mention.type != "Community" else mention.name)
    if top == "Organization":
        # 河南省人民政府 / 河南省政府, 中共吉林省委 / 吉林省委: one body, two spellings
        return (top, mention.name.removeprefix("中共").replace("人民政府", "政府"))
    return (top, mention.name)


def _merge_forms(groups: dict[tuple[str, str], list[Mention]], lexicon: Lexicon) -> dict[tuple[str, str], list[Mention]]:
    """Merge groups whose names are another form of the same name."""
    keys = sorted(groups, key=lambda k: -max(len(m.name) for m in groups[k]))
    target: dict[tuple[str, str], tuple[str, str]] = {}
    for short_key in keys:
        short_names = {m.name for m in groups[short_key]}
        for long_key in keys:
            if long_key == short_key or long_key[0] != short_key[0] or long_key in target:
                continue
            long_names = {m.name for m in groups[long_key]}
            if _registered(short_names) and _registered(long_names):
                continue  # 广东榄丰电器…有限公司 (榄丰电器) and its 江门榄丰电器有限公司: two registered names, two firms
            if any(_same_thing(s, l, short_key[0], lexicon) for s in short_names for l in long_names):
                target[short_key] = long_key
                break
    for short_key in keys:
        if short_key[0] != "Company" or short_key in target:
            continue
        short_names = {m.name for m in groups[short_key]}
        if _registered(short_names):
            continue
        fuller = [k for k in keys if k != short_key and k[0] == "Company" and k not in target
                  and any(_abbreviates(s, m.name) for s in short_names for m in groups[k])]
        if len(fuller) == 1:  # 文旅集团 fits one company's name only, or it is no one's short form
            target[short_key] = fuller[0]
    merged: dict[tuple[str, str], list[Mention]] = defaultdict(list)
    for key, group in groups.items():
        root = key
        while root in target:
            root = target[root]
        merged[root].extend(group)
    return dict(merged)


def _registered(names: set[str]) -> bool:
    return any(name.endswith(_REGISTERED_FORMS) for name in names)


def _same_thing(short: str, long: str, top: str, lexicon: Lexicon) -> bool:
    if len(short) >= len(long) or len(short) < 2:
        return False
    if long.endswith(_UNIT_HEADS):
        return False
    if top == "Park" and _park_short_form(long) in {short, _park_short_form(short)} - {None}:
        return True  # 赭麓高新区 is 芜湖赭麓高新技术产业开发区
    if top in {"Company", "Organization", "Park", "Facility", "Project"}:
        # 汾晋医院 is 山西省汾晋医院, 鼎岳新材料 is 湖南鼎岳新材料股份有限公司: the name without its place
        place = _leading_place(long, lexicon)
        if place and len(long) - len(place) >= 3 and (short == long[len(place):] or top in {"Company", "Park"} and _same_thing(short, long[len(place):], top, lexicon)):
            return True
    if top == "Organization" and _committee_short_form(long).endswith(_committee_short_form(short)) and short.endswith(_ZONE_BODIES):
        return True  # 综保区管委会 is 阳江滨海综合保税区管理委员会: a zone's committee by its short name
    if top == "Program":
        # 惠民包 is 双+惠民包; 提质行动 is not 跨境电商综试区提质行动
        return long.endswith(short) and len(short) >= 3 and len(long) - len(short) <= 3
    if top == "Project":
        # 核电大型锻件智能化产线项目 is 龙锻+核电大型锻件智能化产线项目: the project without its firm's name
        return long.endswith(short) and len(short) >= 6 and len(long) - len(short) <= 4
    if top == "Person":
        # 李成 / 李成刚: jieba cut a three-character name short somewhere in the text
        return len(short) == 2 and len(long) == 3 and long.startswith(short)
    if top == "Company":
        return long.startswith(short) and long.endswith(_COMPANY_FORMS) and not short.endswith(_COMPANY_FORMS)
    return False


def _abbreviates(short: str, long: str) -> bool:
    """果联电商 / 延安果联电子商务有限公司, 蓝鲸重工 / 烟台蓝鲸船舶重工有限公司: a company's
    short form keeps its brand (two characters in a row) and then some of the
    characters after it, in order, without saying 有限公司; or it is its place and 子公司."""
    if len(short) < 4 or len(short) >= len(long) or not long.endswith(_COMPANY_FORMS) or short.endswith(_REGISTERED_FORMS) \
            or long.endswith(_UNIT_HEADS):
        return False
    if short.endswith("子公司"):
        return long.startswith(short[:-3])  # 泸州子公司 / 泸州川岷精密铸造有限公司: the subsidiary named by its place
    at = long.find(short[:2])
    if at < 0:
        return False
    rest = iter(long[at + 2 :])
    return all(char in rest for char in short[2:])


_ZONE_BODIES = ("管委会", "党工委", "管理委员会")
_COMMITTEE_SHORT_FORMS = {"管理委员会": "管委会", "综合保税区": "综保区", "高新技术产业开发区": "高新区", "经济技术开发区": "经开区", "经济开发区": "经开区"}


def _committee_short_form(name: str) -> str:
    for full, short in _COMMITTEE_SHORT_FORMS.items():
        name = name.replace(full, short)
    return name


# The usual short forms of a development zone's kind.
_PARK_SHORT_FORMS = {"高新技术产业开发区": "高新区", "经济技术开发区": "经开区", "经济开发区": "经开区"}


def _park_short_form(name: str) -> str | None:
    """赭麓高新技术产业开发区 → 赭麓高新区; the name itself if it is short already."""
    for full, short in _PARK_SHORT_FORMS.items():
        if name.endswith(full):
            return name[: -len(full)] + short
    return None


def _leading_place(name: str, lexicon: Lexicon) -> str | None:
    """The longest place from the division or world data that ``name`` starts with (山西省 in 山西省汾晋医院, 中国 in 中国平煤神马)."""
    gaz = lexicon.gazetteer
    for end in range(min(len(name) - 1, 9), 1, -1):
        if gaz.lookup(name[:end]) or name[:end] in gaz.towns or name[:end] in gaz.world or name[:end] == "中国" \
                or end >= 4 and name[:end].endswith("街道"):  # a subdistrict the data lacks (newer ones)
            return name[:end]
    return None


def _entity(identity: tuple[str, str], group: list[Mention], names_in_text: set[str], lexicon: Lexicon) -> Entity:
    group.sort(key=lambda m: (m.start, m.end))
    names = Counter(m.name for m in group)
    name = max(names, key=lambda n: (len(n), names[n], n))
    cls = _most_specific(group)
    division = None
    if identity[0] == "division":
        division = division_of(name, lexicon, names_in_text) or division_of(group[0].name, lexicon, names_in_text)
    key = name
    province = city = code = None
    if division is not None:
        cls = division.type
        key, code, province, city = division.name, division.code, division.province, division.city
    aliases = tuple(sorted(n for n in names if n != name))
    return Entity(key=key, type=cls, name=name, aliases=aliases, mentions=tuple(group),
                  division_code=code, province=province, city=city)


_RULE_WEIGHT = {"lexicon": 10, "quote": 4, "suffix": 3, "cue": 3, "division": 3, "region": 2, "person": 2, "inner": 2, "enumeration": 1, "model": 1}


def _most_specific(group: list[Mention]) -> str:
    votes: Counter[str] = Counter()
    for mention in group:
        votes[mention.type] += _RULE_WEIGHT.get(mention.rule, 1)
    return max(votes, key=lambda c: (votes[c], c))


def merge(docs: Iterable[Doc]) -> Corpus:
    """One node per entity key across documents (same name, same class)."""
    docs = tuple(docs)
    by_key: dict[str, Entity] = {}
    renamed: dict[tuple[int, str], str] = {}
    for index, doc in enumerate(docs):
        for entity in doc.entities:
            key = entity.key
            existing = by_key.get(key)
            if existing is not None and top_class(existing.type) != top_class(entity.type):
                key = f"{entity.key}_{entity.type}"
                renamed[(index, entity.key)] = key
                existing = by_key.get(key)
            if existing is None:
                by_key[key] = dataclasses.replace(entity, key=key)
            else:
                by_key[key] = _combine(existing, entity)
    if renamed:
        docs = tuple(_rename(doc, index, renamed) for index, doc in enumerate(docs))
    return Corpus(docs=docs, entities=dict(sorted(by_key.items())))


def _combine(a: Entity, b: Entity) -> Entity:
    names = {a.name, b.name, *a.aliases, *b.aliases}
    name = max((a.name, b.name), key=lambda n: (len(n), n))
    return dataclasses.replace(
        a,
        name=name,
        aliases=tuple(sorted(names - {name})),
        mentions=a.mentions + b.mentions,
    )


def _rename(doc: Doc, index: int, renamed: dict[tuple[int, str], str]) -> Doc:
    def new(key: str) -> str:
        return renamed.get((index, key), key)

    entities = tuple(dataclasses.replace(e, key=new(e.key)) for e in doc.entities)
    relations = tuple(dataclasses.replace(r, subject=new(r.subject), object=new(r.object)) for r in doc.relations)
    return dataclasses.replace(doc, entities=entities, relations=relations)
