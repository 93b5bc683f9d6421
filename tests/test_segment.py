"""Blocks from text: a sentence broken at its links by a one-text-node-per-line scraper is one
block again; lines that only look alike stay apart."""

import pytest

from clean import Cleaner
from clean.segment import segment, to_source

# BeautifulSoup's get_text("\n"): every link and emphasis its own line, a text node's own
# trailing space kept.
FRAGMENTED = (
    "Below, we analyze the snap counts and stats on defense for the \n"
    "Cleveland Browns\n"
    "’ Week 11 game against the \n"
    "Pittsburgh Steelers\n"
    ".\n"
    "\n"
    "Defensive Line\n"
)


def test_a_sentence_broken_at_its_links_is_one_block():
    blocks = segment(FRAGMENTED)
    assert [b.text for b in blocks] == [
        "Below, we analyze the snap counts and stats on defense for the Cleveland Browns’ Week 11 game "
        "against the Pittsburgh Steelers.",
        "Defensive Line",
    ]


def test_a_joined_block_maps_back_to_its_lines_in_the_source():
    block = segment(FRAGMENTED)[0]
    start, end = to_source(block, FRAGMENTED, 0, len(block.text))
    assert FRAGMENTED[start:end].startswith("Below, we analyze")
    assert FRAGMENTED[start:end].endswith("Pittsburgh Steelers\n.")
    word = block.text.index("Cleveland")
    start, end = to_source(block, FRAGMENTED, word, word + len("Cleveland Browns"))
    assert FRAGMENTED[start:end] == "Cleveland Browns"


def test_lines_that_end_a_sentence_or_start_one_stay_apart():
    text = "The council met on Monday.\n(The meeting was public.)\nMenu \nHome\nNews\n"
    assert [b.text for b in segment(text)] == [
        "The council met on Monday.", "(The meeting was public.)", "Menu", "Home", "News",
    ]


def test_columns_padded_with_spaces_are_not_one_sentence():
    # inscriptis lays table cells side by side and pads them: the run of spaces ends a cell.
    text = "Other news in this section      \nyesterday the council voted to close the library.\n"
    assert len(segment(text)) == 2


def test_the_cleaned_article_keeps_the_sentence_whole():
    text = (
        "Local news\n\n"
        "The city council voted on Tuesday to close the \nmain library\n for renovation, "
        "a decision that drew dozens of residents to the meeting.\n\n"
        "The work is expected to take eighteen months and cost about $4 million, officials said.\n"
    )
    body = Cleaner().clean(text).body
    assert ("The city council voted on Tuesday to close the main library for renovation, a decision "
            "that drew dozens of residents to the meeting.") in body


def test_a_link_inside_quotation_marks_stays_in_its_sentence():
    text = "Jessie Buckley performs it at the end of “\nWild Rose\n” — easily the year’s best song.\n"
    assert [b.text for b in segment(text)] == [
        "Jessie Buckley performs it at the end of “Wild Rose” — easily the year’s best song."
    ]


def test_a_text_node_opening_on_the_pages_nbsp_goes_on_the_line_above():
    text = "Scooter Braun\n\u00a0is allegedly unhappy with the way his partner has handled the schism.\n"
    assert [b.text for b in segment(text)] == [
        "Scooter Braun is allegedly unhappy with the way his partner has handled the schism."]


def test_list_items_padded_with_a_closing_nbsp_stay_apart():
    text = "Poland (Group G): fourth appearance\u00a0\nFrance (Group H): tenth appearance\u00a0\n"
    assert len(segment(text)) == 2


# German capitalises its nouns, and every language its names: a text node of running text may end
# on a capital right before a link that opens on one.
BETWEEN_CAPITALS = {
    "de": ("Auf der dritten Tagung der Synode sprach der Bischof der Evangelischen \nKirche Berlin-Brandenburg\n"
           " über die Erneuerung des Gottesdienstes.\n",
           "Auf der dritten Tagung der Synode sprach der Bischof der Evangelischen Kirche Berlin-Brandenburg "
           "über die Erneuerung des Gottesdienstes."),
    "fr": ("A peine nommée, la nouvelle ministre des Sports, \nRoxana Maracineanu\n, a présenté son équipe.\n",
           "A peine nommée, la nouvelle ministre des Sports, Roxana Maracineanu, a présenté son équipe."),
    "en": ("The research was conducted in the Smart and Sustainable \nAutomation Research Lab\n at the university.\n",
           "The research was conducted in the Smart and Sustainable Automation Research Lab at the university."),
}


@pytest.mark.parametrize("lang", sorted(BETWEEN_CAPITALS))
def test_running_text_broken_between_two_capitals_is_one_block(lang):
    text, sentence = BETWEEN_CAPITALS[lang]
    assert [b.text for b in segment(text)] == [sentence]


def test_labels_and_menus_ending_in_a_space_stay_apart():
    # Too short to be running text, or no word in lower case: a label over a link, a menu.
    text = ("Mehr zum Thema \nVerwandte Artikel\nLeave a Reply \nCancel reply\n"
            "Politik Wirtschaft Sport Kultur \nReise\nVon \nAnna Schmidt\n"
            # A heading over a list: the text does not go on under its first entry.
            "Top Themen der Redaktion \nATP\nWTA\n")
    assert [b.text for b in segment(text)] == [
        "Mehr zum Thema", "Verwandte Artikel", "Leave a Reply", "Cancel reply",
        "Politik Wirtschaft Sport Kultur", "Reise", "Von", "Anna Schmidt", "Top Themen der Redaktion", "ATP", "WTA"]
