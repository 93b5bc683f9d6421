"""Learning from a corpus without URLs: records of several stories, links folded, openings and
closings of lines (frames), and the guard that a line every story of one event prints is body."""

from clean import Cleaner
from clean.profile import Thresholds, dumps, learn, line_fingerprint, loads, normalise
from clean.residue import site

SEP = " ||||| "
EVENTS = ["warehouse fire", "bridge closure", "school board vote", "flood warning", "port strike"]


# Each event's stories tell it in their own sentences, as real reporting does.
BODY = {
    "warehouse fire": ["Flames tore through a paper warehouse near the docks before dawn on Monday.",
                       "Crews from four stations needed six hours to bring the blaze under control."],
    "bridge closure": ["Engineers shut the old river bridge after finding cracks in two of its piers.",
                       "Commuters face detours of up to forty minutes while repairs are planned."],
    "school board vote": ["Board members voted five to two to extend the school day by thirty minutes.",
                          "Parents packed the meeting hall, many holding signs against the change."],
    "flood warning": ["Forecasters warned that the river could crest three feet above flood stage.",
                      "Sandbags were handed out at fire stations across the low-lying east side."],
    "port strike": ["Dock workers walked off the job at midnight after talks on pay broke down.",
                    "Dozens of container ships were left waiting at anchor outside the harbour."],
}


def _story(event: str, n: int, outlet: int) -> str:
    lines = list(BODY[event])
    # Every story of the event quotes the mayor: body, repeated within one record only.
    lines.append(f"\"We will get through this {event} together, and we will be stronger for it,\" the mayor said.")
    if outlet == 0:  # this outlet closes every story with its share line, a link that changes
        lines.append(f"Read or Share this story: http://usat.ly/{n}xY{outlet}Zq{len(event)}")
    if outlet == 1:  # this one embeds a video teaser whose title changes
        lines.insert(1, f"JUST WATCHED {event.title()} update {n} Replay More Videos ... MUST WATCH")
    return "\n\n".join(lines)


def _records():
    return [SEP.join(_story(event, n, outlet) for outlet in range(3)) for n, event in enumerate(EVENTS)]


def _profile(**thresholds):
    return learn(((r, None) for r in _records()), Thresholds(min_share=0.0, **thresholds), doc_sep="|||||")


def test_links_fold_so_a_line_that_only_changes_its_link_is_one_line():
    assert normalise("Read or Share this story: http://usat.ly/2bhE4i4") == \
        normalise("Read or Share this story: https://usat.ly/2NjrbY6")
    assert line_fingerprint("See www.example.com/a/b") == line_fingerprint("See www.example.org/c")


def test_frames_learn_what_recurs_and_the_event_quote_stays_body():
    profile = _profile(frame_words=5)
    samples = {line.sample for line in profile.sources[""].boilerplate().values()}
    assert "read or share this story url" in samples  # the whole line, its link folded
    assert "just watched … " not in samples
    assert "… replay more videos must watch" in samples
    # The mayor's quote is in three stories of each record, in five records: but each record is
    # one event, and the quote changes with it; no line or frame of it is learned.
    assert not any("mayor" in s or "together" in s for s in samples)
    assert not any(word in s for s in samples for word in ("flames", "engineers", "board", "forecasters", "dock"))
    # Frames are off by default: the teaser lines differ, so nothing learns them.
    plain = {line.sample for line in _profile().sources[""].boilerplate().values()}
    assert not any("must watch" in s for s in plain)


def test_a_line_counts_once_per_record():
    # Three stories of one record print the same sentence: one sighting, not three.
    record = SEP.join(["The same paragraph, printed by every story about the event today."] * 3)
    profile = learn([(record, None)] * 2, Thresholds(min_docs=3, min_share=0.0), doc_sep="|||||")
    line = profile.sources[""].lines[line_fingerprint("The same paragraph, printed by every story about the event today.")]
    assert line.df == 2 and line.count == 6 and not line.boilerplate


def test_the_cleaner_removes_framed_lines_and_explains_them():
    profile = loads(dumps(_profile(frame_words=5)))  # the frames survive the file format
    assert profile.thresholds.frame_words == 5
    BODY["power cut"] = ["The lights went out across the north side just after the evening news began.",
                         "Linemen worked through the night to restore the feeder that had failed."]
    text = _story("power cut", 9, 1)
    article = Cleaner(profile=profile).clean(text)
    assert "JUST WATCHED" not in article.text and "mayor said" in article.text
    assert {r.reason for r in article.removed} >= {"site-boilerplate"} or \
        {r.reason for r in article.removed} >= {"player"}
    from clean import document

    notes = site.explain(profile, None, document.build(text))
    assert any("lines framed '… replay more videos must watch'" in note for note in notes.values())


def test_clean_learn_on_a_corpus_without_urls(tmp_path):
    # The command a Multi-News user runs: stories joined by |||||, line breaks as NEWLINE_CHAR,
    # no URL; then clean with the profile and see the explanation.
    import json

    from test_cli import run

    records = [{"id": n, "document": r.replace("\n\n", " NEWLINE_CHAR ")} for n, r in enumerate(_records())]
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    out = tmp_path / "corpus.profile.gz"
    run("learn", corpus, "--text-key", "document", "--newline-token", "NEWLINE_CHAR", "--doc-sep", "|||||",
        "--min-share", "0", "--frame-words", "5", "-o", out)
    profile = loads(out.read_bytes())
    assert profile.thresholds.frame_words == 5 and profile.sources[""].docs == len(records)
    assert "… replay more videos must watch" in {line.sample for line in profile.sources[""].boilerplate().values()}
    proc = run("--jsonl", "--text-key", "document", "--newline-token", "NEWLINE_CHAR", "--doc-sep", "|||||",
               "--profile", out, corpus)
    cleaned = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert all("Read or Share" not in r["document"] and "mayor said" in r["document"] for r in cleaned)
    assert all(len(r["metadata"]["clean"]["stories"]) == 3 for r in cleaned)
