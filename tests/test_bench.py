"""The CLUENER scorer: exact span match on mapped types, and the ``kg bench`` command."""

import itertools
import json

import pytest

from kg.bench import Example, format_result, map_kg_class, parse_examples, read_examples, score
from kg.cli import main
from kg.errors import GoldError
from tests.conftest import SHARED

DEV = SHARED / "bench" / "cluener" / "dev.json"


def _line(text, label):
    return json.dumps({"text": text, "label": label}, ensure_ascii=False)


def test_inclusive_ends_become_half_open_and_labels_are_mapped():
    line = _line("王小明在北京市的华为公司和商务部工作，读《红楼梦》",
                 {"name": {"王小明": [[0, 2]]}, "address": {"北京市": [[4, 6]]},
                  "company": {"华为公司": [[8, 11]]}, "government": {"商务部": [[13, 15]]},
                  "book": {"《红楼梦》": [[20, 24]]}})
    [example] = parse_examples([line])
    assert example.gold == {(0, 3, "Person"), (4, 7, "Address"), (8, 12, "Company"), (13, 16, "Organization")}
    for start, end, _ in example.gold:
        assert example.text[start:end] in {"王小明", "北京市", "华为公司", "商务部"}


def test_government_and_organization_are_both_organization():
    [example] = parse_examples([_line("商务部和曼联", {"government": {"商务部": [[0, 2]]},
                                                    "organization": {"曼联": [[4, 5]]}})])
    assert example.gold == {(0, 3, "Organization"), (4, 6, "Organization")}


def test_kg_classes_map_through_their_top_class():
    assert map_kg_class("District") == "Address"
    assert map_kg_class("Facility") == "Address"
    assert map_kg_class("Park") == "Address"
    assert map_kg_class("GovernmentBody") == "Organization"
    assert map_kg_class("Person") == "Person"
    assert map_kg_class("Program") is None


def test_a_country_is_no_cluener_address():
    assert map_kg_class("Country") is None
    assert map_kg_class("Province") == "Address"


def test_places_from_coarse_to_fine_are_one_address_and_siblings_stay_apart():
    from kg.bench import _whole_addresses

    assert _whole_addresses([(0, 3, "Province"), (3, 6, "City"), (6, 10, "Facility")]) == [(0, 10, "Address")]
    assert _whole_addresses([(0, 2, "Province"), (2, 4, "Province")]) == [(0, 2, "Address"), (2, 4, "Address")]
    assert _whole_addresses([(0, 3, "City"), (4, 7, "District")]) == [(0, 3, "Address"), (4, 7, "Address")]
    assert _whole_addresses([(0, 2, "Country"), (2, 5, "City")]) == [(2, 5, "Address")]


def test_only_exact_spans_of_the_same_type_count():
    gold = Example("王小明在北京市", frozenset({(0, 3, "Person"), (4, 7, "Address")}))
    predictions = {"王小明在北京市": [(0, 3, "Person"), (4, 6, "Address"), (4, 7, "Company")]}
    result = score([gold], lambda text: predictions[text])
    assert (result.scores["Person"].tp, result.scores["Person"].fp, result.scores["Person"].fn) == (1, 0, 0)
    assert (result.scores["Address"].tp, result.scores["Address"].fp, result.scores["Address"].fn) == (0, 1, 1)
    assert (result.scores["Company"].tp, result.scores["Company"].fp) == (0, 1)
    micro = result.micro
    assert (micro.tp, micro.fp, micro.fn) == (1, 2, 1)
    assert micro.f1 == pytest.approx(2 * (1 / 3) * (1 / 2) / (1 / 3 + 1 / 2))


def test_unmapped_predictions_are_ignored_and_duplicates_count_once():
    gold = Example("小巨人培育计划", frozenset())
    result = score([gold], lambda text: [(0, 7, "Program"), (0, 3, "Person"), (0, 3, "Person")])
    assert result.micro.fp == 1


def test_report_ends_with_the_micro_f1_line():
    gold = Example("王小明", frozenset({(0, 3, "Person")}))
    text = format_result(score([gold], lambda text: [(0, 3, "Person")]))
    assert text.splitlines()[-1] == "micro F1 1.000"
    assert "sentences/s" in text


def test_a_malformed_line_names_file_and_line(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text(_line("好", {}) + "\n{not json\n", encoding="utf-8")
    with pytest.raises(GoldError, match=r"bad\.json:2"):
        read_examples(path)


def test_a_span_outside_the_text_is_refused():
    with pytest.raises(GoldError, match="outside"):
        parse_examples([_line("王", {"name": {"王小明": [[0, 2]]}})])


def test_bench_command_runs_the_pipeline_on_dev_lines(tmp_path, capsys):
    sample = tmp_path / "dev50.json"
    with DEV.open(encoding="utf-8") as handle:
        sample.write_text("".join(itertools.islice(handle, 50)), encoding="utf-8")
    assert main(["bench", "cluener", str(sample)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "50 sentences" in lines[0]
    assert lines[-1].startswith("micro F1 0.") and len(lines[-1]) == len("micro F1 0.000")
    # the pipeline finds some of the names (a floor far below what it scores, to catch a broken run)
    assert float(lines[-1].split()[-1]) > 0.1


def test_bench_command_scores_the_crf_alone(capsys):
    assert main(["bench", "cluener", str(DEV), "--limit", "50", "--extractor", "crf"]) == 0
    assert float(capsys.readouterr().out.splitlines()[-1].split()[-1]) > 0.5
