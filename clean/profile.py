"""Site profiles: the lines a source repeats across its documents, learned from a corpus.

A line's *fingerprint* is a 64-bit blake2b hash of its normalised text (case folded, every digit
written as 0, punctuation and whitespace runs folded to one space), so "TOP STORIES:" and
"Top stories", or "© 2019 Example News" and "© 2024 Example News", are one line. Lines are the
blocks `segment` cuts, the same units the cleaner judges.

Counting is per *source* (the host of a record's URL; every document without one shares the
source ""). For each source the learner keeps its number of documents and, per fingerprint, the
number of documents holding the line (df) and its occurrences (count).

**Memory.** Lines seen once are most of a corpus and are never boilerplate, so they must not
accumulate. When the table holds more than `cap` entries, every entry seen in one document only
is dropped (a *prune*) and the next prune waits until the table has doubled or reached `cap`
again, whichever is larger: memory stays below about `cap + 2 R` entries, R being the number of
repeated lines, whatever the number of documents. A dropped line that comes back starts again
from df 1, so after P prunes a counted df is at most P below the true df, and a line held by at
least P + 2 documents is always kept (P + 1 counting periods cannot hold P + 2 sightings without
two falling in one period, after which the entry is never dropped again). With P = 0 every count
is exact; the profile records P.

**Decision.** A line is boilerplate of source s when
  df >= min_docs and df >= min_share * docs(s), and
  it is label-shaped (at most `label_words` words), or else it repeats (df >= 2) in at most
  `max_sources` sources and sits at a fixed place in its documents (the standard deviation of
  its block offset from the top, or from the bottom, is at most `max_drift` blocks).
The last clause guards body text: a quote printed in every story about one event repeats across
many outlets, and wherever the story puts it, while a site's own template prose repeats on that
site alone, in the template's place. Short labels ("MOST VIEWED", "Share this article") are the
same on many sites, and inserted anywhere, and stay learnable.

**Merging.** Counts add up, so merging profiles learned on shards gives the profile of the whole
exactly when nothing was pruned and the shard profiles kept every line (`floor=1`, a *partial*
profile). A final profile keeps only lines with df >= 2 (`floor=2`); merging final profiles then
misses the sightings of a line in the shards where it appeared once, so its df can fall short by
at most the number of shards (a line can be missed, and the guard can see fewer sources).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from hashlib import blake2b
from types import MappingProxyType
from urllib.parse import urlsplit

from .segment import segment

FORMAT = "clean-profile"
VERSION = 1
NO_SOURCE = ""  # the source of plain files and of records without a URL
SAMPLE_CHARS = 80
DEFAULT_CAP = 1_000_000

_PUNCT = re.compile(r"[\W_]+")
_DIGIT = re.compile(r"\d")
# A link is folded to one word: "Read or Share this story: http://usat.ly/2bhE4i4" is one line
# whatever story it closes.
_LINK = re.compile(r"(?:https?://|www\.)\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|ly|co|uk|us|gov|edu)/\S*", re.I)
# A table value packs six counters into one int, which costs far less than a tuple per entry:
# documents holding the line, occurrences, and the sums of its offset (and squared offset) from
# the top and from the bottom of those documents. Each field is wide enough never to carry into
# the next, so packed values add up field by field.
_WIDTHS = (48, 48, 80, 112, 80, 112)
_SHIFTS = tuple(sum(_WIDTHS[:i]) for i in range(len(_WIDTHS)))
_DF_MASK = (1 << _WIDTHS[0]) - 1


def _pack(*fields: int) -> int:
    return sum(f << shift for f, shift in zip(fields, _SHIFTS))


def _unpack(value: int) -> tuple[int, ...]:
    return tuple((value >> shift) & ((1 << width) - 1) for shift, width in zip(_SHIFTS, _WIDTHS))


def normalise(line: str) -> str:
    """The text a fingerprint is taken of: case, digits, links, punctuation and spacing folded."""
    if "/" in line or "www." in line:
        line = _LINK.sub(" url ", line)
    return _PUNCT.sub(" ", _DIGIT.sub("0", line.casefold())).strip()


def fingerprint(key: str) -> int:
    return int.from_bytes(blake2b(key.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "big")


def line_fingerprint(line: str) -> int | None:
    """The fingerprint of a line as written, or None for a line with no letters or digits."""
    key = normalise(line)
    return fingerprint(key) if key else None


def source_of(value: object) -> str:
    """A source name from a URL ("https://www.example.com/a" -> "example.com") or a bare host."""
    if not isinstance(value, str) or not value.strip():
        return NO_SOURCE
    value = value.strip()
    if "://" in value or value.startswith("//"):
        try:
            host = urlsplit(value if "://" in value else "http:" + value).hostname or ""
        except ValueError:
            host = ""
    else:
        host = value.split("/", 1)[0].rsplit("@", 1)[-1].split(":", 1)[0]
    host = host.lower().rstrip(".")
    return host[4:] if host.startswith("www.") else host


def record_source(record: Mapping, group_key: str = "url") -> str:
    """The source of a JSON record: its `group_key` field, or `metadata.<group_key>`."""
    value = record.get(group_key)
    if value is None and isinstance(record.get("metadata"), Mapping):
        value = record["metadata"].get(group_key)
    return source_of(value)


@dataclass(frozen=True)
class Thresholds:
    """When a repeated line is learned as a source's boilerplate (see the module's doc)."""

    min_docs: int = 3
    min_share: float = 0.05
    max_sources: int = 1
    label_words: int = 6
    max_drift: float = 1.0
    # Learn the openings and closings lines share, this many words long (0: off): see FRAME_MARK.
    frame_words: int = 0

    def __post_init__(self):
        if (self.min_docs < 1 or not 0 <= self.min_share <= 1 or self.max_sources < 1 or self.label_words < 0
                or self.max_drift < 0 or self.frame_words < 0):
            raise ValueError(f"invalid thresholds: {self}")

    def as_dict(self) -> dict:
        out = {"min_docs": self.min_docs, "min_share": self.min_share, "max_sources": self.max_sources,
               "label_words": self.label_words, "max_drift": self.max_drift}
        if self.frame_words:  # absent when off, so profiles without frames read as before
            out["frame_words"] = self.frame_words
        return out


# A *frame* is the opening or the closing of a line, its first or last `frame_words` normalised
# words: "Read or Share this story: <url>" and "JUST WATCHED <title> Replay More Videos ..." vary
# as lines but not in their frames. A frame is counted like a line (once per document, or per
# record with doc_sep), under a fingerprint of its own, and its sample is marked with FRAME_MARK
# where the rest of the line goes ("read or share this story …", "… to this report"), which no
# normalised line holds. A frame is learned when it is in at least `min_docs` documents (and
# `min_share` of them) of at most `max_sources` sources: an opening every outlet uses ("according
# to the", "in a statement") is in many sources, and a frame five words long that is not
# boilerplate rarely repeats across records about different events.
FRAME_MARK = "…"
# Frames are taken only of lines that do not end like a sentence: running text does, however
# formulaic its openings and closings ("... the mayor said."); the furniture around a teaser's
# title, a caption's credit or a link does not.
_SENTENCE_CLOSE = re.compile(r"[.!?…。！？][\"'”’»)\]]*\s*$")


def _frames(key: str, n: int, line: str) -> tuple[str, str] | None:
    words = key.split()
    if not n or len(words) <= n or _SENTENCE_CLOSE.search(line):
        return None
    return " ".join(words[:n]) + " " + FRAME_MARK, FRAME_MARK + " " + " ".join(words[-n:])


def is_frame(sample: str) -> bool:
    return sample.startswith(FRAME_MARK) or sample.endswith(FRAME_MARK)


@dataclass(frozen=True)
class Line:
    """What a profile knows of one fingerprint in one source."""

    df: int  # documents of the source holding the line
    count: int  # occurrences, repeats inside a document included
    words: int  # words of the normalised line (capped at 255)
    sample: str  # the normalised line, cut to SAMPLE_CHARS: for people, never matched on
    boilerplate: bool = False
    # Sums over the documents holding the line of its block offset from the top, its square,
    # and the same from the bottom: enough for the spread of its position, and they add up.
    top: int = 0
    top2: int = 0
    bottom: int = 0
    bottom2: int = 0

    def fixed(self, drift: float) -> bool:
        """Sits at the same place in its documents, counted from the top or from the bottom:
        the standard deviation of its offset is at most `drift` blocks."""
        limit = drift * drift * self.df * self.df
        return (self.df * self.top2 - self.top * self.top <= limit
                or self.df * self.bottom2 - self.bottom * self.bottom <= limit)


@dataclass(frozen=True)
class SourceProfile:
    docs: int
    lines: Mapping[int, Line]

    def boilerplate(self) -> dict[int, Line]:
        return {fp: line for fp, line in self.lines.items() if line.boilerplate}


@dataclass(frozen=True)
class Profile:
    """A learned profile: immutable, and the same for the same corpus in any order."""

    thresholds: Thresholds
    sources: Mapping[str, SourceProfile]
    floor: int = 2  # lines with df below it are not kept; 1 in a partial profile
    pruned: int = 0  # prunes while counting; counts are exact when 0
    _lookup: Mapping[str, Mapping[int, Line]] = field(default_factory=dict, repr=False, compare=False)

    def match(self, source: str | None, line: str) -> Line | None:
        """The profile's boilerplate entry for this line of this source, or None."""
        table = self._lookup.get(source or NO_SOURCE)
        if not table:
            return None
        key = normalise(line)
        if not key:
            return None
        found = table.get(fingerprint(key))
        if found is None and self.thresholds.frame_words:
            for frame in _frames(key, self.thresholds.frame_words, line) or ():
                found = table.get(fingerprint(frame))
                if found is not None:
                    break
        return found

    def __reduce__(self):
        # Pickled as its file bytes: compact for shipping to workers (Ray, datatrove), and the
        # read-only mappings inside are not picklable themselves.
        return loads, (dumps(self, compress=True),)

    def boilerplate_lines(self) -> int:
        return sum(len(t) for t in self._lookup.values())

    def repeated_lines(self) -> int:
        return sum(1 for s in self.sources.values() for line in s.lines.values() if line.df >= 2)


def _build(thresholds: Thresholds, docs: Mapping[str, int], table: Mapping[str, Mapping[int, tuple]],
           floor: int, pruned: int) -> Profile:
    """Decide which lines are boilerplate and freeze the result. `table[source][fp]` is
    (df, count, top, top2, bottom, bottom2, words, sample)."""
    spread: dict[int, int] = {}
    for lines in table.values():
        for fp, (df, *_rest) in lines.items():
            if df >= 2:
                spread[fp] = spread.get(fp, 0) + 1
    sources: dict[str, SourceProfile] = {}
    lookup: dict[str, Mapping[int, Line]] = {}
    t = thresholds
    for source in sorted(docs):
        n = docs[source]
        kept: dict[int, Line] = {}
        for fp in sorted(table.get(source, {})):
            df, count, top, top2, bottom, bottom2, words, sample = table[source][fp]
            if df < floor:
                continue
            line = Line(df, count, words, sample, False, top, top2, bottom, bottom2)
            if is_frame(sample):
                learned = bool(t.frame_words) and df >= t.min_docs and df >= t.min_share * n \
                    and spread.get(fp, 0) <= t.max_sources
            else:
                learned = (df >= t.min_docs and df >= t.min_share * n
                           and (words <= t.label_words
                                or (spread.get(fp, 0) <= t.max_sources and line.fixed(t.max_drift))))
            kept[fp] = replace(line, boilerplate=learned) if learned else line
        sources[source] = SourceProfile(n, MappingProxyType(kept))
        chosen = {fp: line for fp, line in kept.items() if line.boilerplate}
        if chosen:
            lookup[source] = MappingProxyType(chosen)
    return Profile(thresholds, MappingProxyType(sources), floor, pruned, MappingProxyType(lookup))


class Learner:
    """Counts line fingerprints per source in bounded memory; `profile()` gives the result.

    The order documents are added in does not change the profile unless the table was pruned.
    `partial=True` describes every line, seen once or not, so that its profile merges exactly;
    it is meant for shards, not for a whole corpus.
    """

    def __init__(self, thresholds: Thresholds | None = None, cap: int = DEFAULT_CAP,
                 newline_token: str | None = None, partial: bool = False, doc_sep: str | None = None):
        if cap < 1:
            raise ValueError("cap must be positive")
        self.thresholds = thresholds or Thresholds()
        self.cap = cap
        self.newline_token = newline_token
        self.partial = partial
        # A text holding `doc_sep` is a record of several stories about one event (Multi-News):
        # a line counts once per record, however many of its stories print it, so a quote that
        # every story of the event repeats is one sighting, not several; offsets are taken in
        # the story, where the cleaner will look for the line.
        self.doc_sep = doc_sep or None
        self.docs: dict[str, int] = {}
        self.table: dict[str, dict[int, int]] = {}  # source -> fp -> packed counters (_pack)
        # fp -> (words, sample): for repeated lines only (every line when partial), so lines
        # seen once cost one table entry and nothing more.
        self.info: dict[int, tuple[int, str]] = {}
        self.entries = 0
        self.pruned = 0
        self._limit = cap

    def add(self, text: str, source: str | None = None) -> None:
        """Count one document of `source` (a host; None or "" for no source)."""
        source = source or NO_SOURCE
        self.docs[source] = self.docs.get(source, 0) + 1
        seen: dict[int, list] = {}  # fp -> [occurrences, offset of the first, its key, story's last offset]
        stories = text.split(self.doc_sep) if self.doc_sep else (text,)
        for story in stories:
            blocks = segment(story, self.newline_token)
            last = len(blocks) - 1
            for i, block in enumerate(blocks):
                key = normalise(block.text)
                if not key:
                    continue
                for k in (key, *(_frames(key, self.thresholds.frame_words, block.text) or ())):
                    fp = fingerprint(k)
                    if fp in seen:
                        seen[fp][0] += 1
                    else:
                        seen[fp] = [1, i, k, last]
        if not seen:
            return
        table = self.table.setdefault(source, {})
        info = self.info
        for fp, (occurrences, top, key, last) in seen.items():
            bottom = last - top
            counted = _pack(1, occurrences, top, top * top, bottom, bottom * bottom)
            value = table.get(fp)
            if value is None:
                table[fp] = counted
                self.entries += 1
                if self.partial and fp not in info:
                    info[fp] = _describe(key)
            else:
                table[fp] = value + counted
                if fp not in info:
                    info[fp] = _describe(key)
        if self.entries > self._limit:
            self._prune()

    def add_profile(self, profile: Profile) -> None:
        """Add a profile's counts (a shard's), as if its documents had been added here."""
        for source, sp in profile.sources.items():
            self.docs[source] = self.docs.get(source, 0) + sp.docs
            table = self.table.setdefault(source, {})
            for fp, line in sp.lines.items():
                value = table.get(fp)
                if value is None:
                    self.entries += 1
                    value = 0
                table[fp] = value + _pack(line.df, line.count, line.top, line.top2, line.bottom, line.bottom2)
                self.info.setdefault(fp, (line.words, line.sample))
        self.pruned += profile.pruned
        if self.entries > self._limit:
            self._prune()

    def _prune(self) -> None:
        dropped: set[int] = set()
        for table in self.table.values():
            single = [fp for fp, value in table.items() if value & _DF_MASK == 1]
            for fp in single:
                del table[fp]
            self.entries -= len(single)
            dropped.update(single)
        # A description stays while any source still holds its line.
        for fp in dropped:
            if fp in self.info and not any(fp in table for table in self.table.values()):
                del self.info[fp]
        self.pruned += 1
        self._limit = max(self.cap, 2 * self.entries)

    def profile(self) -> Profile:
        """The profile so far; a partial learner's keeps the lines seen once too."""
        floor = 1 if self.partial else 2
        table: dict[str, dict[int, tuple]] = {}
        for source, lines in self.table.items():
            out = table[source] = {}
            for fp, value in lines.items():
                if value & _DF_MASK >= floor:
                    out[fp] = (*_unpack(value), *self.info[fp])
        return _build(self.thresholds, self.docs, table, floor, self.pruned)


def _describe(key: str) -> tuple[int, str]:
    if is_frame(key):  # kept whole: its mark says which end of a line it is
        return min(len(key.split()) - 1, 255), key
    return min(len(key.split()), 255), key[:SAMPLE_CHARS]


def learn(documents: Iterable[tuple[str, str | None]], thresholds: Thresholds | None = None,
          cap: int = DEFAULT_CAP, newline_token: str | None = None, partial: bool = False,
          doc_sep: str | None = None) -> Profile:
    """A profile from (text, source) pairs."""
    learner = Learner(thresholds, cap, newline_token, partial, doc_sep)
    for text, source in documents:
        learner.add(text, source)
    return learner.profile()


def merge(*profiles: Profile, thresholds: Thresholds | None = None, partial: bool = False,
          cap: int = DEFAULT_CAP) -> Profile:
    """The profile of the union of the profiles' corpora (see the module's doc for when it is
    exact). Thresholds default to the inputs' own, which must then agree."""
    if not profiles:
        raise ValueError("nothing to merge")
    if thresholds is None:
        found = {p.thresholds for p in profiles}
        if len(found) > 1:
            raise ValueError("the profiles were learned with different thresholds; give the ones to use")
        thresholds = profiles[0].thresholds
    learner = Learner(thresholds, cap, partial=partial)
    for p in profiles:
        learner.add_profile(p)
    return learner.profile()


# ---- the file format ------------------------------------------------------------------------

def dumps(profile: Profile, compress: bool = False) -> bytes:
    """The profile as JSON lines: a header, then one line per source in sorted order, each
    line entry `[fingerprint hex, df, count, words, boilerplate 0/1, top, top2, bottom, bottom2,
    sample]` sorted by fingerprint. Gzip output carries no time stamp, so equal profiles are
    equal bytes."""
    header = {"format": FORMAT, "version": VERSION,
              "fingerprint": "blake2b-64 of casefolded text, digits as 0, punctuation and spaces folded",
              "thresholds": profile.thresholds.as_dict(), "floor": profile.floor, "pruned": profile.pruned,
              "sources": len(profile.sources)}
    out = [json.dumps(header, sort_keys=True, ensure_ascii=False)]
    for source in sorted(profile.sources):
        sp = profile.sources[source]
        lines = [[f"{fp:016x}", ln.df, ln.count, ln.words, int(ln.boilerplate), ln.top, ln.top2, ln.bottom,
                  ln.bottom2, ln.sample] for fp, ln in sorted(sp.lines.items())]
        out.append(json.dumps({"source": source, "docs": sp.docs, "lines": lines},
                              ensure_ascii=False, separators=(",", ":")))
    data = ("\n".join(out) + "\n").encode("utf-8", "surrogatepass")
    if not compress:
        return data
    import gzip  # only reading and writing profiles needs it; workers that apply one do not

    return gzip.compress(data, mtime=0)


def loads(data: bytes) -> Profile:
    """A profile from `dumps` output (gzip or not)."""
    if data[:2] == b"\x1f\x8b":
        import gzip

        data = gzip.decompress(data)
    rows = _rows(data.decode("utf-8"))
    header = next(rows, None)
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise ValueError("not a clean profile")
    if header.get("version") != VERSION:
        raise ValueError(f"profile version {header.get('version')} is not supported (this is {VERSION})")
    thresholds = Thresholds(**header["thresholds"])
    docs: dict[str, int] = {}
    table: dict[str, dict[int, tuple]] = {}
    for row in rows:
        source = row["source"]
        docs[source] = row["docs"]
        table[source] = {int(fp, 16): (df, count, top, top2, bottom, bottom2, words, sample)
                         for fp, df, count, words, _flag, top, top2, bottom, bottom2, sample in row["lines"]}
    return _build(thresholds, docs, table, header["floor"], header["pruned"])


def _rows(text: str) -> Iterator:
    for n, line in enumerate(text.splitlines(), 1):
        if line.strip():
            try:
                yield json.loads(line)
            except ValueError:
                raise ValueError(f"profile line {n} is not valid JSON") from None
