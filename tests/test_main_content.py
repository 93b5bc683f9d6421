"""The rule-based main block of a page dump: the stretch of prose that outweighs the furniture
inside it, and what counts as its prose."""

from clean import document, main_content

MENU = ["Home", "World", "Business", "Politics", "Sport", "Opinion", "Culture", "Travel"]
STORY = [
    "Officials in the coastal province said on Monday that the storm had damaged more than two "
    "thousand homes and cut power to much of the region for a second day.",
    "Rescue teams were still searching for three fishermen who went missing on Saturday, the "
    "provincial governor told reporters at an emergency meeting in the capital.",
]
LEAD_IN = ("Two years ago the same coast was hit by a storm of almost the same strength, and the "
           "governor's warning then was short:")
QUOTE = "We are not ready for this, and we will not be ready next time unless we build the walls now."


def _main(lines: list[str]) -> list[str]:
    doc = document.build("\n\n".join(lines))
    first, last = main_content.main_block(doc, [False] * len(doc.blocks))
    return [b.text for b in doc.blocks[first:last + 1]]


def test_a_paragraph_handing_over_to_a_quotation_with_a_colon_opens_the_main_block():
    assert _main(MENU + [LEAD_IN, QUOTE] + STORY + MENU) == [LEAD_IN, QUOTE] + STORY


def test_a_short_label_with_a_colon_above_the_story_does_not():
    assert _main(MENU + ["Read more:", QUOTE] + STORY + MENU) == [QUOTE] + STORY


def test_a_long_line_with_a_colon_over_a_menu_does_not():
    assert _main(MENU + [LEAD_IN] + MENU + STORY + MENU) == STORY
