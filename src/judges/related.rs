//! Pointers to other stories, as a line's own text tells them: "Read more: ...", "Related",
//! "Most read", "More CNN Business News", a teaser under its kicker in capitals, one glued after
//! a paragraph, one cut off by its link, stamped by the site's software or closed by a bracketed
//! tag, a page flattened into one paragraph running on into its list of headlines; and whether
//! the line opens with a teaser's headline glued to its summary (a run of such lines is a list).
//!
//! `detect` reads the lines around, once per document (`_core.related`): the list under a
//! header, runs of teasers, of cut summaries, of counted and dated headlines, headlines left
//! after the story's last paragraph. The other languages' headers and "read also" openers are
//! data, matched on the Python side (clean/residue/related.py) and handed over as `Worded`.

use std::collections::HashSet;
use std::sync::LazyLock;

use super::dates::{self, DateWords};
use super::runs::{entries, runs};
use super::{Features, Pattern, Subject};
use crate::chars::{is_alpha, is_decimal, is_digit, is_space, is_upper, is_word, lower, word_is_lower};
use crate::lines::{key, Features as LineFeatures, Stoplist};

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
// sentence ("... watched It Follows"); a run of them is a list (`teaser_runs`).
const MIN_TEASER_RUN_WORDS: usize = 15;
// A teaser is a headline and a sentence or two of summary; a line of hundreds of words is a page
// of a document (a scanned report's pages, each opened by its running header), not a teaser.
const MAX_TEASER_RUN_WORDS: usize = 150;
// Words: how far into the line the headline may run (and a loose seam may stand, `LOOSE_SEAM`).
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

// ---- The rules that read the lines around: the list under a header, runs of teasers ----
//
// `detect` gives the family's verdicts on a whole document, in the order
// clean/residue/related.py yields them, from the document's distinct lines with their features,
// the judge's answer on each (with the document's language's headers and "read also" openers,
// which are data read on the Python side, given as `Worded`) and which line each block is.

/// What the document's language's words (clean/data/residue/<lang>.txt) make of a line the
/// English patterns left: a header over a list (`[related-header]`), or a pointer opened by a
/// "read also" opener (`[related]`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Worded {
    Header,
    Pointer,
}

/// Where a weak verdict holds (`Verdict.where` on the Python side).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    Anywhere,
    /// where nothing but residue follows the line
    Tail,
    /// in a page dump, not an extracted article
    Page,
}

/// One verdict of the family on a block: the reason is always "related".
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Found {
    pub block: usize,
    pub score: f64,
    /// a pointer glued into the line, or None for the whole block
    pub span: Option<(usize, usize)>,
    pub place: Place,
}

impl Found {
    fn sure(block: usize) -> Found {
        Found {
            block,
            score: 1.0,
            span: None,
            place: Place::Anywhere,
        }
    }

    fn scored(block: usize, score: f64) -> Found {
        Found {
            score,
            ..Found::sure(block)
        }
    }

    fn weak(block: usize, place: Place) -> Found {
        Found {
            score: 0.5,
            place,
            ..Found::sure(block)
        }
    }
}

/// A distinct line of the document, as the rules below read it.
pub struct Line<'a> {
    pub text: &'a [u32],
    pub f: &'a LineFeatures,
    pub answer: Answer,
}

/// The line's verdict once the language's words have taken the turns they take among the
/// judge's rules: a header after the site's more-stories header, a pointer after the pointers on
/// a line of their own and the teasers glued after a paragraph (the judge's answers that come
/// after it are pointers of the whole line too, or need a line too long for it).
fn with_words(verdict: Option<Verdict>, worded: Option<Worded>) -> Option<Verdict> {
    match (verdict, worded) {
        (Some(Verdict::More), _) => verdict,
        (_, Some(Worded::Header)) => Some(Verdict::Header),
        (Some(_), _) => verdict,
        (None, Some(Worded::Pointer)) => Some(Verdict::Line),
        (None, None) => None,
    }
}

/// The family's verdicts on a document: `lines` its distinct lines, `worded` what the
/// language's words make of each (None for a language without them), `line_of` which line each
/// block is, `stop` the language's stoplist (empty when the language is unknown).
pub fn detect(lines: &[Line], worded: Option<&[Option<Worded>]>, line_of: &[usize], stop: &Stoplist) -> Vec<Found> {
    let blocks: Vec<&Line> = line_of.iter().map(|&k| &lines[k]).collect();
    let feats: Vec<&LineFeatures> = blocks.iter().map(|b| b.f).collect();
    let mut out = Vec::new();
    teaser_runs(lines, line_of, &feats, &mut out);
    teaser_pairs(&feats, &mut out);
    cut_summary_runs(lines, line_of, &feats, &mut out);
    counted_runs(lines, line_of, &feats, &mut out);
    dated_runs(&blocks, &feats, &mut out);
    closing_headlines(lines, line_of, &feats, stop, &mut out);
    let verdicts: Vec<Option<Verdict>> = match worded {
        None => lines.iter().map(|l| l.answer.verdict).collect(),
        Some(worded) => lines
            .iter()
            .zip(worded)
            .map(|(l, &w)| with_words(l.answer.verdict, w))
            .collect(),
    };
    lists(&blocks, &feats, &verdicts, line_of, &mut out);
    out
}

// What a header is to the lines under it: headline-shaped lines up to the next real paragraph
// are its list. A header offering more of the site's stories ("More Washington Examiner") heads
// the list that closes the page; "Read more" may be a button in the middle of the story.
fn lists(
    blocks: &[&Line],
    feats: &[&LineFeatures],
    verdicts: &[Option<Verdict>],
    line_of: &[usize],
    out: &mut Vec<Found>,
) {
    let n = blocks.len();
    let mut i = 0;
    // where the paragraphs that all read as teasers begin, once asked
    let mut teaser_tail: Option<usize> = None;
    while i < n {
        let Some(verdict) = verdicts[line_of[i]] else {
            i += 1;
            continue;
        };
        let span = match verdict {
            Verdict::More | Verdict::Header => {
                let more = verdict == Verdict::More;
                out.push(Found::sure(i));
                i += 1;
                while i < n && item(feats[i]) {
                    out.push(Found::scored(i, 0.9));
                    i += 1;
                }
                let end = closing_list(feats, i);
                out.extend((i..end).map(|k| Found::scored(k, 0.9)));
                i = end;
                if more && teaser_tail != Some(n) {
                    let tail = *teaser_tail.get_or_insert_with(|| teasers_from(blocks, feats));
                    if i >= tail {
                        // A later header's list would be part of this one: look no further.
                        summarised_list(blocks, feats, i, out);
                        teaser_tail = Some(n);
                    }
                }
                continue;
            }
            Verdict::Line => None,
            Verdict::Span(start, end) => Some((start, end)),
        };
        out.push(Found { span, ..Found::sure(i) });
        if blocks[i].answer.inline {
            // "Read more on this story: <headline>", then the list's other headlines on lines of
            // their own to the end of the text.
            let mut end = i + 1;
            while end < n && item(feats[end]) {
                end += 1;
            }
            if end == n {
                out.extend((i + 1..n).map(|k| Found::scored(k, 0.9)));
                i = n;
                continue;
            }
        }
        i += 1;
    }
}

// A related-list item is a headline: a few words, no full stop at the end. A price, a one-word
// spec or a "Buy Now" button is not one: the list has ended (what follows a "Don't Miss" on a
// deals page is the deals).
const MIN_ITEM_WORDS: usize = 2;
const MAX_ITEM_WORDS: usize = 20;

fn item(f: &LineFeatures) -> bool {
    // A headline may hold a sentence break ("Paid political ads are not the problem. Our
    // perceptions are") as long as it does not end like a sentence.
    (f.title_shaped || !f.ends_sentence && !f.prose)
        && (MIN_ITEM_WORDS..=MAX_ITEM_WORDS).contains(&f.words)
        && f.upper_ratio > 0.0
}

// A list closing the story may print its headlines as sentences, full stop and all ("Lions are
// raised to be killed in South Africa. And hunters love it."): under a header, lines of a
// headline's length that run to the end of the text, or to a separator rule, are the list
// whatever most of them end on. A story that goes on after a header goes on in paragraphs.
const MAX_CLOSING_ITEMS: usize = 10;
const MAX_CLOSING_ITEM_SENTENCES: usize = 2;

/// Where the list from `start` to the end of the text, or to a separator rule, ends; `start`
/// when the lines there are not such a list.
fn closing_list(feats: &[&LineFeatures], start: usize) -> usize {
    let n = feats.len();
    let mut end = start;
    while end < n && end - start < MAX_CLOSING_ITEMS {
        let f = feats[end];
        if f.words == 0 {
            break; // a rule of dashes or underscores
        }
        if !(MIN_TEASER_WORDS..=MAX_ITEM_WORDS).contains(&f.words) || f.sentences > MAX_CLOSING_ITEM_SENTENCES {
            return start;
        }
        end += 1;
    }
    if end == start || end < n && feats[end].words > 0 {
        return start;
    }
    // A headline among them: a story's own sentences after a "Read More" button all end as
    // sentences do.
    if feats[start..end].iter().all(|f| f.ends_sentence) {
        return start;
    }
    end
}

// Under a header offering more stories, teasers whose summaries follow their headlines on the
// same line may show no stopword at the seam ("Kurt Volker throws Rudy Giuliani under the bus
// Kurt Volker, a former envoy ..."): any capitalised word after a lower-case one, early in the
// line, may open the summary. Prose shows that too ("... visited Paris"), so it only counts when
// every paragraph from the header to the end of the text reads that way: the page's list of more
// stories, not an article that goes on below a pointer.
const MIN_SUMMARISED_LIST: usize = 3;
static LOOSE_SEAM: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        &format!(r#"^(?:\S+\s+){{1,{GLUE_REACH}}}?[\w’'")]*[a-z?][’'")]?\s+["“‘']?[A-Z]"#),
        false,
    )
});

fn loose_seam(text: &[u32]) -> bool {
    LOOSE_SEAM.is_match(&Subject::new(text))
}

/// The first block from which every paragraph to the end of the text reads as a teaser.
fn teasers_from(blocks: &[&Line], feats: &[&LineFeatures]) -> usize {
    (0..blocks.len())
        .rev()
        .find(|&i| feats[i].prose && !(item(feats[i]) || loose_seam(blocks[i].text)))
        .map_or(0, |i| i + 1)
}

fn summarised_list(blocks: &[&Line], feats: &[&LineFeatures], start: usize, out: &mut Vec<Found>) {
    // A teaser whose summary ends without a full stop is no sentence, but it shows its seam.
    let items: Vec<usize> = (start..blocks.len())
        .filter(|&i| feats[i].prose || item(feats[i]) || loose_seam(blocks[i].text))
        .collect();
    if items.len() >= MIN_SUMMARISED_LIST {
        out.extend(items.into_iter().map(|i| Found::scored(i, 0.9)));
    }
}

/// Each block's answer from its distinct line's.
fn per_block(judged: &[bool], line_of: &[usize]) -> Vec<bool> {
    line_of.iter().map(|&k| judged[k]).collect()
}

// A list of teasers printed as paragraphs, each headline glued to the first sentence of its
// summary (the judge's `glued`): one such line can be a title in a sentence ("... watched It
// Follows"); a run of them is a list. A teaser whose summary opens with a name ("... under the
// bus Kurt Volker, a former envoy ...") shows no seam, so a run may pass over one such line
// between two that do. A dateline opening the line makes it the story's own.
const MIN_TEASER_RUN: usize = 3;

fn teaser_runs(lines: &[Line], line_of: &[usize], feats: &[&LineFeatures], out: &mut Vec<Found>) {
    let glued: Vec<bool> = lines
        .iter()
        .map(|l| l.answer.glued && !super::headline::dateline_opening(l.text))
        .collect();
    let glued = per_block(&glued, line_of);
    if !glued.iter().any(|&g| g) {
        return;
    }
    let mut prose_above = Vec::with_capacity(feats.len() + 1);
    prose_above.push(0);
    for f in feats {
        prose_above.push(prose_above.last().unwrap() + f.prose as usize);
    }
    let total = prose_above[feats.len()];
    for run in runs(&glued, 2, None) {
        if run.len() < MIN_TEASER_RUN {
            continue;
        }
        // An extracted article whose subheadings are glued to their paragraphs has the same
        // seams, with the story's prose on both sides: there, only a run above or below the
        // story is a list. A page dump has its lists beside the story too.
        let (first, last) = (run[0], run[run.len() - 1]);
        let at_edge = prose_above[first] == 0 || total == prose_above[last + 1];
        out.extend((first..=last).map(|j| {
            if at_edge {
                Found::sure(j)
            } else {
                Found::weak(j, Place::Page)
            }
        }));
    }
}

// The same list with each headline on its own line, its summary on the next: "Tape Gaffe Ends
// Hamlin's Title Run" / "Denny Hamlin's championship run was foiled by the tale of the tape."
// An article's subheadings are followed by more than a sentence or two, and rarely in Title
// Case three times running; still, a page dump's lists sit beside the story, so the run is only
// a weak verdict for the main-block choice on a page.
const MIN_PAIRS: usize = 3;
const MIN_HEADLINE_CAPITALS: f64 = 0.6;
const MAX_SUMMARY_WORDS: usize = 60;
const MAX_SUMMARY_SENTENCES: usize = 3;
const MAX_LABEL_WORDS: usize = 3;

fn title_case_headline(f: &LineFeatures) -> bool {
    // A question may open it ("Say Cheese? The City's Top 3 Cheese Shops"); a full stop may not end it.
    (!f.ends_sentence || f.last.is_none_or(|c| c == '?' as u32 || c == '!' as u32))
        && (MIN_TEASER_WORDS - 1..=MAX_ITEM_WORDS).contains(&f.words)
        && f.upper_ratio >= MIN_HEADLINE_CAPITALS
}

fn label(f: &LineFeatures) -> bool {
    0 < f.words && f.words <= MAX_LABEL_WORDS && !f.prose
}

fn summary(f: &LineFeatures) -> bool {
    f.prose && f.words <= MAX_SUMMARY_WORDS && f.sentences <= MAX_SUMMARY_SENTENCES
}

fn teaser_pairs(feats: &[&LineFeatures], out: &mut Vec<Found>) {
    let n = feats.len();
    let mut i = 0;
    while i + 1 < n {
        let (mut j, mut pairs) = (i, 0);
        while j + 1 < n {
            if title_case_headline(feats[j]) && summary(feats[j + 1]) {
                j += 2;
                pairs += 1;
            } else if pairs > 0
                && j + 2 < n
                && label(feats[j])
                && title_case_headline(feats[j + 1])
                && summary(feats[j + 2])
            {
                j += 1; // a section label between two of them ("Autos")
            } else {
                break;
            }
        }
        if pairs >= MIN_PAIRS {
            out.extend((i..j).map(|k| Found::weak(k, Place::Page)));
            i = j;
        } else {
            i += 1;
        }
    }
}

// A teaser's summary cut to length by the site's software ends on an ellipsis right after a
// letter: "... If you're trying to overcome an eating disorder, or create a…". A writer may
// trail off once; three such paragraphs with nothing but short lines (their headlines, "READ
// MORE", a reviewer's name) between them are a list, wherever it sits.
const MIN_CUT_SUMMARY_WORDS: usize = 8;
const MIN_CUT_RUN: usize = 3;
const CUT_REACH: usize = 4; // blocks from one summary to the next

/// `[^\W\d_](?:…|\.\.\.)$`: a letter, then the ellipsis closing the line.
fn cut_summary(text: &[u32]) -> bool {
    let before = if text.last() == Some(&('…' as u32)) {
        text.len() - 1
    } else if text.ends_with(&['.' as u32; 3]) {
        text.len() - 3
    } else {
        return false;
    };
    before > 0 && {
        let c = text[before - 1];
        is_word(c) && !is_decimal(c) && c != '_' as u32
    }
}

fn cut_summary_runs(lines: &[Line], line_of: &[usize], feats: &[&LineFeatures], out: &mut Vec<Found>) {
    let cut: Vec<bool> = lines
        .iter()
        .map(|l| l.f.words >= MIN_CUT_SUMMARY_WORDS && cut_summary(l.text))
        .collect();
    for run in runs(&per_block(&cut, line_of), CUT_REACH, Some(feats)) {
        if run.len() >= MIN_CUT_RUN {
            out.extend((run[0]..=run[run.len() - 1]).map(|j| Found::scored(j, 0.9)));
        }
    }
}

// A "most commented" or "most shared" list prints each headline with its count: "Myles Garrett
// should expect a significant suspension (148)", or the count on a line of its own under its
// headline. Three counted lines, at most one line apart, are the list.
const MIN_COUNTED_RUN: usize = 3;

/// Where a count closing the line opens (its "("): `\(\d[\d,.]*[kK]?\)$`.
fn count_at_end(text: &[u32]) -> Option<usize> {
    let mut end = text.len().checked_sub(1).filter(|&end| text[end] == ')' as u32)?;
    if end > 0 && (text[end - 1] == 'k' as u32 || text[end - 1] == 'K' as u32) {
        end -= 1;
    }
    let mut start = end;
    while start > 0 && (is_decimal(text[start - 1]) || text[start - 1] == ',' as u32 || text[start - 1] == '.' as u32) {
        start -= 1;
    }
    (start < end && start > 0 && is_decimal(text[start]) && text[start - 1] == '(' as u32).then(|| start - 1)
}

/// A count alone on its line (`^\(\d[\d,.]*[kK]?\)$`), or a headline closed by one
/// (`\S\s*\(\d[\d,.]*[kK]?\)$`).
fn counted(text: &[u32], f: &LineFeatures) -> bool {
    let Some(open) = count_at_end(text) else {
        return false;
    };
    open == 0
        || (MIN_TEASER_WORDS..=MAX_ITEM_WORDS).contains(&f.words)
            && !f.prose
            && text[..open].iter().any(|&c| !is_space(c))
}

fn counted_runs(lines: &[Line], line_of: &[usize], feats: &[&LineFeatures], out: &mut Vec<Found>) {
    let counted: Vec<bool> = lines.iter().map(|l| counted(l.text, l.f)).collect();
    // A paragraph between two counts ends the list: "(1)" and "(2)" may number a law's clauses.
    for run in runs(&per_block(&counted, line_of), 2, Some(feats)) {
        if run.len() >= MIN_COUNTED_RUN {
            out.extend((run[0]..=run[run.len() - 1]).map(|j| Found::scored(j, 0.9)));
        }
    }
}

// A list of stories stamped with their age: "Four Things We Learned ..." / "Rolling Stone" / "7
// hours ago"; or with their author and date: "Becket Adams" / "Tuesday November 19, 2019" / a
// one-paragraph summary. An article gives its own date once, and a live report's entries run
// longer than a summary; three stamps, each at most two lines from the next, are a list. A date
// alone heads a chronology's entry when prose stands above it, so it only counts as a stamp
// under a name or headline. Which lines are stamps is the judge's (`stamp`).
const MIN_DATED_RUN: usize = 3;
const DATED_REACH: usize = 3;
const MAX_DATED_SUMMARY_WORDS: usize = 120; // a story's opening paragraph

fn dated_runs(blocks: &[&Line], feats: &[&LineFeatures], out: &mut Vec<Found>) {
    let stamped: Vec<Option<Stamp>> = blocks.iter().map(|b| b.answer.stamp).collect();
    if stamped.iter().all(Option::is_none) {
        return;
    }
    let stamps: Vec<bool> = (0..blocks.len())
        .map(|i| match stamped[i] {
            Some(Stamp::Age) => true,
            Some(Stamp::Date) => {
                i > 0 && stamped[i - 1] != Some(Stamp::Date) && item(feats[i - 1]) && !feats[i - 1].prose
            }
            None => false,
        })
        .collect();
    for run in runs(&stamps, DATED_REACH, None) {
        // A stretch of longer writing between two stamps splits the run.
        let mut cuts: Vec<usize> = vec![0];
        cuts.extend(
            (0..run.len() - 1)
                .filter(|&k| !listed(&feats[run[k] + 1..run[k + 1]]))
                .map(|k| k + 1),
        );
        cuts.push(run.len());
        for w in cuts.windows(2) {
            if w[1] - w[0] >= MIN_DATED_RUN {
                let (first, last) = entries(&run[w[0]..w[1]], feats, false);
                out.extend((first..=last).map(|i| Found::scored(i, 0.9)));
            }
        }
    }
}

/// What may stand between two stamps of a list: a headline, a name, one summary.
fn listed(between: &[&LineFeatures]) -> bool {
    let mut prose = between.iter().filter(|f| f.prose);
    prose.clone().count() <= 1 && prose.all(|f| f.words <= MAX_DATED_SUMMARY_WORDS)
}

// Headlines of other stories left after the story's last paragraph, their header and links lost
// with the markup ("Kim Jong-nam: The exile who criticised his family" / "Who could order such a
// killing"): a line or a few, each a headline's length, without a sentence's end, after a
// paragraph that ends one. A story that goes on below such a line had a subheading there, so
// the lines go only where nothing but residue follows them (`Place::Tail`). A sentence cut off
// where the text stopped ends on a word that cannot close one ("... both events are"); a quoted
// sentence without its full stop opens on its quotation mark; a heading of a word or two
// ("References", "Methods") stays; so does a heading in Title Case over a section the text ends
// with ("Tour Dates", a recipe's name over its card), whose section may have gone as residue;
// and a line with a link or an address in it is the story's contact line ("For more
// information, visit: www.example.com").
const MIN_CLOSING_HEADLINE_WORDS: usize = 4;
const MAX_CLOSING_HEADLINE_WORDS: usize = 14;
const MAX_CLOSING_HEADLINES: usize = 5;
const CLOSING_HEADLINE_CAPITALS: f64 = 0.6;
const HEADLINE_END: [char; 4] = ['’', '\'', '"', '”'];
static ADDRESS: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::new(r"@|://|\bwww\.|\w\.(?:com|org|net|gov|edu|[a-z]{2})\b", true));

fn is_headline_end(c: u32) -> bool {
    HEADLINE_END.iter().any(|&e| e as u32 == c)
}

fn closing_headline(text: &[u32], f: &LineFeatures, stop: &Stoplist) -> bool {
    if !(MIN_CLOSING_HEADLINE_WORDS..=MAX_CLOSING_HEADLINE_WORDS).contains(&f.words)
        || f.sentences > 0
        || f.ends_sentence
        || !f.title_shaped
        || f.upper_ratio >= CLOSING_HEADLINE_CAPITALS
    {
        return false;
    }
    let (Some(first), Some(last)) = (
        text.iter().position(|&c| !is_space(c)),
        text.iter().rposition(|&c| !is_space(c)),
    ) else {
        return false;
    };
    let text = &text[first..=last];
    let (opening, closing) = (text[0], text[text.len() - 1]);
    // A quoted sentence opens on its quotation mark; a headline does not.
    if OPENING.iter().any(|&o| o as u32 == opening)
        || !(is_word(closing) && closing != '_' as u32 || is_headline_end(closing))
    {
        return false;
    }
    let word_start = text.iter().rposition(|&c| is_space(c)).map_or(0, |k| k + 1);
    let word = &text[word_start..];
    let a = word.iter().position(|&c| !is_headline_end(c)).unwrap_or(word.len());
    let b = word.iter().rposition(|&c| !is_headline_end(c)).map_or(a, |k| k + 1);
    !stop.contains(&lower(&word[a..b])) && !ADDRESS.is_match(&Subject::new(text))
}

fn closing_headlines(
    lines: &[Line],
    line_of: &[usize],
    feats: &[&LineFeatures],
    stop: &Stoplist,
    out: &mut Vec<Found>,
) {
    if stop.is_empty() {
        return; // without a stoplist, a sentence cut off cannot be told from a headline
    }
    let shaped: Vec<bool> = lines.iter().map(|l| closing_headline(l.text, l.f, stop)).collect();
    let shaped = per_block(&shaped, line_of);
    let n = shaped.len();
    let mut i = 1;
    while i < n {
        if !(shaped[i] && feats[i - 1].prose && feats[i - 1].ends_sentence) {
            i += 1;
            continue;
        }
        let mut end = i;
        while end < n && shaped[end] {
            end += 1;
        }
        if end - i <= MAX_CLOSING_HEADLINES {
            out.extend((i..end).map(|k| Found::weak(k, Place::Tail)));
        }
        i = end;
    }
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
            &*ADDRESS,
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

    // ---- the rules that read the lines around ----

    /// The family's verdicts on a document of `texts` as (block, score, place), its lines judged
    /// with `english()` as the stoplist and the seam words, `worded` what a language's words make
    /// of a line (by its text).
    fn detect_worded(texts: &[&str], worded: &[(&str, Worded)]) -> Vec<(usize, f64, Place)> {
        let stop = english();
        let mut distinct: Vec<(Vec<u32>, LineFeatures)> = Vec::new();
        let mut line_of = Vec::new();
        for t in texts {
            let text = cps(t);
            let k = distinct.iter().position(|(l, _)| *l == text).unwrap_or_else(|| {
                let f = crate::lines::features(&text, &stop);
                distinct.push((text, f));
                distinct.len() - 1
            });
            line_of.push(k);
        }
        let lines: Vec<Line> = distinct
            .iter()
            .map(|(text, f)| {
                let judge_f = Features {
                    words: f.words,
                    prose: f.prose,
                    sentences: f.sentences,
                    ends_sentence: f.ends_sentence,
                    title_shaped: f.title_shaped,
                };
                Line {
                    text,
                    f,
                    answer: judge(&Subject::new(text), judge_f, &stop, &date_words()),
                }
            })
            .collect();
        let words: Vec<Option<Worded>> = distinct
            .iter()
            .map(|(text, _)| worded.iter().find(|(w, _)| cps(w) == *text).map(|&(_, w)| w))
            .collect();
        let worded = (!worded.is_empty()).then_some(&words[..]);
        detect(&lines, worded, &line_of, &stop)
            .into_iter()
            .map(|v| (v.block, v.score, v.place))
            .collect()
    }

    fn detect_doc(texts: &[&str]) -> Vec<(usize, f64, Place)> {
        detect_worded(texts, &[])
    }

    fn blocks(found: &[(usize, f64, Place)]) -> Vec<usize> {
        found.iter().map(|&(block, _, _)| block).collect()
    }

    /// The blocks of the verdicts that hold wherever the block stands (the lists'), the
    /// headlines closing the text (`Place::Tail`) left out.
    fn listed(found: &[(usize, f64, Place)]) -> Vec<usize> {
        found
            .iter()
            .filter(|v| v.2 != Place::Tail)
            .map(|&(block, _, _)| block)
            .collect()
    }

    const STORY: &str = "The council met on Tuesday and voted to keep the library open for another year, he said.";
    const STORY_TOO: &str = "The board met on Monday and voted to close the old bridge for repairs until the spring.";
    // prose without a capital after a lower-case word
    const PLAIN: &str =
        "It was a long meeting, and the board voted to close the old bridge for repairs until the spring.";
    const TEASERS: [&str; 3] = [
        "Storm closes schools across the river The first snow of the year fell on Tuesday and the roads were closed for hours.",
        "Mayor opens new bridge over the valley The bridge took four years to build and cost the city more than it planned.",
        "Council keeps library open for a year The vote was close and the library will stay open until next spring at least.",
    ];

    #[test]
    fn a_run_of_glued_teasers_is_a_list() {
        // below the story: sure; between two stretches of it, only on a page
        let found = detect_doc(&[STORY, TEASERS[0], TEASERS[1], TEASERS[2]]);
        assert_eq!(found, (1..4).map(|i| (i, 1.0, Place::Anywhere)).collect::<Vec<_>>());
        let found = detect_doc(&[STORY, TEASERS[0], TEASERS[1], TEASERS[2], STORY_TOO]);
        assert_eq!(found, (1..4).map(|i| (i, 0.5, Place::Page)).collect::<Vec<_>>());
        // two are a title in a sentence or a subheading glued to its paragraph
        assert_eq!(detect_doc(&[STORY, TEASERS[0], TEASERS[1], STORY_TOO]), vec![]);
        // a dateline makes the line the story's own
        let dated =
            "WASHINGTON (AP) — Storm closes schools across the river The first snow of the year fell on Tuesday.";
        assert_eq!(detect_doc(&[STORY, TEASERS[0], dated, TEASERS[1], STORY_TOO]), vec![]);
    }

    #[test]
    fn headlines_over_their_summaries_are_a_list_on_a_page() {
        let pairs = [
            "Tape Gaffe Ends Hamlin's Title Run",
            "Denny Hamlin's championship run was foiled by the tale of the tape on Sunday.",
            "Storm Closes Schools Across County",
            "The first snow of the year fell on Tuesday and the roads were closed for hours.",
            "Autos",
            "Mayor Opens New Bridge Downtown",
            "The bridge took four years to build and cost more than the city planned.",
        ];
        let found = detect_doc(&pairs);
        assert_eq!(found, (0..7).map(|i| (i, 0.5, Place::Page)).collect::<Vec<_>>());
        // two pairs are an article's subheadings
        assert_eq!(detect_doc(&pairs[..4]), vec![]);
    }

    #[test]
    fn summaries_cut_by_the_site_are_a_list() {
        let cut = [
            "If you are trying to overcome an eating disorder, or create a…",
            "READ MORE",
            "The best ways to keep your garden green in the long dry summer...",
            "Jane Doe",
            "Why the city council keeps the library open for another whole year…",
        ];
        assert_eq!(blocks(&detect_doc(&cut)), vec![0, 1, 2, 3, 4, 1]);
        assert!(detect_doc(&cut).iter().take(5).all(|&(_, score, _)| score == 0.9));
        // prose between them ends the run; a number before the ellipsis is no word cut off
        assert_eq!(detect_doc(&[cut[0], STORY, cut[2], cut[4]]), vec![]);
        let numbers = [
            "If you are trying to overcome an eating disorder, or create 3…",
            "The best ways to keep your garden green in the long dry summer 2...",
            "Why the city council keeps the library open for another whole year 5…",
        ];
        assert_eq!(detect_doc(&numbers), vec![]);
    }

    #[test]
    fn counted_headlines_are_a_list() {
        let counted = [
            "Myles Garrett should expect a significant suspension (148)",
            "Storm closes schools across the county (1,204)",
            "Mayor opens new bridge over the river",
            "(12k)",
        ];
        assert_eq!(
            detect_doc(&counted),
            (0..4).map(|i| (i, 0.9, Place::Anywhere)).collect::<Vec<_>>()
        );
        // a law's numbered clauses
        assert_eq!(detect_doc(&["(1)", STORY, "(2)", STORY_TOO, "(3)"]), vec![]);
        assert!(count_at_end(&cps("(1,2.k)")).is_some());
        for text in ["(k)", "(,1)", "(12kk)", "12)", "(12) x"] {
            assert_eq!(count_at_end(&cps(text)), None, "{text}");
        }
    }

    #[test]
    fn stamped_teasers_are_a_list() {
        let stamped = [
            STORY,
            "Four Things We Learned From the Game",
            "Rolling Stone",
            "7 hours ago",
            "Storm Closes Schools Across the County",
            "Daily News",
            "3 hours ago",
            "Mayor Opens New Bridge Downtown",
            "City Paper",
            "2 days ago",
        ];
        assert_eq!(
            detect_doc(&stamped),
            (1..10).map(|i| (i, 0.9, Place::Anywhere)).collect::<Vec<_>>()
        );
        // a chronology's dates under paragraphs of prose are its entries' headings
        let chronology = [
            STORY,
            "Tuesday November 19, 2019",
            STORY_TOO,
            "Wednesday November 20, 2019",
            STORY,
            "Thursday November 21, 2019",
        ];
        assert!(detect_doc(&chronology)
            .iter()
            .all(|&(_, _, place)| place == Place::Tail));
    }

    #[test]
    fn headlines_after_the_last_paragraph_go_where_the_text_ends() {
        let found = detect_doc(&[
            STORY,
            "Kim Jong-nam: the exile who criticised his brother",
            "Who could order such a killing",
        ]);
        assert_eq!(found, vec![(1, 0.5, Place::Tail), (2, 0.5, Place::Tail)]);
        for closing in [
            "It was not clear whether the two sides agreed to", // cut off on a stopword
            "For more information, visit: www.example.com now", // a contact line
            "“We will keep the library open for the whole town", // a quoted sentence
            "STORM CLOSES ALL SCHOOLS ACROSS COUNTY",           // in capitals
            "Who could order such a killing?",                  // a question ends a sentence
        ] {
            assert_eq!(detect_doc(&[STORY, closing]), vec![], "{closing}");
        }
        // a link or an address in the line
        let t = cps("Who could order such a killing");
        let f = crate::lines::features(&t, &english());
        assert!(closing_headline(&t, &f, &english()));
        assert!(!closing_headline(
            &cps("Who could order such a killing at www.x.org"),
            &f,
            &english()
        ));
    }

    #[test]
    fn the_list_under_a_header() {
        let found = detect_doc(&[
            STORY,
            "Related",
            "Storm Closes Schools Across the County",
            "Mayor Opens New Bridge Downtown",
            STORY_TOO,
        ]);
        assert_eq!(
            found,
            vec![
                (1, 1.0, Place::Anywhere),
                (2, 0.9, Place::Anywhere),
                (3, 0.9, Place::Anywhere)
            ]
        );
        // headlines printed as sentences, to a rule closing the text; not when all end so
        let closing = [
            STORY,
            "Read more",
            "Lions are raised to be killed in South Africa. And hunters love it.",
            "The city council keeps the library open for a year",
            "----",
        ];
        assert_eq!(listed(&detect_doc(&closing)), vec![1, 2, 3]);
        let sentences = [
            STORY,
            "Read more",
            "Lions are raised to be killed in South Africa.",
            "The city council keeps the library open.",
        ];
        assert_eq!(listed(&detect_doc(&sentences)), vec![1]);
    }

    #[test]
    fn a_pointer_with_its_headline_heads_the_headlines_closing_the_text() {
        let pointer = "Read more: Storm closes schools across the county";
        let found = detect_doc(&[
            STORY,
            pointer,
            "Mayor Opens New Bridge Downtown",
            "Council Keeps Library Open",
        ]);
        assert_eq!(listed(&found), vec![1, 2, 3]);
        let found = detect_doc(&[STORY, pointer, "Mayor Opens New Bridge Downtown", STORY_TOO]);
        assert_eq!(listed(&found), vec![1]);
    }

    #[test]
    fn the_sites_more_stories_head_the_teasers_closing_the_page() {
        let teasers = [
            "Kurt Volker throws Rudy Giuliani under the bus Kurt Volker, a former envoy, said on Tuesday that he would testify.",
            "Mayor opens new bridge over the river Jane Doe, the mayor, said on Tuesday the bridge had cost more than planned.",
            "Council keeps library open for a year Board members voted on Tuesday to keep it open until next spring.",
        ];
        let found = detect_doc(&[STORY, "More Washington Examiner", teasers[0], teasers[1], teasers[2]]);
        assert_eq!(blocks(&found), vec![1, 2, 3, 4]);
        // the story going on below a "Read more" button
        let found = detect_doc(&[STORY, "Read more", teasers[0], teasers[1], teasers[2]]);
        assert_eq!(blocks(&found), vec![1]);
        // not when a paragraph without a seam follows
        let found = detect_doc(&[
            STORY,
            "More Washington Examiner",
            teasers[0],
            teasers[1],
            teasers[2],
            PLAIN,
        ]);
        assert_eq!(blocks(&found), vec![1]);
        // prose shows a loose seam too ("... met on Monday")
        assert!(loose_seam(&cps(STORY_TOO)) && !loose_seam(&cps(PLAIN)));
    }

    #[test]
    fn a_languages_words_take_their_turn() {
        let header = "Mehr zum Thema";
        let found = detect_worded(
            &[STORY, header, "Storm Closes Schools Across the County", STORY_TOO],
            &[(header, Worded::Header)],
        );
        assert_eq!(blocks(&found), vec![1, 2]);
        assert_eq!(
            detect_doc(&[STORY, header, "Storm Closes Schools Across the County", STORY_TOO]),
            vec![]
        );
        // the site's more-stories header stays one; an English pointer stays one
        assert_eq!(
            with_words(Some(Verdict::More), Some(Worded::Header)),
            Some(Verdict::More)
        );
        assert_eq!(
            with_words(Some(Verdict::Line), Some(Worded::Header)),
            Some(Verdict::Header)
        );
        assert_eq!(
            with_words(Some(Verdict::Span(3, 9)), Some(Worded::Pointer)),
            Some(Verdict::Span(3, 9))
        );
        assert_eq!(with_words(None, Some(Worded::Pointer)), Some(Verdict::Line));
        assert_eq!(with_words(None, None), None);
    }
}
