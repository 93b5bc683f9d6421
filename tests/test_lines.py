"""Line verdicts are worked out once per distinct line and handed to every copy of it."""

from clean import document
from clean.article import Verdict
from clean.residue import captions, footer
from clean.residue._lines import LINE, each_line, entries, judged_lines, runs

PAGE = "Share\nA first sentence of the story, long enough to read as prose here.\nShare\n© 2024 Example Media\nShare"


def test_each_line_judges_a_distinct_line_once_and_gives_every_copy_its_index():
    doc = document.build(PAGE, None, "en")
    calls = []

    def judge(text, feat):
        calls.append(text)
        if text == "Share":
            yield Verdict(LINE, "share", span=(0, 5))

    verdicts = list(each_line(doc, judge))
    assert sorted(calls) == sorted(set(b.text for b in doc.blocks))
    assert [(v.block, v.reason, v.span) for v in verdicts] == [(0, "share", (0, 5)), (2, "share", (0, 5)),
                                                             (4, "share", (0, 5))]


def test_judged_lines_is_one_judgement_per_block_in_order():
    doc = document.build(PAGE, None, "en")
    calls = []

    def judge(text, feat):
        calls.append(text)
        return feat.words

    assert judged_lines(doc, judge) == [f.words for f in doc.feats]
    assert len(calls) == len(set(b.text for b in doc.blocks))


def test_a_repeated_residue_line_is_flagged_at_every_copy():
    lines = ["© 2024 Example Media. All rights reserved."] * 3 + ["Photo: Jane Doe/AFP via Getty Images"] * 2
    doc = document.build("\n".join(lines), None, "en")
    assert [v.block for v in footer.detect(doc)] == [0, 1, 2]
    assert {v.block for v in captions.detect(doc)} == {3, 4}


def test_runs_group_marks_within_reach_and_prose_between_ends_a_run():
    marked = [True, False, True, False, False, False, True, True]
    assert list(runs(marked, 2)) == [[0, 2], [6, 7]]
    assert list(runs(marked, 4)) == [[0, 2, 6, 7]]
    doc = document.build("x\nA first sentence of the story, long enough to read as prose here.\nx", None, "en")
    assert list(runs([True, False, True], 2, doc.feats)) == [[0], [2]]


LIST = ("A first sentence of the story, long enough to read as prose here.\n"
        "Headline one of the list\nSource One\n2 hours ago\n"
        "Headline two of the list\nSource Two\n3 hours ago\n"
        "Headline three of the list\nSource Three\n5 hours ago\n"
        "Another sentence of the story, long enough to read as prose here.")


def test_entries_grow_a_run_over_the_lines_each_entry_puts_around_its_mark():
    doc = document.build(LIST, None, "en")
    stamps = [i for i, b in enumerate(doc.blocks) if b.text.endswith(" ago")]
    # Each entry puts its headline and source above its stamp and nothing below it, so the
    # list is the headlines to the last stamp: neither paragraph of the story.
    assert entries(stamps, doc.feats) == (1, 9)


THREAD = ("ann says:\nFirst comment, long enough to read as a paragraph of prose here.\n"
          "bob says:\nSecond comment, long enough to read as a paragraph of prose here.\n"
          "It runs on to a second paragraph that also reads as prose here.\n"
          "It runs on to a third paragraph that also reads as prose here too.\n"
          "cat says:\nThird comment, long enough to read as a paragraph of prose here.\n"
          "A reply with no signature, long enough to read as a paragraph of prose.\n"
          "A second reply with no signature, long enough to read as prose here.\n"
          "A third reply with no signature, long enough to read as prose here.\n"
          "A fourth reply with no signature, long enough to read as prose here.")


def test_entries_of_varying_length_reach_as_far_below_the_last_mark_as_the_longest_entry():
    doc = document.build(THREAD.replace("\n", "\n\n"), None, "en")  # not hard-wrapped
    marks = [i for i, b in enumerate(doc.blocks) if b.text.endswith("says:")]
    assert marks == [0, 2, 6]
    assert entries(marks, doc.feats) == (0, 7)  # the shortest entry: one paragraph
    assert entries(marks, doc.feats, longest=True) == (0, 9)  # the longest: three
