//! Finding the article in a full-page dump, from the text's own shape (`clean/main_content.py`
//! hands a page's blocks over and keeps the classification of the document as a page): the main
//! block, the run of blocks whose prose outweighs the furniture inside it (a maximum-sum segment,
//! as Kadane's algorithm finds it), and where the page prints its title's headline again.
//!
//! The values are whole numbers of characters, so their sums are exact whatever their order; the
//! block model's values (`block_model.rs`) are not, and are summed in the order the stretch is
//! walked, as the Python cleaner summed them.

use std::collections::HashMap;

use crate::chars::{casefold, is_space};
use crate::lines::Features;

/// What a block costs inside the main block when it is not prose: short lines cost little (a
/// subheading, a one-line quote), but a menu of thirty labels adds up.
pub const MIN_COST: usize = 15;
pub const MAX_COST: usize = 60;
/// A paragraph that hands over to what follows with a colon ("... Damals hatte ich mich kurz
/// gefasst:") is the article's when prose follows it; a label ("Lesen Sie auch:") is shorter.
pub const MIN_LEAD_IN_WORDS: usize = 12;
/// The stretch under the repeated headline must hold at least a paragraph of prose and this share
/// of the best stretch's value: a headline repeated in a teaser list at the foot of the page has
/// little under it.
pub const MIN_ANCHORED_SHARE: f64 = 0.1;
pub const MIN_ANCHORED_VALUE: f64 = 60.0; // a few lines of prose
pub const MIN_HEADLINE_WORDS: usize = 2;
pub const MIN_HEADLINE_CHARS: usize = 12;
/// A page's title may hold its headline cut short: the headline then opens with the title's part
/// and runs on at most this many words, still a headline, not a sentence.
pub const MAX_EXTENSION_WORDS: usize = 6;

/// One distinct line of a page: its text (code points) and its features.
#[derive(Debug, Clone)]
pub struct Line {
    pub text: Vec<u32>,
    pub f: Features,
}

/// One block of a page: which distinct line it prints, and its place in the text.
#[derive(Debug, Clone, Copy)]
pub struct Block {
    pub line: usize,
    pub blank_before: bool,
    pub link_share: f64,
}

/// A page's blocks, as the main block and the block model weigh them.
#[derive(Debug, Clone)]
pub struct Page {
    pub lines: Vec<Line>,
    pub blocks: Vec<Block>,
}

impl Page {
    pub fn feats(&self, i: usize) -> &Features {
        &self.lines[self.blocks[i].line].f
    }

    pub fn text(&self, i: usize) -> &[u32] {
        &self.lines[self.blocks[i].line].text
    }

    pub fn len(&self) -> usize {
        self.blocks.len()
    }

    pub fn is_empty(&self) -> bool {
        self.blocks.is_empty()
    }
}

/// How much a block argues for the stretch of text around it being the article.
pub fn block_value(chars: usize, prose: bool, flagged: bool) -> f64 {
    if flagged {
        -(MIN_COST.max(chars.min(MAX_COST * 2)) as f64)
    } else if prose {
        chars as f64
    } else {
        -(chars.clamp(MIN_COST, MAX_COST) as f64)
    }
}

/// The [first, last] indexes of the stretch of values with the largest positive sum, or None
/// when no value is positive.
pub fn best_stretch(values: &[f64]) -> Option<(usize, usize)> {
    let mut best_sum = 0.0;
    let mut best = None;
    let mut run_sum = 0.0;
    let mut run_start = 0;
    for (i, &value) in values.iter().enumerate() {
        if run_sum <= 0.0 {
            run_sum = value;
            run_start = i;
        } else {
            run_sum += value;
        }
        // >= so that, of two equal runs, the longer one (ending later) wins: a clean article fed
        // back in keeps every block, which keeps cleaning idempotent.
        if run_sum > 0.0 && run_sum >= best_sum {
            best_sum = run_sum;
            best = Some((run_start, i));
        }
    }
    best
}

/// The end of the stretch opening at `start` with the largest sum, and that sum; None when no
/// such stretch holds MIN_ANCHORED_VALUE.
pub fn anchored_stretch(values: &[f64], start: usize) -> (Option<usize>, f64) {
    let (mut best_end, mut best_sum, mut run) = (None, MIN_ANCHORED_VALUE, 0.0);
    for (i, &value) in values.iter().enumerate().skip(start) {
        run += value;
        if run >= best_sum {
            best_end = Some(i);
            best_sum = run;
        }
    }
    (best_end, best_sum)
}

/// Each block's value, a paragraph handing over with a colon to the prose under it counted as
/// prose.
pub fn values(page: &Page, flagged: &[bool]) -> Vec<f64> {
    let n = page.len();
    let mut values: Vec<f64> = (0..n)
        .map(|i| {
            let f = page.feats(i);
            block_value(f.chars, f.prose, flagged[i])
        })
        .collect();
    for i in 0..n.saturating_sub(1) {
        let f = page.feats(i);
        if f.last == Some(':' as u32)
            && !f.prose
            && !flagged[i]
            && f.words >= MIN_LEAD_IN_WORDS
            && f.stop_ratio > 0.0
            && page.feats(i + 1).prose
            && !flagged[i + 1]
        {
            values[i] = f.chars as f64;
        }
    }
    values
}

/// The [first, last] block indexes of the main block, or None when nothing reads as prose. Where
/// the page prints its title's headline again, the stretch under it is the main block when it is
/// a stretch of its own holding a fair share of what the best stretch holds.
pub fn main_block(page: &Page, flagged: &[bool]) -> Option<(usize, usize)> {
    let values = values(page, flagged);
    let best = best_stretch(&values);
    let inside = |i: usize| best.is_some_and(|(first, last)| first <= i && i <= last);
    // (total, start, end), the largest total (then the latest start) wins.
    let mut anchored: Option<(f64, usize, usize)> = None;
    for start in headline_anchors(page) {
        if inside(start) {
            continue;
        }
        if let (Some(end), total) = anchored_stretch(&values, start) {
            // Starts only grow, so an equal total is outranked by the later start.
            if anchored.is_none_or(|(t, _, _)| total >= t) {
                anchored = Some((total, start, end));
            }
        }
    }
    if let Some((total, start, end)) = anchored {
        let best_total: f64 = best.map_or(0.0, |(first, last)| values[first..=last].iter().sum());
        // Only a stretch of its own: one that runs on into the best stretch merely adds the
        // headline and its byline above the article already found.
        let apart = best.is_none_or(|(first, last)| end < first || start > last);
        if apart && total >= MIN_ANCHORED_SHARE * best_total {
            return Some((start, end));
        }
    }
    best
}

/// `[|–—:·»•~-]`: what joins a page title's headline and the site's name, between spaces.
fn is_title_separator(c: u32) -> bool {
    matches!(c, 0x7c | 0x2013 | 0x2014 | 0x3a | 0xb7 | 0xbb | 0x2022 | 0x7e | 0x2d)
}

/// The parts of a page title, split where `\s+[|–—:·»•~-]+\s+` matches (as `re.split` does).
pub fn title_parts(text: &[u32]) -> Vec<&[u32]> {
    let n = text.len();
    let mut parts = Vec::new();
    let (mut piece, mut p) = (0, 0);
    while p < n {
        if !is_space(text[p]) {
            p += 1;
            continue;
        }
        let q = (p..n).find(|&k| !is_space(text[k])).unwrap_or(n);
        let r = (q..n).find(|&k| !is_title_separator(text[k])).unwrap_or(n);
        let s = (r..n).find(|&k| !is_space(text[k])).unwrap_or(n);
        if r > q && s > r {
            parts.push(&text[piece..p]);
            piece = s;
            p = s;
        } else {
            // Every start inside this run of spaces reaches the same character after it.
            p = q;
        }
    }
    parts.push(&text[piece..]);
    parts
}

/// What `_folded` strips from either end: ` .:!?–—-|»`.
fn is_fold_trim(c: u32) -> bool {
    matches!(
        c,
        0x20 | 0x2e | 0x3a | 0x21 | 0x3f | 0x2013 | 0x2014 | 0x2d | 0x7c | 0xbb
    )
}

/// The text case-folded, its runs of spaces made one space, punctuation stripped from its ends.
pub fn folded(text: &[u32]) -> Vec<u32> {
    let folded = casefold(text);
    let mut joined = Vec::with_capacity(folded.len());
    for word in folded.split(|&c| is_space(c)).filter(|w| !w.is_empty()) {
        if !joined.is_empty() {
            joined.push(' ' as u32);
        }
        joined.extend_from_slice(word);
    }
    let start = joined.iter().position(|&c| !is_fold_trim(c)).unwrap_or(joined.len());
    let end = joined.iter().rposition(|&c| !is_fold_trim(c)).map_or(start, |k| k + 1);
    joined[start..end.max(start)].to_vec()
}

/// `len(text.split())`.
fn word_count(text: &[u32]) -> usize {
    text.split(|&c| is_space(c)).filter(|w| !w.is_empty()).count()
}

/// The first block after the page's title line that repeats a part of the title, for each part:
/// one is the headline, another may be the site's name printed over its menu.
pub fn headline_anchors(page: &Page) -> Vec<usize> {
    let n = page.len();
    if n < 2 {
        return Vec::new();
    }
    let mut parts: Vec<Vec<u32>> = Vec::new();
    for part in title_parts(page.text(0)) {
        let part = folded(part);
        if (word_count(&part) >= MIN_HEADLINE_WORDS || part.len() >= MIN_HEADLINE_CHARS) && !parts.contains(&part) {
            parts.push(part);
        }
    }
    // The longest part first, and in a fixed order (of code points, as Python compares strs).
    parts.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
    let mut seen: HashMap<usize, Vec<u32>> = HashMap::new();
    let mut found = Vec::new();
    for i in 1..n {
        if parts.is_empty() {
            break;
        }
        let line = page.blocks[i].line;
        let folded = seen.entry(line).or_insert_with(|| folded(&page.lines[line].text));
        let hit = match parts.iter().position(|p| p == folded) {
            Some(k) => Some(k),
            None => extended(folded, &parts, page.feats(i)),
        };
        if let Some(k) = hit {
            parts.remove(k);
            found.push(i);
        }
    }
    found
}

/// The part (of `parts`, longest first) a headline-shaped line opens with and runs on from by a
/// few words.
fn extended(folded: &[u32], parts: &[Vec<u32>], f: &Features) -> Option<usize> {
    if !f.title_shaped {
        return None;
    }
    parts.iter().position(|part| {
        let words = word_count(part);
        words > MIN_HEADLINE_WORDS
            && folded.len() > part.len()
            && folded.starts_with(part)
            && folded[part.len()] == ' ' as u32
            && word_count(folded) <= words + MAX_EXTENSION_WORDS
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::{features, Stoplist};

    fn cps(s: &str) -> Vec<u32> {
        s.chars().map(|c| c as u32).collect()
    }

    fn page(lines: &[&str]) -> Page {
        let stop = Stoplist::new(["the", "a", "of", "in", "and", "to", "on", "for", "was", "that"].map(cps));
        let mut distinct: Vec<Line> = Vec::new();
        let mut blocks = Vec::new();
        for text in lines {
            let text = cps(text);
            let line = match distinct.iter().position(|l| l.text == text) {
                Some(k) => k,
                None => {
                    let f = features(&text, &stop);
                    distinct.push(Line { text, f });
                    distinct.len() - 1
                }
            };
            blocks.push(Block {
                line,
                blank_before: false,
                link_share: 0.0,
            });
        }
        Page {
            lines: distinct,
            blocks,
        }
    }

    const STORY: &str =
        "The council met on Monday and voted for the plan that the mayor had put to it in the spring of the year.";

    #[test]
    fn the_best_stretch_is_the_largest_positive_sum_and_the_longer_of_two_equal_ones() {
        assert_eq!(best_stretch(&[-5.0, 10.0, -3.0, 4.0, -20.0, 2.0]), Some((1, 3)));
        assert_eq!(best_stretch(&[5.0, -2.0, 2.0]), Some((0, 2)));
        // A run that falls to nothing starts again.
        assert_eq!(best_stretch(&[5.0, -5.0, 5.0]), Some((2, 2)));
        assert_eq!(best_stretch(&[-1.0, -2.0]), None);
        assert_eq!(best_stretch(&[]), None);
    }

    #[test]
    fn a_blocks_value_is_its_prose_or_its_cost() {
        assert_eq!(block_value(200, true, false), 200.0);
        assert_eq!(block_value(200, true, true), -120.0);
        assert_eq!(block_value(3, false, true), -15.0);
        assert_eq!(block_value(3, false, false), -15.0);
        assert_eq!(block_value(500, false, false), -60.0);
    }

    #[test]
    fn a_stretch_under_an_anchor_must_hold_a_few_lines_of_prose() {
        assert_eq!(anchored_stretch(&[-10.0, 50.0, 30.0, -5.0], 0), (Some(2), 70.0));
        assert_eq!(anchored_stretch(&[-10.0, 50.0, 5.0], 0), (None, 60.0));
    }

    #[test]
    fn a_title_splits_at_its_separators_between_spaces() {
        let title = cps("Storm hits coast | Example News - World");
        let parts: Vec<Vec<u32>> = title_parts(&title).into_iter().map(<[u32]>::to_vec).collect();
        assert_eq!(parts, vec![cps("Storm hits coast"), cps("Example News"), cps("World")]);
        // A hyphen inside a word, or a colon closing one, is no separator.
        let title = cps("Follow-up: the vote");
        assert_eq!(title_parts(&title), vec![&title[..]]);
        assert_eq!(title_parts(&cps(" | x")), vec![&[][..], &cps("x")[..]]);
    }

    #[test]
    fn folding_strips_punctuation_and_joins_spaces() {
        assert_eq!(folded(&cps("  » Straße   Nord!  ")), cps("strasse nord"));
        assert_eq!(folded(&cps("—")), cps(""));
    }

    #[test]
    fn the_headline_printed_again_anchors_the_article_under_it() {
        let mut lines = vec![
            "Council backs the plan - Example Site",
            "Home",
            "News",
            "Council backs the plan",
        ];
        lines.extend([STORY; 3]);
        lines.extend(["Home", "News"]);
        let one = page(&lines);
        assert_eq!(headline_anchors(&one), vec![3]);
        // Right above the best stretch, the anchor adds nothing but the headline to it.
        assert_eq!(main_block(&one, &vec![false; one.len()]), Some((4, 6)));
        // Under a stretch of prose of its own, it is the article.
        let mut lines = vec!["Council backs the plan - Example Site", STORY, STORY, STORY, STORY];
        lines.extend(["Home"; 40]);
        lines.extend(["Council backs the plan", STORY, STORY]);
        let other = page(&lines);
        assert_eq!(main_block(&other, &vec![false; other.len()]), Some((45, 47)));
    }

    #[test]
    fn a_headline_running_on_from_the_titles_short_form_is_an_anchor_a_sentence_is_not() {
        let page_of = |line: &'static str| page(&["Council backs the new plan - Example Site", "Home", line, STORY]);
        assert_eq!(
            headline_anchors(&page_of("Council backs the new plan for the river")),
            vec![2]
        );
        assert_eq!(
            headline_anchors(&page_of("Council backs the new plan for the river, the mayor said.")),
            Vec::<usize>::new()
        );
    }

    #[test]
    fn a_paragraph_handing_over_with_a_colon_counts_as_prose() {
        let lead =
            "Two years ago the same coast was hit by a storm of almost the same strength, and the warning was short:";
        let page = page(&["Home", "News", lead, STORY, "Home"]);
        assert_eq!(main_block(&page, &[false; 5]), Some((2, 3)));
        assert_eq!(main_block(&page, &[false, false, true, false, false]), Some((3, 3)));
    }
}
