"""Line verdicts are worked out once per distinct line and handed to every copy of it."""

from clean import document
from clean.article import Verdict
from clean.residue import captions, footer
from clean.residue._lines import LINE, each_line, judged_lines

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
