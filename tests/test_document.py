"""What a block's features say about its shape."""

from clean.document import features

STOP = frozenset({"the", "a", "is", "with", "of", "and", "to", "in", "on"})


def test_a_full_stop_after_a_capital_is_no_sentence_break():
    headline = features("The VW ID. SPACE VIZZION is a weird EV sports wagon with a secret message", STOP)
    assert headline.sentences == 0 and headline.title_shaped
    assert features("J. Scott Applewhite took the picture in the U.S. Capitol on Monday.", STOP).sentences == 1


def test_sentences_inside_a_block_are_counted():
    feat = features("The vote was close. Turnout was high! Was it fair? Observers said so.", STOP)
    assert feat.sentences == 4 and not feat.title_shaped
