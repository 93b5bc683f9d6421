"""``python -m clean.bench multinews``: clean Multi-News records and score them line by line.

The records (``DIR/records.jsonl(.gz)``: ``{"id", "document", "summary"}``) are cleaned the way a
user cleans Multi-News (``Cleaner(newline_token="NEWLINE_CHAR", doc_sep="|||||")``), and every
removed span is mapped back to the lines it covers. A line is a non-empty unit between
``NEWLINE_CHAR`` tokens of one story, numbered from 0 within its story.

With a line gold (``--gold``: one JSON object per line, ``{"id", "story", "line", "label",
"reason", "residue_text", "head"}``, label ``body``/``residue``/``mixed``) the report gives:

- residue lines removed, per family (the gold's reason); a mixed line counts once here, removed
  when its residue part is;
- body lines kept; a mixed line counts once here too, kept when nothing outside its residue part
  went;
- the records that lost any body line, with the lines (record, story, line, reason, head), and
  the body paragraphs (lines) of 30 words or more that lost anything.

With ``--learn``, a profile is learned from the records themselves the way a user of a corpus
without URLs would learn one (``clean learn --doc-sep '|||||' --min-share 0 --frame-words 5``), the
records are cleaned again with it, and the report says what it caught that the rules missed
(residue lines removed only with the profile) and what body it cost.

Without a gold it still reports what needs none: fragments left by partial cuts (a kept piece of
a partly removed line that starts or ends inside a word, opens on a lower-case letter or on
closing punctuation, or holds no letter or digit at all), and the summary words lost (a word of
the record's summary held by the source and no longer by the cleaned text). With a gold, the
summary words lost are also counted apart where a body line held them: a summary also cites what
the gold calls residue (an outlet's name in a credit, a caption's words), and only a loss through
body text says that the article lost something.
"""

from __future__ import annotations

import gzip
import json
import re
import sys
from pathlib import Path
from typing import NamedTuple

NEWLINE_TOKEN = "NEWLINE_CHAR"
DOC_SEP = "|||||"
LONG_PARAGRAPH_WORDS = 30
# A record whose cleaning took this share of its summary's words (of those its source holds) is
# listed: losing a summary word is a warning sign that body text went.
SUMMARY_LOSS_SHARE = 0.02
LABELS = ("body", "residue", "mixed")
# Floors: shares that must not fall below ("min") and counts that must not rise above ("max").
FLOOR_KEYS = {
    "min": ("residue_removed", "body_kept"),
    "max": ("records_losing_body", "records_losing_paragraph", "paragraphs_lost", "fragments",
            "records_losing_summary", "records_losing_summary_body"),
}

_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)?")
_ALNUM = re.compile(r"[^\W_]")
# A kept piece may not open on these: they close something that was cut away.
_CLOSING = ".,;:!?%)]}"


class BenchError(Exception):
    """A problem with the data, the gold or the floors file, not with the cleaner."""


class Line(NamedTuple):
    story: int
    index: int
    start: int  # span of the stripped line in the record's document
    end: int


def add_arguments(parser) -> None:
    parser.add_argument("--data", required=True, type=Path, metavar="DIR",
                        help="folder with records.jsonl(.gz): {id, document, summary}")
    parser.add_argument("--gold", type=Path, metavar="GOLD",
                        help="line gold (JSONL: id, story, line, label, reason, residue_text, head)")
    parser.add_argument("--json", type=Path, metavar="OUT",
                        help="also write the full report, every listed line included, as JSON to OUT")
    parser.add_argument("--check", type=Path, metavar="FLOORS",
                        help="exit 1 if a score is below its floor (or a count above its ceiling) "
                             "in this JSON file")
    parser.add_argument("--learn", action="store_true",
                        help="also learn a profile from the records themselves and report what it "
                             "adds to the rules and what body it costs")
    parser.add_argument("--show", type=int, default=20, metavar="N",
                        help="list at most N lines per section in the table (default 20)")


def command(args) -> int:
    try:
        floors = load_floors(args.check) if args.check else None
        records = load_records(args.data)
        gold = load_gold(args.gold) if args.gold else None
        report = run(records, gold, learn=args.learn)
    except BenchError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    print(format_table(report, args.show))
    if args.json:
        args.json.write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    if floors is None:
        return 0
    failures = check_floors(report, floors)
    if failures:
        print(f"\nFAILED: beyond the floors in {args.check}:")
        for line in failures:
            print("  " + line)
        return 1
    print(f"\nfloors OK ({args.check})")
    return 0


# --- data -------------------------------------------------------------------

def _read_jsonl(path: Path) -> list:
    opener = gzip.open if path.suffix == ".gz" else open
    rows = []
    try:
        with opener(path, "rt", encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                if line.strip():
                    try:
                        rows.append(json.loads(line))
                    except ValueError as e:
                        raise BenchError(f"{path}:{n}: not JSON: {e}") from e
    except OSError as e:
        raise BenchError(f"cannot read {path}: {e}") from e
    return rows


def load_records(data: Path) -> list:
    for name in ("records.jsonl", "records.jsonl.gz"):
        if (data / name).is_file():
            rows = _read_jsonl(data / name)
            break
    else:
        raise BenchError(f"{data}/records.jsonl(.gz) not found")
    seen = set()
    for n, row in enumerate(rows, 1):
        if not isinstance(row, dict) or not isinstance(row.get("id"), str) \
                or not isinstance(row.get("document"), str):
            raise BenchError(f"{data}: record {n} needs a string id and document")
        if row["id"] in seen:
            raise BenchError(f"{data}: duplicate record id {row['id']!r}")
        seen.add(row["id"])
    return rows


def load_gold(path: Path) -> dict:
    """{(id, story, line): row}."""
    gold = {}
    for n, row in enumerate(_read_jsonl(path), 1):
        try:
            key = (row["id"], int(row["story"]), int(row["line"]))
            label = row["label"]
        except (KeyError, TypeError, ValueError) as e:
            raise BenchError(f"{path}: row {n} needs id, story, line and label") from e
        if label not in LABELS:
            raise BenchError(f"{path}: row {n}: label {label!r} is not one of {', '.join(LABELS)}")
        if label != "body" and not row.get("reason"):
            raise BenchError(f"{path}: row {n}: a {label} line needs its reason")
        if key in gold:
            raise BenchError(f"{path}: row {n}: duplicate line {key}")
        gold[key] = row
    return gold


# --- lines and what was removed of them ---------------------------------------

def split_lines(document: str) -> list:
    """Every non-empty line of every story, with its span in the document."""
    lines = []
    pos = 0
    for s, story in enumerate(document.split(DOC_SEP)):
        index = 0
        lpos = pos
        for seg in story.split(NEWLINE_TOKEN):
            stripped = seg.strip()
            if stripped:
                a = lpos + (len(seg) - len(seg.lstrip()))
                lines.append(Line(s, index, a, a + len(stripped)))
                index += 1
            lpos += len(seg) + len(NEWLINE_TOKEN)
        pos += len(story) + len(DOC_SEP)
    return lines


def _merge(spans: list) -> list:
    out = []
    for a, b, reason in sorted(spans):
        if out and a <= out[-1][1]:
            if b > out[-1][1]:
                out[-1] = (out[-1][0], b, out[-1][2])
        else:
            out.append((a, b, reason))
    return out


def line_cut(document: str, line: Line, removed: list) -> dict:
    """What the cleaning did to one line: its removed and kept pieces (spans in the document),
    the reasons that removed it (most characters first) and whether any letter or digit went or
    stayed."""
    a, b = line.start, line.end
    cut = _merge([(max(a, s), min(b, e), r) for s, e, r in removed if s < b and e > a])
    weight = {}
    for s, e, r in cut:
        weight[r] = weight.get(r, 0) + e - s
    # _merge keeps the first reason of overlapping spans; recount from the raw spans.
    weight = {}
    for s, e, r in removed:
        if s < b and e > a:
            weight[r] = weight.get(r, 0) + min(b, e) - max(a, s)
    kept = []
    pos = a
    for s, e, _ in cut:
        if s > pos:
            kept.append((pos, s))
        pos = max(pos, e)
    if pos < b:
        kept.append((pos, b))
    text_kept = "".join(document[s:e] for s, e in kept)
    text_cut = "".join(document[s:e] for s, e, _ in cut)
    return {
        "cut": [(s, e) for s, e, _ in cut],
        "kept": kept,
        "reasons": sorted(weight, key=lambda r: -weight[r]),
        "lost_any": bool(_ALNUM.search(text_cut)),
        "kept_any": bool(_ALNUM.search(text_kept)),
    }


def fragments(document: str, line: Line, cut: dict) -> list:
    """The kept pieces of a partly removed line that are pieces of a word or of a sentence."""
    if not cut["cut"]:
        return []
    out = []
    for s, e in cut["kept"]:
        piece = document[s:e]
        lead = len(piece) - len(piece.lstrip())
        trail = len(piece) - len(piece.rstrip())
        body = piece.strip()
        if not body:
            continue
        after_cut = s > line.start
        before_cut = e < line.end
        why = None
        if not _ALNUM.search(body):
            why = "no letter or digit"
        elif after_cut and not lead and document[s - 1].isalnum() and body[0].isalnum():
            why = "starts inside a word"
        elif before_cut and not trail and document[e].isalnum() and body[-1].isalnum():
            why = "ends inside a word"
        elif after_cut and body[0] in _CLOSING:
            why = "starts on closing punctuation"
        elif after_cut and body[0].islower():
            why = "starts in lower case"
        if why:
            out.append({"piece": body[:80], "why": why})
    return out


def words(text: str) -> set:
    return {w.lower() for w in _WORD.findall(text)}


# --- the run ----------------------------------------------------------------

# How a user learns a profile from a corpus without URLs: every record is one source's, a line
# counts once per record, and openings and closings of five words are learned too.
LEARN_THRESHOLDS = {"min_share": 0.0, "frame_words": 5}


def learn_profile(records: list):
    from clean.profile import Thresholds, learn

    return learn(((rec["document"], None) for rec in records), Thresholds(**LEARN_THRESHOLDS),
                 newline_token=NEWLINE_TOKEN, doc_sep=DOC_SEP)


def clean_records(records: list, profile=None) -> list:
    from clean import Cleaner

    cleaner = Cleaner(newline_token=NEWLINE_TOKEN, doc_sep=DOC_SEP, profile=profile)
    out = []
    for rec in records:
        try:
            out.append(cleaner.clean(rec["document"]))
        except Exception as e:  # name the record, not a bare traceback
            raise RuntimeError(f"cleaning {rec['id']} failed: {e!r}") from e
    return out


def _head(text: str, n: int = 8) -> str:
    return " ".join(text.split()[:n])


def run(records: list, gold: dict | None, learn: bool = False) -> dict:
    articles = clean_records(records)
    n_lines = n_stories = 0
    residue: dict = {}  # reason -> [lines, removed]
    body = [0, 0]  # lines, kept
    mixed = [0, 0, 0]  # lines, residue part removed, body part kept
    lost_lines: list = []
    missed: list = []
    frag_rows: list = []
    removed_by: dict = {}  # reason -> lines it removed wholly, gold or not
    summary_rows: list = []
    summary_totals = [0, 0, 0]  # held, lost, lost where a body line held them
    summary_body_records = 0
    seen_gold = set()
    for rec, art in zip(records, articles):
        doc = rec["document"]
        removed = [(r.start, r.end, r.reason) for r in art.removed]
        lines = split_lines(doc)
        body_words: set = set()  # the words the gold's body text holds, for the summary guard
        n_lines += len(lines)
        n_stories += doc.count(DOC_SEP) + 1
        for line in lines:
            text = doc[line.start:line.end]
            cut = line_cut(doc, line, removed)
            where = {"id": rec["id"], "story": line.story, "line": line.index, "head": _head(text)}
            for f in fragments(doc, line, cut):
                frag_rows.append({**where, **f})
            if cut["lost_any"] and not cut["kept_any"]:
                removed_by[cut["reasons"][0]] = removed_by.get(cut["reasons"][0], 0) + 1
            if gold is None:
                continue
            key = (rec["id"], line.story, line.index)
            g = gold.get(key)
            if g is None:
                raise BenchError(f"gold has no line {key} ({_head(text)!r})")
            seen_gold.add(key)
            label = g["label"]
            if label == "residue":
                ok = not cut["kept_any"]
                _count(residue, g["reason"], ok)
                if not ok:
                    missed.append({**where, "reason": g["reason"], "partly": cut["lost_any"]})
            elif label == "body":
                body_words |= words(text)
                ok = not cut["lost_any"]
                body[0] += 1
                body[1] += ok
                if not ok:
                    lost_lines.append({**where, "reason": ",".join(cut["reasons"]),
                                       "words": len(text.split()), "whole": not cut["kept_any"]})
            else:
                body_words |= words(text.replace(g.get("residue_text") or "", " "))
                res_ok, body_ok = _score_mixed(doc, line, g.get("residue_text") or "", cut)
                mixed[0] += 1
                mixed[1] += res_ok
                mixed[2] += body_ok
                _count(residue, g["reason"], res_ok)
                body[0] += 1
                body[1] += body_ok
                if not res_ok:
                    missed.append({**where, "reason": g["reason"], "partly": cut["lost_any"]})
                if not body_ok:
                    lost_lines.append({**where, "reason": ",".join(cut["reasons"]),
                                       "words": len(text.split()), "whole": False})
        if rec.get("summary"):
            source = words(doc.replace(NEWLINE_TOKEN, " ").replace(DOC_SEP, " "))
            held = words(rec["summary"]) & source
            lost = sorted(held - words(art.text))
            from_body = [w for w in lost if w in body_words]
            summary_totals[0] += len(held)
            summary_totals[1] += len(lost)
            summary_totals[2] += len(from_body)
            if held and len(lost) / len(held) >= SUMMARY_LOSS_SHARE:
                summary_rows.append({"id": rec["id"], "held": len(held), "lost": lost,
                                     "from_body": from_body, "share": round(len(lost) / len(held), 4)})
            summary_body_records += bool(held) and len(from_body) / len(held) >= SUMMARY_LOSS_SHARE
    if gold is not None:
        ids = {rec["id"] for rec in records}
        extra = [k for k in gold if k[0] in ids and k not in seen_gold]
        if extra:
            raise BenchError(f"gold has {len(extra)} line(s) the records do not, e.g. {extra[0]}")

    report = {
        "records": len(records), "stories": n_stories, "lines": n_lines,
        "removed_lines_by_reason": dict(sorted(removed_by.items(), key=lambda kv: -kv[1])),
        "fragments": len(frag_rows), "fragment_lines": frag_rows,
        "summary_words_held": summary_totals[0], "summary_words_lost": summary_totals[1],
        "records_losing_summary": len(summary_rows), "summary_losses": summary_rows,
    }
    if gold is not None:
        res_total = sum(v[0] for v in residue.values())
        res_removed = sum(v[1] for v in residue.values())
        long_lost = [r for r in lost_lines if r["words"] >= LONG_PARAGRAPH_WORDS]
        report.update({
            "residue_lines": res_total, "residue_lines_removed": res_removed,
            "residue_removed": res_removed / res_total if res_total else 1.0,
            "residue_by_reason": {r: {"lines": v[0], "removed": v[1]}
                                  for r, v in sorted(residue.items(), key=lambda kv: -kv[1][0])},
            "body_lines": body[0], "body_lines_kept": body[1],
            "body_kept": body[1] / body[0] if body[0] else 1.0,
            "mixed_lines": mixed[0], "mixed_residue_removed": mixed[1], "mixed_body_kept": mixed[2],
            "records_losing_body": len({r["id"] for r in lost_lines}),
            "body_lines_lost": lost_lines,
            "paragraphs_lost": len(long_lost),
            "records_losing_paragraph": len({r["id"] for r in long_lost}),
            "residue_lines_missed": missed,
            "summary_words_lost_body": summary_totals[2],
            "records_losing_summary_body": summary_body_records,
        })
    if learn:
        report["learned"] = learned_report(records, gold, articles)
    return report


def learned_report(records: list, gold: dict | None, articles: list) -> dict:
    """What a profile learned from the records adds to the rules: the lines it removes that the
    rules left (residue caught, or body cost, by the gold), and the lines it learned."""
    from clean.profile import is_frame

    profile = learn_profile(records)
    with_profile = clean_records(records, profile)
    caught, cost, unlabelled = [], [], []
    for rec, before, after in zip(records, articles, with_profile):
        doc = rec["document"]
        a = [(r.start, r.end, r.reason) for r in before.removed]
        b = [(r.start, r.end, r.reason) for r in after.removed]
        for line in split_lines(doc):
            was, now = line_cut(doc, line, a), line_cut(doc, line, b)
            if not (now["lost_any"] and not was["lost_any"] or was["kept_any"] and not now["kept_any"]):
                continue
            row = {"id": rec["id"], "story": line.story, "line": line.index, "head": _head(doc[line.start:line.end])}
            g = gold.get((rec["id"], line.story, line.index)) if gold else None
            if g is None:
                unlabelled.append(row)
            elif g["label"] == "body":
                cost.append(row)
            else:
                caught.append({**row, "reason": g["reason"]})
    learned = [line for sp in profile.sources.values() for line in sp.boilerplate().values()]
    return {
        "thresholds": profile.thresholds.as_dict(),
        "lines_learned": sum(not is_frame(line.sample) for line in learned),
        "frames_learned": sum(is_frame(line.sample) for line in learned),
        "learned": sorted(line.sample for line in learned),
        "caught": caught, "body_cost": cost, "changed_unlabelled": unlabelled,
    }


def _count(table: dict, reason: str, ok: bool) -> None:
    entry = table.setdefault(reason, [0, 0])
    entry[0] += 1
    entry[1] += ok


def _score_mixed(doc: str, line: Line, residue_text: str, cut: dict) -> tuple:
    """(residue part removed, body part kept) for a mixed line; the residue part is located in
    the line by its text (parts joined by " || ")."""
    text = doc[line.start:line.end]
    inside = [False] * len(text)
    pos = 0
    for part in (p.strip() for p in residue_text.split(" || ")):
        if not part:
            continue
        at = text.find(part, pos)
        if at < 0:
            at = text.find(part)
        if at < 0:
            continue  # a residue text not found verbatim: judged by the rest of the line only
        for i in range(at, at + len(part)):
            inside[i] = True
        pos = at + len(part)
    gone = [False] * len(text)
    for s, e in cut["cut"]:
        for i in range(s - line.start, e - line.start):
            gone[i] = True
    res_ok = all(gone[i] for i, c in enumerate(text) if inside[i] and c.isalnum())
    body_ok = not any(gone[i] for i, c in enumerate(text) if not inside[i] and c.isalnum())
    return res_ok, body_ok


# --- output -----------------------------------------------------------------

def _pct(n: int, d: int) -> str:
    return f"{n}/{d} ({100 * n / d:.1f}%)" if d else f"{n}/0"


def format_table(report: dict, show: int = 20) -> str:
    out = [f"{report['records']} records, {report['stories']} stories, {report['lines']} lines"]
    if "residue_lines" in report:
        out.append(f"residue lines removed: {_pct(report['residue_lines_removed'], report['residue_lines'])}")
        for reason, v in report["residue_by_reason"].items():
            out.append(f"  {reason:<16} {_pct(v['removed'], v['lines'])}")
        out.append(f"body lines kept: {report['body_lines_kept']}/{report['body_lines']} "
                   f"({100 * report['body_kept']:.2f}%)")
        out.append(f"mixed lines: {report['mixed_lines']}, residue part removed in "
                   f"{report['mixed_residue_removed']}, body part kept in {report['mixed_body_kept']}")
        out.append(f"records losing body: {report['records_losing_body']}; paragraphs of "
                   f">= {LONG_PARAGRAPH_WORDS} words lost: {report['paragraphs_lost']} in "
                   f"{report['records_losing_paragraph']} record(s)")
        for r in report["body_lines_lost"][:show]:
            out.append(f"  {r['id']} {r['story']}:{r['line']} {r['reason']} "
                       f"({r['words']} words{', whole' if r['whole'] else ''}): {r['head']}")
        missed = report["residue_lines_missed"]
        out.append(f"residue lines kept: {len(missed)}")
        for r in missed[:show]:
            out.append(f"  {r['id']} {r['story']}:{r['line']} {r['reason']}"
                       f"{' (partly)' if r['partly'] else ''}: {r['head']}")
    out.append(f"fragments left by partial cuts: {report['fragments']}")
    for r in report["fragment_lines"][:show]:
        out.append(f"  {r['id']} {r['story']}:{r['line']} {r['why']}: {r['piece']!r}")
    out.append(f"summary words lost: {report['summary_words_lost']} of {report['summary_words_held']} "
               f"held; records losing >= {SUMMARY_LOSS_SHARE:.0%}: {report['records_losing_summary']}")
    if "summary_words_lost_body" in report:
        out.append(f"  of them held by body lines: {report['summary_words_lost_body']}; records losing "
                   f">= {SUMMARY_LOSS_SHARE:.0%} through body: {report['records_losing_summary_body']}")
    for r in report["summary_losses"][:show]:
        body = f" (body: {' '.join(r['from_body'])})" if r["from_body"] else ""
        out.append(f"  {r['id']} {r['share']:.1%}: {' '.join(r['lost'][:12])}{body}")
    if "learned" in report:
        ln = report["learned"]
        out.append(f"learned from the records: {ln['lines_learned']} lines, {ln['frames_learned']} openings/closings; "
                   f"residue lines it adds to the rules: {len(ln['caught'])}; body lines it costs: {len(ln['body_cost'])}")
        for r in (ln["caught"] + ln["body_cost"])[:show]:
            out.append(f"  {r['id']} {r['story']}:{r['line']} {r.get('reason', 'BODY')}: {r['head']}")
    out.append("lines removed whole, by reason: " + ", ".join(
        f"{k} {v}" for k, v in report["removed_lines_by_reason"].items()))
    return "\n".join(out)


# --- floors -----------------------------------------------------------------

def load_floors(path: Path) -> dict:
    """{"min": {share: floor}, "max": {count: ceiling}}; keys starting with "_" are comments."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise BenchError(f"cannot read floors {path}: {e}") from e
    if not isinstance(raw, dict):
        raise BenchError(f"{path}: floors must be a JSON object")
    floors = {}
    for side, keys in FLOOR_KEYS.items():
        entry = raw.get(side, {})
        if not isinstance(entry, dict):
            raise BenchError(f"{path}: {side!r} must be an object")
        for key, value in entry.items():
            if key not in keys or isinstance(value, bool) or not isinstance(value, (int, float)):
                raise BenchError(f"{path}: bad {side}.{key} = {value!r}; {side} takes {', '.join(keys)}")
        floors[side] = entry
    unknown = [k for k in raw if k not in FLOOR_KEYS and not k.startswith("_")]
    if unknown:
        raise BenchError(f"{path}: unknown key(s) {', '.join(unknown)}; expected min, max")
    return floors


def check_floors(report: dict, floors: dict) -> list:
    failures = []
    for key, floor in floors.get("min", {}).items():
        value = report.get(key)
        if value is None:
            failures.append(f"{key}: not measured (no --gold?)")
        elif value < floor:
            failures.append(f"{key} {value:.4f} < floor {floor:.4f}")
    for key, ceiling in floors.get("max", {}).items():
        value = report.get(key)
        if value is None:
            failures.append(f"{key}: not measured (no --gold?)")
        elif value > ceiling:
            failures.append(f"{key} {value} > ceiling {ceiling}")
    return failures
