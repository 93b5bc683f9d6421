"""The rule-based main block of a page dump: the stretch of prose that outweighs the furniture
inside it, and what counts as its prose."""

import pytest

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


# A page's title holding its headline cut short, the headline printed in full over the article,
# and the short form again in a teaser list; per language.
SHORT_TITLES = {
    "de": ("Stadtrat beschließt neue Brücke", "Stadtrat beschließt neue Brücke über den Fluss",
           "Stadtrat beschließt neue Brücke über den Fluss, obwohl die Opposition seit Monaten dagegen stimmt."),
    "fr": ("Le conseil vote un nouveau pont", "Le conseil vote un nouveau pont sur la rivière",
           "Le conseil vote un nouveau pont sur la rivière, alors que l'opposition s'y oppose depuis des mois."),
    "en": ("Council approves a new bridge", "Council approves a new bridge over the river",
           "Council approves a new bridge over the river, although the opposition has fought it for months."),
}


def _anchors(lines: list[str]) -> list[str]:
    doc = document.build("\n\n".join(lines))
    return [doc.blocks[i].text for i in main_content.headline_anchors(doc)]


@pytest.mark.parametrize("lang", sorted(SHORT_TITLES))
def test_a_headline_running_on_from_the_titles_short_form_is_the_anchor(lang):
    short, full, _ = SHORT_TITLES[lang]
    assert _anchors([f"{short} - Example Site"] + MENU + [full] + STORY + [short] + MENU) == [full]


@pytest.mark.parametrize("lang", sorted(SHORT_TITLES))
def test_a_sentence_opening_with_the_title_or_a_short_site_name_is_not(lang):
    short, _, sentence = SHORT_TITLES[lang]
    # The sentence is not headline-shaped: the exact copy in the teaser list is the anchor.
    assert _anchors([f"{short} - Example Site"] + MENU + [sentence] + STORY + [short] + MENU) == [short]
    # A two-word part (a site's name) is only ever matched whole.
    assert _anchors([f"{short} - Example Site"] + MENU + ["Example Site Newsletter"] + STORY) == []
