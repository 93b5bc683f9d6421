"""Verdicts in, an Article out: where the detectors' opinions meet the document's context.

Every precision/recall trade-off lives here: how sure a verdict must be to remove a block, when
a title-shaped first line is the headline, whether the text is a whole page whose main block
must be chosen, and which metadata wins when several lines offer it.
"""

from __future__ import annotations

import re
from collections import Counter
from operator import itemgetter
from collections.abc import Callable, Iterable

from . import block_model, language, main_content
from .article import EDGE_PROSE_BLOCKS, Article, Removal, Verdict
from .document import Document, features
from .segment import to_source_ranges

# A verdict this sure removes its block on its own; weaker ones need the context to agree.
SURE = 0.75
# Reasons that only name what a block holds; they remove nothing unless asked to (`--drop`).
OPT_IN = frozenset({"dateline"})
# Residue that belongs to the page around an article rather than to the article's own text.
FURNITURE = frozenset({"nav-label", "share", "advert", "newsletter", "cookie", "copyright", "related",
                       "player", "comments"})
# Residue that sits inside an article: on a page dump it argues for the stretch around it being
# the article, not against it, so choosing the main block ignores it (it still goes).
IN_ARTICLE = frozenset({"caption", "credit"})
# A weak verdict with a `where` names residue only at that place in what is left: a bare URL
# above the story is its permalink, the same URL inside the story is a link the article gives;
# "Jane Doe is a reporter for ..." closing a story is its author's bio, inside the story it
# introduces someone the story is about; "By Jane Doe" a paragraph from either end of the story
# is its byline, deep inside a page it may be a teaser's.
_LEFTOVER = re.compile(r"^[\W_]*$")
_SPACES = re.compile(r"\s{2,}")
_SCALARS = ("title", "byline", "date", "source", "dateline")
_START_END = itemgetter(0, 1)


def decide(doc: Document, verdicts: Iterable[Verdict], enabled: frozenset[str],
           priority: dict[str, int], mode: str = "auto",
           recheck: Callable[[str, str | None], str | None] = lambda text, lang: None,
           reread: Callable[[list[str], str | None], set[int]] = lambda body, lang: set()) -> Article:
    """`recheck(text, lang)` names the residue a line is on its own, or None: what is left of a
    block after inline residue is cut out may be residue itself ("TOP STORIES Video PlayerClose"),
    and must go now, or cleaning the output again would remove it."""
    n = len(doc.blocks)
    whole: dict[int, Verdict] = {}  # the verdict that names a block, by block: most blocks have none
    spans: dict[int, list[Verdict]] = {}  # the residue cut out of a block, by block; few have any
    meta: list[Verdict] = []
    titles: list[Verdict] = []  # headline candidates, top first
    copies: dict[int, list[int]] = {}  # headline candidate -> blocks that repeat it
    placed: dict[str, dict[int, Verdict]] = {"head": {}, "tail": {}, "edge": {}, "page": {}}

    for v in verdicts:
        if v.reason == "title":
            titles.append(v)
            continue
        if v.reason == "duplicate-title":
            copies.setdefault(v.span[0], []).append(v.block)  # span names the candidate copied
            continue
        if v.meta:
            meta.append(v)
        if v.where and v.score < SURE and v.span is None and v.reason in enabled:
            placed[v.where].setdefault(v.block, v)
            continue
        if v.reason not in enabled or (v.score < SURE and v.reason not in OPT_IN):
            continue
        if v.span is not None:
            spans.setdefault(v.block, []).append(v)
        elif v.reason in OPT_IN:
            continue
        elif (named := whole.get(v.block)) is None or _outranks(v, named, priority):
            whole[v.block] = v

    reasons: list[str | None] = [None] * n
    for i, v in whole.items():
        reasons[i] = v.reason

    # Furniture recognised line by line; the items of a list under one "Related" or "Comments"
    # header (weaker verdicts) are one piece of furniture, not a dozen. A page's furniture is
    # many different labels; one line printed again and again ("Top of Page" after every
    # section, a quoted document's running header) is not a page's menu. Furniture between two
    # paragraphs of the article (a lone label, a short list under one) is weaker evidence of a
    # page than furniture around it: it counts half, so that no single line tips an article into
    # a page; and it does not move the article's stretch on a page.
    inside = main_content.inside_prose(doc)
    furniture: Counter = Counter()  # furniture lines: how often each is printed
    labels = 0.0
    line_of = doc.line_of
    for i in sorted(i for i, v in whole.items() if v.reason in FURNITURE and v.score >= 1.0):
        furniture[line_of[i]] += 1
        if furniture[line_of[i]] <= main_content.MAX_COPIES_COUNTED:
            labels += 0.5 if inside[i] else 1.0
    kind = "page" if mode == "page" or (
        mode == "auto" and main_content.is_page(doc, labels, len(furniture))) else "article"
    main = None
    if kind == "page":
        for i, v in placed["page"].items():
            reasons[i] = reasons[i] or v.reason
        # The article is chosen on the page as if the residue inside it (a label, a short list,
        # a caption between two paragraphs) were not there: that residue goes under its own name,
        # and must not move the stretch's ends. Indexes below are into `seen`.
        seen = [i for i in range(n) if not (inside[i] and reasons[i] is not None)]
        view = _without(doc, seen)
        flagged = [reasons[i] is not None and reasons[i] not in IN_ARTICLE for i in seen]
        main = main_content.main_block(view, flagged)
        if "outside-main" in enabled:
            article = block_model.article_blocks(view, flagged, main)
            if article is not None and not any(article):
                article = None  # the model finds no article at all: the rules' main block, if any, stands
            if article is None and main is not None:
                article = [main[0] <= k <= main[1] for k in range(len(seen))]
            elif article is not None:
                if main is not None:
                    _prose_edges(view, flagged, main, article)
                # What --explain shows as the main block: the stretch the model kept.
                main = _kept_ends(article)
            if article is not None:
                for k, i in enumerate(seen):
                    if reasons[i] is None and not article[k]:
                        reasons[i] = "outside-main"
        if main is not None:
            main = (seen[main[0]], seen[main[1]])

    head, tail = placed["head"], placed["tail"]
    meta.extend(v._replace(score=1.0) for v in _confirm_edge(reasons, placed["edge"], spans, doc) if v.meta)
    _confirm_head(reasons, head)
    _confirm_tail(reasons, tail)
    title = _headline(titles, reasons, doc) if "title" in enabled else None
    if title is not None:
        reasons[title.block] = "title"
        meta.insert(0, title._replace(score=1.0))
        if "duplicate-title" in enabled:
            # A copy of the headline is named for what it is, whatever else it looks like.
            for i in copies.get(title.block, ()):
                reasons[i] = "duplicate-title"
        _confirm_head(reasons, head)
        # The body must not open with a line that cleaning it again would take as its headline
        # (a caption or a second headline under a repeated one): those go too, as the title's.
        while (second := _headline(titles, reasons, doc)) is not None:
            reasons[second.block] = "title"
            if "duplicate-title" in enabled:
                for i in copies.get(second.block, ()):
                    reasons[i] = reasons[i] or "duplicate-title"
            _confirm_head(reasons, head)

    elif "title" in enabled:
        # The text opens with its headline, and the line under it is headline-shaped too (a
        # subheading, a standfirst in short form): taking the line would leave the body opening
        # with a headline that cleaning the output again would take. The line stays; the title
        # is known all the same.
        opening = _opening_headline(titles, reasons)
        if opening is not None:
            meta.insert(0, opening._replace(score=1.0))

    notes = ()
    if reasons and None not in reasons:
        restorable = _restorable(reasons)
        stretch = _best_stretch(doc, reasons, restorable)
        if stretch is not None:
            first, last = stretch
            for i in range(first, last + 1):
                if reasons[i] in restorable:
                    reasons[i] = None
            notes = (f"kept: every block was judged residue; the best stretch of prose (blocks {first}-{last}) stays",)
    body, removed = _assemble(doc, reasons, spans, recheck, reread)
    fields = _metadata(meta)
    main_span = (doc.blocks[main[0]].start, doc.blocks[main[1]].end) if main else None
    return Article(body=tuple(body), removed=tuple(removed), kind=kind, main=main_span, notes=notes, **fields)


# What a block may be judged by its shape and place although it is the article's own text: a
# caption that is the whole body of a gallery page, an introduction closing on a call to follow
# the site. When every block of a text is judged residue, these come back in its best stretch of
# prose. Furniture named by its words (a cookie notice, a copyright line, a menu label, an advert
# marker) never does, nor do other stories' teasers or a comment thread: a text of nothing else
# holds no article.
RESTORABLE = frozenset({"caption", "credit", "title", "duplicate-title", "outside-main", "newsletter",
                        "repeated-line", "byline"})
# A gallery prints one credited caption under each of its photos: a text of this many captions
# and nothing else is a gallery, not an article whose text looked like a caption. A caption it
# prints again is named for being said twice, and is no more an article than the first.
GALLERY_CAPTIONS = 3


def _restorable(reasons: list[str | None]) -> frozenset[str]:
    if sum(r == "caption" for r in reasons) >= GALLERY_CAPTIONS:
        return RESTORABLE - {"caption", "credit", "repeated-line"}
    return RESTORABLE


def _best_stretch(doc: Document, reasons: list[str | None], restorable: frozenset[str] = RESTORABLE
                  ) -> tuple[int, int] | None:
    """The stretch of restorable prose that outweighs what lies between, or None if the text
    holds no prose that could be its article."""
    # A caption closed by its credit "(Jane Doe/Agency)" does not end like a sentence, yet it
    # reads as text: any run of words that is not headline-shaped counts here.
    values = [float(feat.chars) if reason in restorable and feat.words >= 8 and (feat.prose or not feat.title_shaped)
              else main_content.block_value(feat, reason not in restorable) for feat, reason in zip(doc.feats, reasons)]
    first, last = main_content.best_stretch(values)
    return (first, last) if last >= 0 else None


def _prose_edges(doc: Document, flagged: list[bool], main: tuple[int, int], article: list[bool]) -> None:
    """Give back to the model's stretch the paragraphs of prose right above and below it that the
    rules' main block holds: an article's lead under its headline and date, or its closing
    paragraph over the share bar, has furniture for neighbours, which the model weighs against
    it; the rules' stretch already weighed it as prose."""
    ends = _kept_ends(article)
    if ends is None:
        return
    first, last = ends
    k = first - 1
    while k >= main[0] and doc.feats[k].prose and not flagged[k]:
        article[k] = True
        k -= 1
    k = last + 1
    while k <= main[1] and doc.feats[k].prose and not flagged[k]:
        article[k] = True
        k += 1


def _kept_ends(article: list[bool]) -> tuple[int, int] | None:
    """The first and the last block the model keeps, or None."""
    if True not in article:
        return None
    return article.index(True), len(article) - 1 - article[::-1].index(True)


def _opening_headline(titles: list[Verdict], reasons: list[str | None]) -> Verdict | None:
    """The headline candidate at the first block kept, if any."""
    if not titles:
        return None
    first = _first_kept(reasons)
    return next((t for t in titles if t.block == first), None)


def _first_kept(reasons: list[str | None]) -> int | None:
    try:
        return reasons.index(None)
    except ValueError:
        return None


def _without(doc: Document, seen: list[int]) -> Document:
    """The document with only the blocks `seen`, for judging their place on the page. Its
    distinct lines are the document's, so it holds them as the document does."""
    if len(seen) == len(doc.blocks):
        return doc
    return Document(doc.source, tuple(map(doc.blocks.__getitem__, seen)), doc.lang, tuple(map(doc.feats.__getitem__, seen)),
                    doc.lines, tuple(map(doc.line_of.__getitem__, seen)), doc.native)


def _outranks(a: Verdict, b: Verdict, priority: dict[str, int]) -> bool:
    return (a.score, -priority.get(a.reason, 99)) > (b.score, -priority.get(b.reason, 99))


def _confirm_head(reasons: list[str | None], head: dict[int, Verdict]) -> None:
    """Remove the head candidates the body would open with, when the body goes on below them: a
    text of nothing but such lines ("ok", a lone date) has no story for them to stand over.
    Idempotent: a candidate left in place has a kept block above it, and that block is still
    above it in the output."""
    if not head:
        return
    opening = []
    for i, reason in enumerate(reasons):
        if reason is not None:
            continue
        if i not in head:
            for k in opening:
                reasons[k] = head[k].reason
            return
        opening.append(i)


def _confirm_tail(reasons: list[str | None], tail: dict[int, Verdict]) -> None:
    """Remove the tail candidates the body would close with. Idempotent: a candidate left in
    place has a kept block below it, and that block is still below it in the output."""
    if not tail:
        return
    for i in range(len(reasons) - 1, -1, -1):
        if reasons[i] is not None:
            continue
        if i not in tail:
            return
        reasons[i] = tail[i].reason


def _confirm_edge(reasons: list[str | None], edge: dict[int, Verdict], spans: dict[int, list[Verdict]],
                  doc: Document) -> list[Verdict]:
    """Remove the edge candidates with at most EDGE_PROSE_BLOCKS kept paragraphs of prose above
    or below them; return those removed. Candidates never count as prose, taken or not, and a
    paragraph with residue cut out of it is judged as what is left of it, so the count is the
    same when the output is cleaned again."""
    candidates = [i for i in edge if reasons[i] is None]
    if not candidates:
        return []
    prose = [reasons[i] is None and i not in edge and doc.feats[i].prose for i in range(len(reasons))]
    stopwords = None
    for i, cuts in spans.items():
        if prose[i]:
            if stopwords is None:
                stopwords = language.stopwords(doc.lang)
            prose[i] = features(_cut(doc.blocks[i], cuts, doc.source)[0], stopwords).prose
    above = [0] * (len(prose) + 1)
    for i, p in enumerate(prose):
        above[i + 1] = above[i] + p
    taken = []
    for i in sorted(candidates):
        if above[i] <= EDGE_PROSE_BLOCKS or above[-1] - above[i + 1] <= EDGE_PROSE_BLOCKS:
            reasons[i] = edge[i].reason
            taken.append(edge[i])
    return taken


def _headline(titles: list[Verdict], reasons: list[str | None], doc: Document) -> Verdict | None:
    """The headline opens what is left: the candidate at the first block kept. A repeated
    headline is then certain. A lone title-shaped line is the headline when the next block that
    stays is not title-shaped itself: after it is gone, the body opens with prose, so cleaning
    the output again finds no headline to take. A headline with nothing left under it (an
    extractor that kept only the title) is the headline of an empty body."""
    if not titles:
        return None
    first = _first_kept(reasons)
    title = next((t for t in titles if t.block == first), None)
    if title is None:
        return None
    if title.score >= SURE:
        return title
    for i in range(first + 1, len(doc.blocks)):
        if reasons[i] is None:
            return None if doc.feats[i].title_shaped else title
    return title


def _assemble(doc: Document, reasons: list[str | None], spans: dict[int, list[Verdict]], recheck, reread):
    # Each kept block with spans is cut once: the re-reading and the assembly share the result.
    cut = {}
    for i, verdicts in spans.items():
        if reasons[i] is None:
            text, cuts = _cut(doc.blocks[i], verdicts, doc.source)
            cut[i] = (text if text and recheck(text, doc.lang) is None else "", cuts)
    reasons = _reread(doc, reasons, cut, reread)
    body: list[str] = []
    # Removals are gathered as [start, end, reason] and made once merged: on a page most blocks
    # go, and a run of them removed for one reason with nothing but spacing between is one removal.
    runs: list[list] = []
    source = doc.source
    for i, (block, reason) in enumerate(zip(doc.blocks, reasons)):
        if reason is None:
            if i not in cut:
                body.append(block.text)
                continue
            text, cuts = cut[i]
            if text:
                runs.extend([c.start, c.end, c.reason] for c in cuts)
                body.append(text)
                continue
            # Nothing but residue was left: the block goes as a whole, under the first cut's name.
            # (A leftover that is residue of another kind goes under the cut's name too: the cut
            # is what made the line, and the explained view shows it whole.)
            reason = cuts[0].reason
        if runs and (last := runs[-1])[2] == reason and not source[last[1]:block.start].strip():
            last[1] = block.end
        else:
            runs.append([block.start, block.end, reason])
    runs.sort(key=_START_END)
    return body, [Removal(start, end, reason) for start, end, reason in runs]


def _reread(doc: Document, reasons: list[str | None], cut: dict[int, tuple[str, list[Removal]]], reread) -> list[str | None]:
    """The reasons, with the blocks that the body, read again, says twice. What is left of a cut
    block ("BEIRUT (AP) - The convoy left ..." once a caption glued to it is gone) can be a
    paragraph the text also prints whole, which the block's own text hid: the copy goes as it
    would if the article were cleaned again. `cut` holds what is left of each cut block ("" when
    nothing of the body is)."""
    if not cut:
        return reasons
    kept = [i for i, r in enumerate(reasons) if r is None]
    texts = [cut[i][0] if i in cut else doc.blocks[i].text for i in kept]
    body = [i for i, t in zip(kept, texts) if t]
    reasons = list(reasons)
    for k in reread([t for t in texts if t], doc.lang):
        reasons[body[k]] = "repeated-line"
    return reasons


def _cut(block, verdicts: list[Verdict], source: str) -> tuple[str, list[Removal]]:
    """Cut residue spans out of a block; what is left is the block's text."""
    ordered = sorted(verdicts, key=lambda v: v.span)
    pieces, kept, pos = [], [], 0
    for v in ordered:
        s, e = v.span
        s = max(s, pos)
        if e <= s:
            continue
        pieces.append(block.text[pos:s])
        kept.append((s, e, v.reason))
        pos = e
    pieces.append(block.text[pos:])
    ranges = to_source_ranges(block, source, [(s, e) for s, e, _ in kept])
    cuts = [Removal(start, end, reason) for (start, end), (_, _, reason) in zip(ranges, kept)]
    text = _SPACES.sub(" ", " ".join(p.strip() for p in pieces if p.strip())).strip()
    return ("" if _LEFTOVER.match(text) else text), cuts


def _metadata(meta: list[Verdict]) -> dict:
    """The first value offered for each field wins; captions are all kept, in order."""
    fields: dict = {}
    captions: list[str] = []
    for v in meta:
        if v.reason == "dateline" or v.score >= SURE:
            for name, value in v.meta:
                if name == "caption":
                    if value and value not in captions:
                        captions.append(value)
                elif name in _SCALARS and value and name not in fields:
                    fields[name] = value
    fields["captions"] = tuple(captions)
    return fields
