#!/usr/bin/env python3
"""Train the character CRF of ``kg.crf`` on CLUENER2020 and write it into the package.

    .venv/bin/python scripts/train_crf.py            # ../shared/bench/cluener/train.json → kg/models/

Deterministic: fixed parameters, sentences in file order, L-BFGS (no
randomness), so the same data gives the same model. Takes about two minutes on
two cores. Prints the model's size and its span-level scores on dev.json
(the scorer of ``kg.bench``).

Labels are BIO over PER (name), COMPANY, ORG (government + organization),
ADDRESS, and POSITION: posts (局长, 记者) stand right before names, and
learning them as their own label keeps them out of the names. Only the first
four are returned by ``kg.crf.spans``.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg import bench, crf  # noqa: E402

SHARED = ROOT.parent / "shared" / "bench" / "cluener"
LABELS = {
    "name": "PER",
    "company": "COMPANY",
    "government": "ORG",
    "organization": "ORG",
    "address": "ADDRESS",
    "position": "POSITION",
}
# Fixed parameters: c1 (L1) prunes features to keep the model small.
PARAMS = {
    "c1": 0.8,
    "c2": 0.01,
    "max_iterations": 200,
    "feature.minfreq": 2,
    "feature.possible_transitions": True,
}


def bio_tags(line: str) -> tuple[str, list[str]]:
    """The text of one CLUENER line and a BIO tag per character (first span wins on overlap)."""
    data = json.loads(line)
    text = data["text"]
    tags = ["O"] * len(text)
    spans = []
    for kind, entities in data.get("label", {}).items():
        label = LABELS.get(kind)
        if label is None:
            continue
        for offsets in entities.values():
            spans.extend((start, end + 1, label) for start, end in offsets)
    for start, end, label in sorted(spans):
        if all(tag == "O" for tag in tags[start:end]):
            tags[start] = "B-" + label
            tags[start + 1 : end] = ["I-" + label] * (end - start - 1)
    return text, tags


def train(train_path: Path, model_path: Path, params: dict) -> None:
    import pycrfsuite

    trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=False)
    trainer.set_params(params)
    with train_path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                text, tags = bio_tags(line)
                trainer.append(crf.sentence_features(text), tags)
    model_path.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(model_path))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--train", type=Path, default=SHARED / "train.json")
    parser.add_argument("--dev", type=Path, default=SHARED / "dev.json")
    parser.add_argument("--out", type=Path, default=crf.MODEL_PATH)
    for name in ("c1", "c2"):
        parser.add_argument(f"--{name}", type=float, default=PARAMS[name])
    parser.add_argument("--iterations", type=int, default=PARAMS["max_iterations"])
    parser.add_argument("--minfreq", type=float, default=PARAMS["feature.minfreq"])
    args = parser.parse_args(argv)
    params = dict(PARAMS, c1=args.c1, c2=args.c2, max_iterations=args.iterations)
    params["feature.minfreq"] = args.minfreq

    started = time.perf_counter()
    train(args.train, args.out, params)
    print(f"trained    {args.out} in {time.perf_counter() - started:.0f} s with {params}")
    print(f"size       {args.out.stat().st_size / 1e6:.2f} MB")

    crf.tagger.cache_clear()
    crf.MODEL_PATH = args.out
    result = bench.score(bench.read_examples(args.dev), bench.crf_predictor())
    print(bench.format_result(result, title=f"CRF alone on {args.dev.name}"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
