//! Text in, blocks out: normalise odd characters and split the text into judged units.
//!
//! Every block remembers its span in the original text, in code points (Python str indices).
//! Normalisation only folds whitespace and drops invisible characters, so a block's text is the
//! original slice "whitespace aside", and a position in it can be mapped back with
//! `to_source_ranges`.
//!
//! The text comes in as the Python str's own storage (one, two or four bytes a code point), so
//! every function is generic over the unit; normalised text is always `u32` code points.

use crate::chars::{is_decimal, is_lower, is_space, is_word, word_is_lower};

/// A code unit of a Python str's storage: Latin-1, UCS-2 or UCS-4.
pub trait Unit: Copy + Into<u32> {}
impl Unit for u8 {}
impl Unit for u16 {}
impl Unit for u32 {}

#[inline]
fn at<T: Unit>(s: &[T], i: usize) -> u32 {
    s[i].into()
}

const fn cp(c: char) -> u32 {
    c as u32
}

/// Every character Unicode or a scraper treats as a line end. Splitting on all of them (not only
/// "\n") matters: U+2028 and U+0085 inside one JSON string would otherwise glue unrelated lines.
#[inline]
fn is_line_break(c: u32) -> bool {
    matches!(
        c,
        0x0a | 0x0d | 0x0b | 0x0c | 0x1c | 0x1d | 0x1e | 0x85 | 0x2028 | 0x2029
    )
}

#[inline]
fn is_invisible(c: u32) -> bool {
    // One comparison clears ASCII, most of every text.
    c >= 0xad && matches!(c, 0x200b | 0x200c | 0x200d | 0x2060 | 0xfeff | 0xad)
}

/// What a line's span is trimmed of at either end: horizontal spaces and invisible characters.
#[inline]
fn is_strip(c: u32) -> bool {
    matches!(c, 0x20 | 0x09 | 0xa0 | 0x2000..=0x200a | 0x202f | 0x205f | 0x3000) || is_invisible(c)
}

/// One line of the source: its span, trimmed of invisible text at either end, and its
/// normalised text (empty for a blank line, whose span is then empty at its start).
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub start: usize,
    pub end: usize,
    pub text: Vec<u32>,
}

/// A unit the cleaner judges: a line, or a paragraph of rejoined lines.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    pub start: usize,
    pub end: usize,
    pub text: Vec<u32>,
    pub blank_before: bool,
    pub link_share: f64,
}

/// Invisible characters dropped, every run of whitespace one space, none at either end.
pub fn normalise<T: Unit>(line: &[T]) -> Vec<u32> {
    let mut out = Vec::with_capacity(line.len());
    let mut space = false;
    for &u in line {
        let c: u32 = u.into();
        if is_invisible(c) {
            continue;
        }
        if is_space(c) {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(0x20);
        }
        space = false;
        out.push(c);
    }
    out
}

fn starts_with<T: Unit>(text: &[T], at_: usize, needle: &[u32]) -> bool {
    at_ + needle.len() <= text.len() && needle.iter().enumerate().all(|(k, &c)| at(text, at_ + k) == c)
}

/// The next line end at or after `from`: the newline token (tried first), "\r\n", or any one
/// line-break character; as (start, end).
fn next_break<T: Unit>(text: &[T], from: usize, token: &[u32]) -> Option<(usize, usize)> {
    let n = text.len();
    let first = token.first().copied();
    for j in from..n {
        let c = at(text, j);
        if Some(c) == first && starts_with(text, j, token) {
            return Some((j, j + token.len()));
        }
        if c == 0x0d && j + 1 < n && at(text, j + 1) == 0x0a {
            return Some((j, j + 2));
        }
        if is_line_break(c) {
            return Some((j, j + 1));
        }
    }
    None
}

fn shape<T: Unit>(raw: &[T], pos: usize) -> Line {
    let text = normalise(raw);
    if text.is_empty() {
        return Line {
            start: pos,
            end: pos,
            text,
        };
    }
    // Some character is neither space nor invisible, so the two trims cannot meet.
    let lead = raw.iter().take_while(|&&u| is_strip(u.into())).count();
    let trail = raw.iter().rev().take_while(|&&u| is_strip(u.into())).count();
    Line {
        start: pos + lead,
        end: pos + raw.len() - trail,
        text,
    }
}

/// Every line of the text, blank ones included as empty text. An empty `token` means none.
pub fn split_lines<T: Unit>(text: &[T], token: &[u32]) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut pos = 0;
    while let Some((end, after)) = next_break(text, pos, token) {
        lines.push(shape(&text[pos..end], pos));
        pos = after;
    }
    lines.push(shape(&text[pos..], pos));
    lines
}

/// The column at which the text was hard-wrapped, or None if it was not.
///
/// html2text and mail clients fold paragraphs at a fixed width: most long lines then end within
/// a few columns of that width. Natural text has no such wall, and menus of short lines say
/// nothing either way, so only lines of some length are looked at.
pub fn wrap_width(line_lengths: impl Iterator<Item = usize>) -> Option<usize> {
    let mut lengths: Vec<usize> = line_lengths.filter(|&n| n >= 40).collect();
    if lengths.len() < 5 {
        return None;
    }
    lengths.sort_unstable();
    let count = lengths.len() as f64;
    let width = lengths[(count * 0.85) as usize];
    if !(50..=100).contains(&width) {
        return None;
    }
    let near_wall = lengths.iter().filter(|&&n| width - 20 <= n && n <= width).count() as f64;
    let over = lengths.iter().filter(|&&n| n > width + 2).count() as f64;
    (near_wall >= 0.5 * count && over <= 0.15 * count).then_some(width)
}

/// How many signs of Markdown a line holds: the matches of `\]\(|^#{1,6} |^\* |\*\*`, left to
/// right without overlap.
pub fn markdown_signs(line: &[u32]) -> usize {
    let n = line.len();
    let (star, hash) = (cp('*'), cp('#'));
    let mut signs = 0;
    let mut p = 0;
    while p < n {
        let c = line[p];
        let next = if p + 1 < n { line[p + 1] } else { u32::MAX };
        if c == cp(']') && next == cp('(') {
            signs += 1;
            p += 2;
            continue;
        }
        if p == 0 {
            let hashes = line.iter().take_while(|&&c| c == hash).count();
            if (1..=6).contains(&hashes) && hashes < n && line[hashes] == 0x20 {
                signs += 1;
                p = hashes + 1;
                continue;
            }
            if c == star && next == 0x20 {
                signs += 1;
                p = 2;
                continue;
            }
        }
        if c == star && next == star {
            signs += 1;
            p += 2;
            continue;
        }
        p += 1;
    }
    signs
}

/// Whether the text is Markdown (as html2text writes it): counted over the split, normalised
/// lines, so a heading after U+2028 counts as one and the verdict does not change when the
/// output, written with plain line breaks, is read again.
pub fn looks_like_markdown<'a>(lines: impl Iterator<Item = &'a [u32]>) -> bool {
    let mut signs = 0;
    let mut budget: isize = 200_000;
    for line in lines {
        // Every sign holds "*" or "](", or opens the line with "#": most lines hold none.
        let gated = line.first() == Some(&cp('#'))
            || line.contains(&cp('*'))
            || line.windows(2).any(|w| w[0] == cp(']') && w[1] == cp('('));
        if gated {
            signs += markdown_signs(&line[..line.len().min(budget as usize)]);
        }
        budget -= line.len() as isize;
        if signs >= 5 || budget <= 0 {
            break;
        }
    }
    signs >= 5
}

const TEXT_MAX: usize = 500;
const URL_MAX: usize = 2000;
const TITLE_MAX: usize = 200;
/// Nested emphasis ("**_a_**", as html2text writes bold italics) comes out of one pass still
/// marked, and a second cleaning would unwrap it further; a few passes settle what people write.
const EMPHASIS_PASSES: usize = 3;

fn find(text: &[u32], needle: &[u32], from: usize) -> Option<usize> {
    let first = needle[0];
    (from..text.len()).find(|&i| text[i] == first && text[i..].starts_with(needle))
}

/// The end of a link title `\s+"[^"]{0,200}"\)` opening at `at_`, if one does.
fn title_end(text: &[u32], at_: usize) -> Option<usize> {
    let n = text.len();
    let mut k = at_;
    while k < n && is_space(text[k]) {
        k += 1;
    }
    if k == at_ || k >= n || text[k] != cp('"') {
        return None;
    }
    let open = k + 1;
    let close = (open..n.min(open + TITLE_MAX + 1)).find(|&q| text[q] == cp('"'))?;
    (close + 1 < n && text[close + 1] == cp(')')).then_some(close + 2)
}

/// Images removed, or links replaced by their text, in one left-to-right pass; with the number
/// of characters of link text kept.
///
/// The same as substituting `!?\[([^\]]{0,500})\]\([^)\s]{0,2000}(?:\s+"[^"]{0,200}")?\)`, but
/// the end of the URL (the next ")" or space) is found once and shared by every candidate before
/// it, so the pass is linear however many "[" the line holds.
pub fn unlink(text: &[u32], image: bool) -> (Vec<u32>, usize) {
    let lead: &[u32] = if image { &[cp('!'), cp('[')] } else { &[cp('[')] };
    let n = text.len();
    let mut out = Vec::with_capacity(n);
    let mut linked = 0;
    let mut pos = 0; // end of the last link replaced
    let mut stop: Option<usize> = None; // the first ")" or space at or after the URL last looked at
    let mut title: Option<(usize, Option<usize>)> = None; // the title tried at `stop`, and its end
    let mut i = find(text, lead, 0);
    while let Some(at_) = i {
        let t = at_ + lead.len();
        let close = (t..n.min(t + TEXT_MAX + 1)).find(|&k| text[k] == cp(']'));
        let mut end = None;
        if let Some(close) = close {
            if close + 1 < n && text[close + 1] == cp('(') {
                let u = close + 2;
                let s = match stop {
                    Some(s) if s >= u => s,
                    _ => (u..n).find(|&k| text[k] == cp(')') || is_space(text[k])).unwrap_or(n),
                };
                stop = Some(s);
                if s - u <= URL_MAX && s < n {
                    if text[s] == cp(')') {
                        end = Some(s + 1);
                    } else {
                        end = match title {
                            Some((tried, found)) if tried == s => found,
                            _ => {
                                let found = title_end(text, s);
                                title = Some((s, found));
                                found
                            }
                        };
                    }
                }
            }
            if let Some(e) = end {
                out.extend_from_slice(&text[pos..at_]);
                if !image {
                    out.extend_from_slice(&text[t..close]);
                    linked += close - t;
                }
                pos = e;
                i = find(text, lead, e);
                continue;
            }
        }
        i = find(text, lead, at_ + 1);
    }
    out.extend_from_slice(&text[pos..]);
    (out, linked)
}

fn is_mark(c: u32) -> bool {
    c == cp('*') || c == cp('_')
}

/// `[\w*_]`
fn is_word_or_mark(c: u32) -> bool {
    c == cp('*') || is_word(c)
}

const DELIMITERS: [&[u32]; 4] = [&[0x2a, 0x2a], &[0x5f, 0x5f], &[0x2a], &[0x5f]];

/// Emphasis unwrapped, the same as substituting the second group of
/// `(?<![\w*_])(\*\*|__|\*|_)(?=\S)([*_]*[^*_\n].*?)(?<=\S)\1(?![\w*_])`, in linear time: the
/// closing marks of each kind are listed once and every opening mark looks up the first one
/// after it, instead of rescanning the line. What is emphasised must hold something other than
/// marks: a run of asterisks is not emphasis of the asterisks inside it.
pub fn unemphasise(text: &[u32]) -> Vec<u32> {
    let n = text.len();
    let mut closers: Option<[Vec<usize>; 4]> = None;
    let mut out = Vec::with_capacity(n);
    let mut pos = 0;
    let mut newline: Option<usize> = None; // the first line end at or after the last opening mark looked at
    let mut word: Option<usize> = None; // the first character that is not a mark, at or after it
    for i in 0..n {
        if !is_mark(text[i]) || (i > 0 && is_word_or_mark(text[i - 1])) || i < pos {
            continue;
        }
        let found_all = closers.get_or_insert_with(|| {
            DELIMITERS.map(|d| {
                (1..=n.saturating_sub(d.len()))
                    .filter(|&c| {
                        !is_space(text[c - 1])
                            && text[c..].starts_with(d)
                            && (c + d.len() == n || !is_word_or_mark(text[c + d.len()]))
                            && text[c - 1] != d[0]
                    })
                    .collect()
            })
        });
        for (d, found) in DELIMITERS.iter().zip(found_all.iter()) {
            let inner = i + d.len();
            // A mark inside a longer run of the same mark ("***", "*****") is decoration, not
            // emphasis: unwrapping it pair by pair would change the text on every cleaning.
            if !text[i..].starts_with(d) || inner >= n || text[inner] == d[0] || is_space(text[inner]) {
                continue;
            }
            let w = match word {
                Some(w) if w >= inner => w,
                _ => (inner..n).find(|&k| !is_mark(text[k])).unwrap_or(n),
            };
            word = Some(w);
            let k = found.partition_point(|&c| c < w + 1);
            if k == found.len() {
                continue;
            }
            let j = found[k];
            let nl = match newline {
                Some(nl) if nl >= inner => nl,
                _ => (inner..n).find(|&k| text[k] == 0x0a).unwrap_or(n),
            };
            newline = Some(nl);
            if nl < j {
                continue; // `.` does not cross a line end
            }
            out.extend_from_slice(&text[pos..i]);
            out.extend_from_slice(&text[inner..j]);
            pos = j + d.len();
            break;
        }
    }
    if closers.is_none() {
        return text.to_vec();
    }
    out.extend_from_slice(&text[pos..]);
    out
}

/// The length of the heading, bullet and quote marks opening a line: `^(?:#{1,6}\s+|[*+\-]\s+|>\s*)+`.
/// Marks stack: html2text writes a heading inside a list item as "  * ### Title".
fn markdown_lead(text: &[u32]) -> usize {
    let n = text.len();
    let spaces = |from: usize| (from..n).take_while(|&k| is_space(text[k])).count();
    let mut p = 0;
    while p < n {
        let c = text[p];
        if c == cp('#') {
            let hashes = text[p..].iter().take_while(|&&c| c == cp('#')).count();
            let after = spaces(p + hashes);
            if hashes > 6 || after == 0 {
                break;
            }
            p += hashes + after;
        } else if c == cp('*') || c == cp('+') || c == cp('-') {
            let after = spaces(p + 1);
            if after == 0 {
                break;
            }
            p += 1 + after;
        } else if c == cp('>') {
            p += 1 + spaces(p + 1);
        } else {
            break;
        }
    }
    p
}

fn strip(text: &[u32]) -> &[u32] {
    let start = text.iter().position(|&c| !is_space(c)).unwrap_or(text.len());
    let end = text.iter().rposition(|&c| !is_space(c)).map_or(start, |e| e + 1);
    &text[start..end]
}

/// Links to their text, images and heading/bullet marks away, emphasis unwrapped: only
/// deletions, so the result is still the source "whitespace aside". With how many of its
/// characters were the text of links.
pub fn strip_markdown(text: &[u32]) -> (Vec<u32>, usize) {
    let (text, _) = unlink(text, true);
    let (text, linked) = unlink(&text, false);
    let mut text = text[markdown_lead(&text)..].to_vec();
    for _ in 0..EMPHASIS_PASSES {
        let unwrapped = unemphasise(&text);
        if unwrapped == text {
            break;
        }
        text = unwrapped;
    }
    (strip(&text).to_vec(), linked)
}

// A scraper that prints every text node of the HTML on its own line (BeautifulSoup's
// `get_text("\n")`) breaks a sentence at each link: "... stats for the " / "Cleveland Browns" /
// "’ Week 11 game". A line that opens on closing punctuation, or follows a line whose text node
// ended in a space mid-sentence, is the same sentence going on.

/// A line opening on one of these goes on the line above.
fn goes_on(c: u32) -> bool {
    matches!(
        char::from_u32(c),
        Some('.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '\u{2019}' | '\u{201d}' | '%')
    )
}

/// A line closing on one of these is finished.
fn ends_sentence(c: u32) -> bool {
    matches!(
        char::from_u32(c),
        Some('.' | '!' | '?' | ':' | ';' | '\u{2026}' | '"' | '\u{201d}' | '\u{2019}' | ')')
    )
}

/// A line closing on one of these is not.
fn opens(c: u32) -> bool {
    matches!(
        char::from_u32(c),
        Some('\u{201c}' | '\u{2018}' | '(' | '[' | '{' | '\u{ab}')
    )
}

/// A line that starts a list item, a heading or a quote: `\s*(?:[*\-+•#>|]|\d{1,3}[.)]\s|!\[|\[!)`.
/// Never glued to the line above it, even in hard-wrapped text.
fn starts_item(text: &[u32]) -> bool {
    let n = text.len();
    let p = text.iter().take_while(|&&c| is_space(c)).count();
    if p >= n {
        return false;
    }
    let c = text[p];
    if "*-+\u{2022}#>|".chars().any(|m| cp(m) == c) {
        return true;
    }
    let next = if p + 1 < n { text[p + 1] } else { u32::MAX };
    if (c == cp('!') && next == cp('[')) || (c == cp('[') && next == cp('!')) {
        return true;
    }
    let digits = text[p..].iter().take_while(|&&c| is_decimal(c)).count();
    let q = p + digits;
    (1..=3).contains(&digits) && q + 1 < n && (text[q] == cp('.') || text[q] == cp(')')) && is_space(text[q + 1])
}

/// `next` is the line below `line`, when running text may be joined over a capital: only where
/// the text goes on under the link too, so that the link is inside a sentence.
fn continues<T: Unit>(previous: &Line, line: &Line, next: Option<&Line>, source: &[T]) -> bool {
    let (above, text) = (&previous.text, &line.text);
    let last = *above.last().expect("a line in a group has text");
    let first = text[0];
    if goes_on(first) {
        return !ends_sentence(last);
    }
    if opens(last) {
        return true;
    }
    if ends_sentence(last) {
        return false;
    }
    // One space, not a run of them: a layout that pads table columns with spaces (inscriptis)
    // ends its cells in many and indents its lines. A text node may open on the page's &nbsp;
    // ("... protest jibe" / "&nbsp;[INSIGHT]"); one that ends on it is often a list item padded
    // by its template, so only the opening one counts.
    let n = source.len();
    let line_end_or_edge = |k: usize| k >= n || matches!(at(source, k), 0x0a | 0x0d);
    let (end, start) = (previous.end, line.start);
    let spaced = (end < n && at(source, end) == 0x20 && line_end_or_edge(end + 1))
        || (start >= 1
            && matches!(at(source, start - 1), 0x20 | 0xa0)
            && (start < 2 || matches!(at(source, start - 2), 0x0a | 0x0d)));
    if !spaced {
        return false;
    }
    let word_start = above.iter().rposition(|&c| is_space(c)).map_or(0, |k| k + 1);
    is_lower(first)
        || word_is_lower(&above[word_start..])
        || (runs_on(above) && next.is_some_and(|n| !n.text.is_empty() && continues(line, n, None, source)))
}

/// A text node this many words long, one of them in lower case, is running text cut at a
/// link, whatever its last word, when the text goes on under the link: German capitalises its
/// nouns, so "Auf der Tagung der Evangelischen " / "Kirche" / " tagte ..." breaks between two
/// capitals, as English does at a name ("... in the Smart and Sustainable " / "Automation
/// Research Lab" / " at ..."). A label ("Mehr zum Thema ", "Leave a Reply ") is shorter, a menu
/// holds no lower-case word, and a heading over a list ("Top Themen der Redaktion " / "ATP" /
/// "WTA") does not go on under its first entry.
const RUNNING_WORDS: usize = 4;

fn runs_on(above: &[u32]) -> bool {
    let mut words = 0;
    let mut lower = false;
    let mut start = true;
    for &c in above {
        if is_space(c) {
            start = true;
            continue;
        }
        if start {
            words += 1;
            lower |= is_lower(c);
            start = false;
        }
    }
    lower && words >= RUNNING_WORDS
}

/// The lines of one paragraph as one line: a space where a line was wrapped or a text node ended
/// in one, none before the closing punctuation of a line that goes on.
fn join(group: &[Line]) -> Vec<u32> {
    let mut out = group[0].text.clone();
    for line in &group[1..] {
        let last = *out.last().expect("lines in a group have text");
        if !(goes_on(line.text[0]) || opens(last)) {
            out.push(0x20);
        }
        out.extend_from_slice(&line.text);
    }
    out
}

/// Split `text` into blocks: one per non-blank line, or one per paragraph when the text is
/// hard-wrapped; a sentence broken at its links is one line again. An empty `token` means none.
pub fn segment<T: Unit>(text: &[T], token: &[u32]) -> Vec<Block> {
    let mut lines = split_lines(text, token);
    let markdown = looks_like_markdown(lines.iter().map(|l| &l.text[..]));
    let width = wrap_width(lines.iter().map(|l| l.text.len()));
    let mut blocks = Vec::new();
    // A group's lines are read no more once it is emitted, so a line alone gives its text over.
    let mut emit = |blank_before: bool, group: &mut [Line]| {
        let mut joined = if group.len() == 1 {
            std::mem::take(&mut group[0].text)
        } else {
            join(group)
        };
        let mut link_share = 0.0;
        if markdown {
            let (stripped, linked) = strip_markdown(&joined);
            if stripped.is_empty() {
                return;
            }
            link_share = f64::min(1.0, linked as f64 / stripped.len() as f64);
            joined = stripped;
        }
        blocks.push(Block {
            start: group[0].start,
            end: group[group.len() - 1].end,
            text: joined,
            blank_before,
            link_share,
        });
    };
    let mut group: Option<usize> = None; // the first line of the open group; it runs to the line before this one
    let (mut blank, mut blank_before) = (false, false);
    for k in 0..lines.len() {
        let line = &lines[k];
        if line.text.is_empty() {
            if let Some(g) = group.take() {
                emit(blank_before, &mut lines[g..k]);
            }
            blank = true;
            continue;
        }
        let joins = group.is_some() && {
            let previous = &lines[k - 1];
            let wrapped = width.is_some_and(|w| previous.text.len() + 25 >= w) && !starts_item(&line.text);
            wrapped || continues(previous, line, lines.get(k + 1), text)
        };
        if !joins {
            if let Some(g) = group {
                emit(blank_before, &mut lines[g..k]);
            }
            group = Some(k);
            blank_before = blank;
        }
        blank = false;
    }
    if let Some(g) = group {
        emit(blank_before, &mut lines[g..]);
    }
    blocks
}

/// Positions in the source of every character of a block's text, and one past its end.
///
/// The block text equals the source slice with whitespace runs folded to one space and invisible
/// characters dropped, so walking both strings side by side aligns them; the walk is done once
/// for all the ranges a caller maps.
pub fn source_positions<S: Unit, B: Unit>(text: &[B], start: usize, end: usize, source: &[S]) -> Vec<usize> {
    let end = end.min(source.len());
    let mut positions = Vec::with_capacity(text.len() + 1);
    let mut j = start;
    for &u in text {
        let ch: u32 = u.into();
        if ch == 0x20 {
            positions.push(j);
            while j < end && (is_space(at(source, j)) || is_strip(at(source, j))) {
                j += 1;
            }
            continue;
        }
        while j < end && at(source, j) != ch {
            j += 1;
        }
        positions.push(j);
        j += 1;
    }
    positions.push(end);
    positions
}

/// Whether the block's text is its source slice as it stands, so offsets only shift.
pub fn is_verbatim<S: Unit, B: Unit>(text: &[B], start: usize, end: usize, source: &[S]) -> bool {
    let (start, end) = (start.min(source.len()), end.min(source.len()));
    start <= end
        && end - start == text.len()
        && text
            .iter()
            .zip(&source[start..end])
            .all(|(&a, &b)| a.into() == b.into())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cps(s: &str) -> Vec<u32> {
        s.chars().map(|c| c as u32).collect()
    }

    fn string(v: &[u32]) -> String {
        v.iter().map(|&c| char::from_u32(c).unwrap()).collect()
    }

    fn texts(text: &str) -> Vec<String> {
        segment(&cps(text), &[]).iter().map(|b| string(&b.text)).collect()
    }

    #[test]
    fn normalise_folds_spaces_and_drops_invisibles() {
        assert_eq!(string(&normalise(&cps("  a \u{200b} b\t\u{a0}c\u{3000} "))), "a b c");
        assert_eq!(string(&normalise(&cps("x\u{ad}y"))), "xy");
        assert!(normalise(&cps(" \u{feff}\t")).is_empty());
        assert_eq!(string(&normalise(&cps("a\0b"))), "a\0b"); // NUL is neither space nor invisible
    }

    #[test]
    fn lines_split_on_every_line_end_and_the_token() {
        let text = cps("a\r\nb\rc\u{2028}dNLe\n");
        let lines = split_lines(&text, &cps("NL"));
        let got: Vec<(usize, usize, String)> = lines.iter().map(|l| (l.start, l.end, string(&l.text))).collect();
        assert_eq!(
            got,
            vec![
                (0, 1, "a".into()),
                (3, 4, "b".into()),
                (5, 6, "c".into()),
                (7, 8, "d".into()),
                (10, 11, "e".into()),
                (12, 12, "".into()),
            ]
        );
    }

    #[test]
    fn a_token_holding_a_line_end_is_tried_first() {
        let lines = split_lines(&cps("a\r\nb"), &cps("\r"));
        assert_eq!(lines.len(), 3); // "\r" then "\n" end a line each, not "\r\n" once
    }

    #[test]
    fn spans_are_trimmed_of_spaces_and_invisibles_but_not_of_other_space() {
        let lines = split_lines(&cps(" \u{200b}ab\u{a0}\n\u{1f}cd"), &[]);
        assert_eq!((lines[0].start, lines[0].end), (2, 4));
        assert_eq!(
            (lines[1].start, lines[1].end, string(&lines[1].text)),
            (6, 9, "cd".into())
        );
    }

    #[test]
    fn offsets_count_code_points_in_every_storage() {
        let text = "é\n  ünï\n";
        let latin1: Vec<u8> = text.chars().map(|c| c as u8).collect();
        let ucs4 = cps(text);
        let a = segment(&latin1, &[]);
        let b = segment(&ucs4, &[]);
        assert_eq!(a, b);
        assert_eq!((a[1].start, a[1].end), (4, 7));
    }

    #[test]
    fn lone_surrogates_are_kept_as_they_are() {
        let text = vec![0x61u16, 0xd800, 0x0a, 0xdc00];
        let blocks = segment(&text, &[]);
        assert_eq!(blocks.len(), 2);
        assert_eq!(blocks[0].text, vec![0x61, 0xd800]);
        assert_eq!(blocks[1].text, vec![0xdc00]);
    }

    #[test]
    fn a_sentence_broken_at_its_links_is_one_block() {
        let text = "Below, the stats on defense for the \nCleveland Browns\n’ Week 11 game against the \n\
                    Pittsburgh Steelers\n.\n\nDefensive Line\n";
        assert_eq!(
            texts(text),
            vec![
                "Below, the stats on defense for the Cleveland Browns’ Week 11 game against the Pittsburgh Steelers.",
                "Defensive Line"
            ]
        );
    }

    #[test]
    fn running_text_cut_at_a_link_goes_on_over_two_capitals() {
        let text = "Auf der dritten Tagung der Evangelischen \nKirche\n tagte die Synode.\n";
        assert_eq!(
            texts(text),
            vec!["Auf der dritten Tagung der Evangelischen Kirche tagte die Synode."]
        );
        let text = "La nouvelle ministre des Sports, \nRoxana Maracineanu\n a été nommée.\n";
        assert_eq!(
            texts(text),
            vec!["La nouvelle ministre des Sports, Roxana Maracineanu a été nommée."]
        );
        // A label, a menu: too short, or no word in lower case.
        assert_eq!(
            texts("Mehr zum Thema \nVerwandte Artikel\n"),
            vec!["Mehr zum Thema", "Verwandte Artikel"]
        );
        assert_eq!(
            texts("Politik Wirtschaft Sport Kultur \nReise\n"),
            vec!["Politik Wirtschaft Sport Kultur", "Reise"]
        );
        assert_eq!(
            texts("Top Themen der Redaktion \nATP\nWTA\n"),
            vec!["Top Themen der Redaktion", "ATP", "WTA"]
        );
    }

    #[test]
    fn lines_that_end_a_sentence_or_start_a_capital_stay_apart() {
        assert_eq!(texts("Home\nNews\nSport"), vec!["Home", "News", "Sport"]);
        assert_eq!(texts("It ended.\n(Reuters)"), vec!["It ended.", "(Reuters)"]);
    }

    #[test]
    fn hard_wrapped_paragraphs_are_rejoined_but_not_list_items() {
        let line = "word ".repeat(14); // 70 columns
        let mut text = String::new();
        for _ in 0..6 {
            text.push_str(line.trim_end());
            text.push('\n');
        }
        text.push_str("1. an item\n\n");
        text.push_str(&format!("{}\nend", line.trim_end()));
        let blocks = texts(&text);
        assert_eq!(blocks.len(), 3, "{blocks:?}");
        assert_eq!(blocks[0].len(), 6 * 69 + 5);
        assert_eq!(blocks[1], "1. an item");
        assert!(blocks[2].ends_with("word end"));
    }

    #[test]
    fn wrap_width_needs_a_wall() {
        assert_eq!(wrap_width([72, 70, 71, 72, 69, 40].into_iter()), Some(72));
        assert_eq!(wrap_width([72, 70, 71, 72].into_iter()), None); // too few long lines
        assert_eq!(wrap_width([40, 60, 80, 100, 120, 140, 160].into_iter()), None);
        // no wall
    }

    #[test]
    fn markdown_signs_count_without_overlap() {
        assert_eq!(markdown_signs(&cps("***")), 1);
        assert_eq!(markdown_signs(&cps("* **a**")), 3);
        assert_eq!(markdown_signs(&cps("###### six")), 1);
        assert_eq!(markdown_signs(&cps("####### seven")), 0);
        assert_eq!(markdown_signs(&cps("see [a](b) and [c](d)")), 2);
        assert_eq!(markdown_signs(&cps("a # b * c")), 0); // marks count only opening the line
    }

    #[test]
    fn markdown_is_stripped_to_its_text() {
        let (text, linked) = strip_markdown(&cps("* ### **Read** [the story](http://x.y/z \"T\") ![img](i.png)"));
        assert_eq!(string(&text), "Read the story");
        assert_eq!(linked, 9);
        assert_eq!(string(&strip_markdown(&cps("**_both_**")).0), "both");
        assert_eq!(string(&strip_markdown(&cps("*****")).0), "*****");
        assert_eq!(string(&strip_markdown(&cps("snake_case_name")).0), "snake_case_name");
    }

    #[test]
    fn links_need_their_closing_parenthesis() {
        assert_eq!(string(&unlink(&cps("[a](b c"), false).0), "[a](b c");
        assert_eq!(string(&unlink(&cps("[a](b \"t\")x"), false).0), "ax");
        assert_eq!(string(&unlink(&cps("[[a](b)"), false).0), "[a");
        let long_text = format!("[{}](u)", "x".repeat(501));
        assert_eq!(unlink(&cps(&long_text), false).1, 0);
    }

    #[test]
    fn emphasis_does_not_cross_a_line_end() {
        assert_eq!(string(&unemphasise(&cps("*a\nb*"))), "*a\nb*");
        assert_eq!(string(&unemphasise(&cps("*a b*"))), "a b");
        assert_eq!(string(&unemphasise(&cps("2*3*4"))), "2*3*4");
    }

    #[test]
    fn markdown_input_reports_link_share() {
        let text = "# Title\n\n**Bold** lead\n\n* [Home](/)\n* [News](/news)\n\nBody text here.";
        let blocks = segment(&cps(text), &[]);
        let got: Vec<(String, f64)> = blocks.iter().map(|b| (string(&b.text), b.link_share)).collect();
        assert_eq!(got[0], ("Title".into(), 0.0));
        assert_eq!(got[2], ("Home".into(), 1.0));
        assert_eq!(got[4], ("Body text here.".into(), 0.0));
        assert!(blocks[1].blank_before && !blocks[3].blank_before);
    }

    #[test]
    fn positions_walk_folded_space_back_to_the_source() {
        let source = cps("x  a\u{a0}\u{200b} b\ny");
        let text = cps("a b");
        assert!(!is_verbatim(&text, 3, 8, &source));
        assert_eq!(source_positions(&text, 3, 8, &source), vec![3, 4, 7, 8]);
        assert!(is_verbatim(&cps("y"), 9, 10, &source));
    }
}
