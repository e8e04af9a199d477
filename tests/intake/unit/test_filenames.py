"""check_filename(): the name a student gives an uploaded file."""

import unicodedata

import pytest

from festival_intake.domain.filenames import MAX_LENGTH, BadFilename, check_filename


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("我的作品.mp4", "我的作品.mp4"),
        ("  教室里的电去哪儿了 封面.jpg ", "教室里的电去哪儿了 封面.jpg"),
        ("film.final.v2.mp4", "film.final.v2.mp4"),
        ("a..b.mp4", "a..b.mp4"),
        ("作品申报表（签章）.pdf", "作品申报表（签章）.pdf"),
        ("con tent.mp4", "con tent.mp4"),
        ("console.mp4", "console.mp4"),
        ("x" * (MAX_LENGTH - 4) + ".mp4", "x" * (MAX_LENGTH - 4) + ".mp4"),
        ("Cafe\u0301.mp4", "Café.mp4"),  # decomposed é is composed (NFC)
    ],
)
def test_accepted(raw: str, clean: str) -> None:
    assert check_filename(raw) == clean
    assert unicodedata.is_normalized("NFC", check_filename(raw))


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "   ",
        "../x.mp4",
        "..",
        "a/b.mp4",
        "C:\\Users\\x.mp4",
        "..\\x.mp4",
        "a\x00b.mp4",
        "a\nb.mp4",
        "film.mp4\n",
        "a\tb.mp4",
        "a\x7fb.mp4",
        "\u202egp4.mp4",  # RTL override: shows as "4pm.4pg"-style spoof
        "evil\u202egpj.exe",
        "zero\u200bwidth.mp4",
        "bom\ufeff.mp4",
        "x" * (MAX_LENGTH - 3) + ".mp4",  # 201 characters
        ".hidden.mp4",
        ".mp4",
        "film.",
        "CON",
        "con.mp4",
        "Nul.tar.gz",
        "COM1.jpg",
        "lpt9.pdf",
        "AUX .pdf",
        "what?.mp4",
        "a:b.mp4",
        "a\ud800b.mp4",  # lone surrogate
    ],
)
def test_refused(raw: str) -> None:
    with pytest.raises(BadFilename) as info:
        check_filename(raw)
    err = info.value
    assert err.code == "bad_filename"
    assert any("\u4e00" <= ch <= "\u9fff" for ch in err.message_zh)
    assert err.message_en.isascii() and err.message_en
    assert err.message_en in str(err)


def test_201_characters_is_one_too_many() -> None:
    assert len(check_filename("文" * 196 + ".mp4")) == MAX_LENGTH
    with pytest.raises(BadFilename, match="too long"):
        check_filename("文" * 197 + ".mp4")


def test_messages_say_what_to_do() -> None:
    with pytest.raises(BadFilename) as info:
        check_filename("../x.mp4")
    assert "/" in info.value.message_zh and "plain name" in info.value.message_en
    assert isinstance(info.value, Exception)
