"""A build of messy input: every encoding, bad files isolated, no lost work, same bytes for any --jobs."""

from __future__ import annotations

import codecs
import io
import os
import random
import signal
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, Graph
from rdflib.namespace import DCTERMS

from kg import pipeline
from kg.build import build_to_folder
from kg.cli import main
from kg.namespace import ITSRDF, KG, NIF
from kg.write import write_to
from tests.conftest import ROOT, SEED

SEED_TEXT = SEED.read_text(encoding="utf-8")
TEXT_VERSIONS = ("utf-8.txt", "gb18030.txt", "utf-8-bom.txt", "utf-16.txt", "page.html")


@pytest.fixture(scope="module")
def messy(tmp_path_factory):
    """The seed in four encodings and as an HTML page, beside an empty file and a binary one."""
    folder = tmp_path_factory.mktemp("messy")
    (folder / "utf-8.txt").write_bytes(SEED_TEXT.encode("utf-8"))
    (folder / "gb18030.txt").write_bytes(SEED_TEXT.encode("gb18030"))
    (folder / "utf-8-bom.txt").write_bytes(codecs.BOM_UTF8 + SEED_TEXT.encode("utf-8"))
    (folder / "utf-16.txt").write_bytes(SEED_TEXT.encode("utf-16"))  # with its byte-order mark
    paragraphs = "\n".join(f"<p>{line}</p>" for line in SEED_TEXT.split("\n"))
    page = f"<!doctype html>\n<html><head><style>p {{ margin: 0 }}</style></head><body>\n{paragraphs}\n</body></html>"
    (folder / "page.html").write_text(page, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    rng = random.Random(2024)
    (folder / "random.txt").write_bytes(bytes(rng.randrange(256) for _ in range(8192)))
    return folder


@pytest.fixture(scope="module")
def messy_build(messy, tmp_path_factory):
    out = tmp_path_factory.mktemp("messy-out")
    stdout, stderr = io.StringIO(), io.StringIO()
    old = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = stdout, stderr
    try:
        status = main(["build", str(messy), "--out", str(out), "--jobs", "2"])
    finally:
        sys.stdout, sys.stderr = old
    graph = Graph().parse(out / "graph.ttl")
    return status, stdout.getvalue(), stderr.getvalue(), graph


def _mentions_by_source(graph: Graph) -> dict[str, set[tuple[str, str, str]]]:
    """For each document (by file name): its mentions as (surface form, entity label, entity class)."""
    found: dict[str, set[tuple[str, str, str]]] = defaultdict(set)
    for mention in graph.subjects(RDF.type, NIF.Phrase):
        document = graph.value(mention, NIF.referenceContext)
        source = Path(str(graph.value(document, DCTERMS.source))).name
        entity = graph.value(mention, ITSRDF.taIdentRef)
        label = str(graph.value(entity, RDFS.label))
        found[source].add((str(graph.value(mention, NIF.anchorOf)), label, str(graph.value(entity, RDF.type))))
    return found


def test_every_text_version_gives_the_same_entities(messy_build):
    _, _, _, graph = messy_build
    found = _mentions_by_source(graph)
    assert set(found) == set(TEXT_VERSIONS)
    reference = found["utf-8.txt"]
    assert len(reference) > 30
    for name in TEXT_VERSIONS:
        assert found[name] == reference, name
    labels = {label for _, label, _ in reference}
    assert {"徐州软件园", "泉山区"} <= labels


def test_bad_files_are_named_on_stderr_and_the_status_says_so(messy_build, messy):
    status, stdout, stderr, _ = messy_build
    assert status != 0
    errors = [line for line in stderr.splitlines() if line.startswith("kg: error: ")]
    assert len(errors) == 2
    assert f"kg: error: {messy / 'empty.txt'}: empty file" in errors
    assert any(line.startswith(f"kg: error: {messy / 'random.txt'}: binary file") for line in errors)
    assert "documents  5 built, 2 failed" in stdout


def test_the_graph_holds_everything_else(messy_build, messy):
    _, _, _, graph = messy_build
    documents = set(graph.subjects(RDF.type, KG.Document))
    assert len(documents) == 5
    sources = {str(graph.value(d, DCTERMS.source)) for d in documents}
    assert sources == {str(messy / name) for name in TEXT_VERSIONS}
    for document in documents:
        text = str(graph.value(document, NIF.isString))
        assert "徐州软件园" in text and "\ufeff" not in text and "\r" not in text
        for span in graph.subjects(NIF.referenceContext, document):
            start, end = int(graph.value(span, NIF.beginIndex)), int(graph.value(span, NIF.endIndex))
            assert text[start:end] == str(graph.value(span, NIF.anchorOf))


def _seed_parts(tmp_path: Path, most: int) -> tuple[Path, int]:
    """A folder of the seed's sentences, one document each, alternately UTF-8 and GB18030."""
    folder = tmp_path / "docs"
    folder.mkdir()
    lines = [line for line in SEED_TEXT.split("\n") if len(line) > 20]
    parts = [part for line in lines for part in line.split("。") if len(part) > 10][:most]
    assert len(parts) >= min(most, 6)
    for i, part in enumerate(parts):
        (folder / f"part-{i:02d}.txt").write_bytes(part.encode("gb18030" if i % 2 else "utf-8"))
    return folder, len(parts)


def test_jobs_1_and_jobs_2_write_the_same_bytes(tmp_path):
    folder, parts = _seed_parts(tmp_path, 12)
    outputs = {}
    for jobs in (1, 2):
        out = tmp_path / f"out-{jobs}"
        result = build_to_folder([folder], out, formats=["nt"], jobs=jobs)
        assert not result.errors
        outputs[jobs] = {name: (out / name).read_bytes() for name in ("graph.ttl", "graph.nt", "graph.html")}
    assert outputs[1] == outputs[2]
    graph = Graph().parse(data=outputs[2]["graph.ttl"], format="turtle")
    assert len(set(graph.subjects(RDF.type, KG.Document))) == parts


def test_a_writer_failing_half_way_leaves_the_previous_outputs(tmp_path, monkeypatch):
    out = tmp_path / "out"
    build_to_folder([SEED], out)
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    def half_then_fail(graph, handle, fmt="ttl"):
        buffer = io.BytesIO()
        write_to(graph, buffer, fmt)
        handle.write(buffer.getvalue()[: len(buffer.getvalue()) // 2])
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("kg.build.write_to", half_then_fail)
    with pytest.raises(OSError):
        build_to_folder([SEED], out, formats=["nt"])
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before  # no temporary left either


def test_a_failure_in_the_last_output_leaves_the_first_unchanged(tmp_path, monkeypatch):
    out = tmp_path / "out"
    build_to_folder([SEED], out)
    before = (out / "graph.ttl").read_bytes()

    def fail(graph, path):
        Path(path).write_text("<!doctype html>half")
        raise RuntimeError("viewer failed")

    monkeypatch.setattr("kg.viewer.write_html", fail)
    text = SEED_TEXT.replace("徐州软件园", "徐州高新园")
    (tmp_path / "changed.txt").write_text(text, encoding="utf-8")
    with pytest.raises(RuntimeError):
        build_to_folder([tmp_path / "changed.txt"], out)
    assert (out / "graph.ttl").read_bytes() == before
    assert sorted(p.name for p in out.iterdir()) == ["graph.html", "graph.ttl"]


def test_every_output_is_a_new_file_renamed_into_place(tmp_path):
    """Every format, the viewer's and the network ones too: a hard link to the old file keeps the old bytes."""
    out, kept = tmp_path / "out", tmp_path / "kept"
    out.mkdir(), kept.mkdir()
    names = ["graph.ttl", "graph.nt", "graph.jsonld", "graph.trig", "graph.rdf", "graph.graphml", "graph.gexf",
             "graph.html"]
    for name in names:
        (out / name).write_bytes(b"old")
        os.link(out / name, kept / name)
    result = build_to_folder([SEED], out, formats=["nt", "jsonld", "trig", "xml", "graphml", "gexf"])
    assert sorted(p.name for p in result.written) == sorted(names)
    for name in names:
        assert (kept / name).read_bytes() == b"old", name
        assert (out / name).read_bytes() != b"old", name


def test_when_no_document_builds_nothing_is_replaced(tmp_path, capsys):
    out = tmp_path / "out"
    out.mkdir()
    (out / "graph.ttl").write_bytes(b"previous graph")
    (tmp_path / "empty.txt").write_bytes(b"")
    status = main(["build", str(tmp_path / "empty.txt"), str(tmp_path / "missing"), "--out", str(out)])
    captured = capsys.readouterr()
    assert status == 1
    assert (out / "graph.ttl").read_bytes() == b"previous graph"
    assert "documents  0 built, 2 failed" in captured.out
    assert "previous outputs kept" in captured.out
    assert f"kg: error: {tmp_path / 'missing'}: no such file or folder" in captured.err


def test_killing_a_build_while_it_writes_leaves_the_previous_graph(tmp_path):
    out = tmp_path / "out"
    build_to_folder([SEED], out)
    before = (out / "graph.ttl").read_bytes()
    big = tmp_path / "big"
    big.mkdir()
    for i in range(12):  # enough that writing graph.ttl takes a while
        (big / f"copy-{i:02d}.txt").write_text(SEED_TEXT, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(
        [sys.executable, "-m", "kg.cli", "build", str(big), "--out", str(out), "--jobs", "2"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 120
        while process.poll() is None and time.monotonic() < deadline:
            if any(out.glob(".graph.*")):  # a temporary output exists: it is writing
                time.sleep(0.05)
                os.killpg(process.pid, signal.SIGKILL)
                break
            time.sleep(0.002)
        process.wait(timeout=30)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
    assert process.returncode == -signal.SIGKILL, "the build ended before it could be killed while writing"
    assert (out / "graph.ttl").read_bytes() == before
    assert len(Graph().parse(out / "graph.ttl")) > 1000


def test_cli_refuses_a_jobs_count_below_one(capsys):
    with pytest.raises(SystemExit):
        main(["build", "--jobs", "0"])
    assert "not a number of processes" in capsys.readouterr().err


def test_progress_bar_only_on_a_terminal(monkeypatch):
    class Terminal(io.StringIO):
        def isatty(self):
            return True

    with pipeline._progress(10, enabled=True) as advance:
        assert advance() is None  # stderr is captured here, not a terminal: no bar
    monkeypatch.setattr(sys, "stderr", Terminal())
    with pipeline._progress(10, enabled=True) as advance:
        assert type(advance.__self__).__name__ == "tqdm"
    with pipeline._progress(10, enabled=False) as advance:
        assert not hasattr(advance, "__self__")


def test_a_document_that_breaks_a_stage_fails_alone(tmp_path, monkeypatch):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.txt").write_text("泉山区位于徐州市。", encoding="utf-8")
    (folder / "b.txt").write_text("王陵街道隶属泉山区。", encoding="utf-8")
    real_process = pipeline.process

    def fragile(document, lexicon=None):
        if document.id == "a":
            raise IndexError("a bug in a stage")
        return real_process(document, lexicon)

    monkeypatch.setattr(pipeline, "process", fragile)
    result = pipeline.build([folder], jobs=1)
    assert [doc.document.id for doc in result.corpus.docs] == ["b"]
    assert [(e.path, e.reason) for e in result.errors] == [
        (str(folder / "a.txt"), "extraction failed (IndexError: a bug in a stage); please report this as a bug"),
    ]


def test_spawned_workers_give_the_same_graph(tmp_path, monkeypatch):
    """Where workers cannot be forked (macOS, Windows) they are spawned and load the lexicon themselves."""
    folder, parts = _seed_parts(tmp_path, 3)
    in_process = pipeline.build([folder], jobs=1)
    monkeypatch.setattr("kg.parallel.forks", lambda: False)
    monkeypatch.setattr("kg.pipeline.forks", lambda: False)
    spawned = pipeline.build([folder], jobs=2)
    assert set(spawned.graph) == set(in_process.graph)
    assert len(spawned.corpus.docs) == parts == 3
