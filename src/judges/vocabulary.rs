//! Other languages' whole-line words: the sections of lines of a vocabulary file
//! (`clean/data/residue/<lang>.txt`, read by `clean/vocab.py`), such as `[advert]`, `[cookie]` or
//! `[nav-label]`. An entry matches a line compared by its key (`lines::key`: case, punctuation
//! and spacing folded); in an entry `*` stands for any text or none, and `{n}` for a
//! number. Every section of a document's language is asked of each of its distinct lines in one
//! call, the line keyed once for all of them; the families read the answers with the rules they
//! hold for their own lines (a length, a word count).

use regex::{RegexSet, RegexSetBuilder};
use rustc_hash::FxHashMap;

use super::Subject;
use crate::lines::key;
use crate::segment::Unit;

/// A piece of an entry: words (keyed), a number, or any text.
enum Piece {
    Words(Vec<u32>),
    Number,
    Any,
}

/// A number as the key writes it: digits, groups of them apart ("1 200", the comma folded).
const NUMBER: &str = r"\d+(?: \d+)*";

/// An entry's pieces: split at each `*` and `{n}`, the text between keyed.
fn pieces(entry: &[u32]) -> Vec<Piece> {
    let mut pieces = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < entry.len() {
        let wildcard = if entry[i] == '*' as u32 {
            Some((Piece::Any, 1))
        } else if entry[i..].starts_with(&['{' as u32, 'n' as u32, '}' as u32]) {
            Some((Piece::Number, 3))
        } else {
            None
        };
        match wildcard {
            Some((piece, len)) => {
                pieces.push(Piece::Words(key(&entry[start..i])));
                pieces.push(piece);
                i += len;
                start = i;
            }
            None => i += 1,
        }
    }
    pieces.push(Piece::Words(key(&entry[start..])));
    // Text that keys to nothing (spacing, punctuation around a wildcard) is no piece.
    pieces.retain(|p| !matches!(p, Piece::Words(w) if w.is_empty()));
    pieces
}

/// The pattern of an entry with wildcards, over a key: pieces apart by one space, as the key
/// spaces words; any text at the start, at the end or between two pieces may be nothing, and
/// then takes its space with it.
fn entry_pattern(pieces: &[Piece]) -> String {
    const ANY_AFTER: &str = "(?: .*)?";
    let mut out = String::new();
    for (n, piece) in pieces.iter().enumerate() {
        let text = match piece {
            Piece::Any => {
                out.push_str(if n > 0 { ANY_AFTER } else { "(?:.* )?" });
                continue;
            }
            Piece::Number => NUMBER.to_string(),
            // The words as the key's `Subject` holds them (its stand-ins), taken literally.
            Piece::Words(w) => regex::escape(&Subject::new(w).exact),
        };
        if n > 0 && !matches!(pieces[n - 1], Piece::Any) {
            out.push(' ');
        } else if n > 0 && out.ends_with(ANY_AFTER) {
            // Any text between two pieces: one space when it is nothing.
            out.truncate(out.len() - ANY_AFTER.len());
            out.push_str("(?: .* | )");
        }
        out.push_str(&text);
    }
    out
}

/// A language's sections of lines, by name. A section's entries without wildcards are keys;
/// the others make one pattern over a key, which the line's `Subject` is searched for (so `\d`
/// answers as `re`'s). A line is keyed once, looked up once, and searched once for every
/// section's pattern.
pub struct Vocabulary {
    names: Vec<String>,
    /// each key an entry without wildcards is, with the sections (bits, in the order of `names`)
    /// that list it
    exact: FxHashMap<Vec<u32>, u64>,
    /// the patterns of the sections that have entries with wildcards, and which section each is
    set: RegexSet,
    of_pattern: Vec<usize>,
}

impl Vocabulary {
    /// From (section, its entries as the file writes them); at most 64 sections.
    pub fn new(sections: impl IntoIterator<Item = (String, Vec<Vec<u32>>)>) -> Vocabulary {
        let mut names = Vec::new();
        let mut exact: FxHashMap<Vec<u32>, u64> = FxHashMap::default();
        let mut sources = Vec::new();
        let mut of_pattern = Vec::new();
        for (bit, (name, entries)) in sections.into_iter().enumerate() {
            assert!(bit < 64, "at most 64 sections of lines");
            let mut patterns = Vec::new();
            for entry in &entries {
                let pieces = pieces(entry);
                if pieces.iter().all(|p| matches!(p, Piece::Words(_))) {
                    *exact.entry(key(entry)).or_default() |= 1 << bit;
                } else {
                    patterns.push(format!("(?:{})", entry_pattern(&pieces)));
                }
            }
            if !patterns.is_empty() {
                sources.push(format!("^(?:{})$", patterns.join("|")));
                of_pattern.push(bit);
            }
            names.push(name);
        }
        let set = RegexSetBuilder::new(&sources)
            .size_limit(1 << 26)
            .dfa_size_limit(super::DFA_CACHE)
            .build()
            .unwrap_or_else(|e| panic!("bad vocabulary pattern: {e}"));
        Vocabulary {
            names,
            exact,
            set,
            of_pattern,
        }
    }

    /// The sections' names, in the order `judge` answers them.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.names.iter().map(String::as_str)
    }

    /// The sections (bits, in the order of `names`) that list the line `text`.
    fn listing<T: Unit>(&self, text: &[T]) -> u64 {
        let keyed = key(text);
        let mut bits = self.exact.get(&keyed).copied().unwrap_or(0);
        if !self.of_pattern.is_empty() {
            for i in &self.set.matches(&Subject::new(&keyed).exact) {
                bits |= 1 << self.of_pattern[i];
            }
        }
        bits
    }

    /// Whether section `name` lists the line `text`; false for a section the vocabulary lacks.
    pub fn matches<T: Unit>(&self, name: &str, text: &[T]) -> bool {
        self.names
            .iter()
            .position(|section| section == name)
            .is_some_and(|bit| self.listing(text) & 1 << bit != 0)
    }

    /// For each section (in the order of `names`), whether it lists each of `lines`.
    pub fn judge<'a, T: Unit + 'a>(&self, lines: impl IntoIterator<Item = &'a [T]>) -> Vec<Vec<bool>> {
        let mut answers: Vec<Vec<bool>> = vec![Vec::new(); self.names.len()];
        for text in lines {
            let bits = self.listing(text);
            for (bit, answer) in answers.iter_mut().enumerate() {
                answer.push(bits & 1 << bit != 0);
            }
        }
        answers
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cps(s: &str) -> Vec<u32> {
        s.chars().map(|c| c as u32).collect()
    }

    fn section(entries: &[&str]) -> Vocabulary {
        Vocabulary::new([("s".to_string(), entries.iter().map(|e| cps(e)).collect())])
    }

    #[test]
    fn entries_match_lines_by_their_keys() {
        let v = section(&["Mehr zum Thema", "Publicité"]);
        assert!(v.matches("s", &cps("MEHR ZUM THEMA:")));
        assert!(v.matches("s", &cps("  Publicité  ")));
        assert!(!v.matches("s", &cps("Mehr zum Thema Wirtschaft")));
        assert!(!v.matches("t", &cps("Publicité")), "a section the vocabulary lacks");
    }

    #[test]
    fn wildcards_stand_for_any_text_and_numbers() {
        let v = section(&[
            "Lire aussi *",
            "Il vous reste {n}% de cet article à lire *",
            "* Wir verwenden Cookies *",
            "Déjà abonné * Se connecter",
        ]);
        for line in [
            "Lire aussi",
            "Lire aussi | Le gouvernement recule",
            "Il vous reste 45.12% de cet article à lire.",
            "Il vous reste 1 200 % de cet article à lire",
            "Ihre Daten, Ihre Wahl: Wir verwenden Cookies, um Inhalte zu personalisieren.",
            "Wir verwenden Cookies",
            "Déjà abonné ? Se connecter",
            "Déjà abonné ... bien sûr ... Se connecter",
        ] {
            assert!(v.matches("s", &cps(line)), "{line:?}");
        }
        for line in [
            "Il vous reste beaucoup à lire",
            "Relire aussi",
            "Lire aussitôt",
            "Wir verwenden Cookiesx",
        ] {
            assert!(!v.matches("s", &cps(line)), "{line:?}");
        }
    }

    #[test]
    fn entry_patterns_are_written_as_the_key_spaces_words() {
        let p = |e: &str| entry_pattern(&pieces(&cps(e)));
        assert_eq!(p("Lire aussi *"), "lire aussi(?: .*)?");
        assert_eq!(p("* Cookies *"), "(?:.* )?cookies(?: .*)?");
        assert_eq!(p("Déjà abonné * Se connecter"), "déjà abonné(?: .* | )se connecter");
        assert_eq!(p("Lecture {n} min"), r"lecture \d+(?: \d+)* min");
        assert_eq!(p("{n}{n}"), r"\d+(?: \d+)* \d+(?: \d+)*");
        assert_eq!(p("* · *"), "(?:.* )?(?: .*)?");
    }

    #[test]
    fn every_section_is_answered_for_every_line() {
        let v = Vocabulary::new([
            ("advert".to_string(), vec![cps("Anzeige"), cps("Werbung *")]),
            ("share".to_string(), vec![cps("Teilen")]),
        ]);
        assert_eq!(v.names().collect::<Vec<_>>(), ["advert", "share"]);
        let lines = [cps("ANZEIGE"), cps("Teilen"), cps("Werbung: Autos"), cps("Der Text")];
        assert_eq!(
            v.judge(lines.iter().map(|l| l.as_slice())),
            [vec![true, false, true, false], vec![false, true, false, false]]
        );
    }
}
