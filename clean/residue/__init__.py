"""Detectors, one module per residue family.

Each detector reads a `Document` and yields `Verdict`s; none removes anything or knows about the
others. `decide` weighs their verdicts together. The reason codes a detector can emit are listed
in its module's `REASONS`, and documented in docs/reasons.md.
"""

from . import (
    captions,
    comments,
    footer,
    headline,
    metadata,
    navigation,
    notice,
    player,
    prompts,
    related,
    social,
    tracking,
)

FAMILIES = (
    headline,
    metadata,
    navigation,
    tracking,
    captions,
    player,
    social,
    prompts,
    related,
    comments,
    footer,
    notice,
)

DETECTORS = tuple(family.detect for family in FAMILIES)

# When two verdicts of equal strength claim a block, the more specific reason names it.
PRIORITY = tuple(reason for family in FAMILIES for reason in family.REASONS)
