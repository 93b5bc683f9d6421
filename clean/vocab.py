"""Residue vocabularies per language, kept as data beside the stoplists.

The words a site prints around an article differ per language ("Mehr zum Thema", "Lire aussi",
"Wir verwenden Cookies"), the shape of the residue does not: the detectors hold the shapes and
the English words, and read every other language's words from `data/residue/<iso code>.txt`, a
file per language, so that adding a language touches no detector. `data/residue/README.md`
describes the format; in short, a file is a list of `[section]`s, each naming what its entries
are, one entry a line; a line opening with `#` is a comment:

- sections of whole *lines* (`nav-label`, `related-header`, `advert`, `newsletter`, `cookie`,
  `cookie-button`, `share`, `comments-header`, `comments-note`, `copyright`, `metadata`, `credit`,
  `caption-label`): an entry matches a line compared with case, punctuation and spacing folded;
  in an entry `*` stands for any text and `{n}` for a number (`Lecture {n} min`, `Lire aussi *`);
  the native core matches them (src/judges/vocabulary.rs), every section on a document's
  distinct lines in one call (`Document.worded`);
- sections of *openers* (`related`, `byline`, `date-label`): what opens a line whose rest the
  detector judges by its shape (a headline after a separator, a name, a date);
- sections of *words* (`months`, `weekdays`, `date-words`, `seam-words`): words, any number a
  line.

The core stays pure: files are read once, on first use, and never change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from . import _core

# Section -> (kind, what it is for). The detector named reads it.
SECTIONS: dict[str, tuple[str, str]] = {
    "nav-label": ("lines", "navigation: a menu, section or account label alone on its line"),
    "related-header": ("lines", "related: a header over a list of other stories"),
    "related": ("openers", "related: opens a pointer to another story, a separator and its headline follow"),
    "advert": ("lines", "prompts: an advertisement marker"),
    "newsletter": ("lines", "prompts: a subscription, paywall or newsletter prompt (at most 40 words)"),
    "cookie": ("lines", "prompts: a cookie or consent notice (at most 200 words)"),
    "cookie-button": ("lines", "prompts: a button of a cookie banner, next to one"),
    "share": ("lines", "social: a share, follow, save or gift button or call (at most 16 words)"),
    "comments-header": ("lines", "comments: the header of a comment section"),
    "comments-note": ("lines", "comments: a note on who may comment, alone on its line (at most 40 words)"),
    "copyright": ("lines", "footer: a copyright or legal line (at most 60 words)"),
    "metadata": ("lines", "metadata: a line about the article (reading time, reuse rights)"),
    "credit": ("openers", "captions: opens a photo credit; a separator (: © /) and the credit follow"),
    "caption-label": ("lines", "captions: a caption's label alone on its line (names the line under it)"),
    "byline": ("openers", "metadata: opens a byline; a name follows"),
    "date-label": ("openers", "metadata: opens a date line; a date follows"),
    "months": ("words", "metadata: month names and their abbreviations"),
    "weekdays": ("words", "metadata: weekday names and their abbreviations"),
    "date-words": ("words", "metadata: other words a date line holds (at, published, o'clock)"),
    "seam-words": ("words", "related: words a sentence capitalises only at its start, for finding "
                            "a headline glued to its summary (in place of the stoplist)"),
}

_HEADER = re.compile(r"^\[([a-z-]+)\]\s*$")


class VocabularyError(ValueError):
    """A vocabulary file that does not parse: the message names the file and line."""


@dataclass(frozen=True)
class Vocabulary:
    lang: str | None
    lines: dict[str, tuple[str, ...]] = field(default_factory=dict)  # section -> its entries
    openers: dict[str, tuple[str, ...]] = field(default_factory=dict)
    words: dict[str, frozenset[str]] = field(default_factory=dict)
    # The sections of lines as the native core matches them (src/judges/vocabulary.rs).
    native: _core.Vocabulary | None = field(default=None, repr=False, compare=False)

    def match(self, section: str, text: str) -> bool:
        """Whether the section of lines `section` lists the line `text`."""
        return self.native is not None and self.native.matches(section, text)

    def judge(self, lines: _core.Lines) -> dict[str, list[bool]]:
        """{section: whether it lists each line} for every section of lines, `lines` a
        document's distinct lines (`Document.native`); empty for a vocabulary without any."""
        return self.native.judge(lines) if self.native is not None else {}

    def opener_pattern(self, section: str) -> str | None:
        """The section's openers as one regex alternation (longest first), or None."""
        items = self.openers.get(section)
        if not items:
            return None
        return "|".join(r"\s+".join(map(re.escape, o.split())) for o in sorted(items, key=len, reverse=True))


EMPTY = Vocabulary(None)


def parse(text: str, name: str = "<vocabulary>") -> dict[str, list[str]]:
    """{section: entries} of a vocabulary file; unknown sections and entries outside a section
    raise VocabularyError."""
    sections: dict[str, list[str]] = {}
    current = None
    for n, raw in enumerate(text.splitlines(), 1):
        line = "" if raw.lstrip().startswith("#") else raw.strip()
        if not line:
            continue
        header = _HEADER.match(line)
        if header:
            current = header[1]
            if current not in SECTIONS:
                raise VocabularyError(f"{name}:{n}: unknown section [{current}]; known: {', '.join(SECTIONS)}")
            sections.setdefault(current, [])
            continue
        if current is None:
            raise VocabularyError(f"{name}:{n}: entry outside a [section]")
        if SECTIONS[current][0] == "words":
            sections[current].extend(w.casefold() for w in line.split())
        else:
            sections[current].append(line)
    return sections


def build(lang: str | None, sections: dict[str, list[str]]) -> Vocabulary:
    lines, openers, words = {}, {}, {}
    for section, entries in sections.items():
        kind = SECTIONS[section][0]
        if kind == "lines":
            lines[section] = tuple(entries)
        elif kind == "openers":
            openers[section] = tuple(entries)
        else:
            words[section] = frozenset(entries)
    return Vocabulary(lang, lines, openers, words, _core.Vocabulary(lines) if lines else None)


@lru_cache(maxsize=1)
def _files() -> dict[str, str]:
    from importlib import resources  # loaded on first use, as the stoplists are

    folder = resources.files("clean") / "data" / "residue"
    return {entry.name[:-4]: entry.read_text(encoding="utf-8")
            for entry in folder.iterdir() if entry.name.endswith(".txt")}


def languages() -> tuple[str, ...]:
    return tuple(sorted(_files()))


@lru_cache(maxsize=None)
def vocabulary(lang: str | None) -> Vocabulary:
    """The vocabulary of language `lang` (an ISO 639-1 code), or an empty one."""
    text = _files().get(lang) if lang else None
    return EMPTY if text is None else build(lang, parse(text, f"data/residue/{lang}.txt"))


@lru_cache(maxsize=None)
def all_words(section: str) -> frozenset[str]:
    """A words section over every language: a date is a date in whatever language a page
    mixes in, and the date judges do not know the document's language."""
    out: set[str] = set()
    for lang in languages():
        out |= vocabulary(lang).words.get(section, frozenset())
    return frozenset(out)
