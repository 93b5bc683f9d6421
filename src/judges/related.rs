//! Pointers to other stories, as a line's own text tells them: "Read more: ...", "Related",
//! "Most read", "More CNN Business News", a teaser under its kicker in capitals, one glued after
//! a paragraph, one cut off by its link, stamped by the site's software or closed by a bracketed
//! tag, a page flattened into one paragraph running on into its list of headlines; and whether
//! the line opens with a teaser's headline glued to its summary (a run of such lines is a list).
//!
//! What reads the lines around (the list under a header, runs of teasers, of cut summaries, of
//! counted and dated headlines), the other languages' headers and "read also" openers (data)
//! and the dateline that makes a line the story's own stay on the Python side.

use std::collections::HashSet;
use std::sync::LazyLock;

use super::dates::{self, DateWords};
use super::{Features, Pattern, Subject};
use crate::chars::{is_alpha, is_digit, is_space, is_upper, is_word, lower, word_is_lower};
use crate::lines::{key, Stoplist};

/// What a line is to a list of other stories.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// a header offering more of the site's stories: the list under it closes the page
    More,
    /// a header over a list of other stories
    Header,
    /// a pointer to another story: the whole line
    Line,
    /// a pointer to other stories glued into the line: its span
    Span(usize, usize),
}

/// The judge's answer on a line.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Answer {
    pub verdict: Option<Verdict>,
    /// a pointer of the "Read more: <headline>" kind, which the list's other headlines may follow
    pub inline: bool,
    /// a teaser's headline glued to its summary opens the line (one of a run is a list)
    pub glued: bool,
    /// the line stamps a teaser with its age or its date
    pub stamp: Option<Stamp>,
}

/// A teaser's stamp: "7 hours ago", "Tuesday November 19, 2019". A month and a year with no day
/// heads an entry of a chronology (a story's stamp names its day), and an age with a clock time
/// ("2 days ago at 07:52 am") signs a comment, which is the comments family's.
#[derive(Debug, PartialEq, Eq, Clone, Copy)]
pub enum Stamp {
    Age,
    Date,
}
const MAX_STAMP_WORDS: usize = 8;
static CLOCK: LazyLock<Pattern> = LazyLock::new(|| Pattern::new(r"\d[:.]\d\d", false));

fn stamp(s: &Subject, words: usize, dates: &DateWords) -> Option<Stamp> {
    let codes = s.codes();
    if words > MAX_STAMP_WORDS {
        None
    } else if dates::is_age(codes) {
        (!CLOCK.is_match(s)).then_some(Stamp::Age)
    } else {
        (dates::is_date(codes, dates) && !dates::is_month_year(codes, dates)).then_some(Stamp::Date)
    }
}

// The keys of the headers over a list (as `key` folds a line). Other languages' headers are
// data (clean/data/residue/<lang>.txt, [related-header]); scripts without spaces get no language
// to pick a file by.
const HEADERS: &[&str] = &[
    "related",
    "more",
    "related articles",
    "related stories",
    "related news",
    "related content",
    "related coverage",
    "related posts",
    "related links",
    "related reading",
    "recommended",
    "recommended for you",
    "recommended stories",
    "recommended articles",
    "most read",
    "most read stories",
    "most read articles",
    "read more",
    "read next",
    "more stories",
    "more news",
    "more articles",
    "more like this",
    "you may also like",
    "you might also like",
    "you may be interested in",
    "also read",
    "read also",
    "see also",
    "also on",
    "more on this story",
    "more on this topic",
    "further reading",
    "popular",
    "popular stories",
    "popular now",
    "what to read next",
    "don't miss",
    "we recommend",
    "in other news",
    "elsewhere",
    "around the web",
    "from around the web",
    "from the web",
    "more from our partners",
    "相关新闻",
    "相关阅读",
    "関連記事",
];
// Headers that open a page's list glued after a sentence, beside those above.
const GLUED_ONLY_HEADERS: &[&str] = &["top stories", "most popular", "most viewed", "latest news"];

fn keyed(phrase: &str) -> Vec<u32> {
    let codes: Vec<u32> = phrase.chars().map(|c| c as u32).collect();
    key(&codes)
}

static HEADER_KEYS: LazyLock<HashSet<Vec<u32>>> = LazyLock::new(|| HEADERS.iter().map(|h| keyed(h)).collect());

// "More Great WIRED Stories", "More CNN Business News": a header naming the site or section,
// matched on the line's key. "More than ..." is a sentence (`(?!than )`, code).
static MORE_HEADER: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        concat!(
            r"^more (?:[^\W\d][\w&'’-]* ){1,3}(?:stories|news|articles|coverage|videos)$",
            r"|^(?:latest|top|more) headlines$",
        ),
        false,
    )
});
// "More Washington Examiner", "More from NBC News", "More In Trading Nation": the site or section
// named in capitals, after "More", a preposition and an article, each of the two may be left out.
// "More Information" names no one (a lookahead in `re`: code, over every way the two may go).
static MORE_NAMED: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::new(r"^[A-Z][\w&.’'-]*(?: [A-Z][\w&.’'-]*){0,3}$", false));
const NAMED_PREPOSITIONS: [&str; 6] = ["from ", "in ", "on ", "In ", "On ", ""];
const NAMED_ARTICLES: [&str; 3] = ["the ", "The ", ""];
const NAMES_NO_ONE: [&str; 4] = ["Information", "Info", "Details", "Help"];
const MAX_HEADER_CHARS: usize = 60;

// "Read more: Headline", "READ MORE: ...", "Related: ...", "Lesen Sie auch: ...", "Read more on
// BBC:", "Leggi anche su:"; "Also: see ..." (a lookahead in `re`, which the rest of the pattern
// needs no more than).
static INLINE: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        concat!(
            r"^(?:[■•▪►▶]\s*)?[(\[]?(?:(?:read more|read also|also read|see also|see more|related|more|recommended|",
            r"watch|listen|lesen sie auch|mehr zum thema|lire aussi|à lire aussi|leer más|lee también|leggi anche|",
            r"leia mais)(?:\s+(?:on|at|in|from|auf|sur|en|su|em)(?:\s+[^:»›>]{1,30}?)?)?\s*(?::|»|›|>|—|–|-)\s*\S",
            r"|also:\s*(?:see|read|watch|listen)\b)",
        ),
        true,
    )
});
// "On HoustonChronicle.com: Car sales plunge ...": a headline from the site's other pages.
// "Also on rt.com Journalists threatened ...": the pointer needs no colon.
static ON_SITE: LazyLock<Pattern> = LazyLock::new(|| {
    let site = r"[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|co\.uk|com\.au|de|fr)";
    Pattern::new(
        &format!(r"^(?:(?:on|at)\s+{site}\s*:|(?:more on|also on)\s+{site}\s*:?)\s*\S"),
        true,
    )
});
// A pointer to more coverage elsewhere that ends on its link: "Follow AP's full coverage of
// Brexit at https://...", "More AP NBA: https://...". A press release's "For more information,
// visit www..." is the release's own contact line and stays. A broadcast's promotion whose link
// was its last word: "Listen to Newsbeat live at 12:45 weekdays - or listen back here."
static POINTER: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        concat!(
            r"^(?:follow|more|watch|listen)\b[^\n]{0,150}?(?:https?://|www\.)\S+\s*$",
            r"|^(?:watch|listen)\b[^\n]{0,150}\bhere[.!]?$",
        ),
        true,
    )
});
const MAX_INLINE_WORDS: usize = 40;
const MAX_POINTER_WORDS: usize = 30;

// Pointers to other stories written as a line of their own, the way a body never phrases its
// sentences: "Read more about VX", "Click here to continue reading.", "For the full story, check
// out this link.", "Find all AP Fact Checks here: <url>", "Find more of her posts in the gallery
// at the top of the story.", TIME's "See all of this week's reviews", "(Government shutdown full
// coverage)". The alternatives that ask for a capital are `POINTER_LINE_CASED`.
static POINTER_LINE: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        concat!(
            r"^(?:read more (?:about|from|on|at)\b|read (?:the|our) full (?:story|blog|article|report|post|review)\b",
            r"|click here to (?:continue reading|read more|read the full)|for the full story\b",
            r"|find (?:all|more)\b.{1,40}\bhere\s*:",
            r"|(?:find|see|view|watch|check out) (?:more|all|the rest)\b.{1,60}\b(?:gallery|slideshow|video|player)\s+",
            r"(?:above|below|at the (?:top|bottom|end) of (?:the|this) (?:story|page|article|post))[.!]?$",
            r"|see (?:the latest|all of|all our|more of|pictures of|photos of|our full)\b",
            r"|learn (?:how|why|more about)\b|view (?:graphic|photos|gallery|slideshow)\b",
            r"|more (?:about|on) (?:the|this)\b[^.!?]{1,60}:$)",
            r"|^\((?:see|read|watch)\s[^()]{3,150}\)$|^\([^()]{2,60}\bfull coverage\)$",
        ),
        true,
    )
});
// "... click here", "... read more" closing the line: apart from the alternatives above, which
// open the line, and tried only on a line that ends so (the crate leaves its fast engine for a
// word boundary on a line with a character beyond ASCII, and then walks the whole line).
static POINTER_LINE_CLOSING: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::new(r"^(?:.{3,120}\bclick here|.{10,150}\bread more)$", true));
// "Read Simon's full blog here.", "Related PHOTOS: ...", "(Also on POLITICO: ...)": the words in
// either case (the crate's `(?i:...)` folds them as `re` does but for "i": `re` also takes a
// dotted capital I and a dotless i for it, so the pattern names them), the capital as written.
static POINTER_LINE_CASED: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        concat!(
            r"^(?:(?i:read) [A-Z]\w+['’](?i:s) (?i:full) (?i:story|blog|art[iİı]cle|report|post|rev[iİı]ew)\b",
            r"|(?i:related)\s+[A-Z]|\((?i:also on)\s+[A-Z][\w.]*\s*:\s[^()]{3,150}\)$)",
        ),
        false,
    )
});
// A teaser set in brackets between paragraphs ("[Mark Zuckerberg and Priscilla Chan's $3 billion
// effort ...]"); the page's note on itself is not one ("[This story has been updated ...]",
// "[Editor's note: ...]"; a lookahead in `re`, here `BRACKETED_NOTE`).
static BRACKETED: LazyLock<Pattern> = LazyLock::new(|| Pattern::new(r"^\[[^\[\]]{10,250}\]$", true));
static BRACKETED_NOTE: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        concat!(
            r"^\[(?:(?:editor|update|updated|note|correction|sic|laughter|applause)\b",
            r"|this\s+(?:story|article|post|report|piece|page|item|version|interview|transcript|video|photo|content|",
            r"is|was|has|had|will)\b)",
        ),
        true,
    )
});
// A teaser under its kicker in capitals ("TODAY IN THE SKY: Would you bid 420,000 miles ...").
// A speaker's label in capitals opens a line of a transcript too ("JON STEWART: Ben walked into
// a buzz saw."), but a speaker says sentences; a teaser's headline ends on none.
static KICKER_TEASER: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r#"^[A-Z0-9][A-Z0-9'’&.]*(?:\s[A-Z0-9'’&.]+){1,5}:\s+[A-Z0-9'‘"“]"#,
        false,
    )
});
const MAX_POINTER_LINE_WORDS: usize = 25;

// The same teasers glued after a paragraph: "... below the horizon. [Super Blue Blood-Moon 2018:
// When, Where and How to See It]", "... at her. (See the top 10 fiction books of 2009.)". The
// lookbehind for the sentence's end is the character the pattern opens on, left out of the span.
static GLUED_POINTER: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r#"[.!?”"](\s+(?:\[[A-Z“"‘][^\[\]]{10,150}\]|\((?:See|Read|Watch)\s[^()]{3,120}\))\s*$)"#,
        false,
    )
});
const MIN_GLUED_POINTER_WORDS: usize = 9;

// A headline closed by a bracketed tag: "Plague fears: holidaymakers die after eating marmot
// [INSIGHT]", "... power station [Video]". Sites tag the teasers they link, not their own
// paragraphs; a tag that dates or corrects a story, or names a file's format, is not one of these
// (a lookahead in `re`: the tag is read from the group). A list may close each tag with a
// separator ("... jibe [INSIGHT]|").
static TAGGED_TEASER: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        concat!(
            r"\S\s+\[([A-Z]{3,12}|Video|Videos|Photos?|Gallery|Audio|Podcast|Watch|Listen|Quiz|Poll)\]",
            r"\s*\|?$",
        ),
        false,
    )
});
const NOT_TEASER_TAGS: [&str; 9] = [
    "UPDATE",
    "UPDATED",
    "CORRECTED",
    "CORRECTION",
    "EDITED",
    "PDF",
    "DOC",
    "SIC",
    "NSFW",
];
const MIN_TEASER_WORDS: usize = 4;
const MAX_TEASER_WORDS: usize = 80;

// A teaser's summary cut off mid-sentence by its link: "... have even died due to Read more".
// A whole page flattened into one paragraph may end the same way, hence the teaser's size.
static CUT_TEASER: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"[^\W\d_,;:]\s+(?:Read [Mm]ore|READ MORE|Continue [Rr]eading|CONTINUE READING)\s*[»›>…]*$",
        false,
    )
});

// The header of the site's stories with its list glued after it on one line: "More Great WIRED
// Stories YouTubers must unionize, ...".
static MORE_HEADER_GLUED: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r#"^More (?:[A-Z][\w&'’-]* ){1,3}(?:Stories|News|Articles)\s+[A-Z0-9"“‘]"#,
        false,
    )
});

// A teaser stamped by the site's software: "Renault's latest seven-seater ... 2019-11-20
// 12:57:32 Marcus De Guzman". Running text gives no machine timestamps.
static STAMPED_TEASER: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::new(r"\b\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(?::\d{2})?\b", false));
const MIN_STAMPED_WORDS: usize = 8;
const MAX_STAMPED_WORDS: usize = 40;

// A link to another story printed in capitals inside the body: "TAYLOR SWIFT CLEARED TO PERFORM
// HITS AT AMAS AMID FEUD WITH ..." A subheading in capitals is a few words long.
const MIN_CAPS_TEASER_WORDS: usize = 8;
const MAX_CAPS_TEASER_WORDS: usize = 40;
const MIN_CAPS_LETTERS: usize = 20;
const CAPS_SHARE: f64 = 0.9;

// A page flattened to one paragraph (jusText, some WET records) runs on from the story into
// "... said on Tuesday. Top stories The House voted ...": the first list header glued after a
// sentence, past the middle of a long paragraph, opens a tail of teasers that goes with it. Only
// the first header counts, so the cut does not move when the output is cleaned again. The
// sentence's end and the space before the header (a lookbehind in `re`) open the pattern, the
// header's capital is written as one (`re`'s lookahead for it), and the capital or digit after it
// (a lookahead) is taken by the pattern: only where the header starts is read. It runs on the
// line's `header_view`, where the run of characters between a header's words (`[\W_]+` in `re`)
// is a small class: written over every character, some forty times, it compiled to about 7 MB.
static GLUED_HEADER: LazyLock<Pattern> = LazyLock::new(|| {
    let mut headers: Vec<String> = HEADERS
        .iter()
        .chain(GLUED_ONLY_HEADERS)
        .map(|h| keyed(h).into_iter().filter_map(char::from_u32).collect::<String>())
        .filter(|h| h.contains(' '))
        .collect();
    headers.sort_by(|a, b| b.chars().count().cmp(&a.chars().count()).then(a.cmp(b)));
    headers.dedup();
    let alternatives: Vec<String> = headers
        .iter()
        .map(|h| {
            let mut first = true;
            let words: Vec<String> = h
                .split(' ')
                .map(|word| {
                    let mut out = String::new();
                    let mut rest = word;
                    if first {
                        first = false;
                        let c = word.chars().next().expect("a word");
                        out.push(c.to_ascii_uppercase());
                        rest = &word[c.len_utf8()..];
                    }
                    if !rest.is_empty() {
                        out.push_str("(?i:");
                        out.push_str(&regex::escape(rest).replace('i', "[iİı]"));
                        out.push(')');
                    }
                    out
                })
                .collect();
            words.join(VIEW_SEPARATOR)
        })
        .collect();
    Pattern::new(
        &format!(r#"[.!?”"] (?:{})[:\s]+[A-ZÀ-Þ0-9“"]"#, alternatives.join("|")),
        false,
    )
});
const MIN_GLUED_PAGE_WORDS: usize = 150;
/// What `header_view` shows every word character (`re`'s `\w`) the pattern does not name as.
const VIEW_WORD: char = 'ª';
/// `[\W_]+` on the view: none of the word characters it holds.
const VIEW_SEPARATOR: &str = r"[^a-zA-Z0-9À-ÖØ-Þ\x{17f}\x{130}\x{131}\x{212a}ª]+";

/// The line as `GLUED_HEADER` reads it, a character for a code point: ASCII as written but for
/// the separators "\x1c" to "\x1f", spaces to `re`, shown as a tab; the characters the pattern
/// names beyond ASCII as written (the capitals "À" to "Þ", the quotes, and what `re.IGNORECASE`
/// takes for "k", "s" and "i"); every other word character as `VIEW_WORD`, every other space as a
/// tab, anything else as "#".
fn header_view(codes: &[u32]) -> String {
    codes
        .iter()
        .map(|&c| match c {
            0x1c..=0x1f => '\t',
            0..=0x7f => char::from(c as u8),
            0xc0..=0xde | 0x201c | 0x201d | 0x17f | 0x130 | 0x131 | 0x212a => char::from_u32(c).expect("a character"),
            _ if is_word(c) => VIEW_WORD,
            _ if is_space(c) => '\t',
            _ => '#',
        })
        .collect()
}

/// Where the first list header glued after a sentence starts, in code points.
fn glued_header(codes: &[u32]) -> Option<usize> {
    let view = header_view(codes);
    let m = GLUED_HEADER.regex.find(&view)?;
    // the sentence's end and the space are one code point each
    Some(view[..m.start()].chars().count() + 2)
}

// A list of teasers printed as paragraphs, each headline glued to the first sentence of its
// summary: "First UK election debate was a total shambles The first leaders debate on Tuesday
// ...", "... may soon be deemed stateless WASHINGTON: Expressing concern ...". A sentence starts
// inside the line's opening words right after a word that ends none: a capitalised seam word (a
// word only a sentence's start capitalises, `seams`) after a lower-case word that is not one, or
// a dateline; or a headline in Title Case opens the line. One such line can be a title in a
// sentence ("... watched It Follows"); a run of them is a list, which the Python side finds.
const MIN_TEASER_RUN_WORDS: usize = 15;
// A teaser is a headline and a sentence or two of summary; a line of hundreds of words is a page
// of a document (a scanned report's pages, each opened by its running header), not a teaser.
const MAX_TEASER_RUN_WORDS: usize = 150;
// Words: how far into the line the headline may run (the Python side's `GLUE_REACH`).
const GLUE_REACH: usize = 25;
const MIN_TITLE_CASE_RUN: usize = 4;
const OPENING: [char; 6] = ['"', '“', '‘', '\'', '(', '«'];
static GLUED_DATELINE: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::new(r"^(?:\S+\s+){3,25}?[A-Z]{3,}(?:\s+[A-Z]{3,})?\s?:\s+[A-Z]", false));

/// The related family's judge: what the line is to a list of other stories, and whether a
/// teaser's headline glued to its summary opens it (the words a sentence capitalises only at its
/// start in the document's language are `seams`; none, and no line is asked).
pub fn judge(s: &Subject, f: Features, seams: &Stoplist, dates: &DateWords) -> Answer {
    let verdict = verdict(s, f);
    Answer {
        stamp: stamp(s, f.words, dates),
        verdict,
        inline: verdict == Some(Verdict::Line) && INLINE.is_match(s),
        glued: (MIN_TEASER_RUN_WORDS..=MAX_TEASER_RUN_WORDS).contains(&f.words)
            && !seams.is_empty()
            && glued_headline(s, seams),
    }
}

fn verdict(s: &Subject, f: Features) -> Option<Verdict> {
    let codes = s.codes();
    let n = codes.len();
    if n <= MAX_HEADER_CHARS {
        let k = key(codes);
        if more_header(&k) || more_named(s) {
            return Some(Verdict::More);
        }
        if HEADER_KEYS.contains(&k) {
            return Some(Verdict::Header);
        }
    }
    if f.words <= MAX_POINTER_LINE_WORDS && (pointer_line(s) || !f.ends_sentence && KICKER_TEASER.is_match(s)) {
        return Some(Verdict::Line);
    }
    if matches!(codes.last(), Some(&c) if c == ')' as u32 || c == ']' as u32) && f.words >= MIN_GLUED_POINTER_WORDS {
        if let Some(Some((start, end))) = GLUED_POINTER.group(s, 1) {
            return Some(Verdict::Span(start, end));
        }
    }
    if f.words <= MAX_INLINE_WORDS && (INLINE.is_match(s) || ON_SITE.is_match(s))
        || f.words <= MAX_POINTER_WORDS && POINTER.is_match(s)
    {
        return Some(Verdict::Line);
    }
    if (MIN_TEASER_WORDS..=MAX_TEASER_WORDS).contains(&f.words)
        && !f.ends_sentence
        && (s.holds("read more") || s.holds("continue reading"))
        && CUT_TEASER.is_match(s)
    {
        return Some(Verdict::Line);
    }
    if !f.ends_sentence && MORE_HEADER_GLUED.is_match(s) {
        return Some(Verdict::Line);
    }
    let stamp_sized = (MIN_STAMPED_WORDS..=MAX_STAMPED_WORDS).contains(&f.words);
    if stamp_sized && !f.ends_sentence && s.holds("-") && s.holds(":") && STAMPED_TEASER.is_match(s) {
        return Some(Verdict::Line);
    }
    if (MIN_CAPS_TEASER_WORDS..=MAX_CAPS_TEASER_WORDS).contains(&f.words) && !f.ends_sentence && in_capitals(codes) {
        return Some(Verdict::Line);
    }
    if f.title_shaped && f.words >= MIN_TEASER_WORDS && tagged_teaser(s) {
        return Some(Verdict::Line);
    }
    if f.words >= MIN_GLUED_PAGE_WORDS {
        if let Some(start) = glued_header(codes) {
            if 2 * start >= n {
                return Some(Verdict::Span(start, n));
            }
        }
    }
    None
}

fn more_header(key: &[u32]) -> bool {
    let opens = |word: &str| key.len() >= word.len() && key.iter().zip(word.chars()).all(|(&a, b)| a == b as u32);
    // what every match opens with, before the key is made a `Subject`
    (opens("more ") && !opens("more than ") || opens("latest ") || opens("top "))
        && MORE_HEADER.is_match(&Subject::new(key))
}

fn more_named(s: &Subject) -> bool {
    let Some(rest) = s.exact.strip_prefix("More ") else {
        return false;
    };
    NAMED_PREPOSITIONS.iter().any(|preposition| {
        rest.strip_prefix(preposition).is_some_and(|rest| {
            NAMED_ARTICLES.iter().any(|article| {
                rest.strip_prefix(article)
                    .is_some_and(|name| !NAMES_NO_ONE.contains(&name) && MORE_NAMED.regex.is_match(name))
            })
        })
    })
}

fn pointer_line(s: &Subject) -> bool {
    let folded = s.folded();
    POINTER_LINE.is_match(s)
        || (folded.ends_with("click here") || folded.ends_with("read more")) && POINTER_LINE_CLOSING.is_match(s)
        || POINTER_LINE_CASED.is_match(s)
        || BRACKETED.is_match(s) && !BRACKETED_NOTE.is_match(s)
}

/// Printed in capitals, a name's own small letters aside ("... AT AMAs AMID FEUD ...").
fn in_capitals(codes: &[u32]) -> bool {
    let upper = codes.iter().filter(|&&c| is_upper(c)).count();
    let alpha = codes.iter().filter(|&&c| is_alpha(c)).count();
    upper >= MIN_CAPS_LETTERS && upper as f64 >= CAPS_SHARE * alpha as f64
}

fn tagged_teaser(s: &Subject) -> bool {
    if !s.holds("[") {
        return false;
    }
    let Some(caps) = TAGGED_TEASER.regex.captures(&s.exact) else {
        return false;
    };
    !NOT_TEASER_TAGS.contains(&&caps[1])
}

fn glued_headline(s: &Subject, seams: &Stoplist) -> bool {
    let words: Vec<&[u32]> = s
        .codes()
        .split(|&c| is_space(c))
        .filter(|w| !w.is_empty())
        .take(GLUE_REACH + 1)
        .collect();
    let opening = |word: &[u32]| -> usize {
        word.iter()
            .take_while(|&&c| OPENING.iter().any(|&o| o as u32 == c))
            .count()
    };
    for k in 3..words.len() {
        let word = &words[k][opening(words[k])..];
        let before = words[k - 1];
        if word.first().is_some_and(|&c| is_upper(c))
            && seams.contains(&lower(word))
            && before.iter().all(|&c| is_alpha(c))
            && word_is_lower(before)
            && !seams.contains(before)
        {
            return true;
        }
    }
    title_case_opening(&words, seams, opening) || GLUED_DATELINE.is_match(s)
}

/// A headline in Title Case opens the line: capitalised seam words among its first words
/// ("Police: 2 In Custody After Death Of ..."), which a sentence capitalises only at its start.
fn title_case_opening(words: &[&[u32]], seams: &Stoplist, opening: impl Fn(&[u32]) -> usize) -> bool {
    let (mut run, mut title_stops) = (0, 0);
    for &word in words {
        let word = &word[opening(word)..];
        if !word.first().is_some_and(|&c| is_upper(c) || is_digit(c)) {
            break;
        }
        if run > 0 && seams.contains(&lower(word)) {
            title_stops += 1;
        }
        run += 1;
    }
    run >= MIN_TITLE_CASE_RUN && title_stops > 0
}

#[cfg(test)]
mod tests {
    use super::super::testing::{check_literals, cps, date_words};
    use super::*;

    fn features(text: &str) -> Features {
        let ends_sentence = text.trim_end().ends_with(['.', '!', '?']);
        Features {
            words: text.split_whitespace().count(),
            prose: false,
            sentences: ends_sentence as usize,
            ends_sentence,
            title_shaped: !ends_sentence && text.split_whitespace().count() <= 25,
        }
    }

    fn judged(text: &str) -> Option<Verdict> {
        judge(
            &Subject::new(&cps(text)),
            features(text),
            &Stoplist::default(),
            &date_words(),
        )
        .verdict
    }

    fn stamped(text: &str) -> Option<Stamp> {
        judge(
            &Subject::new(&cps(text)),
            features(text),
            &Stoplist::default(),
            &date_words(),
        )
        .stamp
    }

    #[test]
    fn teasers_stamps() {
        assert_eq!(stamped("7 hours ago"), Some(Stamp::Age));
        assert_eq!(stamped("Tuesday November 19, 2019"), Some(Stamp::Date));
        // a comment's signature, a chronology's heading, a sentence
        assert_eq!(stamped("2 days ago at 07:52 am"), None);
        assert_eq!(stamped("Oktober 2015"), None);
        assert_eq!(stamped("He left the house 7 hours ago today"), None);
        assert_eq!(
            stamped("November 19, 2019, 9 days before the vote on the town's budget"),
            None
        );
    }

    fn english() -> Stoplist {
        let words = [
            "the", "a", "an", "in", "of", "on", "to", "and", "after", "for", "with", "it", "is",
        ];
        Stoplist::new(words.iter().map(|w| cps(w)))
    }

    fn glued(text: &str) -> bool {
        judge(&Subject::new(&cps(text)), features(text), &english(), &date_words()).glued
    }

    #[test]
    fn literals_are_found() {
        for p in [
            &*MORE_HEADER,
            &*MORE_NAMED,
            &*INLINE,
            &*ON_SITE,
            &*POINTER,
            &*POINTER_LINE,
            &*POINTER_LINE_CLOSING,
            &*POINTER_LINE_CASED,
            &*BRACKETED,
            &*BRACKETED_NOTE,
            &*KICKER_TEASER,
            &*GLUED_POINTER,
            &*TAGGED_TEASER,
            &*CUT_TEASER,
            &*MORE_HEADER_GLUED,
            &*STAMPED_TEASER,
            &*GLUED_DATELINE,
        ] {
            check_literals(p);
        }
    }

    #[test]
    fn headers_are_found() {
        for line in ["Related", "MOST READ", "Don’t miss", "You may also like:", "相关新闻"] {
            assert_eq!(judged(line), Some(Verdict::Header), "{line}");
        }
        for line in [
            "More Great WIRED Stories",
            "more cnn business news",
            "Latest Headlines",
            "More Washington Examiner",
            "More from NBC News",
            "More In Trading Nation",
            // the article taken for a name, where the lookahead is passed by leaving it out
            "More The Information",
        ] {
            assert_eq!(judged(line), Some(Verdict::More), "{line}");
        }
    }

    #[test]
    fn headers_lookalikes_are_not() {
        // `(?!than )` and `(?!(?:Information|Info|Details|Help)$)`, as code
        for line in [
            "More than news stories",
            "More Information",
            "More from Info",
            "More on the Details",
            "More Help",
        ] {
            assert_ne!(judged(line), Some(Verdict::More), "{line}");
        }
        assert_eq!(judged("The related articles were published on Monday."), None);
    }

    #[test]
    fn pointers_are_found() {
        for line in [
            "Read more: Brexit talks stall again",
            "READ MORE: The council's new budget",
            "■ Lesen Sie auch: Die Stadtwerke erhöhen die Preise",
            "Also: see our guide to the budget",
            "On HoustonChronicle.com: Car sales plunge",
            "Follow AP's full coverage of Brexit at https://apnews.com/Brexit",
            "Listen to Newsbeat live at 12:45 weekdays - or listen back here.",
            "Read more about VX",
            "Read Simon's full blog here.",
            "READ SİMON'S FULL BLOG",
            "Related PHOTOS: the storm",
            "(Also on POLITICO: Trump's week in review)",
            "(Government shutdown full coverage)",
            "[Mark Zuckerberg and Priscilla Chan's $3 billion effort to cure disease]",
            "TODAY IN THE SKY: Would you bid 420,000 miles for a seat",
            "Find more of her posts in the gallery at the top of the story.",
            "More Great WIRED Stories YouTubers must unionize, says a new group",
            "Renault's latest seven-seater is here 2019-11-20 12:57:32 Marcus De Guzman",
            "TAYLOR SWIFT CLEARED TO PERFORM HITS AT AMAs AMID FEUD WITH FORMER LABEL",
            "Plague fears: holidaymakers die after eating marmot [INSIGHT]",
            "The bridge was closed after cracks were found and some have even died due to Read more",
        ] {
            assert_eq!(judged(line), Some(Verdict::Line), "{line}");
        }
    }

    #[test]
    fn inline_pointers_say_so() {
        let line = "Read more: Brexit talks stall again";
        let answer = judge(
            &Subject::new(&cps(line)),
            features(line),
            &Stoplist::default(),
            &date_words(),
        );
        assert!(answer.inline);
        let line = "Read more about VX";
        let answer = judge(
            &Subject::new(&cps(line)),
            features(line),
            &Stoplist::default(),
            &date_words(),
        );
        assert_eq!((answer.verdict, answer.inline), (Some(Verdict::Line), false));
    }

    #[test]
    fn sentences_that_look_like_pointers_are_not() {
        for line in [
            "Read more books, the doctor said, and sleep longer.",
            "Also, read the small print before you sign.",
            "For more information, visit www.example.com",
            "JON STEWART: Ben walked into a buzz saw.",
            "[This story has been updated to correct the date of the vote.]",
            "[Editor's note: an earlier version misnamed the minister.]",
            "The report is attached as a file for download [PDF]",
            "The council met on Tuesday and voted to close the bridge.",
            "More than a hundred people came to the meeting",
            "related stories were told by the villagers for years",
        ] {
            assert_eq!(judged(line), None, "{line}");
        }
    }

    #[test]
    fn a_glued_teaser_is_its_span() {
        let story = "The moon rose over the hills and the crowd watched it climb below the horizon.";
        let line = format!("{story} [Super Blue Blood-Moon 2018: When, Where and How to See It]");
        let start = story.chars().count();
        assert_eq!(judged(&line), Some(Verdict::Span(start, line.chars().count())));
        // the bracket after no sentence's end is the sentence's own (the lookbehind, as code)
        let line = "The moon rose over the hills and the crowd watched it climb [a rare sight, said one of them]";
        assert_eq!(judged(line), None);
    }

    #[test]
    fn a_page_runs_on_into_its_list() {
        let story = "The council voted on Tuesday to close the old bridge for repairs. ".repeat(14);
        let tail = "Top Stories: The House voted on the budget on Monday and the Senate will vote next week";
        let line = format!("{story}{tail}");
        let start = story.chars().count();
        assert_eq!(judged(&line), Some(Verdict::Span(start, line.chars().count())));
        // a header in lower case, after no sentence's end, or before the middle, is not one
        for tail in [
            "top stories: The House voted on the budget on Monday",
            "and Top Stories: The House voted on the budget on Monday",
        ] {
            assert_eq!(judged(&format!("{story}{tail}")), None, "{tail}");
        }
        let early = format!("Top stories. {tail}{story}");
        assert_eq!(judged(&early), None);
    }

    #[test]
    fn the_header_view_classes_as_re_does() {
        // every code point is a word character, a space, or neither, on the view as to `re`, and
        // is shown as itself where the pattern names it
        let word = regex::Regex::new(&format!("^(?:{VIEW_SEPARATOR})$")).unwrap();
        let space = regex::Regex::new(r"^\s$").unwrap();
        for c in (0..0x11_0000u32)
            .step_by(7)
            .chain([0x1c, 0x5f, 0xd7, 0xaa, 0x17f, 0x130, 0x131, 0x212a, 0xd800])
        {
            let view = header_view(&[c]);
            assert_eq!(word.is_match(&view), !is_word(c) || c == '_' as u32, "{c:#x}");
            assert_eq!(space.is_match(&view), is_space(c), "{c:#x}");
            if c < 0x80 && !(0x1c..=0x1f).contains(&c) || (0xc0..=0xde).contains(&c) {
                assert_eq!(view, char::from_u32(c).unwrap().to_string());
            }
        }
        // between a header's words any run of characters other than letters and digits, in any
        // script; a letter of another script is none of them
        let story = "The council voted on Tuesday to close the old bridge for repairs. ".repeat(14);
        for (tail, found) in [
            ("Top\u{3000}—_stories: The House voted", true),
            ("Top\u{1c}stories The House voted", true),
            ("Most re\u{17f}\u{212a}ad The House voted", false),
            ("Top é stories The House voted", false),
            ("Most \u{131}nteresting The House voted", false),
            ("In other news \u{130}stanbul voted", false),
            ("In other news Ölfeld voted", true),
        ] {
            let line = format!("{story}{tail}");
            let start = story.chars().count();
            let want = found.then(|| Verdict::Span(start, line.chars().count()));
            assert_eq!(judged(&line), want, "{tail}");
        }
    }

    #[test]
    fn glued_headlines_are_found() {
        for line in [
            "First UK election debate was a total shambles The first leaders debate on Tuesday was cut short by the host",
            "Police: 2 In Custody After Death Of Man Found Near Park the police said on Monday morning in a statement",
            "Migrants may soon be deemed stateless WASHINGTON: Expressing concern over the ruling the court said no",
        ] {
            assert!(glued(line), "{line}");
        }
        for line in [
            "The council met on Tuesday and voted to close the old bridge for repairs until the end of the year.",
            "She said she had watched It Follows twice.",
        ] {
            assert!(!glued(line), "{line}");
        }
        // no seam words (a language without a list): no line is asked
        let line = "First UK election debate was a total shambles The first leaders debate on Tuesday was cut short";
        assert!(
            !judge(
                &Subject::new(&cps(line)),
                features(line),
                &Stoplist::default(),
                &date_words()
            )
            .glued
        );
    }
}
