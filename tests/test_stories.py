"""A record of several stories reports each story's own metadata (`metadata.clean.stories`)."""

import json

from clean import Cleaner

STORY_A = ("Firefighters battle huge warehouse blaze overnight NEWLINE_CHAR By Jane Doe NEWLINE_CHAR "
           "WASHINGTON (AP) — Firefighters battled a blaze at a warehouse on the east side of the city "
           "through the night, officials said on Sunday. NEWLINE_CHAR No one was hurt, but the building "
           "was a total loss, according to the fire department.")
STORY_B = ("Mayor orders inspections of every old warehouse NEWLINE_CHAR Published: March 3, 2019 NEWLINE_CHAR "
           "The mayor ordered inspections of every warehouse in the district after the fire, her office "
           "said on Monday. NEWLINE_CHAR Owners will have ninety days to make repairs, the city said.")
STORY_C = "Starting in 1996, Alexa Internet has been donating their crawl data to the Internet Archive."


def _clean(*stories):
    text = " ||||| ".join(stories)
    return text, Cleaner(newline_token="NEWLINE_CHAR", doc_sep="|||||").clean(text)


def test_each_story_has_its_own_metadata():
    text, article = _clean(STORY_A, STORY_B, STORY_C)
    stories = article.metadata()["stories"]
    assert [(s["title"], s["byline"], s["date"], s["source"], s["dateline"]) for s in stories] == [
        ("Firefighters battle huge warehouse blaze overnight", "Jane Doe", None, "AP", "WASHINGTON (AP) —"),
        ("Mayor orders inspections of every old warehouse", None, "March 3, 2019", None, None),
        (None, None, None, None, None),
    ]
    # The spans point into the input, one story each, in order.
    assert [text[a:b].strip() for a, b in (s["span"] for s in stories)] == [STORY_A, STORY_B, STORY_C]
    # The record-level fields stay the first story's, as before.
    assert (article.title, article.byline, article.date) == (stories[0]["title"], "Jane Doe", None)
    json.dumps(article.metadata())  # plain JSON


def test_a_single_story_has_no_stories_list():
    _, article = _clean(STORY_A)
    assert "stories" not in article.metadata()
    assert Cleaner(newline_token="NEWLINE_CHAR").clean(STORY_A).metadata().get("stories") is None
