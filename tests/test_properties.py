"""Invariants that hold for any text: cleaning never raises, never invents text, is idempotent,
and its removed spans point into the input in order."""

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clean import Cleaner, clean_text
from clean.bench.quality import load_jsonl

pytestmark = pytest.mark.slow  # hypothesis over every dev text and thousands of drawn documents

# Lines built from pieces of real residue and prose, so the detectors actually fire.
PIECES = [
    "TOP STORIES", "Video PlayerClose", "Advertisement", "Share this article", "Facebook Twitter Email",
    "Source: Xinhua| 2017-08-30 00:23:26|Editor: yan", "by Jane Doe", "010020070750000000000000011105521365662021",
    "Image copyright Getty Images Image caption Rescuers search the rubble", "Read more: Why it matters",
    "Top Rated Comments", "© 2023 Example News. All rights reserved.", "Published: March 5, 2019",
    "https://example.com/a/b", "Related", "We use cookies. Accept", "Home > World > Europe",
    "BEIRUT (AP) – The convoy left on Monday, officials said.", "Officials said the talks would resume next week.",
    "\"It is over,\" she said.", "What happens next", "- first item", "Die Regierung hat am Montag entschieden.",
    "Les députés ont adopté le texte mardi soir.", "新华社北京8月29日电 国家统计局发布数据。",
    "A man walks past a damaged building in Qara, Syria, on Aug. 28, 2017. (AP Photo/Hassan Ammar)",
]
line = st.one_of(st.sampled_from(PIECES), st.text(max_size=60))
documents = st.lists(line, max_size=25).flatmap(
    lambda lines: st.sampled_from(["\n", "\n\n", "\r\n", " "]).map(lambda sep: sep.join(lines)))
_SPACE = re.compile(r"\s+")


def _is_subsequence(small: str, big: str) -> bool:
    it = iter(big)
    return all(ch in it for ch in small)


def _squeeze(text: str) -> str:
    return _SPACE.sub("", text)


@settings(max_examples=300, deadline=None)
@given(documents)
def test_cleaning_is_idempotent(text):
    once = clean_text(text).text
    assert clean_text(once).text == once


@settings(max_examples=300, deadline=None)
@given(documents)
def test_cleaning_never_invents_text(text):
    """Whitespace aside, the body is a subsequence of the input."""
    body = clean_text(text).text
    assert _is_subsequence(_squeeze(body), _squeeze(text))


@settings(max_examples=300, deadline=None)
@given(documents)
def test_removed_spans_are_valid_and_ordered(text):
    article = clean_text(text)
    previous_end = 0
    for r in article.removed:
        assert 0 <= r.start < r.end <= len(text)
        assert r.start >= previous_end
        previous_end = r.end
        assert text[r.start:r.end].strip()


@settings(max_examples=100, deadline=None)
@given(documents)
def test_cleaning_is_deterministic_across_cleaners(text):
    cleaner = Cleaner()
    first = cleaner.clean(text)
    cleaner.clean("TOP STORIES\n" + text)  # no state carried between documents
    assert cleaner.clean(text) == first == clean_text(text)


@settings(max_examples=100, deadline=None)
@given(st.lists(documents, min_size=1, max_size=4))
def test_multi_document_records_keep_their_story_count(stories):
    stories = [s.replace("|||||", "") for s in stories]
    article = clean_text("|||||".join(stories), doc_sep="|||||")
    assert article.text.count("|||||") == len(stories) - 1


# Real scraper output, every rendering of the vendored dev pages: the generated texts above
# cannot reach the interplay of a page's menus, headlines and bylines.
DEV_DATA = Path(__file__).resolve().parent.parent / "bench" / "zyte-dev"


@pytest.mark.parametrize("path", sorted((DEV_DATA / "inputs").glob("*.jsonl.gz")) + [DEV_DATA / "gold.jsonl.gz"],
                         ids=lambda path: path.name.split(".")[0])
def test_cleaning_real_scraper_output_twice_changes_nothing(path):
    cleaner = Cleaner()
    changed = []
    for doc_id, text in load_jsonl(path).items():
        once = cleaner.clean(text).text
        if cleaner.clean(once).text != once:
            changed.append(doc_id)
    assert changed == []
