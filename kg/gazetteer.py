"""Authority data: China's administrative divisions (GB/T 2260) and world places.

Read from the data files jionlp ships (``china_location.txt``, one division a
line, nested by tabs: province, city, county, town, village; the first three
levels carry their division code and short name). The package is located
without importing it, since importing jionlp loads far more than these files.
"""

from __future__ import annotations

import functools
import importlib.util
import zipfile
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Division", "Gazetteer", "gazetteer", "LEVEL_CLASS"]

LEVEL_CLASS = {1: "Province", 2: "City", 3: "District", 4: "Subdistrict"}

# Directly administered municipalities repeat themselves as their own city.
_MUNICIPALITIES = {"北京市", "天津市", "上海市", "重庆市"}
_TOWN_HEADS = ("街道", "镇", "乡")
_ZONE_HEADS = ("开发区", "示范区", "产业园区", "实验区", "新区", "港区", "管理区", "园区", "集聚区", "合作区")


@dataclass(frozen=True)
class Division:
    name: str
    short: str | None
    code: str | None  # GB/T 2260; towns have none in the data
    level: int  # 1 province, 2 city, 3 county/district, 4 town/subdistrict
    province: str | None
    city: str | None
    county: str | None = None

    @property
    def type(self) -> str:
        return LEVEL_CLASS[self.level]

    @property
    def parent_name(self) -> str | None:
        return {1: None, 2: self.province, 3: self.city, 4: self.county}[self.level]


@dataclass
class Gazetteer:
    by_name: dict[str, list[Division]]  # full official names
    by_short: dict[str, list[Division]]  # short forms (泉山 for 泉山区), levels 1–3
    towns: dict[str, list[Division]]  # towns and subdistricts
    world: dict[str, str]  # country or continent name → "Country"
    # Capitals and big cities abroad (东京, 纽约); also common words (汉堡, 万象), so
    # taken only where the statistical model reads the word as a place.
    world_cities: frozenset[str] = frozenset()

    def lookup(self, name: str) -> list[Division]:
        return self.by_name.get(name, []) or self.by_short.get(name, [])


def _jionlp_dictionary() -> Path:
    spec = importlib.util.find_spec("jionlp")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the jionlp package is needed for administrative division data: pip install jionlp")
    return Path(next(iter(spec.submodule_search_locations))) / "dictionary"


def _china_location_lines(folder: Path) -> list[str]:
    """The division list as jionlp ships it: zipped; jionlp unzips it beside the
    zip the first time it is imported, so read whichever is there, never writing."""
    text_file = folder / "china_location.txt"
    if text_file.exists():
        return text_file.read_text(encoding="utf-8").splitlines(keepends=True)
    with zipfile.ZipFile(folder / "china_location.zip") as archive:
        return archive.read("china_location.txt").decode("utf-8").splitlines(keepends=True)


# Other names in use for a division: an autonomous prefecture or county by its
# short name and level (黔南州, 琼中县), and a county by the head it had before or
# after it became a district (湟中县 / 湟中区), which the data may not have caught up with.
_USUAL_HEADS = {(2, "自治州"): ("州",), (3, "自治县"): ("县",), (3, "县"): ("区",), (3, "区"): ("县",)}


def _add_usual_forms(by_name: dict[str, list[Division]]) -> None:
    usual: dict[str, list[Division]] = defaultdict(list)
    for divisions in by_name.values():
        for division in divisions:
            if not division.short or len(division.short) < 2:
                continue
            for (level, head), heads in _USUAL_HEADS.items():
                if division.level == level and division.name.endswith(head) and not division.name.endswith("自治区"):
                    usual.update({division.short + h: usual[division.short + h] + [division] for h in heads})
                    break
    for name, divisions in usual.items():
        if name not in by_name:
            by_name[name] = divisions


@functools.lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    folder = _jionlp_dictionary()
    by_name: dict[str, list[Division]] = defaultdict(list)
    by_short: dict[str, list[Division]] = defaultdict(list)
    towns: dict[str, list[Division]] = defaultdict(list)
    province = city = county = None
    for line in _china_location_lines(folder):
        depth = len(line) - len(line.lstrip("\t"))
        if depth > 3:
            continue  # villages: too many and too ambiguous to match in text
        fields = line.strip().split("\t")
        name = fields[0]
        code = fields[1] if len(fields) > 1 and fields[1] else None
        short = fields[2] if len(fields) > 2 and fields[2] else None
        if depth == 0:
            province, city, county = name, None, None
            division = Division(name, short, code, 1, None, None)
        elif depth == 1:
            city, county = name, None
            if name in _MUNICIPALITIES:
                continue
            division = Division(name, short, code, 2, province, None)
        elif depth == 2:
            county = name
            division = Division(name, short, code, 3, province, city)
        else:
            # only real towns and subdistricts: the data also lists farms,
            # development zones and the like at this level
            if name.endswith(_TOWN_HEADS) and len(name) > 2:
                towns[name].append(Division(name, None, None, 4, province, city, county))
            continue
        by_name[name].append(division)
        # functional zones listed as counties (…示范区, …航空港区) have generic short forms
        if short and len(short) >= 2 and short != name and not name.endswith(_ZONE_HEADS):
            by_short[short].append(division)
    _add_usual_forms(by_name)
    world: dict[str, str] = {}
    cities: set[str] = set()
    with open(folder / "world_location.txt", encoding="utf-8") as handle:
        for line in handle:
            fields = line.rstrip("\n").split("\t")
            if len(fields) == 1 and fields[0].endswith(":"):
                world[fields[0][:-1]] = "Country"  # continent
            elif len(fields) >= 2 and fields[0] != "中国":
                world[fields[0]] = "Country"
                cities.update(fields[2:3] + (fields[3].split("/") if len(fields) > 3 else []))
    return Gazetteer(dict(by_name), dict(by_short), dict(towns), world, frozenset(cities - set(world) - {""}))
