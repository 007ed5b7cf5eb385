"""The rule data the extractors read: suffixes, posts, cue words, names.

Rules are data (``kg/data/*``), not Python literals; this module loads them
once, together with the authority gazetteer, a private jieba tokenizer taught
the suffixes and posts (so 科技局局长 splits as 科技局 / 局长), and any user
lexicon given to the build.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from kg.errors import LexiconError
from kg.gazetteer import Gazetteer, gazetteer

__all__ = ["Lexicon", "default_lexicon", "read_user_lexicon", "TOP_CLASSES"]

# Top class of every class the extractors assign.
TOP_CLASSES = {
    "Region": "Region",
    "Province": "Region",
    "City": "Region",
    "District": "Region",
    "Subdistrict": "Region",
    "Community": "Region",
    "EconomicRegion": "Region",
    "Country": "Region",
    "Park": "Park",
    "Company": "Company",
    "Organization": "Organization",
    "GovernmentBody": "Organization",
    "EducationalOrganization": "Organization",
    "Alliance": "Organization",
    "Program": "Program",
    "Project": "Project",
    "Facility": "Facility",
    "Person": "Person",
}


def _lines(name: str) -> list[str]:
    text = resources.files("kg").joinpath("data", name).read_text(encoding="utf-8")
    return [line for line in (raw.strip() for raw in text.splitlines()) if line and not line.startswith("#")]


@dataclass(frozen=True)
class Suffix:
    text: str
    type: str
    generic_ok: bool  # the words before it may all be common words
    alone: bool = False  # the suffix is a name by itself (区委)


@dataclass
class Lexicon:
    suffixes: dict[str, Suffix]
    titles: frozenset[str]
    roles: frozenset[str]
    speech_verbs: frozenset[str]
    left_boundaries: frozenset[str]
    name_verbs: frozenset[str]
    cues: dict[str, tuple[str, str]]  # cue → (predicate, role)
    surnames: frozenset[str]
    gazetteer: Gazetteer
    user_names: dict[str, str] = field(default_factory=dict)  # name → class

    @functools.cached_property
    def suffix_lengths(self) -> list[int]:
        return sorted({len(s) for s in self.suffixes}, reverse=True)

    @functools.cached_property
    def tokenizer(self):
        """A jieba POS tokenizer of our own, so the global one is left alone."""
        import jieba
        import jieba.posseg

        jieba.setLogLevel(logging.WARNING)
        base = jieba.Tokenizer()
        base.initialize()
        for word in list(self.suffixes) + sorted(self.titles):
            base.add_word(word, freq=max(base.FREQ.get(word, 0), 2000), tag="n")
        for name, cls in sorted(self.user_names.items()):
            base.add_word(name, freq=5000, tag="nz")
        return jieba.posseg.POSTokenizer(base)

    def word_frequency(self, word: str) -> int:
        return self.tokenizer.tokenizer.FREQ.get(word, 0)

    def with_user_names(self, names: dict[str, str]) -> Lexicon:
        merged = dict(self.user_names)
        merged.update(names)
        return Lexicon(
            self.suffixes, self.titles, self.roles, self.speech_verbs, self.left_boundaries, self.name_verbs,
            self.cues, self.surnames, self.gazetteer, merged,
        )


@functools.lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    suffixes = {}
    for line in _lines("suffixes.tsv"):
        text, cls, generic = line.split("\t")
        suffixes[text] = Suffix(text, cls, generic in ("yes", "alone"), generic == "alone")
    cues = {}
    for line in _lines("cues.tsv"):
        cue, predicate, role = line.split("\t")
        cues[cue] = (predicate, role)
    surnames = frozenset(word for line in _lines("surnames.txt") for word in line.split())
    return Lexicon(
        suffixes=suffixes,
        titles=frozenset(_lines("titles.txt")),
        roles=frozenset(_lines("roles.txt")),
        speech_verbs=frozenset(_lines("speech_verbs.txt")),
        left_boundaries=frozenset(_lines("left_boundaries.txt")),
        name_verbs=frozenset(_lines("name_verbs.txt")),
        cues=cues,
        surnames=surnames,
        gazetteer=gazetteer(),
    )


_TYPE_ALIASES = {cls.lower(): cls for cls in TOP_CLASSES}
_JIEBA_TAGS = {"ns": "Region", "nt": "Organization", "nr": "Person", "nz": None}


def read_user_lexicon(paths: Iterable[str | Path]) -> dict[str, str]:
    """Names and classes from user lexicon files.

    Two forms are read, line by line: ``name<TAB>Class`` (Class one of the
    ontology's classes, e.g. ``Company`` or ``District``), and jieba's user
    dictionary form ``name [freq] [tag]`` where tag ns/nt/nr maps to
    Region/Organization/Person. Blank lines and ``#`` comments are skipped.
    """
    names: dict[str, str] = {}
    for path in paths:
        path = Path(path)
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise LexiconError(f"{path}: cannot read lexicon ({exc})") from exc
        for number, raw in enumerate(text.splitlines(), 1):
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            if "\t" in line:
                name, cls = (part.strip() for part in line.split("\t")[:2])
                resolved = _TYPE_ALIASES.get(cls.lower())
            else:
                parts = line.split()
                name, tag = parts[0], parts[-1] if len(parts) > 1 and not parts[-1].isdigit() else ""
                resolved = _JIEBA_TAGS.get(tag) if tag else None
                if resolved is None and tag not in _JIEBA_TAGS:
                    resolved = _TYPE_ALIASES.get(tag.lower())
            if not resolved:
                raise LexiconError(
                    f"{path}:{number}: cannot tell the class of {line!r}; write 'name<TAB>Class' "
                    f"with Class one of {', '.join(sorted(TOP_CLASSES))}"
                )
            names[name] = resolved
    return names
