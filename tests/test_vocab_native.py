"""The vocabularies' sections of lines, matched natively (src/judges/vocabulary.rs), against the
Python matching they replaced (tests/judges_reference/vocabulary.py): every language's every
section, on lines made from its own entries, on the dev inputs' lines, and on generated text."""

import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clean import _core, document, vocab
from test_lines_native import INPUTS, SETS, _documents

sys.path.insert(0, str(Path(__file__).parent / "judges_reference"))
from vocabulary import Lines  # noqa: E402

# What a wildcard may stand for in a line made from an entry: nothing, words, numbers as pages
# print them, punctuation, and text past ASCII.
FILLS = ("", "x", "Le gouvernement recule", "45.12", "1 200", "2,5", "٣", "½", " ? ", "…»", "l'été", "ÉTÉ 2023")


def _lines_of(entry: str) -> list[str]:
    made = []
    for fill in FILLS:
        line = entry.replace("{n}", fill or "7").replace("*", fill)
        made += [line, line.upper(), f"{line}:", f"« {line} »", f"x {line}", f"{line} x", line[:-1], line[1:]]
    return made


def _sections():
    for lang in vocab.languages():
        for section, entries in vocab.vocabulary(lang).lines.items():
            yield pytest.param(lang, section, entries, id=f"{lang}-{section}")


@pytest.mark.parametrize(("lang", "section", "entries"), list(_sections()))
def test_each_section_matches_the_lines_its_entries_make_as_re_did(lang, section, entries):
    words, reference = vocab.vocabulary(lang), Lines(entries)
    lines = [line for entry in entries for line in _lines_of(entry)]
    for line in lines:
        assert words.match(section, line) == reference.match(line), (lang, section, line)


@pytest.mark.slow
@pytest.mark.parametrize("name", SETS)
def test_every_dev_line_is_matched_as_re_did(name):
    texts, options = INPUTS[name]
    references = {lang: {section: Lines(entries) for section, entries in vocab.vocabulary(lang).lines.items()}
                  for lang in vocab.languages()}
    for story, blocks in _documents(texts, options):
        doc = document.build(story, options.get("newline_token"))
        # Every language's words on every document's lines: a page mixes languages, and so do
        # the texts a vocabulary is asked about.
        for lang, sections in references.items():
            worded = vocab.vocabulary(lang).judge(doc.native)
            assert set(worded) == set(sections)
            for section, reference in sections.items():
                assert worded[section] == [reference.match(text) for text, _ in doc.lines], (name, lang, section)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("aeilnorstuàéü Ç1234567890½٣.,:;!?*{}()-_ \u00a0\u200b\u0301"), max_size=60),
       st.sampled_from(sorted(vocab.languages())))
def test_generated_text_is_matched_as_re_did(text, lang):
    for section, entries in vocab.vocabulary(lang).lines.items():
        assert vocab.vocabulary(lang).match(section, text) == Lines(entries).match(text), (section, text)


def test_a_document_hands_every_section_its_answers_per_distinct_line():
    doc = document.build("Publicité\n\nLe gouvernement recule sur la réforme des retraites.\n\nPublicité", lang="fr")
    worded = doc.worded
    assert set(worded) == set(vocab.vocabulary("fr").lines)
    assert worded["advert"] == [True, False] and len(doc.lines) == 2
    assert document.build("Advertisement", lang="en").worded == {}


def test_an_entry_with_wildcards_is_built_into_one_search_per_line():
    words = _core.Vocabulary({"a": ["Lire aussi *", "Anzeige"], "b": ["{n} commentaires"], "c": []})
    assert words.matches("a", "LIRE AUSSI : la suite") and words.matches("a", "Anzeige")
    assert words.matches("b", "1 200 commentaires") and not words.matches("b", "commentaires")
    assert not words.matches("c", "anything") and not words.matches("d", "Anzeige")
