"""Shared fixtures: the seed document built once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED = SEEDS / "quanshan-innovation.txt"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory):
    """``kg build seeds --out DIR``: the FolderBuild, with its folder at ``.out``."""
    from kg.build import build_to_folder

    out = tmp_path_factory.mktemp("seed-build")
    result = build_to_folder([SEEDS], out)
    result.out = out
    return result


@pytest.fixture(scope="session")
def seed_graph(seed_build):
    return seed_build.graph


@pytest.fixture(scope="session")
def seed_doc(seed_build):
    return seed_build.corpus.docs[0]
