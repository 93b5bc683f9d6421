"""Prompts aimed at the reader, not part of the story: advertisement markers, newsletter and
subscription pitches, cookie banners."""

from __future__ import annotations

from collections.abc import Iterator

from ..article import Verdict
from ..document import Document, Features

REASONS = ("advert", "newsletter", "cookie")

# What a line's own text says (ad markers, pitches, calls for donations, a sign-up form's texts,
# cookie banners and their buttons, affiliate disclosures) is judged natively
# (src/judges/prompts.rs). Other languages' words are data (clean/data/residue/<lang>.txt,
# sections [cookie-button], [advert], [cookie], [newsletter], matched natively:
# `Document.worded`), read here for the lines the native judge leaves alone; which buttons sit near a banner is told here, by the lines around.
MAX_BANNER_WORDS = 200
MAX_PITCH_WORDS = 40

# How far from a cookie banner its buttons may sit.
BUTTON_REACH = 3


def detect(doc: Document) -> Iterator[Verdict]:
    banner = -BUTTON_REACH - 1  # index of the last cookie banner seen
    buttons: list[int] = []  # button-shaped lines since then, waiting for a banner below them
    judged_lines = doc.judged["prompts"]
    if doc.worded:
        unlisted = [False] * len(doc.lines)
        listed = [doc.worded.get(section) or unlisted for section in _SECTIONS]
        judged_lines = [found or _judge_words(feat, *named)
                        for (_, feat), found, *named in zip(doc.lines, judged_lines, *listed)]
    for i, k in enumerate(doc.line_of):
        judged = judged_lines[k]
        if judged is None:
            continue
        kind, span = judged
        if kind == "button":
            if i - banner <= BUTTON_REACH:
                yield Verdict(i, "cookie")
            else:
                buttons.append(i)
        elif kind == "banner":
            yield Verdict(i, "cookie")
            yield from (Verdict(b, "cookie") for b in buttons if i - b <= BUTTON_REACH)
            banner, buttons = i, []
        elif kind == "affiliate":
            # Less sure than an ad marker: a deals post prints it under every product, and it
            # must not make such a post look like a page full of furniture.
            yield Verdict(i, "advert", score=0.9)
        else:
            yield Verdict(i, kind, span=span)


# The vocabulary's sections of lines read here, in the order `_judge_words` takes them.
_SECTIONS = ("cookie-button", "advert", "cookie", "newsletter")


def _judge_words(feat: Features, button: bool, advert: bool, banner: bool, pitch: bool) -> tuple[str, None] | None:
    """The native judgement's (src/judges/prompts.rs), from whether the document's language's
    vocabulary lists the line in each of `_SECTIONS` (`Document.worded`)."""
    if feat.chars <= 40 and button:
        return "button", None
    if feat.chars <= 60 and advert:
        return "advert", None
    if feat.words <= MAX_BANNER_WORDS and banner:
        return "banner", None
    if feat.words <= MAX_PITCH_WORDS and pitch:
        return "newsletter", None
    return None
