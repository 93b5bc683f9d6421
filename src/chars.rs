//! Character classes as CPython answers them (`str.isspace`, the `re` classes `\s`, `\w`, `\d`,
//! `str.islower`), from tables generated out of CPython's own unicodedata (src/tables.py), so a
//! code point is classed the same on both sides whatever Unicode version Rust's `char` follows.
//! Code points are `u32`, not `char`: a Python str may hold lone surrogates.

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

/// `str.isspace()` of one character; what `str.strip()` strips and `re`'s `\s` matches.
#[inline]
pub fn is_space(c: u32) -> bool {
    if c < 0x80 {
        matches!(c, 0x09..=0x0d | 0x1c..=0x20)
    } else {
        in_table(&tables::SPACE, c)
    }
}

/// `re`'s `\w` for str patterns: `str.isalnum()` or "_".
#[inline]
pub fn is_word(c: u32) -> bool {
    if c < 0x80 {
        c == b'_' as u32 || (c as u8).is_ascii_alphanumeric()
    } else {
        in_table(&tables::ALNUM, c)
    }
}

/// `re`'s `\d` for str patterns: `str.isdecimal()`.
#[inline]
pub fn is_decimal(c: u32) -> bool {
    if c < 0x80 {
        (c as u8).is_ascii_digit()
    } else {
        in_table(&tables::DECIMAL, c)
    }
}

/// `str.islower()` of a one-character string.
#[inline]
pub fn is_lower(c: u32) -> bool {
    if c < 0x80 {
        (c as u8).is_ascii_lowercase()
    } else {
        in_table(&tables::LOWER, c)
    }
}

#[inline]
fn is_upper_or_title(c: u32) -> bool {
    if c < 0x80 {
        (c as u8).is_ascii_uppercase()
    } else {
        in_table(&tables::UPPER_OR_TITLE, c)
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
        assert!(is_lower(0xdf) && !is_lower(0x01c5)); // sharp s; Dz digraph is title case
        let w = |s: &str| s.chars().map(|c| c as u32).collect::<Vec<_>>();
        assert!(word_is_lower(&w("the")) && word_is_lower(&w("3rd")) && word_is_lower(&w("l'été")));
        assert!(!word_is_lower(&w("The")) && !word_is_lower(&w("123")) && !word_is_lower(&w("\u{01c5}a")));
    }

    #[test]
    fn tables_are_sorted_and_disjoint() {
        for table in [
            &tables::SPACE[..],
            &tables::ALNUM,
            &tables::DECIMAL,
            &tables::LOWER,
            &tables::UPPER_OR_TITLE,
        ] {
            for pair in table.windows(2) {
                assert!(pair[0].0 <= pair[0].1 && pair[0].1 < pair[1].0);
            }
        }
    }
}
