//! What a line's own text says about it: its features (words, function words, sentence ends,
//! capitals, script), the comparison key the detectors match labels by, and the language a
//! document's words come from. In code points, with Python's `str` and `re` semantics (`\w` is
//! `str.isalnum` or "_", a word is compared lower-cased by `str.lower`), so the numbers are the
//! ones the Python cleaner computed.

use rustc_hash::FxHashMap;

use crate::chars::{casefold_char, is_space, is_upper, is_word, lower_at, lower_into};
use crate::segment::Unit;

/// Words to look up, each with a value. Most function words are a few ASCII letters: those are
/// kept packed into a `u64` (a byte a letter), so looking one up hashes one integer instead of a
/// slice of code points, and an ASCII word of the text need not be lowered into a buffer first.
#[derive(Debug, Clone)]
struct WordMap<V> {
    /// The words of at most eight ASCII characters, none of them NUL, packed (`pack`).
    short: FxHashMap<u64, V>,
    /// The others, as code points.
    long: FxHashMap<Vec<u32>, V>,
    /// The length of the longest word: `str.lower` never shortens a word, so a longer one is
    /// not here, lowered or not.
    longest: usize,
}

impl<V> Default for WordMap<V> {
    fn default() -> Self {
        WordMap {
            short: FxHashMap::default(),
            long: FxHashMap::default(),
            longest: 0,
        }
    }
}

/// The code points of a word of at most eight ASCII characters other than NUL, lower-cased when
/// `lower` is set, a byte each from the first; None for any other word. No byte is zero, so two
/// words pack alike only if they are the same.
#[inline]
fn pack<T: Unit>(word: &[T], lower: bool) -> Option<u64> {
    if word.len() > 8 {
        return None;
    }
    let mut packed = 0u64;
    for &u in word {
        let c: u32 = u.into();
        if c == 0 || c >= 0x80 {
            return None;
        }
        let c = if lower { (c as u8).to_ascii_lowercase() } else { c as u8 };
        packed = packed << 8 | c as u64;
    }
    Some(packed)
}

impl<V> WordMap<V> {
    fn entry(&mut self, word: Vec<u32>) -> &mut V
    where
        V: Default,
    {
        self.longest = self.longest.max(word.len());
        match pack(&word, false) {
            Some(packed) => self.short.entry(packed).or_default(),
            None => self.long.entry(word).or_default(),
        }
    }

    fn len(&self) -> usize {
        self.short.len() + self.long.len()
    }

    /// The value of `word`, given as it is kept (lower-cased, for a stoplist).
    #[inline]
    fn get(&self, word: &[u32]) -> Option<&V> {
        match pack(word, false) {
            Some(packed) => self.short.get(&packed),
            None => self.long.get(word),
        }
    }

    /// The value of `word` lower-cased (`str.lower`); `lowered` is scratch space.
    #[inline]
    fn get_lowered<T: Unit>(&self, word: &[T], lowered: &mut Vec<u32>) -> Option<&V> {
        if word.len() > self.longest {
            return None;
        }
        // An ASCII word lowers to the ASCII word of its lower-case letters.
        if let Some(packed) = pack(word, true) {
            return self.short.get(&packed);
        }
        lowered.clear();
        lower_into(word, lowered);
        self.get(lowered)
    }
}

/// A language's function words, lower-cased (`str.lower`) as the stoplist files are read.
#[derive(Debug, Default, Clone)]
pub struct Stoplist {
    words: WordMap<()>,
}

impl Stoplist {
    pub fn new(words: impl IntoIterator<Item = Vec<u32>>) -> Stoplist {
        let mut list = WordMap::default();
        for word in words {
            list.entry(word);
        }
        Stoplist { words: list }
    }

    pub fn is_empty(&self) -> bool {
        self.words.len() == 0
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn contains(&self, word: &[u32]) -> bool {
        self.words.get(word).is_some()
    }

    /// Whether `word` lower-cased (`str.lower`) is in the list; `lowered` is scratch space.
    fn holds_lowered<T: Unit>(&self, word: &[T], lowered: &mut Vec<u32>) -> bool {
        self.words.get_lowered(word, lowered).is_some()
    }
}

/// The features of one line. `stop_ratio` is -1 when the language (its stoplist) is unknown;
/// `last` is the last visible character: the sentence mark when the line ends like a sentence
/// (`... he said.”` gives the full stop), else the last character, None for an empty line.
#[derive(Debug, Clone, PartialEq)]
pub struct Features {
    pub chars: usize,
    pub words: usize,
    pub stop_ratio: f64,
    pub ends_sentence: bool,
    pub sentences: usize,
    pub upper_ratio: f64,
    pub unspaced: bool,
    pub last: Option<u32>,
    /// Reads like running text: the unit of an article body.
    pub prose: bool,
    /// Could be a headline, label or subheading: short and not a finished statement. A question
    /// or exclamation can still be a headline; a full stop cannot.
    pub title_shaped: bool,
}

/// The runs of `\w` (`str.isalnum` or "_") in `text`, as (start, end).
pub fn words<T: Unit>(text: &[T]) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < text.len() && !is_word(text[i].into()) {
            i += 1;
        }
        if i == text.len() {
            return None;
        }
        let start = i;
        while i < text.len() && is_word(text[i].into()) {
            i += 1;
        }
        Some((start, i))
    })
}

/// Han, kana, Thai, Lao, Khmer, Myanmar: scripts written without spaces between words.
#[inline]
fn is_unspaced_char(c: u32) -> bool {
    // All of them lie above U+0E00: one comparison turns away the Latin, Greek and Cyrillic
    // letters and the punctuation most text is made of.
    c >= 0x0e00
        && matches!(c, 0x0e00..=0x0eff | 0x1000..=0x109f | 0x1780..=0x17ff | 0x3040..=0x30ff | 0x3400..=0x9fff | 0xf900..=0xfaff)
}

fn unspaced_count<T: Unit>(text: &[T]) -> usize {
    text.iter().filter(|&&c| is_unspaced_char(c.into())).count()
}

/// Written mostly (over 30% of its characters) in a script without spaces.
pub fn is_unspaced<T: Unit>(text: &[T]) -> bool {
    unspaced_count(text) as f64 > 0.3 * text.len() as f64
}

fn is_sentence_mark(c: u32) -> bool {
    matches!(c, 0x2e | 0x21 | 0x3f | 0x2026 | 0x3002 | 0xff01 | 0xff1f) // . ! ? … 。 ！ ？
}

/// What may close a sentence after its mark: quotes and brackets (`"'”’»)]`).
fn is_sentence_closer(c: u32) -> bool {
    matches!(c, 0x22 | 0x27 | 0x201d | 0x2019 | 0xbb | 0x29 | 0x5d)
}

/// Where the sentence mark that ends `text` stands: a mark, then closing quotes or brackets,
/// then spaces, then the end (`[.!?…。！？]["'”’»)\]]*\s*$`).
pub fn sentence_end<T: Unit>(text: &[T]) -> Option<usize> {
    let mut k = text.len();
    while k > 0 && is_space(text[k - 1].into()) {
        k -= 1;
    }
    while k > 0 && is_sentence_closer(text[k - 1].into()) {
        k -= 1;
    }
    (k > 0 && is_sentence_mark(text[k - 1].into())).then(|| k - 1)
}

/// A mark that ends a sentence inside a line: `[.!?。！？](?<![A-Z]\.)["'”’)]?\s+["“‘(]?[A-Z0-9À-Þ]`.
/// A full stop after a capital letter ends an initial or an abbreviation ("J. Scott", "the U.S.
/// President"), rarely a sentence. Non-overlapping matches, left to right.
pub fn sentences_inside<T: Unit>(text: &[T]) -> usize {
    let at = |i: usize| -> u32 { text.get(i).map_or(u32::MAX, |&c| c.into()) };
    let is_capital = |c: u32| matches!(c, 0x41..=0x5a | 0x30..=0x39 | 0xc0..=0xde);
    let mut count = 0;
    let mut i = 0;
    while i < text.len() {
        let c = at(i);
        let after_initial = c == 0x2e && i > 0 && matches!(at(i - 1), 0x41..=0x5a);
        if !matches!(c, 0x2e | 0x21 | 0x3f | 0x3002 | 0xff01 | 0xff1f) || after_initial {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        if matches!(at(j), 0x22 | 0x27 | 0x201d | 0x2019 | 0x29) {
            j += 1; // a closer is never a space, so not taking it cannot match either
        }
        let spaces = j;
        while j < text.len() && is_space(at(j)) {
            j += 1;
        }
        let end = if j == spaces {
            None
        } else if is_capital(at(j)) {
            Some(j + 1)
        } else if matches!(at(j), 0x22 | 0x201c | 0x2018 | 0x28) && is_capital(at(j + 1)) {
            Some(j + 2)
        } else {
            None
        };
        match end {
            Some(e) => {
                count += 1;
                i = e;
            }
            None => i += 1,
        }
    }
    count
}

// The comparisons as the rule was written (a ratio of -1 stands for no stoplist).
#[allow(clippy::manual_range_contains)]
fn prose(chars: usize, words: usize, stop_ratio: f64, ends: bool, sentences: usize, unspaced: bool) -> bool {
    if unspaced {
        return chars >= 30 && ends;
    }
    if words < 8 || !(ends || sentences > 1) {
        return false;
    }
    stop_ratio >= 0.2 || stop_ratio < 0.0
}

fn title_shaped(chars: usize, words: usize, ends: bool, sentences: usize, last: Option<u32>) -> bool {
    if chars == 0 || chars > 200 || words > 25 || sentences > ends as usize {
        return false;
    }
    !ends || last.is_some_and(|c| matches!(c, 0x3f | 0x21 | 0xff1f | 0xff01))
}

/// The features of one line; `stop` is the document language's stoplist (empty when unknown).
pub fn features<T: Unit>(text: &[T], stop: &Stoplist) -> Features {
    let mut n = 0;
    let mut upper = 0;
    let mut stopwords = 0;
    let mut lowered = Vec::new();
    for (a, b) in words(text) {
        n += 1;
        upper += is_upper(text[a].into()) as usize;
        stopwords += stop.holds_lowered(&text[a..b], &mut lowered) as usize;
    }
    let stop_ratio = if !stop.is_empty() && n > 0 {
        stopwords as f64 / n as f64
    } else {
        -1.0
    };
    let upper_ratio = if n > 0 { upper as f64 / n as f64 } else { 0.0 };
    let end = sentence_end(text);
    let ends = end.is_some();
    let last = match end {
        Some(i) => Some(text[i].into()),
        None => text.last().map(|&c| c.into()),
    };
    let sentences = sentences_inside(text) + ends as usize;
    let chars = text.len();
    let unspaced = is_unspaced(text);
    Features {
        chars,
        words: n,
        stop_ratio,
        ends_sentence: ends,
        sentences,
        upper_ratio,
        unspaced,
        last,
        prose: prose(chars, n, stop_ratio, ends, sentences, unspaced),
        title_shaped: title_shaped(chars, n, ends, sentences, last),
    }
}

/// A comparison key: case, punctuation and spacing folded ("TOP STORIES:" == "Top stories"):
/// the text case-folded (`str.casefold`), every run of characters that are not letters or
/// digits one space, none at either end.
pub fn key<T: Unit>(text: &[T]) -> Vec<u32> {
    let mut out = Vec::with_capacity(text.len());
    key_each(text, |c| out.push(c));
    out
}

/// The code points of `key(text)`, each given to `f` in order, for a caller that keeps them in
/// another form.
pub fn key_each<T: Unit>(text: &[T], mut f: impl FnMut(u32)) {
    let mut gap = false;
    let mut started = false;
    for &u in text {
        let c: u32 = u.into();
        // An ASCII character folds to one: a letter or digit, lowered, or a gap.
        if c < 0x80 {
            let b = c as u8;
            if b.is_ascii_alphanumeric() {
                if gap && started {
                    f(b' ' as u32);
                }
                gap = false;
                started = true;
                f(b.to_ascii_lowercase() as u32);
            } else {
                gap = true;
            }
            continue;
        }
        casefold_char(c, |c| {
            if is_word(c) && c != b'_' as u32 {
                if gap && started {
                    f(b' ' as u32);
                }
                gap = false;
                started = true;
                f(c);
            } else {
                gap = true;
            }
        });
    }
}

/// The stoplists of every language, for guessing a document's language by its function words.
#[derive(Debug, Default)]
pub struct Languages {
    /// The language codes, sorted: ties go to the first.
    names: Vec<String>,
    /// word -> the languages (bits, in the order of `names`) whose stoplist holds it
    index: WordMap<u64>,
}

impl Languages {
    /// From (code, words) pairs, the words lower-cased as the stoplists hold them.
    pub fn new(lists: impl IntoIterator<Item = (String, Vec<Vec<u32>>)>) -> Result<Languages, String> {
        let mut lists: Vec<_> = lists.into_iter().collect();
        lists.sort_by(|a, b| a.0.cmp(&b.0));
        if lists.len() > 64 {
            return Err(format!("at most 64 stoplists, not {}", lists.len()));
        }
        let mut index: WordMap<u64> = WordMap::default();
        for (bit, (_, words)) in lists.iter().enumerate() {
            for w in words {
                *index.entry(w.clone()) |= 1 << bit;
            }
        }
        Ok(Languages {
            names: lists.into_iter().map(|(name, _)| name).collect(),
            index,
        })
    }

    /// The language whose stoplist covers most of the first `sample` words of `text` (lower-cased
    /// whole, as `str.lower` does), or None when no list covers a tenth of them or the text is
    /// mostly in a script without spaces. English words turn up in every language's crawl; a
    /// language wins on its own coverage.
    pub fn detect<T: Unit>(&self, text: &[T], sample: usize) -> Option<&str> {
        let window = text.len().min(2000);
        if unspaced_count(&text[..window]) as f64 > 0.3 * window as f64 {
            return None;
        }
        let head = &text[..text.len().min(sample.saturating_mul(8))];
        // The words of the head lowered whole (the final sigma is decided by the characters
        // around it in the head), each counted as it closes: one pass, and none past the
        // sample's last word.
        let mut hits = vec![0usize; self.names.len()];
        let mut found = 0;
        let mut word: Vec<u32> = Vec::new();
        let mut close = |word: &mut Vec<u32>| {
            if let Some(&langs) = self.index.get(&word[..]) {
                let mut bits = langs;
                while bits != 0 {
                    hits[bits.trailing_zeros() as usize] += 1;
                    bits &= bits - 1;
                }
            }
            word.clear();
        };
        for i in 0..head.len() {
            if found == sample {
                break;
            }
            let c: u32 = head[i].into();
            // An ASCII character lowers to one, which ends at most one word.
            if c < 0x80 {
                let b = c as u8;
                if b.is_ascii_alphanumeric() || b == b'_' {
                    word.push(b.to_ascii_lowercase() as u32);
                } else if !word.is_empty() {
                    close(&mut word);
                    found += 1;
                }
                continue;
            }
            lower_at(head, i, |c| {
                if is_word(c) {
                    word.push(c);
                } else if !word.is_empty() && found < sample {
                    close(&mut word);
                    found += 1;
                }
            });
        }
        if !word.is_empty() && found < sample {
            close(&mut word);
            found += 1;
        }
        if found == 0 {
            return None;
        }
        let mut best: Option<usize> = None;
        for (lang, &n) in hits.iter().enumerate() {
            if n > 0 && best.is_none_or(|b| n > hits[b]) {
                best = Some(lang);
            }
        }
        let lang = best?;
        (hits[lang] as f64 >= 0.1 * found as f64).then(|| self.names[lang].as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cps(s: &str) -> Vec<u32> {
        s.chars().map(|c| c as u32).collect()
    }

    fn stop(words: &[&str]) -> Stoplist {
        Stoplist::new(words.iter().map(|w| cps(w)))
    }

    #[test]
    fn words_are_runs_of_python_word_characters() {
        let text = cps("l'été, 3rd_place — 中文 नमस्ते");
        let found: Vec<String> = words(&text)
            .map(|(a, b)| text[a..b].iter().map(|&c| char::from_u32(c).unwrap()).collect())
            .collect();
        // the Devanagari vowel signs are not `\w` in Python, so they split the word
        assert_eq!(found, ["l", "été", "3rd_place", "中文", "नमस", "त"]);
    }

    #[test]
    fn sentence_ends_after_closing_quotes_and_spaces() {
        assert_eq!(sentence_end(&cps("He said so.” ")), Some(10));
        assert_eq!(sentence_end(&cps("Wait…")), Some(4));
        assert_eq!(sentence_end(&cps("(AP Photo)")), None);
        assert_eq!(sentence_end(&cps("So. )x")), None);
        assert_eq!(sentence_end(&cps("a.) )")), None); // spaces come after the closers, not among them
        assert_eq!(sentence_end::<u32>(&[]), None);
    }

    #[test]
    fn sentences_inside_skip_initials() {
        assert_eq!(
            sentences_inside(&cps(
                "The vote was close. Turnout was high! Was it fair? Observers said so."
            )),
            3
        );
        assert_eq!(sentences_inside(&cps("J. Scott Applewhite in the U.S. Capitol")), 0);
        assert_eq!(sentences_inside(&cps("It ended.” (Then) it rained.  “Again")), 2);
        assert_eq!(sentences_inside(&cps("a.) B a.\"B a. ( B")), 1);
        assert_eq!(sentences_inside(&cps("x。 Ünter")), 1);
    }

    #[test]
    fn features_of_a_sentence() {
        let f = features(
            &cps("The vote was close, and the count went on into the night."),
            &stop(&["the", "and", "was", "on", "into"]),
        );
        assert_eq!((f.chars, f.words, f.sentences), (57, 12, 1));
        assert_eq!(f.stop_ratio, 7.0 / 12.0);
        assert_eq!(f.upper_ratio, 1.0 / 12.0);
        assert!(f.ends_sentence && f.prose && !f.title_shaped && !f.unspaced);
        assert_eq!(f.last, Some('.' as u32));
    }

    #[test]
    fn features_of_labels_and_empty_lines() {
        let f = features(&cps("Top Stories?"), &Stoplist::default());
        assert_eq!(f.stop_ratio, -1.0);
        assert!(f.title_shaped && f.ends_sentence && !f.prose);
        let f = features::<u32>(&[], &stop(&["a"]));
        assert_eq!(
            (f.words, f.last, f.title_shaped, f.upper_ratio, f.stop_ratio),
            (0, None, false, 0.0, -1.0)
        );
        // a stopword is compared lower-cased, a Greek one with its final sigma
        let f = features(&cps("ΤΟΥΣ ανθρώπους"), &stop(&["τους"]));
        assert_eq!(f.stop_ratio, 0.5);
        assert!(
            features(
                &cps("这是一个很长的中文句子，没有空格，但是有很多字，足够长了，真的很长。"),
                &Stoplist::default()
            )
            .prose
        );
    }

    #[test]
    fn keys_fold_case_punctuation_and_spacing() {
        let k = |s: &str| {
            key(&cps(s))
                .iter()
                .map(|&c| char::from_u32(c).unwrap())
                .collect::<String>()
        };
        assert_eq!(k("  TOP STORIES: "), "top stories");
        assert_eq!(k("Straße__und—Weg"), "strasse und weg");
        assert_eq!(k("İstanbul"), "i stanbul"); // casefold leaves a combining dot, which is no letter
        assert_eq!(k("…"), "");
    }

    #[test]
    fn detects_by_own_coverage() {
        let langs = Languages::new([
            ("en".to_string(), vec![cps("the"), cps("of"), cps("and")]),
            ("fr".to_string(), vec![cps("le"), cps("de"), cps("et"), cps("the")]),
            ("de".to_string(), vec![cps("der"), cps("und"), cps("die")]),
        ])
        .unwrap();
        assert_eq!(langs.detect(&cps("The state of the art and more"), 2000), Some("en"));
        assert_eq!(langs.detect(&cps("DIE Katze und der Hund"), 2000), Some("de"));
        // a tie goes to the first code in order
        assert_eq!(langs.detect(&cps("the cat"), 2000), Some("en"));
        assert_eq!(langs.detect(&cps("le the x"), 2000), Some("fr"));
        assert_eq!(langs.detect(&cps("nothing here matches at all today"), 2000), None);
        assert_eq!(langs.detect(&cps("这是中文 the"), 2000), None);
        assert_eq!(langs.detect(&cps(""), 2000), None);
        // only the sample is read
        assert_eq!(langs.detect(&cps("x y the the the"), 2), None);
    }

    /// The guess as it was first written: the head widened and lowered whole, then split into
    /// words, then looked up; the one pass must count the same words.
    fn detect_reference<'a>(langs: &'a Languages, text: &[u32], sample: usize) -> Option<&'a str> {
        let head = &text[..text.len().min(sample.saturating_mul(8))];
        let lowered = crate::chars::lower(head);
        let found: Vec<(usize, usize)> = words(&lowered).take(sample).collect();
        let window = text.len().min(2000);
        if found.is_empty() || unspaced_count(&text[..window]) as f64 > 0.3 * window as f64 {
            return None;
        }
        let mut hits = vec![0usize; langs.names.len()];
        for &(a, b) in &found {
            for (bit, n) in hits.iter_mut().enumerate() {
                *n += langs.index.get(&lowered[a..b]).is_some_and(|&l| l & 1 << bit != 0) as usize;
            }
        }
        let mut best: Option<usize> = None;
        for (lang, &n) in hits.iter().enumerate() {
            if n > 0 && best.is_none_or(|b| n > hits[b]) {
                best = Some(lang);
            }
        }
        let lang = best?;
        (hits[lang] as f64 >= 0.1 * found.len() as f64).then(|| langs.names[lang].as_str())
    }

    #[test]
    fn one_pass_guess_counts_the_words_the_lowered_head_holds() {
        let langs = Languages::new([
            ("el".to_string(), vec![cps("ας"), cps("και"), cps("σας")]),
            ("en".to_string(), vec![cps("the"), cps("of"), cps("i")]),
            ("tr".to_string(), vec![cps("i̇le"), cps("bir"), cps("ve")]),
        ])
        .unwrap();
        let texts = [
            "ΑΣ ΚΑΙ ΣΑΣ the of",   // a final sigma at a word's end, one alone
            "ΑΣ'Β ας' ΣΑΣ' ΑΣ",    // the apostrophe skipped, both sides
            "İLE bir ve the İLE",  // İ lowers to two characters, the second no word character
            "the of of and İ İ İ", // a word of a combining dot after its letter
            "ΚΑΙ ΣΑΣ ΑΣ ΑΣ ΑΣ ΑΣ ΑΣ ΑΣ",
            "x y z w the",
            "",
            "   ,,, ",
        ];
        for text in texts {
            let t = cps(text);
            for sample in [0, 1, 2, 3, 4, 5, 9, 2000] {
                assert_eq!(
                    langs.detect(&t, sample),
                    detect_reference(&langs, &t, sample),
                    "{text:?} {sample}"
                );
            }
        }
        // the head is cut at eight code points a word sampled: a sigma before the cut is final
        // when the cut leaves nothing cased after it
        let t = cps("ΣΑΣ ΑΣΣΑΣ");
        for sample in 0..3 {
            assert_eq!(langs.detect(&t, sample), detect_reference(&langs, &t, sample));
        }
        let t = cps(&"ΑΣ ".repeat(9));
        assert_eq!(langs.detect(&t[..9], 1), detect_reference(&langs, &t[..9], 1));
    }

    #[test]
    fn packed_and_unpacked_words_are_found_alike() {
        // eight ASCII letters are packed, nine are not, nor a word beyond ASCII or holding a NUL
        let listed = ["a", "the", "abcdefgh", "abcdefghi", "été", "a\0"];
        let list = stop(&listed);
        assert_eq!(list.len(), listed.len());
        for w in listed {
            assert!(list.contains(&cps(w)), "{w:?}");
        }
        for w in ["\0a", "abcdefg", "bcdefgh", "th", "ete", "abcdefghij", "ab", ""] {
            assert!(!list.contains(&cps(w)), "{w:?}");
        }
        // the line's words are found lower-cased, whichever way they are kept
        let f = features(&cps("THE Abcdefgh ABCDEFGHI Été x"), &list);
        assert_eq!(f.stop_ratio, 4.0 / 5.0);
    }

    #[test]
    fn stopwords_longer_than_any_listed_are_not_lowered_to_be_found() {
        // "İ" lowers to two code points: a word of one may match a listed word of two
        let list = stop(&["i̇", "the"]);
        assert_eq!(list.words.longest, 3);
        let f = features(&cps("İ the themselves"), &list);
        assert_eq!(f.stop_ratio, 2.0 / 3.0);
        let narrow: Vec<u8> = "THE Themselves".bytes().collect();
        assert_eq!(features(&narrow, &list).stop_ratio, 0.5);
    }
}
