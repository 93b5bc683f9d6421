"""The shipped block model matches the features computed at cleaning time, and finds the
article in a page dump."""

import math

import pytest

from clean import block_model, clean_text

MENU = ["Home", "World", "Business", "Politics", "Sport", "Opinion", "Culture", "Travel", "Video",
        "Podcasts", "Log in", "Sign up", "Search", "Menu", "Newsletters", "Weather"]
STORY = [
    "Officials in the coastal province said on Monday that the storm had damaged more than two "
    "thousand homes and cut power to much of the region for a second day.",
    "Rescue teams were still searching for three fishermen who went missing on Saturday, the "
    "provincial governor told reporters at an emergency meeting in the capital.",
    "Forecasters said the weather would improve by Wednesday, but warned that rivers in the north "
    "could still burst their banks as water drains from the hills.",
]
FOOTER = ["Privacy policy", "Terms of use", "Contact us", "Advertise", "Careers", "Site map",
          "© 2024 Example Media Group. All rights reserved."]


def test_the_shipped_weights_match_the_features():
    model = block_model.weights()
    assert model["features"] == list(block_model.FEATURES)
    assert len(model["weights"]) == len(block_model.FEATURES)
    assert 0 < model["threshold"] < 1


def test_without_a_model_the_rule_based_main_block_is_kept():
    from clean import document

    doc = document.build("\n".join(MENU + STORY + FOOTER))
    assert block_model.article_blocks(doc, [False] * len(doc.blocks), None, model={}) is None


def test_the_article_of_a_page_dump_is_found():
    page = "Storm damages thousands of homes | Example News\n" + "\n".join(MENU + MENU + STORY + FOOTER)
    article = clean_text(page)
    assert article.kind == "page"
    assert article.body == tuple(STORY)
    assert {r.reason for r in article.removed} >= {"outside-main", "nav-label"}


def test_every_feature_is_either_a_blocks_own_or_its_place():
    assert sorted(block_model.OWN + block_model.PLACE) == sorted(block_model.FEATURES)
    assert not set(block_model.OWN) & set(block_model.PLACE)


def test_probabilities_weigh_the_rows_that_training_sees():
    from clean import document

    page = "Storm damages thousands of homes | Example News\n" + "\n".join(MENU + MENU + STORY + MENU + FOOTER)
    doc = document.build(page)
    flagged = [i % 3 == 0 for i in range(len(doc.blocks))]
    main = (len(MENU) * 2 + 1, len(MENU) * 2 + len(STORY))
    w = block_model.weights()["weights"]
    fast = block_model.probabilities(doc, flagged, main)
    rows = block_model.features(doc, flagged, main)
    assert all(len(row) == len(block_model.FEATURES) for row in rows)
    logistic = [1 / (1 + math.exp(-max(-30.0, min(30.0, sum(x * v for x, v in zip(row, w)))))) for row in rows]
    assert fast == pytest.approx(logistic, abs=1e-12)


def test_a_model_naming_other_features_is_refused():
    from clean import document

    doc = document.build("\n".join(MENU + STORY))
    model = dict(block_model.weights(), features=list(reversed(block_model.FEATURES)))
    with pytest.raises(ValueError):
        block_model.article_blocks(doc, [False] * len(doc.blocks), None, model=model)
