//! The gates in front of the patterns tried on every line that few lines match: each gate has
//! literals (hints) that every match of its pattern holds, and a line holding none of them is
//! not searched. Every gate's hints are looked for in one Aho–Corasick pass over the line.
//!
//! A case-sensitive gate's hints are looked for as written. An ignore-case gate's hints are
//! lower-cased (`str.lower`) and looked for in the lower-cased line: `str.lower` folds every
//! letter the way `re.IGNORECASE` does, but for four (dotted capital I, which it lowers to two
//! characters, dotless i, long s and the Kelvin sign). A line holding one of those is also
//! searched with every character folded as `re.IGNORECASE` folds it, which is what matching the
//! hints as an ignore-case pattern would find.

use aho_corasick::AhoCorasick;

use crate::chars::{lower_into, re_fold};
use crate::segment::Unit;

/// The letters that ignore-case matching takes for a Latin letter and `str.lower` does not.
const FOLDS_APART: [u32; 4] = [0x130, 0x131, 0x17f, 0x212a];

/// A gate: its hints and whether its pattern ignores case.
pub struct Gate {
    pub hints: Vec<Vec<u32>>,
    pub ignore_case: bool,
}

/// One automaton over the line's text as it is, its lower-cased text and its folded text, each
/// pattern mapped back to the gate whose hint it is.
struct Pass {
    automaton: AhoCorasick,
    gate_of: Vec<usize>,
}

impl Pass {
    fn new(hints: Vec<(usize, Vec<u8>)>) -> Result<Option<Pass>, String> {
        if hints.is_empty() {
            return Ok(None);
        }
        let automaton = AhoCorasick::new(hints.iter().map(|(_, h)| h)).map_err(|e| e.to_string())?;
        Ok(Some(Pass {
            automaton,
            gate_of: hints.into_iter().map(|(gate, _)| gate).collect(),
        }))
    }

    /// Opens the gates whose hints `text` holds; returns how many it opened.
    fn open(pass: &Option<Pass>, text: &[u8], open: &mut [bool]) -> usize {
        let Some(pass) = pass else { return 0 };
        let mut opened = 0;
        for m in pass.automaton.find_overlapping_iter(text) {
            let gate = pass.gate_of[m.pattern().as_usize()];
            if !open[gate] {
                open[gate] = true;
                opened += 1;
            }
        }
        opened
    }
}

/// Every gate, for finding which a line opens in one pass.
pub struct Gates {
    count: usize,
    exact: Option<Pass>,
    lowered: Option<Pass>,
    folded: Option<Pass>,
}

/// Code points as UTF-8 (a lone surrogate as its three bytes, which no hint holds): a hint is
/// found in the bytes exactly where it is found in the code points.
fn push_utf8(out: &mut Vec<u8>, c: u32) {
    if c < 0x80 {
        out.push(c as u8);
    } else if c < 0x800 {
        out.extend_from_slice(&[0xc0 | (c >> 6) as u8, 0x80 | (c & 0x3f) as u8]);
    } else if c < 0x10000 {
        out.extend_from_slice(&[
            0xe0 | (c >> 12) as u8,
            0x80 | ((c >> 6) & 0x3f) as u8,
            0x80 | (c & 0x3f) as u8,
        ]);
    } else {
        out.extend_from_slice(&[
            0xf0 | (c >> 18) as u8,
            0x80 | ((c >> 12) & 0x3f) as u8,
            0x80 | ((c >> 6) & 0x3f) as u8,
            0x80 | (c & 0x3f) as u8,
        ]);
    }
}

fn utf8(text: impl IntoIterator<Item = u32>) -> Vec<u8> {
    let mut out = Vec::new();
    for c in text {
        push_utf8(&mut out, c);
    }
    out
}

impl Gates {
    /// Fails on a gate without hints or with an empty hint: it would open on every line.
    pub fn new(gates: &[Gate]) -> Result<Gates, String> {
        let (mut exact, mut lowered, mut folded) = (Vec::new(), Vec::new(), Vec::new());
        for (i, gate) in gates.iter().enumerate() {
            if gate.hints.is_empty() || gate.hints.iter().any(|h| h.is_empty()) {
                return Err(format!("gate {i}: a gate needs hints, none of them empty"));
            }
            for hint in &gate.hints {
                if gate.ignore_case {
                    let mut low = Vec::new();
                    lower_into(hint, &mut low);
                    folded.push((i, utf8(low.iter().map(|&c| re_fold(c)))));
                    lowered.push((i, utf8(low)));
                } else {
                    exact.push((i, utf8(hint.iter().copied())));
                }
            }
        }
        Ok(Gates {
            count: gates.len(),
            exact: Pass::new(exact)?,
            lowered: Pass::new(lowered)?,
            folded: Pass::new(folded)?,
        })
    }

    pub fn len(&self) -> usize {
        self.count
    }

    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// For every gate, in order, whether `text` holds one of its hints.
    pub fn open<T: Unit>(&self, text: &[T]) -> Vec<bool> {
        let mut open = vec![false; self.count];
        let mut opened = 0;
        let mut bytes = Vec::with_capacity(text.len() + 8);
        if self.exact.is_some() {
            bytes.extend(utf8(text.iter().map(|&c| c.into())));
            opened += Pass::open(&self.exact, &bytes, &mut open);
        }
        if self.lowered.is_none() || opened == self.count {
            return open;
        }
        let wide: Vec<u32> = text.iter().map(|&c| c.into()).collect();
        let mut low = Vec::with_capacity(wide.len());
        lower_into(&wide, &mut low);
        bytes.clear();
        for &c in &low {
            push_utf8(&mut bytes, c);
        }
        opened += Pass::open(&self.lowered, &bytes, &mut open);
        if opened < self.count && wide.iter().any(|c| FOLDS_APART.contains(c)) {
            bytes.clear();
            for &c in &wide {
                push_utf8(&mut bytes, re_fold(c));
            }
            Pass::open(&self.folded, &bytes, &mut open);
        }
        open
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cps(s: &str) -> Vec<u32> {
        s.chars().map(|c| c as u32).collect()
    }

    fn gates(specs: &[(&[&str], bool)]) -> Gates {
        let gates: Vec<Gate> = specs
            .iter()
            .map(|(hints, ignore_case)| Gate {
                hints: hints.iter().map(|h| cps(h)).collect(),
                ignore_case: *ignore_case,
            })
            .collect();
        Gates::new(&gates).unwrap()
    }

    #[test]
    fn case_sensitive_hints_are_found_as_written() {
        let g = gates(&[(&["Credit:"], false), (&["/", ")"], false)]);
        assert_eq!(g.open(&cps("Photo Credit: AP")), [true, false]);
        assert_eq!(g.open(&cps("photo credit: ap (x)")), [false, true]);
        assert_eq!(g.open(&cps("nothing")), [false, false]);
    }

    #[test]
    fn ignore_case_hints_are_found_in_the_lowered_line() {
        let g = gates(&[
            (&["Video Player", "playback"], true),
            (&["©", "rights"], true),
            (&["cookie"], false),
        ]);
        assert_eq!(g.open(&cps("VIDEO PLAYER is loading")), [true, false, false]);
        assert_eq!(g.open(&cps("© 2024 ALL RIGHTS")), [false, true, false]);
        assert_eq!(g.open(&cps("Cookie policy")), [false, false, false]);
        assert_eq!(g.open(&cps("MEDIA PLAYBACK and cookie")), [true, false, true]);
    }

    #[test]
    fn letters_that_fold_unlike_lower_still_open_their_gate() {
        let g = gates(&[
            (&["video player"], true),
            (&["is"], true),
            (&["kg"], true),
            (&["i"], false),
        ]);
        // dotted capital I lowers to "i" and a combining dot; ignore-case matching takes it for "i"
        assert_eq!(g.open(&cps("V\u{130}DEO PLAYER")), [true, false, false, false]);
        assert_eq!(g.open(&cps("v\u{131}deo player")), [true, false, false, false]);
        assert_eq!(g.open(&cps("\u{131}\u{17f}")), [false, true, false, false]);
        assert_eq!(g.open(&cps("3 \u{212a}G")), [false, false, true, false]);
        // a case-sensitive gate is not folded
        assert_eq!(g.open(&cps("\u{131}")), [false, false, false, false]);
    }

    #[test]
    fn surrogates_and_wide_characters_pass() {
        let g = gates(&[(&["a\u{1f600}"], false), (&["é"], true)]);
        assert_eq!(g.open(&[0xd800u32, 'a' as u32, 0x1f600]), [true, false]);
        assert_eq!(g.open(&cps("CAFÉ")), [false, true]);
        assert_eq!(g.open::<u8>(&[b'x', 0xe9]), [false, true]);
    }

    #[test]
    fn empty_hints_are_refused() {
        assert!(Gates::new(&[Gate {
            hints: vec![],
            ignore_case: true
        }])
        .is_err());
        assert!(Gates::new(&[Gate {
            hints: vec![vec![]],
            ignore_case: false
        }])
        .is_err());
        assert!(Gates::new(&[]).unwrap().open(&cps("x")).is_empty());
    }
}
