"""User lexicons: names the rules miss, in TSV or jieba's user-dictionary form."""

import pytest

from kg.build import build_to_folder
from kg.errors import LexiconError
from kg.lexicon import read_user_lexicon
from tests.conftest import SEEDS


def test_tsv_and_jieba_forms_are_read(tmp_path):
    path = tmp_path / "names.txt"
    path.write_text("# my names\n永日电梯\tCompany\n格局商学院 10 nt\n黄河湾\tdistrict\n", encoding="utf-8")
    assert read_user_lexicon([path]) == {"永日电梯": "Company", "格局商学院": "Organization", "黄河湾": "District"}


def test_a_line_without_a_class_is_an_error_naming_file_and_line(tmp_path):
    path = tmp_path / "bad.tsv"
    path.write_text("永日电梯\tCompany\n神秘名字\tWidget\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"bad\.tsv:2"):
        read_user_lexicon([path])


def test_build_with_a_lexicon_finds_the_names_it_gives(tmp_path):
    lexicon = tmp_path / "names.tsv"
    lexicon.write_text("永日电梯\tCompany\n格局商学院\tOrganization\n", encoding="utf-8")
    plain = build_to_folder([SEEDS], tmp_path / "plain")
    with_lexicon = build_to_folder([SEEDS], tmp_path / "lexicon", lexicons=[lexicon])
    names = {e.name: e.type for e in with_lexicon.corpus.entities.values()}
    assert names.get("永日电梯") == "Company" and names.get("格局商学院") == "Organization"
    assert "格局商学院" not in {e.name for e in plain.corpus.entities.values()}
