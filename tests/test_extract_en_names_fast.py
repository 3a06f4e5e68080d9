"""The name finder's fast paths find what the plain finder they replaced found.

``en_names_reference`` is ``names`` as it stood before its hot loop read each run once per
wording, split runs at their spaces and folded ASCII words by lower-casing them; generated
texts of names, offices, places and the punctuation around them must give the same hits, on
a first reading and on a second one served from the kept readings.
"""

from __future__ import annotations

import dataclasses

import en_names_reference as reference
from hypothesis import example, given, settings
from hypothesis import strategies as st

from readouts.extract.en import memo
from readouts.extract.en.lexicon import english
from readouts.extract.en.names import find_names, is_romanized_place

_WORDS = [
    # family names: Chinese, Vietnamese, Korean (one letter too), with and without diacritics
    *"Li Wang Zhang Liu Shen Xi Nguyen Tran Pham Lai Le Kim Choe Pak Ri".split(),
    "Nguyễn",
    "Trần",
    "Đỗ",
    "O",
    "U",
    "A",
    # given names, pinyin and Vietnamese syllables, and English words that are both
    *"Qiang Jinping Qing-wei Qingwei He An The Xuan Phuc Duc Thi Jong Un Jong-un Su Yong".split(),
    "Cường",
    "Đức",
    "lirong",
    "xiaoming",
    "station",
    "Hwi",
    "Pyong",
    "Thongloun",
    "Sisoulith",
    # offices, honorifics, ranks, bodies, press cues, places
    *"President Secretary Minister Premier Chairman Vice Party Committee Provincial".split(),
    *"Comrade Mr. Dr. General Major Colonel Lieutenant Reporter Photo: Editor".split(),
    *"Lao Organizations Light Industry Ha Noi Quang Ninh Tinh Dong Hubei City Gangu".split(),
    "Quảng",
    "McDonald",
    "Xi-Jin-Ping",
    "Al-Sisi",
    # another writing of a name, and what stands around names
    "[Kim Cho'ng-u'n]",
    "(centre)",
    "习近平",
    "'s",
    ",",
    ", ",
    " and ",
    ". ",
    "/",
    "-",
    "said",
    "met",
    "the",
    "of",
    "with",
    "\n",
]
#: Whole names and the runs around them, so that the rarer paths are met often.
_PHRASES = [
    "Li Qiang",
    "Liu He",
    "Wang An",
    "Li Qiang City",
    "Zhang Qing-wei",
    "Xi Jinping 习近平",
    "O Su Yong",
    "O Jong-un",
    "O Jong-un Li Qiang",
    "O Su Yong Nguyen Xuan Phuc",
    "U Jong Li He",
    "Nguyen Xuan Phuc",
    "Pham Duc An",
    "Lai The Nguyen",
    "Nguyễn Phú Trọng",
    "Tran An",
    "Kim Jong Un [Kim Cho'ng-u'n]",
    "Kim Jong-un",
    "Ha Tinh Dong",
    "Quảng Ninh",
    "Hubei Li",
    "Lao President Thongloun Sisoulith",
    "Light Industry Choe Pyong",
    "Organizations Choe Hwi",
    ", Shen lirong and",
    ", Shen xiaoming,",
    ", Li station and",
    "Secretary Zhang",
    "President Cường",
    "Mr. Thongloun Sisoulith",
    "Lieutenant General Li Qiang",
    "Reporter Li Qiang",
    "Photo: Li He /",
    "Thongloun Sisoulith, President",
    "the Lao President, Thongloun Sisoulith",
    "Vice President of Laos,\n",
    "Thongloun Sisoulith's",
    "Party Secretary Pham Duc An",
]


def _hits(text: str, finder: object) -> list[tuple[object, ...]]:
    lex = english()
    return [dataclasses.astuple(h) for h in finder(text, lex)]  # type: ignore[operator]


@settings(max_examples=400)
@given(
    st.lists(st.sampled_from(_WORDS) | st.sampled_from(_PHRASES), max_size=40),
    st.lists(st.sampled_from([" ", "", " ", "  "]), min_size=40, max_size=40),
    st.booleans(),
)
def test_names_found_as_the_reference_finds_them(
    words: list[str], glue: list[str], forget: bool
) -> None:
    text = "".join(w + g for w, g in zip(words, glue, strict=False))
    if forget:
        memo.forget()
    expected = _hits(text, reference.find_names)
    assert _hits(text, find_names) == expected
    assert _hits(text, find_names) == expected  # read again from the kept readings


@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=4))
def test_romanized_places_as_the_reference_reads_them(words: list[str]) -> None:
    name = " ".join(words)
    lex = english()
    assert is_romanized_place(name, lex) == reference.is_romanized_place(name, lex)


def test_kept_readings_are_forgotten() -> None:
    from readouts.extract.en import names

    lex = english()
    find_names("Premier Li Qiang met Kim Jong Un.", lex)
    assert names._READINGS.table(lex)  # the runs were kept
    memo.forget()
    assert names._READINGS.table(lex) == {}


_AROUND = st.lists(
    st.sampled_from(
        [*"aZ ,'-[]()\n\t:", "  ", "\u3000", "\x1c", "\xa0", "习近平", "ả", "[Li]", "(Li Ming)"]
    ),
    max_size=12,
).map("".join)


@given(st.lists(_AROUND, min_size=1, max_size=5))
def test_another_writing_skipped_as_the_reference_skips_it(pieces: list[str]) -> None:
    from readouts.extract.en import names

    text = "".join(pieces)
    ends = [len("".join(pieces[:i])) for i in range(1, len(pieces))]  # names end between pieces
    fast = names._skip_alternates(text, [names.NameHit(e, e, "", "cn") for e in ends])
    plain = reference._skip_alternates(text, [reference.NameHit(e, e, "", "cn") for e in ends])
    assert [dataclasses.astuple(h) for h in fast] == [dataclasses.astuple(h) for h in plain]


@given(_AROUND)
def test_appositive_title_searched_only_before_a_comma(before: str) -> None:
    from readouts.extract.en import names

    if names._APPOSITIVE_TITLE.search(before) is not None:
        assert before.rstrip().endswith(",")


@given(
    st.lists(
        st.sampled_from([*"AZaz- '.\n1", "Li", "Qiang", "Ha-Noi", "-a", "-B", "\x7f", "\t"])
        | st.characters(max_codepoint=127)
    )
)
def test_runs_found_in_the_classes_of_an_ascii_text(parts: list[str]) -> None:
    from readouts.extract.en import names

    text = "".join(parts)
    classes = text.encode("ascii").translate(names._CLASSES)
    fast = [m.span() for m in names._CLASS_RUN.finditer(classes)]
    assert fast == [m.span() for m in names._RUN.finditer(text)]


@given(
    st.lists(
        st.sampled_from(["zhang", "qing", "wei", "xi", "jin", "ping", "a", "er", "shuang", "n"])
        | st.text(alphabet="aeginohuxz", max_size=4),
        max_size=5,
    ).map("".join)
)
@example("ashuanger")  # a six-letter syllable second
@example("shuangshuangshuang")
@example("zhangqingweia")  # four
@example("")
def test_pinyin_split_as_the_reference_splits(word: str) -> None:
    from readouts.extract.en import names

    syllables = english().pinyin
    assert names._pinyin_split(word, syllables) == reference._pinyin_split(word, syllables)
