//! The headline family (`clean/residue/headline.py`): the headline at the top, its repeats, and
//! any other line the document says twice. Unlike the line judges it reads the whole document:
//! `detect` takes the document's distinct lines with their features and which line each block
//! is, and gives the family's verdicts in the order the Python module yields them (it makes them
//! `Verdict`s). Lines are compared by their keys (`lines::key`: case, punctuation and spacing
//! folded), with a space either side, so that one key is found in another as whole words.
//!
//! The headline may sit below any amount of residue (a breadcrumb, a caption, a page's menus):
//! every headline-shaped block is a candidate, and `decide` takes the one the body would open
//! with once the residue above it is gone. A window of the first few blocks would move as
//! residue is removed, and the output, cleaned again, would find a headline the input hid.

use std::cell::OnceCell;
use std::sync::LazyLock;

use memchr::memmem::Finder;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::{Pattern, Subject};
use crate::chars::{
    is_alpha, is_decimal, is_digit, is_lower, is_space, is_upper, is_word, re_fold, text_is_upper, word_is_lower,
};
use crate::lines::{key_each, Features};

// Every copy after the first goes, however many there are: counting copies ("said exactly
// twice") would change once other residue is gone, and cleaning must be idempotent. Shorter
// repeats ("Yes.", "* * *", "Q:") are legitimate in articles.
const MIN_REPEAT_CHARS: usize = 12;
// Only a repeated statement is residue by being repeated: a caption shown twice, a paragraph
// the page printed again. Short labels and questions repeat by design in articles (the same
// interview question to each guest, "Available from Amazon" under every product, a meal plan's
// "Eat every 2-3 hours"); when they are residue, another detector knows them for what they are.
// A field ("Portion Fix Containers: 1 Green, 1 Red", "Answer: ...") repeats by design in menus,
// spec sheets and recipes, however long its value. The condition reads the line alone, so a
// repeat kept once is kept again on the output.
const MAX_FIELD_LABEL_WORDS: usize = 4;
const MAX_FIELD_LABEL_CHARS: usize = 40;
// A field opening a run of fields ("Name: The Quiet Orchard" / "Author: ..." / "Pages: 312") is
// a line of a record the post gives (a book's, a recipe's, a walk's data), not its headline. A
// headline with a kicker ("Feature: ...") has one field line under it, its source.
const RECORD_FIELDS: usize = 3;
// A headline the text does not repeat is a candidate only up to this many words: said once and
// longer, it is the story's opening sentence printed without its full stop ("The remaining half
// of the screen culinary duo ... has died in hospital in Edinburgh aged 66").
const MAX_LONE_HEADLINE_WORDS: usize = 16;
// A question the text does not repeat is its opening line ("What is a pseudomonas infection?"),
// unless it is set in Title Case as headlines are ("Snooki Talks Drinking on 'Ellen': 'Why Did I
// Wake Up in a Garbage Can?'"). So is an exclamation: a post that opens by addressing its reader
// ("Ihr kennt es sicher auch!", "Dear friends in Greece, Spain or wherever you live!") speaks in
// a sentence, a headline shouting in Title Case ("Snow Day Is Back!") does not.
const QUESTION_HEADLINE_CAPITALS: f64 = 0.6;
// The text's first line printed again at once under itself is its headline, even closed on an
// abbreviation's full stop ("... headed to a federal prison in L.A."), which no candidate is; a
// lead paragraph printed twice is sentences, and stays once.
const MAX_TWICE_PRINTED_WORDS: usize = 25;
// A printed document quoted page by page keeps its running header glued to each page's text (see
// `RUNNING_HEADER`): the same header opening this many long lines.
const MIN_HEADER_PAGES: usize = 3;
const MIN_PAGE_WORDS: usize = 20;
// A pull quote (or a video's teaser) prints a sentence of the story once more, set apart just
// before the paragraph that says it: "The kind of pushback I'm seeing reminds me of ... the
// Catholic Church." above "... Herman said. "The kind of pushback I'm seeing reminds me of ...
// the Catholic Church." He added ...". The line goes when a longer paragraph a little further
// down holds it word for word; the paragraph is the story's. A line held by a paragraph above it
// is the one kept: the story saying again what it said (a quotation read out in full, then
// answered; a lead restated under the headline).
const PULL_QUOTE_REACH: usize = 8; // blocks below the quote its paragraph may stand
const MIN_PULL_QUOTE_WORDS: usize = 8;
// A magazine sets its pull quotes in capitals, with the speaker and the words left out marked:
// "“THERE WERE POINTS WHERE I THOUGHT . . . I'VE GOT TO LEAVE,” SAYS JANE DOE OF THE EARLY DAYS."
// Each piece between the ellipses is the paragraph's, word for word.
const MIN_PULL_QUOTE_PIECE_WORDS: usize = 3;
const MAX_ATTRIBUTION_CHARS: usize = 60;
// A video's title set under the paragraph it was cut from, or over the one it opens: "NASA's plan
// to send a spacecraft closer to our Sun than ever before" under "The probe is NASA's plan to send
// a spacecraft closer to our Sun than ever before. ...". A phrase without its full stop, said
// word for word by the paragraph beside it, is the player's; a subheading names what follows in
// a few words of its own.
const MIN_TEASED_TITLE_WORDS: usize = 8;
// A teaser of the paragraph under it, cut off where the page cut it: "Photo: Jane Doe/via GoFundMe
// Turns out getting a job was tough for this tattooed New Yorker. ... she started a" over "Turns
// out getting a job was tough for this tattooed New Yorker. ... she started a GoFundMe campaign
// ...". A line left without its sentence end whose closing words open a longer paragraph just
// below, word for word, says nothing the paragraph does not; a line broken inside a sentence goes
// on with new words instead, and stays.
const MIN_CUT_TEASER_WORDS: usize = 10;
const MAX_CUT_TEASER_WORDS: usize = 120;
const CUT_TEASER_REACH: usize = 3; // blocks below the teaser its paragraph may stand
                                   // A pull quote set with its speaker's name after it and no mark between: "He designed this rifle to
                                   // defend his country, not so terrorists could use it Jane Doe, spokeswoman for the church" above
                                   // the paragraph that quotes it: "He designed this rifle to defend his country, not so terrorists
                                   // could use it." The line is that paragraph, word for word, and a few words more left without a
                                   // sentence end, opening on a capital as a name does ("..., she said of the years on the rock" is
                                   // the story's sentence); the paragraph is the story's.
const MAX_SPEAKER_WORDS: usize = 12;
// A paragraph of the story's running text either side.
const MIN_RUNNING_TEXT_CHARS: usize = 80;
// Two headlines one under the other are one in two versions when the shorter's words open the
// longer's: the page's title and its headline cut shorter ("Jane Doe's Husband Wants Allowance"
// under "Jane Doe Husband Wants Allowance You Left Me Broke!").
const MIN_VARIANT_WORDS: usize = 4;
// A headline has a few words and a few letters.
const MIN_HEADLINE_WORDS: usize = 4;
const MIN_HEADLINE_LETTERS: usize = 12;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reason {
    /// the headline, or a candidate `decide` confirms (score 0.5)
    Title,
    /// a copy of the headline candidate in `span` (its block, twice)
    DuplicateTitle,
    /// a line the document says twice (a span of it, or the whole line)
    RepeatedLine,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Verdict {
    pub block: usize,
    pub reason: Reason,
    pub score: f64,
    pub span: Option<(usize, usize)>,
}

impl Verdict {
    fn new(block: usize, reason: Reason) -> Verdict {
        Verdict {
            block,
            reason,
            score: 1.0,
            span: None,
        }
    }

    fn duplicate_of(block: usize, first: usize) -> Verdict {
        Verdict {
            span: Some((first, first)),
            ..Verdict::new(block, Reason::DuplicateTitle)
        }
    }
}

/// What the family asks of each distinct line once.
struct Line<'a> {
    text: &'a [u32],
    f: &'a Features,
    /// the comparison key with a space either side, so that " key " in " other key " is a match
    /// of whole words
    padded: &'a str,
    /// the key's length in code points
    chars: usize,
    /// the same number for the same key, counted from 0 in the document
    id: usize,
    shaped: bool,
    field: bool,
    /// the key's words, made when a rule first asks
    words: OnceCell<Vec<&'a str>>,
}

impl<'a> Line<'a> {
    fn key(&self) -> &'a str {
        &self.padded[1..self.padded.len() - 1]
    }

    fn key_words(&self) -> &[&'a str] {
        self.words.get_or_init(|| words_of(self.key()).collect())
    }
}

/// Appends the key of `text` to `out` in UTF-8, and gives its length in code points.
fn push_key(out: &mut Vec<u8>, text: &[u32]) -> usize {
    let mut chars = 0;
    key_each(text, |c| {
        if c < 0x80 {
            out.push(c as u8);
        } else {
            // A key holds letters and digits and single spaces: never a lone surrogate.
            let c = char::from_u32(c).unwrap_or(char::REPLACEMENT_CHARACTER);
            out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
        }
        chars += 1;
    });
    chars
}

fn key_string(text: &[u32]) -> String {
    let mut out = Vec::with_capacity(text.len());
    push_key(&mut out, text);
    String::from_utf8(out).expect("a key is chars")
}

/// Every line's key with a space either side, one after another in one string (a document's
/// keys take one allocation, not one each), and where each is in it with its length in code
/// points.
fn padded_keys(lines: &[(Vec<u32>, Features)]) -> (String, Vec<(usize, usize, usize)>) {
    // room for two bytes a character: most keys are ASCII, fewer than their lines' characters
    let mut out = Vec::with_capacity(lines.iter().map(|(text, _)| 2 * text.len() + 2).sum());
    let spans = lines
        .iter()
        .map(|(text, _)| {
            let start = out.len();
            out.push(b' ');
            let chars = push_key(&mut out, text);
            out.push(b' ');
            (start, out.len(), chars)
        })
        .collect();
    (String::from_utf8(out).expect("keys are chars"), spans)
}

fn words_of(key: &str) -> impl Iterator<Item = &str> {
    key.split(' ').filter(|w| !w.is_empty())
}

/// `str.split()`: the runs of characters that are not spaces.
fn split(text: &[u32]) -> impl Iterator<Item = &[u32]> {
    text.split(|&c| is_space(c)).filter(|w| !w.is_empty())
}

/// `str.rstrip()`.
fn rstrip(text: &[u32]) -> &[u32] {
    let end = text.iter().rposition(|&c| !is_space(c)).map_or(0, |i| i + 1);
    &text[..end]
}

/// Reads as a finished statement, by shape alone (no stopwords: the language detected for a
/// whole page may differ from the one detected for its cleaned article).
fn statement(f: &Features) -> bool {
    let not_question = f.last.is_some_and(|c| c != '?' as u32 && c != '？' as u32);
    if f.unspaced {
        return f.chars >= 30 && f.ends_sentence && not_question;
    }
    f.words >= 8 && (f.ends_sentence || f.sentences > 1) && not_question
}

/// A field's label opening the line (`^\w[\w'’ -]{0,40}: `) of at most four words.
fn field(text: &[u32]) -> bool {
    if !text.first().is_some_and(|&c| is_word(c)) {
        return false;
    }
    // Most lines hold no colon where a label's would stand.
    if !text.iter().take(MAX_FIELD_LABEL_CHARS + 2).any(|&c| c == ':' as u32) {
        return false;
    }
    let in_label = |c: u32| is_word(c) || matches!(c, 0x27 | 0x2019 | 0x20 | 0x2d);
    // The label's characters hold no colon, so it ends where they do.
    let run = text[1..]
        .iter()
        .take(MAX_FIELD_LABEL_CHARS + 1)
        .take_while(|&&c| in_label(c))
        .count();
    if run > MAX_FIELD_LABEL_CHARS || text.get(1 + run) != Some(&(':' as u32)) || text.get(2 + run) != Some(&0x20) {
        return false;
    }
    split(&text[..3 + run]).count() <= MAX_FIELD_LABEL_WORDS
}

/// Whether `text` holds `needle` (lower-case ASCII) at `at`, as `re.IGNORECASE` compares.
fn folded_at(text: &[u32], at: usize, needle: &str) -> bool {
    at + needle.len() <= text.len() && needle.bytes().zip(&text[at..]).all(|(n, &c)| re_fold(c) == n as u32)
}

/// A URL's mark: `https?://|www\.|\.com\b`, ignoring case.
fn urlish(text: &[u32]) -> bool {
    // Each mark is tried only where its first character stands.
    (0..text.len()).any(|i| match re_fold(text[i]) {
        0x68 => {
            folded_at(text, i, "http") && {
                let j = if folded_at(text, i + 4, "s") { i + 5 } else { i + 4 };
                folded_at(text, j, "://") || folded_at(text, i + 4, "://")
            }
        }
        0x77 => folded_at(text, i, "www."),
        0x2e => folded_at(text, i, ".com") && text.get(i + 4).is_none_or(|&c| !is_word(c)),
        _ => false,
    })
}

/// Two colons on the line (`:.*:`, a label line such as "Tested by: X RRP: Y").
fn label_colons(text: &[u32]) -> bool {
    let mut open = false;
    for &c in text {
        if c == ':' as u32 {
            if open {
                return true;
            }
            open = true;
        } else if c == '\n' as u32 {
            open = false;
        }
    }
    false
}

/// A story's first paragraph opened by its dateline and a wire's name: "WASHINGTON (AP) —",
/// "NEW ORLEANS (AP) — The Latest on ...", "(CNN)". A line so opened is the story's own text,
/// whatever its shape.
static DATELINE: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"^(?:[A-Z][A-Za-z.'’-]*(?:[ ,]+[A-Za-z.'’-]+){0,5}\s*)?\((?:AP|CNN|Reuters|AFP|UPI)\)(?:\s*[—–-]|\s|$)",
        false,
    )
});
const WIRES: [&str; 5] = ["(AP)", "(CNN)", "(Reuters)", "(AFP)", "(UPI)"];

/// Whether a dateline and a wire's name open the line.
pub fn dateline_opening(text: &[u32]) -> bool {
    // Every wire's name opens on a parenthesis: the line is walked once for them all.
    let wire_at = |i: usize| WIRES.iter().any(|w| opens_with(&text[i..], w));
    (0..text.len()).any(|i| text[i] == '(' as u32 && wire_at(i)) && DATELINE.is_match(&Subject::new(text))
}

/// Whether `text` opens with `prefix`, code point for code point.
fn opens_with(text: &[u32], prefix: &str) -> bool {
    prefix.chars().count() <= text.len() && prefix.chars().zip(text).all(|(c, &u)| u == c as u32)
}

/// A headline has a few words, is not shouted, and is not a label line ("Tested by: X RRP: Y").
/// A line closed by a colon introduces what follows it (a speaker's label, "The Latest on ...
/// (all times local):"); one opened by a dateline ("WASHINGTON (AP) —", "(CNN)") is the story's
/// first paragraph. Neither is a headline.
pub fn headline_shaped(text: &[u32], f: &Features) -> bool {
    if !f.title_shaped || f.words < MIN_HEADLINE_WORDS {
        return false;
    }
    if text.iter().filter(|&&c| is_alpha(c)).count() < MIN_HEADLINE_LETTERS {
        return false;
    }
    if text_is_upper(text) || label_colons(text) || urlish(text) {
        return false;
    }
    let closing = rstrip(text).last().copied();
    !(closing == Some(':' as u32) || closing == Some('：' as u32) || dateline_opening(text))
}

/// Whether the words of one headline's key (a possessive's "s" aside) open the other's.
fn variant(a: &str, b: &str) -> bool {
    let words = |key| words_of(key).filter(|&w| w != "s");
    // Most headlines one under another differ from their first word.
    if words(a).next() != words(b).next() {
        return false;
    }
    let (x, y) = (words(a).count(), words(b).count());
    let (short, long) = if x <= y { (a, b) } else { (b, a) };
    // the shorter's words the first of the longer's, and not all of them
    x.min(y) >= MIN_VARIANT_WORDS && x != y && words(short).zip(words(long)).all(|(p, q)| p == q)
}

/// A printed document quoted page by page keeps its running header glued to each page's text:
/// "EXTENDED SUMMARY 11 It is not known how ...", "14 EXTENDED SUMMARY The Great Magnetic Storms
/// ...". The same words in capitals, maybe beside a page number, opening several long lines of
/// one text, are the header; the text after them stays. A speaker's label ("JON STEWART: ...")
/// and a dateline ("NEW YORK — ...") are closed by their colon or dash, which a header is not. A
/// page that goes on with a word cut at the page before ("tors in New England ...") keeps it: what
/// is left must not open on a piece of a word. The pattern:
/// `^(?:(\d{1,4})\s+)?([A-Z][A-Z'’&]+(?:\s+[A-Z][A-Z'’&]+){1,5})(?:\s+(\d{1,4}))?(?=\s+[^\s:—–a-z-])`,
/// the lookahead taken by the pattern and given back.
static RUNNING_HEADER: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"^((?:(\d{1,4})\s+)?([A-Z][A-Z'’&]+(?:\s+[A-Z][A-Z'’&]+){1,5})(?:\s+(\d{1,4}))?)\s+[^\s:—–a-z-]",
        false,
    )
});

struct Header {
    /// the header's span, its end, and the match's end
    header: (usize, usize),
    end: usize,
    /// the page number before the header, else the one after it, else -1
    number: i64,
    after: bool,
}

fn decimal_value(c: u32) -> i64 {
    if c < 0x80 {
        return (c - '0' as u32) as i64;
    }
    // Decimal digits come in runs of ten, from 0 to 9.
    let table = &crate::tables::DECIMAL;
    let i = table.partition_point(|&(_, hi)| hi < c);
    ((c - table[i].0) % 10) as i64
}

fn running_header(text: &[u32]) -> Option<Header> {
    // Every header opens on two capitals, after a page number and its spaces if any: most lines
    // are not tried.
    let number = text.iter().take_while(|&&c| is_decimal(c)).count();
    let at = if (1..=4).contains(&number) {
        number + text[number..].iter().take_while(|&&c| is_space(c)).count()
    } else {
        0
    };
    let capital = |i: usize| text.get(i).is_some_and(|&c| ('A' as u32..='Z' as u32).contains(&c));
    if !(capital(at) && (capital(at + 1) || text.get(at + 1).is_some_and(|&c| matches!(c, 0x27 | 0x2019 | 0x26)))) {
        return None;
    }
    let spans = RUNNING_HEADER.groups(&Subject::new(text))?;
    let number =
        |span: Option<(usize, usize)>| span.map(|(a, b)| text[a..b].iter().fold(0, |n, &c| n * 10 + decimal_value(c)));
    let (before, after) = (spans[2], spans[4]);
    Some(Header {
        header: spans[3].expect("the header takes part"),
        end: spans[1].expect("the match").1,
        number: number(before).or(number(after)).unwrap_or(-1),
        after: after.is_some(),
    })
}

/// Whether the k-th page's number fits between its numbered neighbours' (pages count up).
fn page_number(numbers: &[i64], k: usize) -> bool {
    let n = numbers[k];
    let before = numbers[..k].iter().rev().find(|&&x| x >= 0);
    let after = numbers[k + 1..].iter().find(|&&x| x >= 0);
    before.is_none_or(|&b| b < n) && after.is_none_or(|&a| n < a) && (before.is_some() || after.is_some())
}

fn is_closing_quote(c: u32) -> bool {
    matches!(c, 0x22 | 0x201d | 0x2019 | 0x27) // " ” ’ '
}

/// Where a pull quote's attribution starts: `(?<=[,.!?…]["”’'])\s+(?:says|said)\s+[^"“”]{1,60}$`,
/// ignoring case; it runs to the line's end.
fn attribution(text: &[u32]) -> Option<usize> {
    let n = text.len();
    (2..n).find(|&s| {
        if !(matches!(text[s - 2], 0x2c | 0x2e | 0x21 | 0x3f | 0x2026) && is_closing_quote(text[s - 1])) {
            return false;
        }
        let mut p = s;
        while p < n && is_space(text[p]) {
            p += 1;
        }
        if p == s || !(folded_at(text, p, "says") || folded_at(text, p, "said")) {
            return false;
        }
        p += 4;
        let spaces = text[p..].iter().take_while(|&&c| is_space(c)).count();
        if spaces == 0 || text[p..].iter().any(|&c| matches!(c, 0x22 | 0x201c | 0x201d)) {
            return false;
        }
        // `\s+` takes k spaces, 1 <= k <= spaces, and leaves 1 to 60 characters.
        let left = n - p;
        left.saturating_sub(MAX_ATTRIBUTION_CHARS).max(1) <= spaces.min(left - 1)
    })
}

/// A story's deck says its lead sentence again and points at the video above it: "Police are
/// searching for a woman ... worth of iPhones. See video." over "WASHINGTON — Police are searching
/// for a woman ... worth of iPhones, ...". The pointer is the teaser's, not the sentence's. Where
/// it starts:
/// `(?<=[.!?])\s+(?:see|watch)(?: the)? (?:video|photos)\.?$`, ignoring case.
fn pointer(text: &[u32]) -> Option<usize> {
    let n = text.len();
    (1..n).find(|&s| {
        if !matches!(text[s - 1], 0x2e | 0x21 | 0x3f) {
            return false;
        }
        let mut p = s;
        while p < n && is_space(text[p]) {
            p += 1;
        }
        if p == s {
            return false;
        }
        p += if folded_at(text, p, "see") {
            3
        } else if folded_at(text, p, "watch") {
            5
        } else {
            return false;
        };
        let closes = |q: usize| {
            let q = if folded_at(text, q, " video") {
                q + 6
            } else if folded_at(text, q, " photos") {
                q + 7
            } else {
                return false;
            };
            q == n || (q + 1 == n && text[q] == '.' as u32)
        };
        (folded_at(text, p, " the") && closes(p + 4)) || closes(p)
    })
}

/// The ellipses of a line (`\.\s?\.\s?\.|…`), left to right.
fn ellipses(text: &[u32]) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < text.len() {
        if text[i] == 0x2026 {
            found.push((i, i + 1));
            i += 1;
            continue;
        }
        if text[i] == '.' as u32 {
            let mut p = i + 1;
            let mut dots = 1;
            while dots < 3 {
                if p < text.len() && is_space(text[p]) {
                    p += 1;
                }
                if p < text.len() && text[p] == '.' as u32 {
                    p += 1;
                    dots += 1;
                } else {
                    break;
                }
            }
            if dots == 3 {
                found.push((i, p));
                i = p;
                continue;
            }
        }
        i += 1;
    }
    found
}

/// A sentence ends inside the text: `[.!?]["”’']?\s+["“‘']?[A-Z]`.
fn sentence_break(text: &[u32]) -> bool {
    let at = |i: usize| text.get(i).copied().unwrap_or(u32::MAX);
    (0..text.len()).any(|i| {
        if !matches!(text[i], 0x2e | 0x21 | 0x3f) {
            return false;
        }
        let mut j = i + 1;
        if is_closing_quote(at(j)) {
            j += 1;
        }
        let spaces = j;
        while j < text.len() && is_space(text[j]) {
            j += 1;
        }
        let capital = |c: u32| ('A' as u32..='Z' as u32).contains(&c);
        j > spaces && (capital(at(j)) || matches!(at(j), 0x22 | 0x201c | 0x2018 | 0x27) && capital(at(j + 1)))
    })
}

/// A piece of a pull quote (a key with a space either side), searched for in the paragraphs
/// below. A searcher costs its needle's length to build, and nearly every statement tried is held
/// by no paragraph: the piece's first bytes are searched for, and the rest compared where they
/// are found.
struct Piece {
    text: String,
    head: Finder<'static>,
}

/// How many of a piece's bytes its searcher looks for.
const PIECE_HEAD: usize = 16;

impl Piece {
    fn new(text: String) -> Piece {
        let head = Finder::new(&text.as_bytes()[..text.len().min(PIECE_HEAD)]).into_owned();
        Piece { text, head }
    }

    fn in_text(&self, paragraph: &str) -> bool {
        let hay = paragraph.as_bytes();
        self.head
            .find_iter(hay)
            .any(|at| hay[at..].starts_with(self.text.as_bytes()))
    }
}

/// A pull quote's pieces between its ellipses, each as a key with a space either side, and their
/// length; None if the line is no pull quote (two sentences, too few words, a piece too short).
fn pull_quote(text: &[u32], padded: &str) -> Option<(Vec<Piece>, usize)> {
    let quoted = &text[..attribution(text).unwrap_or(text.len())];
    let quoted = &quoted[..pointer(quoted).unwrap_or(quoted.len())];
    let cuts = ellipses(quoted);
    // a pull quote is one sentence; two said again below are a passage restated
    if cuts.is_empty() {
        if sentence_break(quoted) {
            return None;
        }
    } else {
        let mut joined = Vec::with_capacity(quoted.len());
        let mut from = 0;
        for &(a, b) in &cuts {
            joined.extend_from_slice(&quoted[from..a]);
            joined.push(' ' as u32);
            from = b;
        }
        joined.extend_from_slice(&quoted[from..]);
        if sentence_break(&joined) {
            return None;
        }
    }
    let starts = std::iter::once(0).chain(cuts.iter().map(|&(_, b)| b));
    let ends = cuts.iter().map(|&(a, _)| a).chain(std::iter::once(quoted.len()));
    let pieces: Vec<&[u32]> = starts.zip(ends).map(|(a, b)| &quoted[a..b]).collect();
    let pieces: Vec<String> = if pieces.len() == 1 && quoted.len() == text.len() {
        vec![padded.to_string()] // the line's own key
    } else {
        pieces.iter().map(|p| format!(" {} ", key_string(p))).collect()
    };
    let words: Vec<usize> = pieces.iter().map(|p| words_of(p).count()).collect();
    if words.iter().sum::<usize>() < MIN_PULL_QUOTE_WORDS
        || pieces.len() > 1 && words.iter().min().is_some_and(|&w| w < MIN_PULL_QUOTE_PIECE_WORDS)
    {
        return None;
    }
    let length = pieces.iter().map(|p| p.chars().count()).sum();
    Some((pieces.into_iter().map(Piece::new).collect(), length))
}

/// A padded key's first two words with a space either side (" jane doe "), if it has two. A
/// pull quote's first piece is the key of the line's text up to a cut that is no word character
/// (an attribution, a pointer, an ellipsis), so the line's key opens with it, and it holds three
/// words or more (`MIN_PULL_QUOTE_PIECE_WORDS`; a quote in one piece, `MIN_PULL_QUOTE_WORDS`):
/// every paragraph holding the quote holds its first two words as they open the line's key.
fn opening_words(padded: &str) -> Option<&str> {
    let (end, _) = padded.match_indices(' ').nth(2)?;
    Some(&padded[..=end])
}

/// Whether the line's last MIN_CUT_TEASER_WORDS words or more are the paragraph's first.
fn opens_with_end(paragraph: &[&str], line: &[&str]) -> bool {
    if paragraph.len() <= MIN_CUT_TEASER_WORDS {
        return false;
    }
    (0..(line.len() + 1).saturating_sub(MIN_CUT_TEASER_WORDS)).any(|start| {
        let rest = &line[start..];
        rest[0] == paragraph[0] && paragraph.len() >= rest.len() && *rest == paragraph[..rest.len()]
    })
}

/// `\b(?:[A-Z]\.){2,}$`: initials closing the text ("... in L.A.").
fn abbreviation_end(text: &[u32]) -> bool {
    let n = text.len();
    let capital = |c: u32| ('A' as u32..='Z' as u32).contains(&c);
    let mut pairs = 0;
    while n >= 2 * (pairs + 1) && text[n - 2 * pairs - 1] == '.' as u32 && capital(text[n - 2 * pairs - 2]) {
        pairs += 1;
    }
    // Before any pair but the first stands a full stop, where a word starts.
    pairs >= 3 || pairs == 2 && (n == 4 || !is_word(text[n - 5]))
}

/// The family's verdicts on a document: `lines` its distinct lines with their features,
/// `line_of` which of them each block is. In the order clean/residue/headline.py yields them.
pub fn detect(lines: &[(Vec<u32>, Features)], line_of: &[usize]) -> Vec<Verdict> {
    let (all_keys, spans) = padded_keys(lines);
    let mut ids: HashMap<&str, usize> = HashMap::with_capacity_and_hasher(lines.len(), Default::default());
    let judged: Vec<Line> = lines
        .iter()
        .zip(spans)
        .map(|((text, f), (start, end, chars))| {
            let padded = &all_keys[start..end];
            let fresh = ids.len();
            let id = *ids.entry(padded).or_insert(fresh);
            Line {
                text,
                f,
                chars,
                id,
                padded,
                shaped: headline_shaped(text, f),
                field: field(text),
                words: OnceCell::new(),
            }
        })
        .collect();
    let keys = ids.len();
    let blocks: Vec<&Line> = line_of.iter().map(|&k| &judged[k]).collect();
    let n = blocks.len();
    let mut out = Vec::new();

    // A field opening a run of fields is a line of a record, not a headline.
    let candidates: Vec<usize> = (0..n)
        .filter(|&i| {
            blocks[i].shaped && !(i + RECORD_FIELDS <= n && blocks[i..i + RECORD_FIELDS].iter().all(|b| b.field))
        })
        .collect();
    // key -> its first candidate
    let mut titles: Vec<Option<usize>> = vec![None; keys];
    for &i in candidates.iter().rev() {
        titles[blocks[i].id] = Some(i);
    }
    let variants: HashMap<usize, usize> = candidates
        .windows(2)
        .filter(|w| w[1] == w[0] + 1 && variant(blocks[w[0]].key(), blocks[w[1]].key()))
        .map(|w| (w[1], w[0]))
        .collect();
    let mut repeated: HashSet<usize> = HashSet::default();
    // a repeated statement's key -> its first copy, -1 once that copy went
    let mut seen: Vec<Option<isize>> = vec![None; keys];
    let in_running_text = |i: usize| {
        0 < i
            && i + 1 < n
            && [i - 1, i + 1]
                .iter()
                .all(|&k| blocks[k].f.prose && blocks[k].f.chars >= MIN_RUNNING_TEXT_CHARS)
    };
    for (i, b) in blocks.iter().enumerate() {
        let first = titles[b.id];
        if let Some(&v) = variants.get(&i) {
            repeated.insert(v);
            out.push(Verdict::duplicate_of(i, v));
        } else if let Some(first) = first.filter(|&first| i > first) {
            repeated.insert(first);
            out.push(Verdict::duplicate_of(i, first));
        } else if b.chars >= MIN_REPEAT_CHARS && statement(b.f) && !b.field {
            match seen[b.id] {
                None => {
                    seen[b.id] = Some(i as isize);
                }
                Some(first) if first > 0 && in_running_text(i) && !in_running_text(first as usize) => {
                    seen[b.id] = Some(-1);
                    out.push(Verdict::new(first as usize, Reason::RepeatedLine));
                }
                Some(_) => out.push(Verdict::new(i, Reason::RepeatedLine)),
            }
        }
    }

    running_headers(&blocks, &mut out);
    pulled_quotes(&blocks, &mut out);
    teased_titles(&blocks, &mut out);
    cut_teasers(&blocks, &mut out);
    signed_pull_quotes(&blocks, &mut out);

    for &i in &candidates {
        let f = blocks[i].f;
        let sentence_mark = f.last.is_none_or(|c| matches!(c, 0x3f | 0xff1f | 0x21 | 0xff01));
        if !repeated.contains(&i)
            && (f.words > MAX_LONE_HEADLINE_WORDS || sentence_mark && f.upper_ratio < QUESTION_HEADLINE_CAPITALS)
        {
            continue;
        }
        if sentence_goes_on(&blocks, i) {
            continue;
        }
        let score = if repeated.contains(&i) { 1.0 } else { 0.5 };
        out.push(Verdict {
            score,
            ..Verdict::new(i, Reason::Title)
        });
    }
    if n >= 2 && blocks[0].id == blocks[1].id && !blocks[0].key().is_empty() && candidates.first() != Some(&0) {
        let f = blocks[0].f;
        if f.words <= MAX_TWICE_PRINTED_WORDS && f.sentences <= 1 && abbreviation_end(rstrip(blocks[0].text)) {
            out.push(Verdict::new(0, Reason::Title));
            out.push(Verdict::duplicate_of(1, 0));
        }
    }
    out
}

fn running_headers(blocks: &[&Line], out: &mut Vec<Verdict>) {
    let mut cache: HashMap<*const Line, Option<Header>> = HashMap::default();
    let mut order: Vec<&[u32]> = Vec::new();
    let mut pages: HashMap<&[u32], Vec<(usize, *const Line)>> = HashMap::default();
    for (i, b) in blocks.iter().enumerate() {
        let opens = b.text.first().is_some_and(|&c| is_upper(c) || is_digit(c));
        if b.f.words < MIN_PAGE_WORDS || !opens {
            continue;
        }
        let ptr: *const Line = *b;
        if let Some(h) = cache.entry(ptr).or_insert_with(|| running_header(b.text)) {
            let header = &b.text[h.header.0..h.header.1];
            pages
                .entry(header)
                .or_insert_with(|| {
                    order.push(header);
                    Vec::new()
                })
                .push((i, ptr));
        }
    }
    for header in order {
        let found = &pages[header];
        if found.len() < MIN_HEADER_PAGES {
            continue;
        }
        let numbers: Vec<i64> = found.iter().map(|(_, p)| cache[p].as_ref().unwrap().number).collect();
        for (k, (i, p)) in found.iter().enumerate() {
            let h = cache[p].as_ref().unwrap();
            // a figure's value after the header, not its page number
            let end = if h.after && !page_number(&numbers, k) {
                h.header.1
            } else {
                h.end
            };
            out.push(Verdict {
                span: Some((0, end)),
                ..Verdict::new(*i, Reason::RepeatedLine)
            });
        }
    }
}

fn pulled_quotes(blocks: &[&Line], out: &mut Vec<Verdict>) {
    let n = blocks.len();
    let mut cache: HashMap<*const Line, Option<(Vec<Piece>, usize)>> = HashMap::default();
    for (i, b) in blocks.iter().enumerate() {
        let reach = i + 1..n.min(i + 1 + PULL_QUOTE_REACH);
        if b.f.words < MIN_PULL_QUOTE_WORDS || !statement(b.f) || reach.is_empty() {
            continue;
        }
        // A pull quote's first piece opens with the line's first two words (see `opening_words`):
        // a line whose opening no paragraph in reach holds is none, and its sentence ends and
        // ellipses need not be read.
        let Some(opening) = opening_words(b.padded).map(Finder::new) else {
            continue;
        };
        if !reach
            .clone()
            .any(|j| opening.find(blocks[j].padded.as_bytes()).is_some())
        {
            continue;
        }
        let Some((pieces, length)) = cache
            .entry(*b as *const Line)
            .or_insert_with(|| pull_quote(b.text, b.padded))
        else {
            continue;
        };
        let held = reach.into_iter().any(|j| {
            let paragraph = blocks[j].padded;
            blocks[j].chars + 2 > *length && pieces.iter().all(|p| p.in_text(paragraph))
        });
        if held {
            out.push(Verdict::new(i, Reason::RepeatedLine));
        }
    }
}

fn teased_titles(blocks: &[&Line], out: &mut Vec<Verdict>) {
    let n = blocks.len();
    for (i, b) in blocks.iter().enumerate() {
        let f = b.f;
        if f.words < MIN_TEASED_TITLE_WORDS || f.ends_sentence || !f.title_shaped || b.key().is_empty() {
            continue;
        }
        let beside = [i.checked_sub(1), Some(i + 1)];
        let teased = beside
            .iter()
            .flatten()
            .filter(|&&j| j < n)
            .any(|&j| statement(blocks[j].f) && blocks[j].chars > b.chars && blocks[j].padded.contains(b.padded));
        if teased {
            out.push(Verdict::new(i, Reason::RepeatedLine));
        }
    }
}

fn cut_teasers(blocks: &[&Line], out: &mut Vec<Verdict>) {
    let n = blocks.len();
    for (i, b) in blocks.iter().enumerate() {
        let f = b.f;
        if f.ends_sentence || !(MIN_CUT_TEASER_WORDS..=MAX_CUT_TEASER_WORDS).contains(&f.words) {
            continue;
        }
        let cut = (i + 1..n.min(i + 1 + CUT_TEASER_REACH)).any(|j| {
            statement(blocks[j].f) && blocks[j].chars > b.chars && opens_with_end(blocks[j].key_words(), b.key_words())
        });
        if cut {
            out.push(Verdict::new(i, Reason::RepeatedLine));
        }
    }
}

fn signed_pull_quotes(blocks: &[&Line], out: &mut Vec<Verdict>) {
    let n = blocks.len();
    for (i, b) in blocks.iter().enumerate() {
        let f = b.f;
        if f.ends_sentence || f.words < MIN_PULL_QUOTE_WORDS {
            continue;
        }
        let line = b.key();
        for q in &blocks[i + 1..n.min(i + 1 + PULL_QUOTE_REACH)] {
            let quote = q.key();
            if !(statement(q.f) && q.chars < b.chars && line.starts_with(quote) && line.as_bytes()[quote.len()] == b' ')
            {
                continue;
            }
            let speaker = words_of(&line[quote.len()..]).count();
            // The name's first word, counted from the line's end as written (the key splits
            // "Jane-Doe" in two, so a line may hold fewer words as written than its key).
            let written: Vec<&[u32]> = split(b.text).collect();
            if speaker <= MAX_SPEAKER_WORDS.min(written.len()) && is_upper(written[written.len() - speaker][0]) {
                out.push(Verdict::new(i, Reason::RepeatedLine));
            }
            break;
        }
    }
}

/// Whether the line after block i carries on its sentence: "Der Plakatwettbewerb für Kinder"
/// then "findet in 2020 bereits zum 6. Mal statt. Kinder ..." is one sentence an extractor broke
/// at a line break, not a headline over its story. The line after must be prose of its own, so a
/// short line in lower case under a headline ("by Jane Doe") leaves the headline one. A name set
/// in lower case with a capital inside ("iPhone shipments fell ...", "eBay said ...") opens a
/// sentence of its own.
fn sentence_goes_on(blocks: &[&Line], i: usize) -> bool {
    let Some(after) = blocks.get(i + 1) else {
        return false;
    };
    let Some(first) = split(after.text).next() else {
        return false;
    };
    is_lower(first[0]) && word_is_lower(first) && statement(after.f)
}

#[cfg(test)]
mod tests {
    use super::super::testing::cps;
    use super::*;
    use crate::lines::{features, Stoplist};

    fn stop() -> Stoplist {
        Stoplist::new(
            [
                "the", "a", "of", "and", "to", "in", "is", "was", "it", "on", "for", "he", "she", "said",
            ]
            .iter()
            .map(|w| cps(w)),
        )
    }

    fn doc(texts: &[&str]) -> Vec<(usize, Reason, f64, Option<(usize, usize)>)> {
        let stop = stop();
        let mut lines: Vec<(Vec<u32>, Features)> = Vec::new();
        let mut line_of = Vec::new();
        for t in texts {
            let text = cps(t);
            let k = match lines.iter().position(|(l, _)| *l == text) {
                Some(k) => k,
                None => {
                    let f = features(&text, &stop);
                    lines.push((text, f));
                    lines.len() - 1
                }
            };
            line_of.push(k);
        }
        detect(&lines, &line_of)
            .into_iter()
            .map(|v| (v.block, v.reason, v.score, v.span))
            .collect()
    }

    fn shaped(text: &str) -> bool {
        let t = cps(text);
        headline_shaped(&t, &features(&t, &stop()))
    }

    const PROSE: &str = "The council met on Tuesday and voted to keep the library open for another year, he said.";

    #[test]
    fn headlines_are_short_unshouted_lines_that_label_nothing() {
        assert!(shaped("Storm Closes Schools Across the County"));
        assert!(shaped("Why did the storm close the schools?"));
        assert!(!shaped("STORM CLOSES SCHOOLS ACROSS THE COUNTY"));
        assert!(!shaped("Tested by: Jane Doe RRP: £200"));
        assert!(!shaped("Storm closes schools, see www.example.org"));
        assert!(!shaped("Storm closes schools at example.com today"));
        assert!(shaped("Storm closes schools at example.community"));
        assert!(!shaped("The Latest on the storm closing schools (all times local):"));
        assert!(!shaped("WASHINGTON (AP) — Storm closes schools"));
        assert!(!shaped("Storm closes schools."));
        assert!(!shaped("Big Day Out")); // too few letters
    }

    #[test]
    fn a_dateline_opens_the_story() {
        assert!(dateline_opening(&cps("NEW ORLEANS (AP) — The Latest")));
        assert!(dateline_opening(&cps("(CNN) Police said")));
        assert!(dateline_opening(&cps("(Reuters)")));
        // up to six words before the wire's name, whatever they are
        assert!(dateline_opening(&cps("The report (AP) said")));
        assert!(!dateline_opening(&cps("(CNN)Police said")));
        assert!(!dateline_opening(&cps("WASHINGTON (APF) —")));
    }

    #[test]
    fn fields_have_short_labels() {
        assert!(field(&cps("Portion Fix Containers: 1 Green, 1 Red")));
        assert!(field(&cps("Answer: yes")));
        assert!(!field(&cps("The one thing we all know about this: nothing")));
        assert!(!field(&cps("Answer:yes")));
        assert!(!field(&cps(": yes")));
        assert!(!field(&cps("Where it stands in the sun and rain all day long: yes")));
    }

    #[test]
    fn a_repeated_headline_is_certain() {
        let title = "Storm Closes Schools Across the County";
        let found = doc(&[title, PROSE, title]);
        // the copy is a candidate too, which `decide` weighs
        assert_eq!(
            found,
            vec![
                (2, Reason::DuplicateTitle, 1.0, Some((0, 0))),
                (0, Reason::Title, 1.0, None),
                (2, Reason::Title, 0.5, None)
            ]
        );
        // alone, a candidate
        assert_eq!(doc(&[title, PROSE]), vec![(0, Reason::Title, 0.5, None)]);
        // a shorter version under the title is a copy of it
        let found = doc(&[
            "Jane Doe's Husband Wants Allowance You Left Me Broke",
            "Jane Doe Husband Wants Allowance",
            PROSE,
        ]);
        assert_eq!(found[0], (1, Reason::DuplicateTitle, 1.0, Some((0, 0))));
    }

    #[test]
    fn a_statement_said_twice_goes_once() {
        let found = doc(&[
            PROSE,
            "Another paragraph of the story goes on here, and it is long enough.",
            PROSE,
        ]);
        assert_eq!(found, vec![(2, Reason::RepeatedLine, 1.0, None)]);
        // a question said twice is no statement: a headline's copy, if anything
        let asked = "What would you do if the library closed its doors for good tomorrow?";
        assert!(doc(&[asked, PROSE, asked]).iter().all(|v| v.1 != Reason::RepeatedLine));
    }

    #[test]
    fn a_pull_quote_goes_when_its_paragraph_follows() {
        let quote = "“The kind of pushback I’m seeing reminds me of the old days,” says Jane Doe.";
        let paragraph =
            "Doe said: “The kind of pushback I’m seeing reminds me of the old days.” She added that the vote was close.";
        assert_eq!(doc(&[quote, paragraph]), vec![(0, Reason::RepeatedLine, 1.0, None)]);
        // said above it, the line is the story's own
        assert_eq!(doc(&[paragraph, quote]), vec![]);
        assert_eq!(attribution(&cps(quote)), Some(61));
        assert_eq!(attribution(&cps("He paused. “Yes,” he said.")), None);
        assert_eq!(pointer(&cps("Police search for a woman. See the video.")), Some(26));
        assert_eq!(pointer(&cps("Police search. Watch photos")), Some(14));
        assert_eq!(pointer(&cps("Police search. See the videos")), None);
        assert_eq!(ellipses(&cps("a . . . b...c…d. .e")), vec![(2, 7), (9, 12), (13, 14)]);
        assert!(sentence_break(&cps("It ended.” Then")));
        assert!(sentence_break(&cps("It ended. “Then")));
        assert!(!sentence_break(&cps("the U.S. has")));
    }

    #[test]
    fn a_pull_quote_is_looked_for_where_its_opening_stands() {
        assert_eq!(opening_words(" the kind of pushback "), Some(" the kind "));
        assert_eq!(opening_words(" two words "), Some(" two words "));
        assert_eq!(opening_words(" one "), None);
        assert_eq!(opening_words("  "), None);
        // cut by its ellipses: the paragraph holds each piece, the first opening as the line does
        let quote = "“THERE WERE POINTS WHERE I THOUGHT . . . I’VE GOT TO LEAVE,” SAYS JANE DOE OF THE EARLY DAYS.";
        let paragraph = "Doe remembers: “There were points where I thought about it every day, and then I thought I’ve got to leave.” She stayed.";
        assert_eq!(doc(&[quote, paragraph]), vec![(0, Reason::RepeatedLine, 1.0, None)]);
        // its opening held, and not the rest
        let paragraph =
            "Doe remembers: “There were points when it was hard, and then I thought I’ve got to leave.” She stayed.";
        assert_eq!(doc(&[quote, paragraph]), vec![]);
        // the rest held, and not its opening
        let paragraph =
            "Doe remembers: “At points where I thought about it every day, I thought I’ve got to leave.” She stayed.";
        assert_eq!(doc(&[quote, paragraph]), vec![]);
    }

    #[test]
    fn running_headers_go_with_their_page_numbers() {
        let page = |n: usize| {
            format!("{n} EXTENDED SUMMARY It is not known how the storms of the year began, nor how long they lasted, nor what they cost the towns {n}.")
        };
        let pages: Vec<String> = (11..14).map(page).collect();
        let texts: Vec<&str> = pages.iter().map(String::as_str).collect();
        let found = doc(&texts);
        assert_eq!(found.len(), 3);
        assert!(found
            .iter()
            .all(|v| v.1 == Reason::RepeatedLine && v.3 == Some((0, 19))));
        // twice is not a running header
        assert_eq!(doc(&texts[..2]), vec![]);
        let h = running_header(&cps("EXTENDED SUMMARY 14 The Great Storms")).unwrap();
        assert_eq!((h.header, h.end, h.number, h.after), ((0, 16), 19, 14, true));
        assert_eq!(running_header(&cps("٣ EXTENDED SUMMARY The")).unwrap().number, 3);
        assert!(running_header(&cps("JON STEWART: Hello there")).is_none());
        assert!(page_number(&[11, 12, 13], 1) && !page_number(&[11, 10, 13], 1) && !page_number(&[-1, 5, -1], 1));
    }

    #[test]
    fn teasers_and_signed_quotes_said_again() {
        let teaser = "NASA's plan to send a spacecraft closer to our Sun than ever before";
        let paragraph =
            "The probe is NASA's plan to send a spacecraft closer to our Sun than ever before. It launches soon.";
        assert_eq!(
            doc(&[paragraph, teaser]),
            vec![(1, Reason::RepeatedLine, 1.0, None), (1, Reason::Title, 0.5, None)]
        );
        let signed = "He designed this rifle to defend his country not so terrorists could use it Jane Doe spokeswoman for the church";
        let quoted = "He designed this rifle to defend his country, not so terrorists could use it.";
        assert_eq!(doc(&[signed, quoted]), vec![(0, Reason::RepeatedLine, 1.0, None)]);
        let unsigned =
            "He designed this rifle to defend his country not so terrorists could use it she said of the years";
        assert_eq!(doc(&[unsigned, quoted]), vec![]);
        let words = |s: &'static str| s.split(' ').collect::<Vec<_>>();
        assert!(opens_with_end(
            &words("c d e f g h i j k l m n"),
            &words("a b c d e f g h i j k l")
        ));
        assert!(!opens_with_end(
            &words("c d e f g h i j k l"),
            &words("a b c d e f g h i j k l")
        ));
    }

    #[test]
    fn a_first_line_printed_twice_closed_by_initials() {
        let line = "Actor Jane Doe headed to a federal prison in L.A.";
        assert_eq!(
            doc(&[line, line, PROSE]),
            vec![
                (1, Reason::RepeatedLine, 1.0, None),
                (0, Reason::Title, 1.0, None),
                (1, Reason::DuplicateTitle, 1.0, Some((0, 0)))
            ]
        );
        assert!(abbreviation_end(&cps("U.S.")) && abbreviation_end(&cps("in the U.S.A.")));
        assert!(!abbreviation_end(&cps("XU.S.")) && !abbreviation_end(&cps("in L.")));
    }

    #[test]
    fn a_sentence_broken_at_a_line_is_no_headline() {
        let found = doc(&[
            "Der Plakatwettbewerb für Kinder und Jugendliche",
            "findet in 2020 bereits zum sechsten Mal statt, und alle können mitmachen.",
        ]);
        assert_eq!(found, vec![]);
    }

    #[test]
    fn literals_are_found() {
        super::super::testing::check_literals(&DATELINE);
        super::super::testing::check_literals(&RUNNING_HEADER);
    }
}
