//! Character classes as CPython answers them (`str.isspace`, the `re` classes `\s`, `\w`, `\d`,
//! `str.islower`), from tables generated out of CPython's own unicodedata (src/tables.py), so a
//! code point is classed the same on both sides whatever Unicode version Rust's `char` follows.
//! Code points are `u32`, not `char`: a Python str may hold lone surrogates.

use std::sync::OnceLock;

use crate::segment::Unit;
use crate::tables;

fn in_table(table: &[(u32, u32)], c: u32) -> bool {
    table
        .binary_search_by(|&(lo, hi)| {
            if hi < c {
                std::cmp::Ordering::Less
            } else if lo > c {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// Below this code point a class or a case mapping is looked up in a table made on first use,
/// not searched for: Latin, Greek, Cyrillic and the other alphabets, and the general
/// punctuation, which hold most characters past ASCII that text is written in. A text in
/// Cyrillic would otherwise search a range table for every letter, several times over.
pub(crate) const LOOKED_UP: u32 = 0x3040;

/// A class as CPython's tables give it (ranges), with its code points below `LOOKED_UP` as a
/// bit set.
struct Class {
    ranges: &'static [(u32, u32)],
    low: OnceLock<Box<[u64]>>,
}

impl Class {
    const fn new(ranges: &'static [(u32, u32)]) -> Class {
        Class {
            ranges,
            low: OnceLock::new(),
        }
    }

    #[inline]
    fn contains(&self, c: u32) -> bool {
        if c >= LOOKED_UP {
            return in_table(self.ranges, c);
        }
        let bits = self.low.get_or_init(|| self.low_bits());
        bits[(c / 64) as usize] >> (c % 64) & 1 != 0
    }

    #[cold]
    fn low_bits(&self) -> Box<[u64]> {
        let mut bits = vec![0u64; LOOKED_UP.div_ceil(64) as usize];
        for c in 0..LOOKED_UP {
            if in_table(self.ranges, c) {
                bits[(c / 64) as usize] |= 1 << (c % 64);
            }
        }
        bits.into()
    }
}

/// A case mapping as CPython's tables give it (a code point and what it maps to), with where
/// each code point below `LOOKED_UP` is in it.
struct Mapping<M: 'static> {
    table: &'static [(u32, M)],
    /// 1 + the entry's index, or 0 for a code point the mapping leaves alone
    low: OnceLock<Box<[u16]>>,
}

impl<M> Mapping<M> {
    const fn new(table: &'static [(u32, M)]) -> Mapping<M> {
        Mapping {
            table,
            low: OnceLock::new(),
        }
    }

    #[inline]
    fn get(&self, c: u32) -> Option<&'static M> {
        let table = self.table;
        if c >= LOOKED_UP {
            return table.binary_search_by_key(&c, |&(k, _)| k).ok().map(|i| &table[i].1);
        }
        let low = self.low.get_or_init(|| self.low_entries());
        match low[c as usize] {
            0 => None,
            i => Some(&table[usize::from(i) - 1].1),
        }
    }

    #[cold]
    fn low_entries(&self) -> Box<[u16]> {
        let mut low = vec![0u16; LOOKED_UP as usize];
        for (i, &(k, _)) in self.table.iter().enumerate().filter(|&(_, &(k, _))| k < LOOKED_UP) {
            low[k as usize] = u16::try_from(i + 1).expect("a mapping of fewer than 65,535 entries");
        }
        low.into()
    }
}

static SPACE: Class = Class::new(&tables::SPACE);
static ALNUM: Class = Class::new(&tables::ALNUM);
static DECIMAL: Class = Class::new(&tables::DECIMAL);
static DIGIT: Class = Class::new(&tables::DIGIT);
static ALPHA: Class = Class::new(&tables::ALPHA);
static LOWER: Class = Class::new(&tables::LOWER);
static UPPER: Class = Class::new(&tables::UPPER);
static UPPER_OR_TITLE: Class = Class::new(&tables::UPPER_OR_TITLE);
static CASE_IGNORABLE: Class = Class::new(&tables::CASE_IGNORABLE);
static CASED: Class = Class::new(&tables::CASED);
static LOWER_MAP: Mapping<[u32; 3]> = Mapping::new(&tables::LOWER_MAP);
static CASEFOLD_MAP: Mapping<[u32; 3]> = Mapping::new(&tables::CASEFOLD_MAP);
static RE_FOLD_MAP: Mapping<u32> = Mapping::new(&tables::RE_FOLD_MAP);

/// `str.isspace()` of one character; what `str.strip()` strips and `re`'s `\s` matches.
#[inline]
pub fn is_space(c: u32) -> bool {
    if c < 0x80 {
        matches!(c, 0x09..=0x0d | 0x1c..=0x20)
    } else {
        SPACE.contains(c)
    }
}

/// `re`'s `\w` for str patterns: `str.isalnum()` or "_".
#[inline]
pub fn is_word(c: u32) -> bool {
    if c < 0x80 {
        c == b'_' as u32 || (c as u8).is_ascii_alphanumeric()
    } else {
        ALNUM.contains(c)
    }
}

/// `re`'s `\d` for str patterns: `str.isdecimal()`.
#[inline]
pub fn is_decimal(c: u32) -> bool {
    if c < 0x80 {
        (c as u8).is_ascii_digit()
    } else {
        DECIMAL.contains(c)
    }
}

/// `str.isdigit()` of one character: a decimal digit, or a digit such as "²" or "①".
#[inline]
pub fn is_digit(c: u32) -> bool {
    if c < 0x80 {
        (c as u8).is_ascii_digit()
    } else {
        DIGIT.contains(c)
    }
}

/// `str.isalpha()` of a one-character string.
#[inline]
pub fn is_alpha(c: u32) -> bool {
    if c < 0x80 {
        (c as u8).is_ascii_alphabetic()
    } else {
        ALPHA.contains(c)
    }
}

/// `str.islower()` of a one-character string.
#[inline]
pub fn is_lower(c: u32) -> bool {
    if c < 0x80 {
        (c as u8).is_ascii_lowercase()
    } else {
        LOWER.contains(c)
    }
}

#[inline]
fn is_upper_or_title(c: u32) -> bool {
    if c < 0x80 {
        (c as u8).is_ascii_uppercase()
    } else {
        UPPER_OR_TITLE.contains(c)
    }
}

/// `str.islower()` of a string: at least one lower-case letter and no upper- or title-case one.
pub fn word_is_lower(word: &[u32]) -> bool {
    if word.len() == 1 {
        return is_lower(word[0]);
    }
    let mut cased = false;
    for &c in word {
        if is_upper_or_title(c) {
            return false;
        }
        if !cased && is_lower(c) {
            cased = true;
        }
    }
    cased
}

/// `str.isupper()` of a string: at least one upper-case letter and no lower- or title-case one.
pub fn text_is_upper(text: &[u32]) -> bool {
    let mut cased = false;
    for &c in text {
        let upper = is_upper(c);
        // a title-case letter ("ǅ") is upper or title case, and not upper case
        if is_lower(c) || (!upper && is_upper_or_title(c)) {
            return false;
        }
        cased |= upper;
    }
    cased
}

/// `str.isupper()` of a one-character string.
#[inline]
pub fn is_upper(c: u32) -> bool {
    if c < 0x80 {
        (c as u8).is_ascii_uppercase()
    } else {
        UPPER.contains(c)
    }
}

#[inline]
fn mapped(mapping: &Mapping<[u32; 3]>, c: u32) -> Option<&'static [u32]> {
    let to = mapping.get(c)?;
    Some(&to[..to.iter().position(|&m| m == 0).unwrap_or(3)])
}

const CAPITAL_SIGMA: u32 = 0x3a3;

/// Whether the capital sigma at `text[i]` ends a word, as `str.lower` decides it: a cased letter
/// before it and none after it, case-ignorable characters (apostrophes, marks) skipped.
fn is_final_sigma<T: Unit>(text: &[T], i: usize) -> bool {
    let before = text[..i].iter().rev().find(|&&c| !CASE_IGNORABLE.contains(c.into()));
    if !before.is_some_and(|&c| CASED.contains(c.into())) {
        return false;
    }
    let after = text[i + 1..].iter().find(|&&c| !CASE_IGNORABLE.contains(c.into()));
    !after.is_some_and(|&c| CASED.contains(c.into()))
}

/// `str.lower()` of the character at `text[i]`, each code point of it given to `f` in order: the
/// full mapping (U+0130 becomes two characters) and the final sigma, which the characters around
/// it in `text` decide.
#[inline]
pub fn lower_at<T: Unit>(text: &[T], i: usize, mut f: impl FnMut(u32)) {
    let c: u32 = text[i].into();
    if c < 0x80 {
        f((c as u8).to_ascii_lowercase() as u32);
    } else if c == CAPITAL_SIGMA {
        f(if is_final_sigma(text, i) { 0x3c2 } else { 0x3c3 });
    } else if let Some(to) = mapped(&LOWER_MAP, c) {
        to.iter().for_each(|&m| f(m));
    } else {
        f(c);
    }
}

/// `str.lower()`, appended to `out`.
pub fn lower_into<T: Unit>(text: &[T], out: &mut Vec<u32>) {
    // Most words are ASCII: lowering them is a map of one unit to one, which the compiler turns
    // into a loop without a capacity check per character.
    if text.iter().all(|&c| c.into() < 0x80) {
        out.extend(text.iter().map(|&c| (c.into() as u8).to_ascii_lowercase() as u32));
        return;
    }
    out.reserve(text.len());
    for i in 0..text.len() {
        lower_at(text, i, |c| out.push(c));
    }
}

/// `str.lower()`.
pub fn lower<T: Unit>(text: &[T]) -> Vec<u32> {
    let mut out = Vec::with_capacity(text.len());
    lower_into(text, &mut out);
    out
}

/// `str.casefold()`.
pub fn casefold(text: &[u32]) -> Vec<u32> {
    let mut out = Vec::with_capacity(text.len());
    for &c in text {
        casefold_char(c, |m| out.push(m));
    }
    out
}

/// `str.casefold()` of one character, each code point of it given to `f` in order.
#[inline]
pub fn casefold_char(c: u32, mut f: impl FnMut(u32)) {
    if c < 0x80 {
        f((c as u8).to_ascii_lowercase() as u32);
    } else if let Some(to) = mapped(&CASEFOLD_MAP, c) {
        to.iter().for_each(|&m| f(m));
    } else {
        f(c);
    }
}

/// The class of a character under `re.IGNORECASE` (a str pattern's literal matches exactly the
/// characters of its class), named by its smallest member: `re_fold('K') == re_fold('\u{212a}')`.
#[inline]
pub fn re_fold(c: u32) -> u32 {
    if c < 0x80 {
        return (c as u8).to_ascii_lowercase() as u32;
    }
    RE_FOLD_MAP.get(c).copied().unwrap_or(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spaces_are_pythons() {
        for c in [
            0x09, 0x0a, 0x1c, 0x1f, 0x20, 0x85, 0xa0, 0x1680, 0x2000, 0x200a, 0x2028, 0x202f, 0x3000,
        ] {
            assert!(is_space(c), "{c:#x}");
        }
        // zero-width space and the BOM are invisible, not space; NUL is neither
        for c in [0x00, 0x200b, 0xfeff, 0x180e, b'a' as u32] {
            assert!(!is_space(c), "{c:#x}");
        }
    }

    #[test]
    fn word_class_is_pythons_not_rusts() {
        // Devanagari vowel sign AA: Rust's char::is_alphanumeric says yes, Python's isalnum no.
        assert!('\u{093e}'.is_alphanumeric());
        assert!(!is_word(0x093e));
        assert!(is_word(b'_' as u32) && is_word(0xe9) && is_word(0x4e00) && is_word(0x0663));
        assert!(!is_word(b'*' as u32) && !is_word(0xd800));
    }

    #[test]
    fn decimals_and_case() {
        assert!(is_decimal(0x0663) && !is_decimal(0x00b2)); // Arabic-Indic three; superscript two is a digit, not decimal
        assert!(is_digit(0x0663) && is_digit(0x00b2) && is_digit(0x2460) && !is_digit(0x00bd)); // ① is one, ½ is not
        assert!(is_lower(0xdf) && !is_lower(0x01c5)); // sharp s; Dz digraph is title case
                                                      // a letter of any case is alphabetic; a digit, a combining mark and "½" are not
        assert!(is_alpha(0xaa) && is_alpha(0x01c5) && is_alpha(0x4e00) && !is_alpha(0x0663));
        assert!(!is_alpha(0x0301) && !is_alpha(0xbd) && !is_alpha(b'_' as u32) && !is_alpha(0xd800));
        let w = |s: &str| s.chars().map(|c| c as u32).collect::<Vec<_>>();
        assert!(word_is_lower(&w("the")) && word_is_lower(&w("3rd")) && word_is_lower(&w("l'été")));
        assert!(!word_is_lower(&w("The")) && !word_is_lower(&w("123")) && !word_is_lower(&w("\u{01c5}a")));
    }

    #[test]
    fn tables_are_sorted_and_disjoint() {
        for table in [
            &tables::SPACE[..],
            &tables::ALNUM,
            &tables::ALPHA,
            &tables::DECIMAL,
            &tables::DIGIT,
            &tables::LOWER,
            &tables::UPPER,
            &tables::UPPER_OR_TITLE,
            &tables::CASE_IGNORABLE,
            &tables::CASED,
        ] {
            for pair in table.windows(2) {
                assert!(pair[0].0 <= pair[0].1 && pair[0].1 < pair[1].0);
            }
        }
    }

    #[test]
    fn looked_up_classes_and_mappings_are_the_tables() {
        let classes = [
            &SPACE,
            &ALNUM,
            &DECIMAL,
            &DIGIT,
            &ALPHA,
            &LOWER,
            &UPPER,
            &UPPER_OR_TITLE,
            &CASE_IGNORABLE,
            &CASED,
        ];
        let searched =
            |table: &[(u32, [u32; 3])], c: u32| table.binary_search_by_key(&c, |&(k, _)| k).ok().map(|i| table[i].1);
        for c in 0..LOOKED_UP + 2 {
            for class in classes {
                assert_eq!(class.contains(c), in_table(class.ranges, c), "{c:#x}");
            }
            assert_eq!(LOWER_MAP.get(c).copied(), searched(&tables::LOWER_MAP, c), "{c:#x}");
            assert_eq!(
                CASEFOLD_MAP.get(c).copied(),
                searched(&tables::CASEFOLD_MAP, c),
                "{c:#x}"
            );
            let folded = tables::RE_FOLD_MAP.binary_search_by_key(&c, |&(k, _)| k).ok();
            assert_eq!(
                RE_FOLD_MAP.get(c).copied(),
                folded.map(|i| tables::RE_FOLD_MAP[i].1),
                "{c:#x}"
            );
        }
        // the looked-up range holds the alphabets text is mostly written in
        assert!(ALNUM.contains(0x436) && UPPER.contains(0x416) && LOWER_MAP.get(0x416) == Some(&[0x436, 0, 0]));
    }

    fn cps(s: &str) -> Vec<u32> {
        s.chars().map(|c| c as u32).collect()
    }

    fn text(cps: &[u32]) -> String {
        cps.iter().map(|&c| char::from_u32(c).unwrap()).collect()
    }

    #[test]
    fn upper_is_pythons() {
        assert!(is_upper(b'A' as u32) && is_upper(0xc9) && is_upper(0x2162)); // É, Roman numeral three
        assert!(!is_upper(b'a' as u32) && !is_upper(0x01c5) && !is_upper(0x4e00) && !is_upper(b'1' as u32));
    }

    #[test]
    fn lower_maps_fully_and_finds_the_final_sigma() {
        assert_eq!(text(&lower(&cps("ÉTÉ İstanbul"))), "été i\u{307}stanbul");
        // a sigma closing a word is final, one inside it or standing alone is not
        assert_eq!(text(&lower(&cps("ΟΔΟΣ ΣΟΦΙΑ Σ"))), "οδος σοφια σ");
        // an apostrophe (case-ignorable) is skipped on either side
        assert_eq!(text(&lower(&cps("ΑΣ'Β ΑΣ'"))), "ασ'β ας'");
        assert_eq!(lower(&[0xd800, b'A' as u32]), vec![0xd800, b'a' as u32]);
    }

    #[test]
    fn casefold_is_full() {
        assert_eq!(text(&casefold(&cps("Straße ΣΑΣ ﬁ"))), "strasse σασ fi");
    }

    #[test]
    fn re_fold_joins_what_ignorecase_matches() {
        for (a, b) in [
            ('k', '\u{212a}'),
            ('i', '\u{131}'),
            ('i', '\u{130}'),
            ('s', '\u{17f}'),
            ('σ', 'ς'),
            ('S', 's'),
        ] {
            assert_eq!(re_fold(a as u32), re_fold(b as u32), "{a} {b}");
        }
        assert_ne!(re_fold('i' as u32), re_fold('j' as u32));
        assert_eq!(re_fold('©' as u32), '©' as u32);
    }
}
