"""Encodings of text files: detected, verified on the whole file, forced, or refused clearly."""

import random

import pytest

from app.importing.errors import (
    BinarySourceError,
    ForcedEncodingError,
    GarbledTextError,
    SourceEncodingError,
    TruncatedSourceError,
    UnknownEncodingError,
    UnsupportedEncodingError,
)
from app.importing.formats.charsets import decode_text, oddness
from app.importing.layout import parse_interviews
from app.importing.reading import load_source

# About 400 characters of a newspaper interview, in simplified and traditional characters.
SIMPLIFIED = """创新突破 见行动
加快建设宜居宜业宜游的高品质街道
——访灵山卫街道党工委书记王信卿
□本报记者 李明
记者：过去一年，灵山卫街道在经济发展方面取得了哪些成绩？
王信卿：过去一年，我们坚持项目为王，全年完成固定资产投资四十二亿元，同比增长百分之十五。\
新引进过亿元项目十二个，其中包括两个先进制造业项目和三个现代服务业项目。\
我们还设立了企业服务专员，帮助企业解决用工、融资和审批方面的难题。
记者：在改善民生方面，街道有哪些具体举措？
王信卿：民生无小事。今年我们新建了三处社区食堂，改造老旧小区十一个，惠及居民四千余户。\
我们还在每个社区配备了家庭医生，让老人在家门口就能看病。下一步，我们将继续推进城市更新，\
完善道路、停车和绿化等配套设施，让群众的获得感、幸福感和安全感更加充实。
记者：对于未来五年的发展，您有什么样的期待？
王信卿：我们将以更大的决心和更实的举措，全力打造宜居宜业宜游的高品质街道。
"""
TRADITIONAL = """創新突破 見行動
加快建設宜居宜業宜遊的高品質街道
——訪靈山衛街道黨工委書記王信卿
□本報記者 李明
記者：過去一年，靈山衛街道在經濟發展方面取得了哪些成績？
王信卿：過去一年，我們堅持項目為王，全年完成固定資產投資四十二億元，同比增長百分之十五。\
新引進過億元項目十二個，其中包括兩個先進製造業項目和三個現代服務業項目。\
我們還設立了企業服務專員，幫助企業解決用工、融資和審批方面的難題。
記者：在改善民生方面，街道有哪些具體舉措？
王信卿：民生無小事。今年我們新建了三處社區食堂，改造老舊小區十一個，惠及居民四千餘戶。\
我們還在每個社區配備了家庭醫生，讓老人在家門口就能看病。下一步，我們將繼續推進城市更新，\
完善道路、停車和綠化等配套設施，讓群眾的獲得感、幸福感和安全感更加充實。
記者：對於未來五年的發展，您有什麼樣的期待？
王信卿：我們將以更大的決心和更實的舉措，全力打造宜居宜業宜遊的高品質街道。
"""
KOREAN = (
    "기자: 올해 지역 경제 발전을 위해 어떤 새로운 계획이 있습니까? 우리는 수소 에너지 산업 "
    "단지 건설을 계속 추진하고 프로젝트 착공을 가속화하며 서비스 수준을 높일 것입니다."
)
JAPANESE = (
    "記者：今年はどのような新しい取り組みを計画していますか？私たちは水素エネルギー産業団地の"
    "建設を引き続き推進し、サービスの水準を高めていきます。"
)


def test_fixtures_are_a_few_hundred_characters() -> None:
    assert 350 < len(SIMPLIFIED) < 450
    assert len(TRADITIONAL) == len(SIMPLIFIED)


# Each encoding ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (SIMPLIFIED.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + SIMPLIFIED.encode("utf-8"), "utf-8-sig"),
        (b"\xff\xfe" + SIMPLIFIED.encode("utf-16-le"), "utf-16"),
        (b"\xfe\xff" + SIMPLIFIED.encode("utf-16-be"), "utf-16"),
        (b"\xff\xfe\x00\x00" + SIMPLIFIED.encode("utf-32-le"), "utf-32"),
        (SIMPLIFIED.encode("gbk"), "gb18030"),
        (SIMPLIFIED.encode("gb18030"), "gb18030"),
        (TRADITIONAL.encode("big5"), "big5"),
        (TRADITIONAL.encode("cp950"), "big5"),
    ],
    ids=[
        "utf-8",
        "utf-8-bom",
        "utf-16-le",
        "utf-16-be",
        "utf-32",
        "gbk",
        "gb18030",
        "big5",
        "cp950",
    ],
)
def test_each_encoding_is_detected_and_decoded(write_source, data: bytes, encoding: str) -> None:
    source = load_source(write_source("interview.txt", data))
    expected = TRADITIONAL if encoding == "big5" else SIMPLIFIED
    assert source.text == expected
    assert source.encoding == encoding
    assert source.format == "text"
    assert source.warnings == ()


def test_gb2312_file_is_read_as_gb18030_with_the_right_dashes(write_source) -> None:
    # Python's gb2312 codec reads A1AA as U+2015, which the layout's "——访" would miss.
    text = SIMPLIFIED.replace("—", "\u2015")
    data = text.encode("gb2312")
    assert data == SIMPLIFIED.encode("gbk")
    source = load_source(write_source("gb2312.txt", data))
    assert source.encoding == "gb18030"
    assert source.text == SIMPLIFIED


def test_gb18030_four_byte_characters(write_source) -> None:
    text = "记者：𠮷野家和㐀字都要读对，还有€和😀。\n王信卿：好的。\n"
    data = text.encode("gb18030")
    assert len("𠮷".encode("gb18030")) == 4
    source = load_source(write_source("gb18030.txt", data))
    assert (source.encoding, source.text) == ("gb18030", text)


def test_hong_kong_big5_falls_back_to_big5hkscs(write_source) -> None:
    text = "記者：今年有甚麼計劃？\n陳先生：我哋會繼續努力，㗎。\n"  # 哋 and 㗎 are HKSCS only
    with pytest.raises(UnicodeEncodeError):
        text.encode("big5")
    source = load_source(write_source("hk.txt", text.encode("big5hkscs")))
    assert (source.encoding, source.text) == ("big5hkscs", text)


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("记者：你好", "gbk"),
        ("你好", "gbk"),
        ("好", "gbk"),
        ("記者：你好", "big5"),
        ("你好", "big5"),
        ("記者：今年有什麼計劃？", "big5"),
        ("记者：今年有什么计划？", "gbk"),
        ("王信卿：好。", "gbk"),
    ],
)
def test_short_ambiguous_files_come_out_right(write_source, text: str, encoding: str) -> None:
    source = load_source(write_source("short.txt", text.encode(encoding)))
    assert source.text == text
    assert source.encoding == ("big5" if encoding == "big5" else "gb18030")


@pytest.mark.parametrize(("text", "encoding"), [(SIMPLIFIED, "gbk"), (TRADITIONAL, "big5")])
def test_every_stretch_of_three_or_more_characters_decodes_right(text: str, encoding: str) -> None:
    """The detection on windows of the fixtures: every one of 3 characters or more is right.

    (Windows of one or two characters can be read either way; see the report.)
    """
    wrong = []
    for length in (3, 4, 5, 6, 8, 10, 15, 20, 30, 50, 100, 200):
        for start in range(0, len(text) - length + 1, 7):
            window = text[start : start + length]
            if window.isascii():
                continue
            try:
                decoded = decode_text(window.encode(encoding), "window").text
            except (UnsupportedEncodingError, GarbledTextError):
                decoded = None
            if decoded != window:
                wrong.append(window)
    assert wrong == []


def test_oddness_separates_gbk_from_big5() -> None:
    gbk = SIMPLIFIED.encode("gbk")
    big5 = TRADITIONAL.encode("big5")
    assert oddness(gbk.decode("gb18030"), "gb18030") < 0.01
    assert oddness(big5.decode("big5"), "big5") < 0.01
    assert oddness(big5.decode("gb18030"), "gb18030") > 0.5


def test_parsed_big5_interview_has_its_speakers(write_source) -> None:
    source = load_source(write_source("big5.txt", TRADITIONAL.encode("big5")))
    [interview] = parse_interviews(source.text, fallback_title="big5")
    assert interview.title.endswith("加快建設宜居宜業宜遊的高品質街道")
    assert interview.interviewee == "王信卿"
    assert interview.reporter == "李明"
    speakers = [turn.speaker for turn in interview.turns if turn.kind in ("question", "answer")]
    assert speakers == ["記者", "王信卿"] * 3


# Damaged and unsupported ---------------------------------------------------------------


def test_truncated_utf8_has_its_own_message(write_source) -> None:
    data = SIMPLIFIED.encode("utf-8")[:-2]  # the last character loses a byte
    assert not data.endswith(b"\n")
    with pytest.raises(TruncatedSourceError) as caught:
        load_source(write_source("cut.txt", data))
    assert caught.value.params["encoding"] == "utf-8"
    assert "ends in the middle of a character" in str(caught.value)


def test_short_truncated_utf8_is_not_read_as_gbk(write_source) -> None:
    data = "记者：你好".encode()[:-1]
    with pytest.raises(TruncatedSourceError):
        load_source(write_source("cut.txt", data))


def test_truncated_gbk_says_so(write_source) -> None:
    data = SIMPLIFIED.strip().encode("gbk")[:-1]
    with pytest.raises(TruncatedSourceError) as caught:
        load_source(write_source("cut-gbk.txt", data))
    assert caught.value.params["encoding"] == "gb18030"


def test_utf16_with_odd_length_is_truncated(write_source) -> None:
    data = b"\xff\xfe" + "记者：你好".encode("utf-16-le") + b"\x00"
    with pytest.raises(TruncatedSourceError) as caught:
        load_source(write_source("cut16.txt", data))
    assert caught.value.params["encoding"] == "utf-16"


def test_utf8_with_a_bad_byte_is_not_guessed_as_another_encoding(write_source) -> None:
    data = SIMPLIFIED[:100].encode() + b"\xff" + SIMPLIFIED[100:].encode()
    with pytest.raises(SourceEncodingError) as caught:
        load_source(write_source("bad.txt", data))
    assert caught.value.params["position"] == len(SIMPLIFIED[:100].encode())


@pytest.mark.parametrize(
    ("text", "encoding"),
    [(KOREAN, "euc-kr"), (JAPANESE, "shift_jis"), (JAPANESE, "euc-jp"), ("Café crème", "cp1252")],
)
def test_other_encodings_are_refused_not_read_as_chinese(
    write_source, text: str, encoding: str
) -> None:
    with pytest.raises(UnsupportedEncodingError) as caught:
        load_source(write_source("other.txt", text.encode(encoding)))
    assert "UTF-8, UTF-16, GB18030, Big5" in str(caught.value)


def test_random_bytes_are_refused_as_binary(write_source) -> None:
    noise = random.Random(3)
    data = bytes(noise.randrange(1, 256) for _ in range(4000))
    with pytest.raises(BinarySourceError):
        load_source(write_source("noise.txt", data))


def test_high_random_bytes_are_refused(write_source) -> None:
    noise = random.Random(4)
    data = bytes(noise.randrange(0x81, 0xFF) for _ in range(4000))  # decodes as GB18030
    with pytest.raises(UnsupportedEncodingError):
        load_source(write_source("noise.txt", data))


def test_utf8_full_of_private_use_characters_is_garbled(write_source) -> None:
    text = "记者：" + "\ue000\ue001\ue002" * 20 + "你好"
    with pytest.raises(GarbledTextError) as caught:
        load_source(write_source("pua.txt", text.encode()))
    assert caught.value.params["encoding"] == "utf-8"
    assert caught.value.params["percent"] > 50


def test_a_few_private_use_characters_are_kept(write_source) -> None:
    text = SIMPLIFIED + "\ue000\n"
    assert load_source(write_source("one-pua.txt", text.encode())).text == text


def test_utf16_without_bom_is_refused_with_that_reason(write_source) -> None:
    with pytest.raises(BinarySourceError) as caught:
        load_source(write_source("utf16.txt", "记者：hello, 你好".encode("utf-16-le")))
    assert "without a byte order mark" in caught.value.params["kind"]


# Forcing an encoding --------------------------------------------------------------------


def test_forced_encoding_is_used(write_source) -> None:
    path = write_source("big5.txt", TRADITIONAL.encode("big5"))
    source = load_source(path, encoding="big5")
    assert (source.encoding, source.text) == ("big5", TRADITIONAL)


def test_forced_gbk_reads_as_gb18030(write_source) -> None:
    source = load_source(write_source("gbk.txt", "记者：你好".encode("gbk")), encoding="GBK")
    assert (source.encoding, source.text) == ("gb18030", "记者：你好")


def test_forced_utf16_without_bom(write_source) -> None:
    path = write_source("le.txt", "记者：你好".encode("utf-16-le"))
    assert load_source(path, encoding="utf-16-le").text == "记者：你好"


def test_forced_encoding_that_does_not_fit_names_encoding_and_position(write_source) -> None:
    data = "记者：你好".encode("gbk")
    with pytest.raises(ForcedEncodingError) as caught:
        load_source(write_source("gbk.txt", data), encoding="utf-8")
    assert caught.value.params == {
        "path": caught.value.params["path"],
        "encoding": "utf-8",
        "position": 0,
    }
    assert "utf-8" in str(caught.value) and "position 0" in str(caught.value)


def test_forced_big5_on_gbk_bytes_names_the_position(write_source) -> None:
    data = SIMPLIFIED.encode("gbk")
    with pytest.raises(ForcedEncodingError) as caught:
        load_source(write_source("gbk.txt", data), encoding="big5")
    position = caught.value.params["position"]
    assert caught.value.params["encoding"] == "big5"
    with pytest.raises(UnicodeDecodeError) as direct:
        data.decode("big5")
    assert position == direct.value.start


def test_forced_utf8_on_a_truncated_file_says_truncated(write_source) -> None:
    with pytest.raises(TruncatedSourceError):
        load_source(write_source("cut.txt", "你好".encode()[:-1]), encoding="utf-8")


def test_forced_latin1_on_utf8_chinese_is_garbled(write_source) -> None:
    # UTF-8 continuation bytes 0x80-0x9F are C1 control characters in Latin-1.
    with pytest.raises(GarbledTextError) as caught:
        load_source(write_source("utf8.txt", SIMPLIFIED.encode()), encoding="latin-1")
    assert caught.value.params["encoding"] == "iso8859-1"


def test_forced_latin1_on_gbk_is_the_callers_choice(write_source) -> None:
    # Every GBK byte is a printable Latin-1 letter: nothing to refuse, the preview shows it.
    source = load_source(write_source("gbk.txt", "记者".encode("gbk")), encoding="latin-1")
    assert source.text == "¼ÇÕß"


def test_unknown_forced_encoding(write_source) -> None:
    with pytest.raises(UnknownEncodingError) as caught:
        load_source(write_source("a.txt", b"hello"), encoding="klingon-8")
    assert caught.value.params["encoding"] == "klingon-8"


def test_forced_utf8_strips_a_bom(write_source) -> None:
    path = write_source("bom.txt", b"\xef\xbb\xbf" + "记者：你好".encode())
    assert load_source(path, encoding="utf-8").text == "记者：你好"
