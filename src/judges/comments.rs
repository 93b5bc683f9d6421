//! Comment sections, as a line's own text tells them: a header ("Top Rated Comments", "23
//! comments", "Leave a comment"), a note on how comments are moderated or who may write one,
//! what blog software prints under a post, and the signatures a thread prints around each comment
//! (its author, its votes, when it was posted). Where a section starts and ends, and whether the
//! article is above it, is the Python side's, which reads the lines around (and the words of other
//! languages' headers and notes, which are data).

use std::sync::LazyLock;

use super::dates::{self, DateWords};
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
        let folded = s.text(true);
        if MODERATION_HINTS.iter().any(|h| folded.contains(h)) && MODERATION.is_match(s)
            || LOGIN_HINTS.iter().any(|h| folded.contains(h)) && LOGIN_NOTE.is_match(s)
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
}
