//! Comment sections, as a line's own text tells them: a header ("Top Rated Comments", "23
//! comments", "Leave a comment"), a note on how comments are moderated or who may write one,
//! what blog software prints under a post, and the signatures a thread prints around each comment
//! (its author, its votes, when it was posted).
//!
//! `detect` reads the lines around, once per document (`_core.comments`): where a section starts
//! and ends, and whether the article is above it. The other languages' headers and notes are
//! data, matched on the Python side (clean/residue/comments.py) and handed over as `Worded`.

use std::sync::LazyLock;

use super::dates::{self, DateWords};
use super::runs::{entries, runs};
use super::{Pattern, Subject};
use crate::chars;

static HEADER: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        concat!(
            r"^(?:",
            r"(?:top rated|most recent|newest|oldest|best|all|reader|readers'?|view|show|see|read|hide|load)\s+comments?",
            r"|\d[\d,.]*\s+(?:comments?|responses?|replies|kommentare|commentaires|comentarios|commenti)",
            // WordPress's "3 Responses to “<post title>”", "One thought on “...”": the title quoted,
            // or on the next line.
            r#"|(?:\d[\d,.]*|one|no)\s+(?:comments?|responses?|replies|thoughts?)\s+(?:to|on)(?:\s*[“"„«‘'].{1,100})?"#,
            r"|comments?(?:\s*\(\d+\))?|leave a (?:comment|reply)(?:\s+cancel reply)?|post a comment|add a comment",
            r"|write a comment|join the (?:conversation|discussion)|comment on this (?:story|article)|have your say",
            r"|kommentare|kommentar schreiben|commentaires|réagir|comentarios|",
            r"deja (?:un|tu) comentario|commenti|comentários",
            r"|you must be logged in to (?:post a )?comment.*|comments are closed.*",
            // "Discuss this topic in the ReelViews Forums."
            r"|discuss this (?:topic|story|article|post)\b.{0,60}",
            r")\s*[:.!]?$",
        ),
        true,
    )
});
// "Have something to add to this story? Share it in the comments.": apart from the headers above
// and behind its words, as walking every short line in search of them cost each a trip through
// the lazy DFA.
static SHARE_IT: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::new(r"^.{0,60}\bshare it in the comments\s*[:.!]?$", true));
pub const MAX_HEADER_CHARS: usize = 80;

// A note on how comments are moderated stands alone (it may close the page with no thread below).
static MODERATION: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        concat!(
            r"\b(?:comments? (?:are|is|will be|may be|must be|subject to)\b.{0,60}\bmoderat(?:ed|ion)\b",
            r"|all comments\b.{0,60}\b(?:moderated|reviewed|approved)\b",
            r"|\bmoderat(?:e|es|ing)\s+(?:all\s+|the\s+|reader\s+)?comments\b",
            r"|coment[aá]rios?\b.{0,160}\bmoderad(?:or|os|as)\b|commentaires?\b.{0,160}\bmodér",
            r"|kommentare?\b.{0,160}\bmoderiert|commenti\b.{0,160}\bmoderat)",
        ),
        true,
    )
});
// Every note on moderation holds one of these (folded): most lines are spared the pattern.
const MODERATION_HINTS: [&str; 3] = ["moder", "modér", "all comments"];
// So does a note on who may comment, however long the form's wording runs ("You need to be
// signed in to a registered account to leave a reply."): what follows it is not a thread.
static LOGIN_NOTE: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        concat!(
            r"^(?:(?:sorry,?\s+)?you (?:must|need to|have to) (?:be (?:logged[\s-]?in|signed[\s-]?in|registered",
            r"|a registered user|a member)|log[\s-]?in|sign[\s-]?in|register)",
            r"|(?:please\s+)?(?:log[\s-]?in|sign[\s-]?in|register))\b.{0,80}?",
            r"\bto (?:post|leave|add|write|make|submit|view) (?:a |your )?(?:comments?|reply|replies|response)\b",
            r"[^.!?]{0,40}[.!]?$",
            r"|^only (?:registered|logged[\s-]in|signed[\s-]in) (?:users|members|readers) (?:can|may) ",
            r"(?:post |leave |add |write )?(?:a )?(?:comments?|reply|comment)\b[^.!?]{0,40}[.!]?$",
        ),
        true,
    )
});
const LOGIN_HINTS: [&str; 4] = ["log", "sign", "regist", "member"];
pub const MAX_NOTE_WORDS: usize = 40;

// What blog software prints under a post, with or without a thread: "No Comments »", "You can
// follow any responses to this entry through the RSS 2.0 feed.", "You can leave a response, or
// trackback from your own site.", "Both comments and pings are currently closed."
static BLOG_FOOTER: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        concat!(
            r"^(?:(?:no|one|\d+)\s+(?:comments?|responses?|replies)(?:\s+so far)?\s*[»›>]+",
            r"|you can (?:follow any responses to this entry\b|leave a response\b",
            r"|skip to the end and leave a response\b)",
            r"|(?:both )?comments and pings are (?:currently )?closed\b|responses are currently closed\b",
            r"|(?:comments|responses) rss\b|subscribe to comments\b)",
        ),
        true,
    )
});
const MAX_BLOG_FOOTER_WORDS: usize = 30;

// What a thread prints around each comment: its author ("lonespeed says:"), when it was posted
// ("November 19, 2019 at 8:45 am", "2 days ago at 07:52 am"), its votes ("Rating: 36 Votes").
static AUTHOR: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"^\S.{0,40}?\s(?:says|said|wrote|writes|dit|écrit|schreibt|dice|escribió|disse|escreveu)\s*:$",
        true,
    )
});
const MAX_AUTHOR_WORDS: usize = 6;
static POSTED_AT: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"\s(?:at|@|à|um|a las|alle|às)\s+\d{1,2}[:.h]\d{2}(?:\s?[ap]\.?\s?m\.?)?$",
        true,
    )
});
static VOTES: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::new(r"^(?:rating:\s*[-+]?\d+\s+votes?|[-+]?\d+\s+(?:up|down)votes?)$", true));
const MAX_SIGNATURE_WORDS: usize = 12;

#[derive(Debug, PartialEq, Eq, Clone, Copy)]
pub enum Signature {
    /// "lonespeed says:"
    Author,
    /// "Rating: 36 Votes"
    Votes,
    /// a time at the line's end ("... at 8:45 am") when the rest is a date or an age: when a
    /// comment was posted
    PostedAt,
}

#[derive(Debug, PartialEq, Eq, Clone, Copy)]
pub enum Kind {
    Header,
    /// a note on moderation or on who may comment
    Note,
    BlogFooter,
}

#[derive(Debug, PartialEq, Eq, Default)]
pub struct Line {
    pub signature: Option<Signature>,
    pub kind: Option<Kind>,
    /// "0 Comments": a count beside a byline, with no thread after it
    pub no_thread: bool,
}

/// What the line is to a comment section (`words`: its word count).
pub fn judge(s: &Subject, words: usize, dates: &DateWords) -> Line {
    Line {
        signature: signature(s, words, dates),
        kind: kind(s, words),
        no_thread: no_thread(&s.codes),
    }
}

fn signature(s: &Subject, words: usize, dates: &DateWords) -> Option<Signature> {
    if words > MAX_SIGNATURE_WORDS {
        None
    } else if words <= MAX_AUTHOR_WORDS && AUTHOR.is_match(s) {
        Some(Signature::Author)
    } else if VOTES.is_match(s) {
        Some(Signature::Votes)
    } else if POSTED_AT.is_match(s) {
        (dates::is_date(s.codes(), dates) || dates::is_age(s.codes())).then_some(Signature::PostedAt)
    } else {
        None
    }
}

fn kind(s: &Subject, words: usize) -> Option<Kind> {
    if s.codes.len() <= MAX_HEADER_CHARS
        && (HEADER.is_match(s) || s.holds("share it in the comments") && SHARE_IT.is_match(s))
    {
        return Some(Kind::Header);
    }
    if words <= MAX_NOTE_WORDS {
        if MODERATION_HINTS.iter().any(|h| s.holds(h)) && MODERATION.is_match(s)
            || LOGIN_HINTS.iter().any(|h| s.holds(h)) && LOGIN_NOTE.is_match(s)
        {
            return Some(Kind::Note);
        }
    }
    if words <= MAX_BLOG_FOOTER_WORDS && BLOG_FOOTER.is_match(s) {
        return Some(Kind::BlogFooter);
    }
    None
}

/// Zeros, then a space.
fn no_thread(codes: &[u32]) -> bool {
    let zeros = codes.iter().take_while(|&&c| c == b'0' as u32).count();
    zeros > 0 && codes.get(zeros).is_some_and(|&c| chars::is_space(c))
}

/// What the document language's words make of a line: one of its headers over a thread, or one
/// of its notes on moderation or on who may comment.
#[derive(Debug, PartialEq, Eq, Clone, Copy)]
pub enum Worded {
    Header,
    Note,
}

/// The line's kind once the language's words have taken their turn among the judge's rules: a
/// header before the notes, a note before a blog's footer.
fn with_words(kind: Option<Kind>, worded: Option<Worded>) -> Option<Kind> {
    match (kind, worded) {
        (Some(Kind::Header), _) => kind,
        (_, Some(Worded::Header)) => Some(Kind::Header),
        (None | Some(Kind::BlogFooter), Some(Worded::Note)) => Some(Kind::Note),
        _ => kind,
    }
}

/// A distinct line of the document, as the rules below read it: its length and whether it is
/// prose (its features), the judge's answer, and what the language's words make of it.
pub struct Judged {
    pub chars: usize,
    pub prose: bool,
    pub answer: Line,
    pub worded: Option<Worded>,
}

// The tail after a header is only comments if the article is behind it: most of the prose, or
// at least a story's worth of it (a lively thread can outweigh a short story).
const MIN_BODY_SHARE: f64 = 0.5;
const MIN_BODY_CHARS: usize = 600;
const MIN_BODY_BLOCKS: usize = 3;
/// The score of the blocks named by where they stand (after a header, around a thread's
/// signatures), not by their own text: below a header's or a note's own.
const FOLLOWING: f64 = 0.9;

/// The family's verdicts on a document, as (block, score) in the order they are found: `lines`
/// its distinct lines, `line_of` which line each block is. A header goes, and with it everything
/// after it when the article is above it; a note or a blog's footer goes alone; and a thread,
/// headed or not, goes with the replies around its signatures.
pub fn detect(lines: &[Judged], line_of: &[usize]) -> Vec<(usize, f64)> {
    let mut out = Vec::new();
    signed_threads(lines, line_of, &mut out);
    let total: usize = line_of
        .iter()
        .map(|&k| &lines[k])
        .filter(|l| l.prose)
        .map(|l| l.chars)
        .sum();
    let (mut before, mut blocks_before) = (0, 0);
    for (i, &k) in line_of.iter().enumerate() {
        match with_words(lines[k].answer.kind, lines[k].worded) {
            Some(Kind::Header) => {
                out.push((i, 1.0));
                let story = before >= MIN_BODY_CHARS && blocks_before >= MIN_BODY_BLOCKS;
                if total > 0 && (before as f64 >= MIN_BODY_SHARE * total as f64 || story) && !lines[k].answer.no_thread
                {
                    out.extend((i + 1..line_of.len()).map(|later| (later, FOLLOWING)));
                    return out;
                }
            }
            Some(_) => out.push((i, 1.0)),
            None => {}
        }
        if lines[k].prose {
            before += lines[k].chars;
            blocks_before += 1;
        }
    }
    out
}

// An article may say "The report says:" before a quotation, and print its own date with a time;
// three posting times or vote counts, each at most a few paragraphs from the next, are a thread,
// wherever it stands and whether a header announces it or not. So are three authors' lines with
// a stamp among them.
const MIN_STAMPS: usize = 3;
const MIN_AUTHORS: usize = 3;
/// Blocks from one signature to the next: a comment may run to a few paragraphs.
const THREAD_REACH: usize = 8;

fn signed_threads(lines: &[Judged], line_of: &[usize], out: &mut Vec<(usize, f64)>) {
    let signature: Vec<Option<Signature>> = line_of.iter().map(|&k| lines[k].answer.signature).collect();
    let signed: Vec<bool> = signature.iter().map(Option::is_some).collect();
    let is_prose: Vec<bool> = line_of.iter().map(|&k| lines[k].prose).collect();
    // the prose above each block
    let mut prose = Vec::with_capacity(line_of.len() + 1);
    prose.push(0);
    for &k in line_of {
        prose.push(prose[prose.len() - 1] + if lines[k].prose { lines[k].chars } else { 0 });
    }
    let mut done = 0; // blocks already named
    for run in runs(&signed, THREAD_REACH, None) {
        let stamps = run.iter().filter(|&&i| signature[i] != Some(Signature::Author)).count();
        let authors = run.len() - stamps;
        if !(stamps >= MIN_STAMPS || authors >= MIN_AUTHORS && stamps > 0) {
            continue;
        }
        let (mut first, mut last) = entries(&run, &is_prose, true);
        // Unsigned replies follow the last signature. A thread under the article, or one that is
        // all the text holds, runs to the end, as under a header; one above the story (a page's
        // "recent comments") ends with its last comment.
        let before = prose[first];
        let inside = prose[last + 1] - prose[first];
        let after = prose[line_of.len()] - prose[last + 1];
        if before == 0 {
            first = done; // short lines above it: the first comment's, or a title over nothing else
        }
        let to_end = after <= before.max(inside);
        if to_end {
            last = line_of.len() - 1;
        }
        out.extend((first.max(done)..=last).map(|i| (i, FOLLOWING)));
        if to_end {
            return;
        }
        done = last + 1;
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{check_literals, cps, date_words};
    use super::*;

    fn judged(text: &str) -> Line {
        judge(
            &Subject::new(&cps(text)),
            text.split_whitespace().count(),
            &date_words(),
        )
    }

    #[test]
    fn literals_are_found() {
        for p in [
            &*HEADER,
            &*SHARE_IT,
            &*MODERATION,
            &*LOGIN_NOTE,
            &*BLOG_FOOTER,
            &*AUTHOR,
            &*POSTED_AT,
            &*VOTES,
        ] {
            check_literals(p);
        }
    }

    #[test]
    fn hints_are_in_their_patterns() {
        for hint in MODERATION_HINTS {
            assert!(MODERATION.source().contains(hint), "{hint}");
        }
        for hint in LOGIN_HINTS {
            assert!(LOGIN_NOTE.source().contains(hint), "{hint}");
        }
    }

    #[test]
    fn headers_notes_and_footers() {
        for line in [
            "Top Rated Comments",
            "23 comments",
            "Leave a Reply Cancel reply",
            "3 Responses to “A post”",
            "COMMENTS (12)",
            "Réagir",
            "Have something to add to this story? Share it in the comments.",
        ] {
            assert_eq!(judged(line).kind, Some(Kind::Header), "{line}");
        }
        for line in [
            "Comments are moderated and will appear after approval.",
            "All comments are reviewed before they are published.",
            "You need to be signed in to a registered account to leave a reply.",
            "Only registered users can post comments.",
            "Os comentários são de responsabilidade dos autores e não são moderados pelo site.",
        ] {
            assert_eq!(judged(line).kind, Some(Kind::Note), "{line}");
        }
        for line in ["No Comments »", "Both comments and pings are currently closed."] {
            assert_eq!(judged(line).kind, Some(Kind::BlogFooter), "{line}");
        }
        assert!(judged("0 Comments").no_thread);
        assert!(!judged("10 Comments").no_thread);
    }

    #[test]
    fn signatures() {
        assert_eq!(judged("lonespeed says:").signature, Some(Signature::Author));
        assert_eq!(judged("Rating: 36 Votes").signature, Some(Signature::Votes));
        assert_eq!(
            judged("November 19, 2019 at 8:45 am").signature,
            Some(Signature::PostedAt)
        );
        assert_eq!(judged("2 days ago at 07:52 AM").signature, Some(Signature::PostedAt));
        // a time closing a line that is no date
        assert_eq!(judged("See you at 8:45 am").signature, None);
    }

    #[test]
    fn prose_about_comments_is_not() {
        for line in [
            "The minister's comments were moderated by the chair, who spoke at length after him.",
            "Comments from readers poured in after the story ran on Sunday.",
            "Please sign in the guest book before you leave.",
            "The report says: the river will flood again this spring and the town is not ready.",
            "He said the meeting would start at 8:45 am and end at noon, as it did last week.",
        ] {
            let found = judged(line);
            assert_eq!((found.kind, found.signature), (None, None), "{line}");
        }
    }

    /// A document of one block per line: (chars, prose, signature, kind, no_thread, worded).
    type Spec = (usize, bool, Option<Signature>, Option<Kind>, bool, Option<Worded>);

    fn detected(spec: &[Spec]) -> Vec<(usize, f64)> {
        let lines: Vec<Judged> = spec
            .iter()
            .map(|&(chars, prose, signature, kind, no_thread, worded)| Judged {
                chars,
                prose,
                answer: Line {
                    signature,
                    kind,
                    no_thread,
                },
                worded,
            })
            .collect();
        detect(&lines, &(0..spec.len()).collect::<Vec<_>>())
    }

    const PROSE: Spec = (250, true, None, None, false, None);
    const SHORT: Spec = (20, false, None, None, false, None);
    const HEADED: Spec = (20, false, None, Some(Kind::Header), false, None);

    fn sign(signature: Signature, prose: bool) -> Spec {
        (20, prose, Some(signature), None, false, None)
    }

    #[test]
    fn a_header_after_the_article_takes_everything_after_it() {
        let found = detected(&[PROSE, PROSE, PROSE, HEADED, SHORT, PROSE]);
        assert_eq!(found, vec![(3, 1.0), (4, FOLLOWING), (5, FOLLOWING)]);
        // another language's header, from its words
        let worded = (20, false, None, None, false, Some(Worded::Header));
        assert_eq!(detected(&[PROSE, PROSE, PROSE, worded, PROSE]).len(), 2);
        // most of the prose above it is the article, however short
        assert_eq!(detected(&[PROSE, HEADED, SHORT]), vec![(1, 1.0), (2, FOLLOWING)]);
    }

    #[test]
    fn a_header_above_the_article_or_counting_no_thread_goes_alone() {
        assert_eq!(detected(&[HEADED, PROSE, PROSE, PROSE]), vec![(0, 1.0)]);
        assert_eq!(detected(&[PROSE, HEADED, PROSE, PROSE]), vec![(1, 1.0)]);
        let none_yet = (10, false, None, Some(Kind::Header), true, None);
        assert_eq!(detected(&[PROSE, PROSE, PROSE, none_yet, PROSE]), vec![(3, 1.0)]);
        // a text of no prose has no article above its header
        assert_eq!(detected(&[SHORT, HEADED, SHORT]), vec![(1, 1.0)]);
        let note = (40, false, None, Some(Kind::Note), false, None);
        let footer = (40, false, None, Some(Kind::BlogFooter), false, None);
        assert_eq!(
            detected(&[PROSE, PROSE, PROSE, note, footer, PROSE]),
            vec![(3, 1.0), (4, 1.0)]
        );
    }

    #[test]
    fn the_languages_words_take_their_turn() {
        use Kind::*;
        assert_eq!(with_words(Some(Header), Some(Worded::Note)), Some(Header));
        assert_eq!(with_words(Some(Note), Some(Worded::Header)), Some(Header));
        assert_eq!(with_words(Some(BlogFooter), Some(Worded::Note)), Some(Note));
        assert_eq!(with_words(None, Some(Worded::Note)), Some(Note));
        assert_eq!(with_words(Some(BlogFooter), None), Some(BlogFooter));
        assert_eq!(with_words(None, None), None);
    }

    #[test]
    fn a_signed_thread_under_the_article_runs_to_the_end() {
        let stamp = sign(Signature::PostedAt, false);
        let found = detected(&[
            PROSE, PROSE, SHORT, stamp, PROSE, SHORT, stamp, PROSE, SHORT, stamp, PROSE, PROSE,
        ]);
        // the name above each stamp goes with its comment, and the replies after the last
        assert_eq!(found, (2..12).map(|i| (i, FOLLOWING)).collect::<Vec<_>>());
    }

    #[test]
    fn a_thread_above_the_story_ends_with_its_last_comment() {
        let votes = sign(Signature::Votes, false);
        let mut spec = vec![votes, PROSE, votes, PROSE, votes, PROSE];
        spec.extend([PROSE; 6]);
        assert_eq!(detected(&spec), (0..6).map(|i| (i, FOLLOWING)).collect::<Vec<_>>());
    }

    #[test]
    fn an_articles_own_signatures_are_no_thread() {
        let stamp = sign(Signature::PostedAt, false);
        let author = sign(Signature::Author, false);
        // two dates with a time, a quotation's "says:" lines without a stamp among them
        assert!(detected(&[stamp, PROSE, PROSE, stamp, PROSE]).is_empty());
        assert!(detected(&[PROSE, author, PROSE, author, PROSE, author, PROSE]).is_empty());
        // signatures too far apart
        let mut spec = vec![PROSE, stamp];
        spec.extend([PROSE; 9]);
        spec.extend([stamp, PROSE, stamp]);
        assert!(detected(&spec).is_empty());
        assert!(detected(&[]).is_empty());
    }
}
