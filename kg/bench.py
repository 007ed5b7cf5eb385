"""Score entity extractors on CLUENER2020 sentences (span-level P/R/F1).

CLUENER2020 (Xu et al., arXiv:2001.04351) annotates short news sentences with
ten entity types; four of them map onto ``kg``'s classes:

=============================  =========================================
CLUENER label                  kg classes that match it
=============================  =========================================
``name``                       Person
``company``                    Company
``government``, ``organization``  Organization (and its subclasses)
``address``                    Region, Facility or Park (and subclasses)
=============================  =========================================

A predicted span counts when its ``(start, end, mapped type)`` equals a gold
span exactly (half-open character offsets; CLUENER's ends are inclusive and
are converted on reading). Gold spans of the other six types, and predicted
spans of kg classes with no CLUENER counterpart (Program, Project), are left
out of both sides. Scores are per mapped type and micro-averaged overall.

The benchmark runs the real pipeline (``kg.pipeline.process``) on each
sentence, so it measures what users get; ``score`` takes any span predictor,
which is how the statistical model of ``kg.crf`` is scored on its own.
"""

from __future__ import annotations

import itertools
import json
import logging
import time
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import GoldError
from kg.evaluate import Score
from kg.lexicon import TOP_CLASSES, Lexicon

__all__ = [
    "MAPPED_TYPES",
    "Example",
    "BenchResult",
    "read_examples",
    "parse_examples",
    "map_kg_class",
    "pipeline_predictor",
    "crf_predictor",
    "score",
    "format_result",
]

log = logging.getLogger(__name__)

# CLUENER label -> the benchmark's mapped type.
CLUENER_TO_MAPPED = {
    "name": "Person",
    "company": "Company",
    "government": "Organization",
    "organization": "Organization",
    "address": "Address",
}
MAPPED_TYPES = ("Person", "Company", "Organization", "Address")
# kg top class -> mapped type (a predicted Region, Facility or Park matches a gold address).
_KG_TO_MAPPED = {
    "Person": "Person",
    "Company": "Company",
    "Organization": "Organization",
    "Region": "Address",
    "Facility": "Address",
    "Park": "Address",
}

Span = tuple[int, int, str]  # half-open start, end, mapped type
Predictor = Callable[[str], Iterable[Span]]


@dataclass(frozen=True)
class Example:
    """One CLUENER sentence with its gold spans on the mapped types."""

    text: str
    gold: frozenset[Span]


@dataclass
class BenchResult:
    """Counts per mapped type, with the time the predictor took."""

    scores: dict[str, Score] = field(default_factory=lambda: {t: Score() for t in MAPPED_TYPES})
    sentences: int = 0
    characters: int = 0
    seconds: float = 0.0

    @property
    def micro(self) -> Score:
        total = Score()
        for s in self.scores.values():
            total.add(s)
        return total

    @property
    def sentences_per_second(self) -> float:
        return self.sentences / self.seconds if self.seconds else 0.0


def map_kg_class(cls: str) -> str | None:
    """The mapped type of a kg class (District → Address), or None when CLUENER has none.

    A country is no address: CLUENER's address is "省…市…区…街…号，…路，…街道，…村"
    and its annotators leave countries out (美国 is unmarked in all 37 uses in dev.json).
    """
    if cls == "Country":
        return None
    return _KG_TO_MAPPED.get(TOP_CLASSES.get(cls, cls))


# How fine a place is; an address runs from coarse to fine (北京市 东城区 王府井大街).
_PLACE_LEVELS = {"Province": 1, "City": 2, "District": 3, "Subdistrict": 4}


def _whole_addresses(mentions: Iterable[tuple[int, int, str]]) -> list[Span]:
    """Spans of ``(start, end, kg class)`` mentions, with places written one
    after another from coarse to fine joined as one address (湖北省 + 赤壁市 →
    湖北省赤壁市): CLUENER marks an address whole ("地址需要标记完全"), kg marks
    each place, a node of its own. 上海北京 stays two."""
    joined: list[tuple[int, int, str, int]] = []
    for start, end, cls in sorted(set(mentions)):
        mapped = map_kg_class(cls)
        if mapped is None:
            continue
        level = _PLACE_LEVELS.get(cls, 5)
        last = joined[-1] if joined else None
        if last and mapped == last[2] == "Address" and last[1] == start and level > last[3]:
            joined[-1] = (last[0], end, mapped, level)
        else:
            joined.append((start, end, mapped, level))
    return [(start, end, mapped) for start, end, mapped, _ in joined]


def parse_examples(lines: Iterable[str], source: str = "<lines>") -> list[Example]:
    """Read CLUENER's one-JSON-object-per-line form; raises ``GoldError`` naming the line."""
    examples = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
            text = data["text"]
            spans = set()
            for label, entities in data.get("label", {}).items():
                mapped = CLUENER_TO_MAPPED.get(label)
                for offsets in entities.values():
                    for start, end_inclusive in offsets:
                        if mapped is not None:
                            spans.add((int(start), int(end_inclusive) + 1, mapped))
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise GoldError(
                f"{source}:{number}: not a CLUENER line "
                f'({{"text": …, "label": {{type: {{entity: [[start, end], …]}}}}}}): {exc!r}'
            ) from exc
        if any(not 0 <= s < e <= len(text) for s, e, _ in spans):
            raise GoldError(f"{source}:{number}: a span lies outside the text")
        examples.append(Example(text, frozenset(spans)))
    return examples


def read_examples(path: str | Path, limit: int | None = None) -> list[Example]:
    """The examples of a CLUENER file (the first ``limit`` lines when given)."""
    path = Path(path)
    try:
        with path.open(encoding="utf-8") as handle:
            lines = list(itertools.islice(handle, limit))
    except OSError as exc:
        raise GoldError(f"{path}: cannot read CLUENER file ({exc.strerror or exc})") from exc
    except UnicodeDecodeError as exc:
        raise GoldError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
    return parse_examples(lines, str(path))


def _normalise_in_place(text: str) -> str:
    """NFKC, as ``kg.load`` applies to every document, but only where it keeps the length.

    Full-width commas and digits become ASCII as in a real build, while
    offsets still index the gold annotation.
    """
    out = []
    for ch in text:
        norm = unicodedata.normalize("NFKC", ch)
        out.append(norm if len(norm) == 1 else ch)
    return "".join(out)


def pipeline_predictor(lexicon: Lexicon | None = None) -> Predictor:
    """Spans of the entities ``kg.pipeline.process`` finds in a sentence (what a build keeps).

    Names kg also records inside longer names (北京市 in 北京市消防局) are left
    out: CLUENER annotates the outermost name only.
    """
    from kg.lexicon import default_lexicon
    from kg.pipeline import process
    from kg.types import Document

    lexicon = lexicon or default_lexicon()

    def predict(text: str) -> list[Span]:
        doc = process(Document(id="cluener", path="<cluener>", text=_normalise_in_place(text)), lexicon)
        return _whole_addresses(
            (m.start, m.end, entity.type) for entity in doc.entities for m in entity.mentions if m.rule != "inner"
        )

    return _warm(predict)


def crf_predictor() -> Predictor:
    """Spans of the statistical model of ``kg.crf`` alone."""
    from kg import crf

    mapped = {label: map_kg_class(cls) for label, cls in crf.LABEL_CLASSES.items()}

    def predict(text: str) -> list[Span]:
        return [(s, e, mapped[label]) for s, e, label in crf.spans(_normalise_in_place(text))]

    return _warm(predict)


def _warm(predict: Predictor) -> Predictor:
    """Run ``predict`` once so dictionaries and models are loaded before timing starts."""
    predict("徐州市泉山区")
    return predict


def score(examples: Iterable[Example], predict: Predictor) -> BenchResult:
    """Run ``predict`` on every example and count exact span matches per mapped type."""
    result = BenchResult()
    for example in examples:
        started = time.perf_counter()
        predicted = {span for span in predict(example.text) if span[2] in MAPPED_TYPES}
        result.seconds += time.perf_counter() - started
        result.sentences += 1
        result.characters += len(example.text)
        for kind in MAPPED_TYPES:
            gold = {s for s in example.gold if s[2] == kind}
            found = {s for s in predicted if s[2] == kind}
            counts = result.scores[kind]
            counts.tp += len(gold & found)
            counts.fp += len(found - gold)
            counts.fn += len(gold - found)
    return result


def format_result(result: BenchResult, title: str = "CLUENER2020") -> str:
    """The report: a row per mapped type, throughput, and last the line ``micro F1 0.xxx``."""
    labels = {"Address": "Address (Region/Facility/Park)"}
    lines = [f"# {title}: {result.sentences} sentences, span-level exact match",
             f"{'':34}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>6}{'fn':>6}"]

    def row(label: str, s: Score) -> str:
        return f"{label:34}{s.precision:7.3f}{s.recall:7.3f}{s.f1:7.3f}{s.tp:6}{s.fp:6}{s.fn:6}"

    for kind in MAPPED_TYPES:
        lines.append(row(f"  {labels.get(kind, kind)}", result.scores[kind]))
    micro = result.micro
    lines.append(row("micro", micro))
    lines.append(f"throughput {result.sentences_per_second:.1f} sentences/s "
                 f"({result.characters / result.seconds if result.seconds else 0.0:.0f} chars/s)")
    lines.append(f"micro F1 {micro.f1:.3f}")
    return "\n".join(lines)
