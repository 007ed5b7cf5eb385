from kg.sentences import split
from kg.types import Doc, Document


def _split(text):
    return split(Doc(Document("t", "t", text))).sentences


def test_offsets_point_into_the_text():
    text = "  在徐州软件园,甲骨文入驻;泉山区推出“惠企包”。\n新的一段!最后一句"
    sentences = _split(text)
    assert [s.text for s in sentences] == ["在徐州软件园,甲骨文入驻;", "泉山区推出“惠企包”。", "新的一段!", "最后一句"]
    for sentence in sentences:
        assert text[sentence.start : sentence.end] == sentence.text
    assert [s.index for s in sentences] == [0, 1, 2, 3]


def test_closing_quote_stays_with_its_sentence():
    sentences = _split("他说:“很好。”然后走了。")
    assert sentences[0].text == "他说:“很好。”"


def test_empty_and_blank_text_give_no_sentences():
    assert _split("") == ()
    assert _split(" \n\n ") == ()
