//! The learned judge of every block of a full-page dump: a logistic regression over each block's
//! shape, its neighbours, its place on the page and its likeness to the page title, whose weights
//! are data (`clean/data/block_model.json`, handed over by `clean/block_model.py`).
//!
//! A probability is the same f64 operations in the same order as the Python cleaner computed it
//! (each sum left to right from zero, the neighbourhoods as differences of running sums), so the
//! decisions it feeds are the same to the bit.

use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};

use crate::chars::{is_decimal, lower, lower_into};
use crate::lines::{words, Features};
use crate::main_content::{best_stretch, Page};

/// How far (in blocks) the neighbourhood of a block reaches.
pub const REACH: usize = 2;

/// The features of a row, in the order of the model's weights.
pub const FEATURES: [&str; 26] = [
    "bias",
    "log_chars",
    "words",
    "stop_ratio",
    "no_stoplist",
    "ends_sentence",
    "prose",
    "title_shaped",
    "upper_ratio",
    "flagged",
    "in_main",
    "main_distance",
    "position",
    "prose_before",
    "near_prose",
    "near_chars",
    "near_flagged",
    "title_overlap",
    "in_title",
    "digits",
    "bullet",
    "blank_before",
    "unspaced",
    "main_share",
    "link_share",
    "near_links",
];

/// What a block says on its own, the same for every copy of a line: worked out (and weighed)
/// once per distinct line.
pub const OWN: [&str; 14] = [
    "bias",
    "log_chars",
    "words",
    "stop_ratio",
    "no_stoplist",
    "ends_sentence",
    "prose",
    "title_shaped",
    "upper_ratio",
    "title_overlap",
    "in_title",
    "digits",
    "bullet",
    "unspaced",
];

/// What its place on the page says.
pub const PLACE: [&str; 12] = [
    "flagged",
    "in_main",
    "main_distance",
    "position",
    "prose_before",
    "near_prose",
    "near_chars",
    "near_flagged",
    "blank_before",
    "main_share",
    "link_share",
    "near_links",
];

pub type Own = [f64; 14];
pub type Place = [f64; 12];

/// The shipped model: its weights split as the rows are, and how its probabilities decide.
#[derive(Debug, Clone)]
pub struct Model {
    w_own: Own,
    w_place: Place,
    pub threshold: f64,
    pub drop_inside: f64,
    pub keep_outside: f64,
    pub length_power: f64,
}

fn index(name: &str) -> usize {
    FEATURES
        .iter()
        .position(|&f| f == name)
        .expect("a feature of the model")
}

impl Model {
    /// The model of the weights given for the features named (FEATURES, in that order).
    pub fn new(
        names: &[String],
        weights: &[f64],
        threshold: f64,
        drop_inside: f64,
        keep_outside: f64,
        length_power: f64,
    ) -> Result<Model, String> {
        if names.len() != FEATURES.len() || names.iter().zip(FEATURES).any(|(a, b)| a != b) {
            return Err(format!("the model's features are not {FEATURES:?}"));
        }
        if weights.len() != FEATURES.len() {
            return Err(format!("{} weights for {} features", weights.len(), FEATURES.len()));
        }
        Ok(Model {
            w_own: OWN.map(|name| weights[index(name)]),
            w_place: PLACE.map(|name| weights[index(name)]),
            threshold,
            drop_inside,
            keep_outside,
            length_power,
        })
    }
}

/// What opens a line of a list: a bullet, a dash, a quote mark (`^[*•·\-–—»›>|+]`).
fn is_bullet(c: u32) -> bool {
    matches!(
        c,
        0x2a | 0x2022 | 0xb7 | 0x2d | 0x2013 | 0x2014 | 0xbb | 0x203a | 0x3e | 0x7c | 0x2b
    )
}

/// The words (`\w+`) of a line, lower-cased (`str.lower`), each once, in order: a set that a
/// line's words are looked up in by binary search.
fn word_set(text: &[u32]) -> Vec<Vec<u32>> {
    let mut set: Vec<Vec<u32>> = words(text).map(|(a, b)| lower(&text[a..b])).collect();
    set.sort_unstable();
    set.dedup();
    set
}

/// A line's words, lower-cased, laid end to end in one buffer (the buffer, each word's span),
/// and which of the title's words it holds: kept from one line to the next.
#[derive(Default)]
struct Words {
    buffer: Vec<u32>,
    spans: Vec<(usize, usize)>,
    hit: Vec<bool>,
}

/// A multiply-and-rotate hash of a few words (as rustc's FxHash): the words of a line are
/// counted once each, and SipHash's resistance to chosen keys buys nothing here.
#[derive(Default)]
struct Fx(u64);

impl Hasher for Fx {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

impl Words {
    /// How many different words `text` holds, and how many of the `title`'s (sorted) it holds.
    fn overlap(&mut self, text: &[u32], title: &[Vec<u32>]) -> (usize, usize) {
        self.buffer.clear();
        self.spans.clear();
        for (a, b) in words(text) {
            let start = self.buffer.len();
            lower_into(&text[a..b], &mut self.buffer);
            self.spans.push((start, self.buffer.len()));
        }
        self.hit.clear();
        self.hit.resize(title.len(), false);
        let buffer = &self.buffer;
        let mut any = false;
        for &(a, b) in &self.spans {
            if let Ok(k) = title.binary_search_by(|w| w.as_slice().cmp(&buffer[a..b])) {
                self.hit[k] = true;
                any = true;
            }
        }
        // No word of the title: the share is nothing, however many different words the line holds.
        if !any {
            return (self.spans.len(), 0);
        }
        let mut distinct: HashSet<&[u32], BuildHasherDefault<Fx>> =
            HashSet::with_capacity_and_hasher(self.spans.len(), Default::default());
        distinct.extend(self.spans.iter().map(|&(a, b)| &buffer[a..b]));
        (distinct.len(), self.hit.iter().filter(|&&h| h).count())
    }
}

fn flag(b: bool) -> f64 {
    if b {
        1.0
    } else {
        0.0
    }
}

fn own(text: &[u32], f: &Features, log_chars: f64, title_words: &[Vec<u32>], scratch: &mut Words) -> Own {
    let mut overlap = 0.0;
    if !title_words.is_empty() {
        let (words, shared) = scratch.overlap(text, title_words);
        if words > 0 {
            overlap = shared as f64 / words as f64;
        }
    }
    let digits = text.iter().filter(|&&c| is_decimal(c)).count();
    [
        1.0,
        log_chars,
        f.words.min(100) as f64 / 100.0,
        if f.stop_ratio > 0.0 { f.stop_ratio } else { 0.0 },
        flag(f.stop_ratio < 0.0),
        flag(f.ends_sentence),
        flag(f.prose),
        flag(f.title_shaped),
        f.upper_ratio,
        overlap,
        flag(overlap >= 0.8 && f.words >= 3),
        if f.chars > 0 {
            digits as f64 / f.chars as f64
        } else {
            0.0
        },
        flag(text.first().is_some_and(|&c| is_bullet(c))),
        flag(f.unspaced),
    ]
}

/// Each block's OWN features (an index into the distinct rows, one per distinct line and one for
/// the title line itself) and its PLACE features.
pub struct Parts {
    pub rows: Vec<Own>,
    pub own: Vec<usize>,
    pub place: Vec<Place>,
}

fn running<T: Copy>(values: impl Iterator<Item = T>, zero: T, add: impl Fn(T, T) -> T) -> Vec<T> {
    let mut sums = vec![zero];
    let mut sum = zero;
    for v in values {
        sum = add(sum, v);
        sums.push(sum);
    }
    sums
}

pub fn parts(page: &Page, flagged: &[bool], main: Option<(usize, usize)>) -> Parts {
    let n = page.len();
    let title_words = if n > 0 { word_set(page.text(0)) } else { Vec::new() };
    let chars_of = |range: std::ops::Range<usize>| -> usize { range.map(|i| page.feats(i).chars).sum() };
    let total_prose = (0..n)
        .filter(|&i| page.feats(i).prose)
        .map(|i| page.feats(i).chars)
        .sum::<usize>()
        .max(1);
    let (first, last) = main.unwrap_or((n, n));
    let main_chars = if main.is_some() {
        chars_of(first..(last + 1).min(n))
    } else {
        0
    };
    let main_share = main_chars as f64 / chars_of(0..n).max(1) as f64;
    let log_chars: Vec<f64> = (0..n).map(|i| (page.feats(i).chars as f64).ln_1p() / 6.0).collect();
    let prose: Vec<i64> = (0..n).map(|i| page.feats(i).prose as i64).collect();
    let links: Vec<f64> = page.blocks.iter().map(|b| b.link_share).collect();
    // Running sums: the neighbourhood of a block is a difference of two.
    let prose_sum = running(prose.iter().copied(), 0, |a, b| a + b);
    let chars_sum = running(log_chars.iter().copied(), 0.0, |a, b| a + b);
    let flagged_sum = running(flagged.iter().map(|&f| f as i64), 0, |a, b| a + b);
    let links_sum = running(links.iter().copied(), 0.0, |a, b| a + b);
    let mut scratch = Words::default();
    // The row of each distinct line, once measured.
    let mut measured: Vec<Option<usize>> = vec![None; page.lines.len()];
    let mut rows = Vec::new();
    let mut own_of = Vec::with_capacity(n);
    let mut place = Vec::with_capacity(n);
    let mut prose_before = 0usize;
    for i in 0..n {
        let block = &page.blocks[i];
        let f = page.feats(i);
        // The title line itself is not compared with the title.
        let row = match measured[block.line] {
            Some(row) if i > 0 => row,
            _ => {
                let title: &[Vec<u32>] = if i > 0 { &title_words } else { &[] };
                rows.push(own(page.text(i), f, log_chars[i], title, &mut scratch));
                if i > 0 {
                    measured[block.line] = Some(rows.len() - 1);
                }
                rows.len() - 1
            }
        };
        own_of.push(row);
        let lo = i.saturating_sub(REACH);
        let hi = (i + REACH + 1).min(n);
        let k = match hi - lo - 1 {
            0 => 1.0,
            k => k as f64,
        };
        let (distance, in_main) = match main {
            None => (50, 0.0),
            Some(_) if first <= i && i <= last => (0, 1.0),
            Some(_) => (if i < first { first - i } else { i - last }, 0.0),
        };
        place.push([
            flag(flagged[i]),
            in_main,
            distance.min(50) as f64 / 50.0,
            i as f64 / n as f64,
            prose_before as f64 / total_prose as f64,
            (prose_sum[hi] - prose_sum[lo] - prose[i]) as f64 / k,
            (chars_sum[hi] - chars_sum[lo] - log_chars[i]) / k,
            (flagged_sum[hi] - flagged_sum[lo] - flagged[i] as i64) as f64 / k,
            flag(block.blank_before),
            main_share,
            block.link_share,
            (links_sum[hi] - links_sum[lo] - links[i]) / k,
        ]);
        if f.prose {
            prose_before += f.chars;
        }
    }
    Parts {
        rows,
        own: own_of,
        place,
    }
}

/// One feature row per block, in the order of FEATURES.
pub fn features(page: &Page, flagged: &[bool], main: Option<(usize, usize)>) -> Vec<[f64; 26]> {
    let parts = parts(page, flagged, main);
    let own_at = OWN.map(index);
    let place_at = PLACE.map(index);
    (0..page.len())
        .map(|i| {
            let mut row = [0.0; 26];
            for (k, &at) in own_at.iter().enumerate() {
                row[at] = parts.rows[parts.own[i]][k];
            }
            for (k, &at) in place_at.iter().enumerate() {
                row[at] = parts.place[i][k];
            }
            row
        })
        .collect()
}

/// A dot product summed left to right from zero.
fn dot(row: &[f64], w: &[f64]) -> f64 {
    let mut sum = 0.0;
    for (x, w) in row.iter().zip(w) {
        sum += x * w;
    }
    sum
}

fn logistic(z: f64) -> f64 {
    let z = if z < 30.0 { z } else { 30.0 };
    let z = if z > -30.0 { z } else { -30.0 };
    1.0 / (1.0 + (-z).exp())
}

/// The probability that each block is the article's, the OWN part weighed once per distinct row.
pub fn probabilities(page: &Page, model: &Model, flagged: &[bool], main: Option<(usize, usize)>) -> Vec<f64> {
    let parts = parts(page, flagged, main);
    let weighed: Vec<f64> = parts.rows.iter().map(|row| dot(row, &model.w_own)).collect();
    parts
        .own
        .iter()
        .zip(&parts.place)
        .map(|(&row, place)| logistic(weighed[row] + dot(place, &model.w_place)))
        .collect()
}

/// Which blocks of a page dump are the article: each block argues for or against the stretch
/// around it with its probability, weighed by its length, and the best stretch wins. Inside it,
/// a block the model is sure is furniture still goes; outside it, a block the model is sure is
/// article still stays.
pub fn article_blocks(page: &Page, model: &Model, flagged: &[bool], main: Option<(usize, usize)>) -> Vec<bool> {
    let probs = probabilities(page, model, flagged, main);
    let values: Vec<f64> = probs
        .iter()
        .enumerate()
        .map(|(i, &p)| (p - model.threshold) * ((page.feats(i).chars + 10) as f64).powf(model.length_power))
        .collect();
    let stretch = best_stretch(&values);
    probs
        .iter()
        .enumerate()
        .map(|(i, &p)| {
            let inside = stretch.is_some_and(|(first, last)| first <= i && i <= last);
            (inside && p >= model.drop_inside) || p >= model.keep_outside
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::{features as line_features, Stoplist};
    use crate::main_content::{Block, Line};

    fn cps(s: &str) -> Vec<u32> {
        s.chars().map(|c| c as u32).collect()
    }

    fn page(lines: &[&str]) -> Page {
        let stop = Stoplist::new(["the", "a", "of", "in", "and", "to", "on", "for", "was", "that"].map(cps));
        let mut distinct: Vec<Line> = Vec::new();
        let mut blocks = Vec::new();
        for text in lines {
            let text = cps(text);
            let line = distinct.iter().position(|l| l.text == text).unwrap_or_else(|| {
                let f = line_features(&text, &stop);
                distinct.push(Line { text, f });
                distinct.len() - 1
            });
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

    fn model() -> Model {
        // Prose argues for the article, flagged furniture and links against it.
        let mut w = [0.0; 26];
        w[index("bias")] = -1.0;
        w[index("prose")] = 3.0;
        w[index("flagged")] = -2.0;
        w[index("link_share")] = -2.0;
        let names: Vec<String> = FEATURES.iter().map(|s| s.to_string()).collect();
        Model::new(&names, &w, 0.5, 0.0, 1.01, 0.5).unwrap()
    }

    const STORY: &str =
        "The council met on Monday and voted for the plan that the mayor had put to it in the spring of the year.";

    #[test]
    fn every_feature_is_a_blocks_own_or_its_place_once() {
        let mut all: Vec<&str> = OWN.iter().chain(PLACE.iter()).copied().collect();
        all.sort();
        let mut features = FEATURES.to_vec();
        features.sort();
        assert_eq!(all, features);
    }

    #[test]
    fn a_model_for_other_features_is_refused() {
        let names: Vec<String> = FEATURES.iter().rev().map(|s| s.to_string()).collect();
        assert!(Model::new(&names, &[0.0; 26], 0.5, 0.0, 1.01, 0.5).is_err());
        let names: Vec<String> = FEATURES.iter().map(|s| s.to_string()).collect();
        assert!(Model::new(&names, &[0.0; 25], 0.5, 0.0, 1.01, 0.5).is_err());
    }

    #[test]
    fn a_blocks_own_features_read_its_text_and_the_title() {
        let page = page(&["Council votes for plan", "- 12 votes for the plan", STORY]);
        let rows = features(&page, &[false; 3], None);
        let at = |row: usize, name: &str| rows[row][index(name)];
        assert_eq!(at(0, "title_overlap"), 0.0); // the title line is not compared with itself
        assert_eq!(at(1, "title_overlap"), 3.0 / 5.0); // votes, for, plan of 12, votes, for, the, plan
        assert_eq!(at(1, "bullet"), 1.0);
        assert_eq!(at(2, "bullet"), 0.0);
        assert_eq!(at(1, "digits"), 2.0 / 23.0);
        assert_eq!(at(2, "prose"), 1.0);
        assert_eq!(at(2, "main_distance"), 1.0);
        assert_eq!(at(0, "bias"), 1.0);
    }

    #[test]
    fn a_blocks_place_reads_its_neighbours_and_the_main_block() {
        let page = page(&["Home", "News", STORY, STORY, "Home"]);
        let rows = features(&page, &[true, false, false, false, true], Some((2, 3)));
        let at = |row: usize, name: &str| rows[row][index(name)];
        assert_eq!(at(0, "near_flagged"), 0.0);
        assert_eq!(at(2, "near_flagged"), 2.0 / 4.0);
        assert_eq!(at(4, "near_prose"), 1.0);
        assert_eq!(at(1, "main_distance"), 1.0 / 50.0);
        assert_eq!(at(3, "in_main"), 1.0);
        assert_eq!(at(3, "prose_before"), 0.5);
        assert_eq!(at(4, "position"), 4.0 / 5.0);
    }

    #[test]
    fn the_article_is_the_stretch_of_prose() {
        let page = page(&[
            "Title of the story",
            "Home",
            "News",
            STORY,
            STORY,
            STORY,
            "Home",
            "Contact",
        ]);
        let flagged = [false, true, true, false, false, false, true, true];
        let probs = probabilities(&page, &model(), &flagged, Some((3, 5)));
        assert!(probs[3] > 0.5 && probs[1] < 0.5);
        let kept = article_blocks(&page, &model(), &flagged, Some((3, 5)));
        assert_eq!(kept, vec![false, false, false, true, true, true, false, false]);
    }

    #[test]
    fn the_probability_is_clamped_logistic() {
        assert_eq!(logistic(0.0), 0.5);
        assert_eq!(logistic(100.0), logistic(30.0));
        assert_eq!(logistic(-100.0), logistic(-30.0));
    }
}
