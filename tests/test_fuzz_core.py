"""The core's invariants on hostile text: control characters, every kind of line break, lone
surrogates (JSON can carry "\\ud800"), invisible and combining characters, runs of markdown
marks, and lines of thousands of characters. tests/test_properties.py covers friendly text."""

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clean import Cleaner
from clean.segment import _unemphasise, _unlink

pytestmark = pytest.mark.slow  # hypothesis: thousands of hostile documents

CLEANERS = [
    Cleaner(),
    Cleaner(keep={"captions", "related"}),
    Cleaner(mode="page"),
    Cleaner(mode="article", lang="en"),
    Cleaner(newline_token="NEWLINE_CHAR"),
]
# Characters scrapers and JSON let through that text processing trips over.
HOSTILE = [
    "\u2028", "\u2029", "\u0085", "\r", "\r\n", "\x0b", "\x0c", "\x1c", "\x1e", "\t", "\x7f", "\x01",
    "\u200b", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u00a0", "\u3000", "\u0301", "\u0308\u0308",
    "\ud800", "\udfff", "\ud83d", "\ufffd", "\U0001f600", "NEWLINE_CHAR",
]
RESIDUE = [
    "Image copyright ", "Image caption ", "(AP Photo/", ")", "Above: ", "Image Credit: ", "Read more: ",
    "By ", "Source: ", "|", "Published: ", "Credit... ", "© ", "Video Player", "Home > ", "www.", "https://",
    "TOP STORIES", "Advertisement", "Share this article", "We use cookies.", "Related", "Comments",
    "BEIRUT (AP) – ", "2017-08-30 00:23:26",
]
MARKDOWN = ["[", "]", "(", ")", "![", "](", "**", "__", "*", "_", "# ", "> ", "* ", '"', " "]
PROSE = [
    "Officials said the talks would resume next week.", "The convoy left on Monday, officials said.",
    "Die Regierung hat am Montag entschieden.", "新华社北京8月29日电 国家统计局发布数据。",
]

piece = st.one_of(
    st.sampled_from(HOSTILE), st.sampled_from(RESIDUE), st.sampled_from(MARKDOWN), st.sampled_from(PROSE),
    # Any code point but NUL: surrogates, unassigned and private-use ones included.
    st.text(st.characters(exclude_categories=(), exclude_characters="\x00"), max_size=20),
)
# Huge lines: one piece said over and over, the way garbage and attacks look.
run = st.tuples(piece, st.integers(min_value=50, max_value=3000)).map(lambda p: p[0] * p[1])
documents = st.lists(st.one_of(piece, piece, piece, run), max_size=30).map("".join)
options = st.sampled_from(CLEANERS)
_SPACE = re.compile(r"\s+")

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _is_subsequence(small: str, big: str) -> bool:
    it = iter(big)
    return all(ch in it for ch in small)


@FUZZ
@given(documents, options)
def test_cleaning_hostile_text_keeps_the_invariants(text, cleaner):
    article = cleaner.clean(text)
    body = article.text
    assert _is_subsequence(_SPACE.sub("", body), _SPACE.sub("", text))
    previous_end = 0
    for r in article.removed:
        assert 0 <= r.start < r.end <= len(text)
        assert r.start >= previous_end
        assert text[r.start:r.end].strip()
        previous_end = r.end
    assert cleaner.clean(body).text == body


@FUZZ
@given(documents, options)
def test_hostile_text_renders_in_every_output_form(text, cleaner):
    from clean.render import as_json, body_text

    article = cleaner.clean(text)
    body_text(article, cleaner.newline_token, cleaner.doc_sep)
    as_json(article)
    article.metadata()
    assert sum(article.removed_bytes(text).values()) <= len(text.encode("utf-8", "surrogatepass"))


# The linear markdown scanners must do exactly what the regexes they replace did.
_MD_IMAGE = re.compile(r"!\[[^\]]{0,500}\]\([^)\s]{0,2000}(?:\s+\"[^\"]{0,200}\")?\)")
_MD_LINK = re.compile(r"\[([^\]]{0,500})\]\([^)\s]{0,2000}(?:\s+\"[^\"]{0,200}\")?\)")
# A mark opens or closes emphasis only where it is not part of a longer run of the same mark.
_MD_EMPHASIS = re.compile(
    r"(?<![\w*_])(?:(\*\*)(?!\*)|(__)(?!_)|(\*)(?!\*)|(_)(?!_))(?=\S)([*_]*[^*_\n].*?)(?<=\S)"
    r"(?(1)(?<!\*)\*\*|(?(2)(?<!_)__|(?(3)(?<!\*)\*|(?<!_)_)))(?![\w*_])"
)
mark_soup = st.lists(st.sampled_from(MARKDOWN + ["a", "b c", "x1", "\n", "\t", "é", "!"]), max_size=40).map("".join)


@settings(max_examples=500, deadline=None)
@given(mark_soup)
def test_links_are_stripped_as_the_link_patterns_say(text):
    assert _unlink(text, image=True) == (_MD_IMAGE.sub("", text), 0)
    linked = sum(len(m.group(1)) for m in _MD_LINK.finditer(text))
    assert _unlink(text, image=False) == (_MD_LINK.sub(r"\1", text), linked)


@settings(max_examples=500, deadline=None)
@given(mark_soup)
def test_emphasis_is_unwrapped_as_the_emphasis_pattern_says(text):
    assert _unemphasise(text) == _MD_EMPHASIS.sub(r"\5", text)


def test_link_bounds_are_kept():
    for text in ["[" + "a" * 500 + "](u)", "[" + "a" * 501 + "](u)", "[a](" + "u" * 2000 + ")",
                 "[a](" + "u" * 2001 + ")", '[a](u "' + "t" * 200 + '")', '[a](u "' + "t" * 201 + '")',
                 "[a](" + "u" * 2001 + ")[b](c)", "![a](b) [c](d \"e\") [f](g h)"]:
        assert _unlink(text, image=False)[0] == _MD_LINK.sub(r"\1", text)
        assert _unlink(text, image=True)[0] == _MD_IMAGE.sub("", text)


# Lines whose comparison key holds more words than the line is written with ("the-council-said"
# is one word as written, three in its key): the rules that compare a line's key with its
# neighbours' and then read the line as written must not count past its words.
HYPHENATED = "the-council-said-it-would-go-ahead-with-the-plan-for-the-new-bridge"


@pytest.mark.parametrize("text, paragraph", [
    (f"{HYPHENATED} Jane-Doe-Lee\n{HYPHENATED}.\nMore text follows here in a sentence of its own, long enough to be prose.",
     f"{HYPHENATED}."),
    (f"Photo: x {HYPHENATED}-and-then-some\n{HYPHENATED}-and-then-some words and more words to close the sentence here.",
     f"{HYPHENATED}-and-then-some words and more words to close the sentence here."),
])
def test_lines_written_with_fewer_words_than_their_key(text, paragraph):
    assert paragraph in Cleaner().clean(text).body
