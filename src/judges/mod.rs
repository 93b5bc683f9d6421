//! The residue families' line judges: what a line's own text says about it, as the Python
//! patterns they replace decided it, match for match.
//!
//! The patterns are the `regex` crate's, written as the `re` patterns were, and the line is
//! handed to them as a `Subject`: its code points, with the few characters on which the two
//! engines' classes disagree replaced by stand-ins that both engines class alike. `re` takes
//! `\w`, `\s` and `\d` from CPython's Unicode database (`str.isalnum`, `str.isspace`,
//! `str.isdecimal`, in src/tables.rs), the `regex` crate from its own Unicode version and
//! definitions (combining marks are word characters to it, "½" is not); after the stand-ins,
//! `\w`, `\s`, `\d` and `\b` answer as `re` does on every code point. An ignore-case pattern is
//! run on the line folded the way `re.IGNORECASE` folds it (`chars::re_fold`: "K", "k" and the
//! Kelvin sign alike, dotless i as i), so its literals are written folded (lower case) and it is
//! compiled case-sensitive. Lookbehinds, lookaheads and back-references, which the crate lacks,
//! are code beside the pattern. A line never holds a line break (segmentation splits on every
//! kind), which is what makes `$` mean the same in both engines.

pub mod captions;
pub mod comments;
pub mod dates;
pub mod footer;
pub mod headline;
pub mod metadata;
pub mod navigation;
pub mod notice;
pub mod player;
pub mod prompts;
pub mod related;
pub mod runs;
pub mod social;
pub mod tracking;
pub mod vocabulary;

use std::sync::LazyLock;

use regex::Regex;

use crate::chars;
use crate::lines::Stoplist;

/// What a line's features tell the judges, beside its text.
#[derive(Clone, Copy, Debug)]
pub struct Features {
    pub words: usize,
    pub prose: bool,
    pub sentences: usize,
    pub ends_sentence: bool,
    /// could be a headline, label or subheading: short and not a finished statement
    pub title_shaped: bool,
}

/// What every native family's judge says of one line: a field per family, filled by `judge`.
/// A family joins the batch with its field here, its call in `judge`, and its answer's Python
/// form in `python.rs` (`judge_lines`).
#[derive(Debug, PartialEq)]
pub struct Judged {
    /// a copyright or legal notice
    pub footer: bool,
    pub tracking: Option<tracking::Residue>,
    pub social: Option<social::Share>,
    pub notice: Option<notice::Notice>,
    pub player: Vec<player::Found>,
    pub comments: comments::Line,
    pub navigation: Option<navigation::Found>,
    pub captions: captions::Answer,
    pub prompts: Option<prompts::Prompt>,
    pub metadata: Option<metadata::Found>,
    /// whatever the line's length (a record's field, which metadata reads with its neighbours)
    pub record_field: Option<metadata::RecordField>,
    pub related: related::Answer,
}

/// Every native family's judge, on one line: the line made a `Subject` once for all of them.
/// `seams` are the words a sentence capitalises only at its start in the document's language
/// (the related family's glued headlines); `dates`, the words a date may hold in any language.
pub fn judge<T: Copy + Into<u32>>(text: &[T], f: Features, seams: &Stoplist, dates: &dates::DateWords) -> Judged {
    let s = Subject::new(text);
    Judged {
        footer: footer::copyright(&s, f.words),
        tracking: tracking::judge(&s, f.words),
        social: social::judge(&s, f),
        notice: notice::judge(&s),
        player: player::judge(&s, f.words, f.sentences),
        comments: comments::judge(&s, f.words, dates),
        navigation: navigation::judge(&s, f.words, f.prose, f.ends_sentence),
        captions: captions::judge(&s, f),
        prompts: prompts::judge(&s, f),
        metadata: metadata::judge(&s, f.words, dates),
        record_field: metadata::record_field(&s),
        related: related::judge(&s, f, seams, dates),
    }
}

/// A line as the patterns see it: as written, and folded for the ignore-case patterns; each a
/// code point for a code point of the line, so a match's span counts the line's own code points.
pub struct Subject {
    exact: String,
    /// built when an ignore-case pattern first asks for it
    folded: std::cell::OnceCell<String>,
    /// the bytes and byte pairs of each text, when a gated pattern first asks
    grams: [std::cell::OnceCell<Grams>; 2],
    /// the line's comparison key (`lines::key`), when a family first looks it up
    key: std::cell::OnceCell<Vec<u32>>,
    codes: Vec<u32>,
    ascii: bool,
}

impl Subject {
    pub fn new<T: Copy + Into<u32>>(text: &[T]) -> Subject {
        let table = &*STAND_INS;
        let codes: Vec<u32> = text.iter().map(|&u| u.into()).collect();
        // Most lines are ASCII that stands for itself: their text is their bytes.
        let exact = if codes.iter().all(|&c| c < 0x80 && table.ascii[c as usize] as u32 == c) {
            String::from_utf8(codes.iter().map(|&c| c as u8).collect()).expect("ASCII")
        } else {
            let mut exact = String::with_capacity(text.len());
            for &c in &codes {
                if c < 0x80 {
                    exact.push(table.ascii[c as usize]);
                } else {
                    exact.push(table.exact(c));
                }
            }
            exact
        };
        // A byte a code point, in both texts, unless a character is not ASCII or stands in for
        // one that is (the separators "\x1c" to "\x1f", spaces to `re`, are not to the crate).
        let ascii = exact.len() == text.len();
        Subject {
            exact,
            folded: std::cell::OnceCell::new(),
            grams: Default::default(),
            key: std::cell::OnceCell::new(),
            codes,
            ascii,
        }
    }

    fn folded(&self) -> &str {
        self.folded.get_or_init(|| {
            if self.ascii {
                // Every character is ASCII as the line is written, stand-ins included: folding
                // is lowering it.
                return self.exact.to_ascii_lowercase();
            }
            let table = &*STAND_INS;
            let mut folded = String::with_capacity(self.exact.len());
            for &c in &self.codes {
                if c < 0x80 {
                    let s = table.ascii[c as usize];
                    folded.push(if s.is_ascii() { s.to_ascii_lowercase() } else { s });
                } else {
                    folded.push(table.folded(c));
                }
            }
            folded
        })
    }

    fn text(&self, ignore_case: bool) -> &str {
        if ignore_case {
            self.folded()
        } else {
            &self.exact
        }
    }

    fn grams(&self, ignore_case: bool) -> &Grams {
        self.grams[ignore_case as usize].get_or_init(|| Grams::of(self.text(ignore_case).as_bytes()))
    }

    /// Whether the line, folded as the ignore-case patterns see it, holds `literal` (written
    /// folded): a cheap test before a pattern that must hold it, searched along the line.
    pub fn holds(&self, literal: &str) -> bool {
        // Most literals asked for are not in the line: its byte pairs say so without a search.
        self.grams(true).may_hold(literal.as_bytes()) && self.folded().contains(literal)
    }

    /// Whether the line as written (case and all) holds `literal`; its byte pairs answer first.
    pub fn shows(&self, literal: &str) -> bool {
        self.grams(false).may_hold(literal.as_bytes()) && self.exact.contains(literal)
    }

    /// The line's comparison key (`lines::key`: case, punctuation and spacing folded), made
    /// once for the families that look the line up in their phrase lists.
    pub fn key(&self) -> &[u32] {
        self.key.get_or_init(|| crate::lines::key(&self.codes))
    }

    /// The line's code points, as given.
    pub fn codes(&self) -> &[u32] {
        &self.codes
    }

    /// The code point index of a byte offset into either text.
    fn index(&self, ignore_case: bool, byte: usize) -> usize {
        if self.ascii {
            byte
        } else {
            self.text(ignore_case)[..byte].chars().count()
        }
    }
}

/// The most each pattern's lazy DFA may cache, per thread. A pattern repeating a Unicode class
/// (`[\w.'’-]{1,40}`) is tens of thousands of NFA states, and the lazy DFA needs room for the
/// states a line walks through: with too little it clears its cache line after line, gives up,
/// and the crate answers with its backtracker (which zeroes a visited set of the NFA's size times
/// the line's for every search) or its PikeVM, at a few times the cost; below a pattern's minimum
/// it is not used at all. At 256 KiB a distinct line of the dev sets cost 33 µs, at 4 MiB 21.
/// A cache grows only with the states the lines visit: over the 166,000 distinct lines of the
/// Zyte and multilingual dev sets, the judges' caches took 17 MB more at 4 MiB than at 256 KiB.
const DFA_CACHE: usize = 1 << 22;

/// The bytes, and pairs of adjacent bytes (hashed), that a text holds: a line is asked whether it
/// could hold a literal without being searched for it.
#[derive(Default)]
pub struct Grams {
    bytes: ByteSet,
    pairs: [u64; PAIR_WORDS],
}

/// 1,024 bits: a line of 150 bytes sets about one in seven, so a literal of four bytes or more
/// (three pairs) passes a line that lacks it about once in three hundred.
const PAIR_WORDS: usize = 16;

fn pair_bit(a: u8, b: u8) -> u16 {
    let h = (u32::from(a) << 8 | u32::from(b)).wrapping_mul(0x9e37_79b1);
    (h >> (32 - 10)) as u16
}

impl Grams {
    fn of(text: &[u8]) -> Grams {
        let mut g = Grams::default();
        if let Some(&last) = text.last() {
            g.set_byte(last);
        }
        for pair in text.windows(2) {
            g.set_byte(pair[0]);
            g.set_pair(pair_bit(pair[0], pair[1]));
        }
        g
    }

    fn set_byte(&mut self, b: u8) {
        add_byte(&mut self.bytes, b);
    }

    fn set_pair(&mut self, bit: u16) {
        self.pairs[usize::from(bit >> 6) % PAIR_WORDS] |= 1 << (bit & 63);
    }

    /// Whether the text could hold `literal`: it holds its bytes and byte pairs (hashed).
    fn may_hold(&self, literal: &[u8]) -> bool {
        match literal {
            [] => true,
            [b] => has_byte(&self.bytes, *b),
            _ => literal.windows(2).all(|w| self.has_pair(pair_bit(w[0], w[1]))),
        }
    }

    fn has_pair(&self, bit: u16) -> bool {
        self.pairs[usize::from(bit >> 6) % PAIR_WORDS] & (1 << (bit & 63)) != 0
    }
}

/// A set of bytes, a bit each.
type ByteSet = [u64; 4];

fn add_byte(set: &mut ByteSet, b: u8) {
    set[usize::from(b >> 6)] |= 1 << (b & 63);
}

fn has_byte(set: &ByteSet, b: u8) -> bool {
    set[usize::from(b >> 6)] & (1 << (b & 63)) != 0
}

/// What a line must be like for a pattern to match in it: open with one of a few bytes, when
/// every match starts at the line's start (`opens`); hold one of a few literals, one of which
/// every match holds (`holds`, from `needed`). A pattern is searched only on a line that passes
/// both, so the many patterns a line cannot match cost a few bit tests each instead of a
/// search; a line that passes is searched as before, so the gate decides no match by itself.
struct Gate {
    opens: Option<Opens>,
    holds: Option<Holds>,
}

/// How every match of an anchored pattern opens: with one of a few bytes that may be the whole
/// match or be followed by anything, or with one of a few pairs of bytes (hashed, as `Grams`).
#[derive(Default)]
struct Opens {
    bytes: ByteSet,
    pairs: [u64; PAIR_WORDS],
}

impl Opens {
    fn passes(&self, text: &[u8]) -> bool {
        match text {
            [] => false,
            [first] => has_byte(&self.bytes, *first),
            [first, second, ..] => {
                has_byte(&self.bytes, *first) || {
                    let bit = pair_bit(*first, *second);
                    self.pairs[usize::from(bit >> 6)] & (1 << (bit & 63)) != 0
                }
            }
        }
    }

    fn add(&mut self, other: Opens) {
        self.bytes.iter_mut().zip(other.bytes).for_each(|(a, b)| *a |= b);
        self.pairs.iter_mut().zip(other.pairs).for_each(|(a, b)| *a |= b);
    }
}

/// The literals of a gate, asked of a line's `Grams`.
struct Holds {
    /// the literals of one byte
    bytes: ByteSet,
    /// each longer literal: the bits of two of its byte pairs, which a line of 150 bytes that
    /// lacks it passes about once in fifty, and of (up to six of) the rest
    pairs: Vec<(u16, u16)>,
    rest: Vec<Vec<u16>>,
}

impl Gate {
    fn of(source: &str) -> Option<Gate> {
        let hir = regex_syntax::Parser::new().parse(source).ok()?;
        let gate = Gate {
            opens: opening(&hir),
            holds: needed(&hir).map(|literals| Holds::of(&literals)),
        };
        (gate.opens.is_some() || gate.holds.is_some()).then_some(gate)
    }

    /// Whether a line could match: `text` is the line as the pattern sees it, `grams` what it
    /// holds (asked for only when the line opens as the pattern needs).
    fn passes<'s>(&self, text: &str, grams: impl FnOnce() -> &'s Grams) -> bool {
        if self.opens.as_ref().is_some_and(|opens| !opens.passes(text.as_bytes())) {
            return false;
        }
        self.holds.as_ref().is_none_or(|holds| holds.passes(grams()))
    }
}

impl Holds {
    fn of(literals: &Literals) -> Holds {
        let mut holds = Holds {
            bytes: ByteSet::default(),
            pairs: Vec::new(),
            rest: Vec::new(),
        };
        for literal in literals {
            if let [b] = literal.as_slice() {
                add_byte(&mut holds.bytes, *b);
                continue;
            }
            let mut bits: Vec<u16> = literal.windows(2).map(|w| pair_bit(w[0], w[1])).collect();
            bits.sort_unstable();
            bits.dedup();
            bits.truncate(8);
            let last = bits.len() - 1;
            holds.pairs.push((bits[0], bits[last]));
            holds.rest.push(bits[1..last.max(1)].to_vec());
        }
        holds
    }

    fn passes(&self, g: &Grams) -> bool {
        self.bytes.iter().zip(&g.bytes).any(|(a, b)| a & b != 0)
            || self
                .pairs
                .iter()
                .zip(&self.rest)
                .any(|(&(a, b), rest)| g.has_pair(a) && g.has_pair(b) && rest.iter().all(|&bit| g.has_pair(bit)))
    }
}

/// How every match of `hir` opens, if every match starts at the start of the line (`^`) and none
/// is empty; None otherwise. A line that does not open so is not searched: the patterns that
/// read a line's opening words ("Read more:", "Photo:", "Posted by") are many, and most name
/// too many literals to be gated by what they hold. Their openings are the strings every match
/// starts with (`Extractor`'s prefixes), else the bytes it starts with.
fn opening(hir: &regex_syntax::hir::Hir) -> Option<Opens> {
    use regex_syntax::hir::literal::Extractor;
    use regex_syntax::hir::{Hir, HirKind, Look};
    match hir.kind() {
        HirKind::Capture(c) => opening(&c.sub),
        HirKind::Alternation(subs) => {
            let mut all = Opens::default();
            for sub in subs {
                all.add(opening(sub)?);
            }
            Some(all)
        }
        HirKind::Concat(subs) if matches!(subs.first().map(Hir::kind), Some(HirKind::Look(Look::Start))) => {
            let mut opens = Opens::default();
            let prefixes = Extractor::new().extract(&Hir::concat(subs[1..].to_vec()));
            match prefixes.literals() {
                Some(literals) if !literals.is_empty() && literals.iter().all(|l| !l.as_bytes().is_empty()) => {
                    for l in literals {
                        match l.as_bytes() {
                            [b] => add_byte(&mut opens.bytes, *b),
                            [a, b, ..] => {
                                let bit = pair_bit(*a, *b);
                                opens.pairs[usize::from(bit >> 6)] |= 1 << (bit & 63);
                            }
                            [] => unreachable!("no prefix is empty"),
                        }
                    }
                }
                _ => match first_bytes(&subs[1..]) {
                    (bytes, false) => opens.bytes = bytes,
                    (_, true) => return None,
                },
            }
            Some(opens)
        }
        _ => None,
    }
}

/// The bytes a match of the sequence `hirs` may start with, and whether it may be empty (then
/// it may start with anything that follows it). Looks are zero-width: they narrow nothing here.
fn first_bytes(hirs: &[regex_syntax::hir::Hir]) -> (ByteSet, bool) {
    use regex_syntax::hir::{Class, HirKind};
    let mut set = ByteSet::default();
    for hir in hirs {
        let (first, empty) = match hir.kind() {
            HirKind::Empty | HirKind::Look(_) => (ByteSet::default(), true),
            HirKind::Literal(l) => {
                let mut one = ByteSet::default();
                l.0.first().inspect(|&&b| add_byte(&mut one, b));
                (one, l.0.is_empty())
            }
            HirKind::Class(Class::Unicode(c)) => {
                // UTF-8 keeps the order of code points, so a range's encodings open with every
                // byte from its first's to its last's.
                let mut one = ByteSet::default();
                let mut buf = [0u8; 4];
                for r in c.iter() {
                    let low = r.start().encode_utf8(&mut buf).as_bytes()[0];
                    let high = r.end().encode_utf8(&mut buf).as_bytes()[0];
                    (low..=high).for_each(|b| add_byte(&mut one, b));
                }
                (one, false)
            }
            HirKind::Class(Class::Bytes(c)) => {
                let mut one = ByteSet::default();
                for r in c.iter() {
                    (r.start()..=r.end()).for_each(|b| add_byte(&mut one, b));
                }
                (one, false)
            }
            HirKind::Repetition(r) => {
                let (first, empty) = first_bytes(std::slice::from_ref(&*r.sub));
                (first, empty || r.min == 0)
            }
            HirKind::Capture(c) => first_bytes(std::slice::from_ref(&*c.sub)),
            HirKind::Concat(subs) => first_bytes(subs),
            HirKind::Alternation(subs) => {
                let mut all = ByteSet::default();
                let mut any_empty = false;
                for sub in subs {
                    let (first, empty) = first_bytes(std::slice::from_ref(sub));
                    all.iter_mut().zip(first).for_each(|(a, b)| *a |= b);
                    any_empty |= empty;
                }
                (all, any_empty)
            }
        };
        set.iter_mut().zip(first).for_each(|(a, b)| *a |= b);
        if !empty {
            return (set, false);
        }
    }
    (set, true)
}

/// More literals than this, and a line is searched rather than asked about each.
const MAX_GATE_LITERALS: usize = 32;

type Literals = Vec<Vec<u8>>;

/// Literals (UTF-8), one of which every match of `hir` holds; None if the pattern names none, or
/// too many. Looks are zero-width, so they hold the empty string.
fn needed(hir: &regex_syntax::hir::Hir) -> Option<Literals> {
    use regex_syntax::hir::HirKind;
    let found = match exact(hir) {
        Some(set) if set.iter().all(|l| !l.is_empty()) => Some(set),
        _ => match hir.kind() {
            HirKind::Capture(c) => needed(&c.sub),
            HirKind::Repetition(r) if r.min >= 1 => needed(&r.sub),
            HirKind::Alternation(subs) => {
                let mut all = Vec::new();
                for sub in subs {
                    all.extend(needed(sub)?);
                }
                (all.len() <= MAX_GATE_LITERALS).then_some(all)
            }
            HirKind::Concat(subs) => {
                // Runs of children that match one of a few strings make literals of their own
                // ("photo" "s?" " credit"); any child may name literals of its own.
                let mut candidates = Vec::new();
                let mut run: Literals = vec![Vec::new()];
                for sub in subs {
                    match exact(sub).map(|set| cross(&run, &set)) {
                        Some(Some(longer)) => run = longer,
                        _ => {
                            candidates.push(std::mem::replace(&mut run, vec![Vec::new()]));
                            match exact(sub) {
                                Some(set) => run = set,
                                None => candidates.extend(needed(sub)),
                            }
                        }
                    }
                }
                candidates.push(run);
                candidates
                    .into_iter()
                    .filter(|set| !set.is_empty() && set.iter().all(|l| !l.is_empty()))
                    .max_by_key(|set| {
                        let shortest = set.iter().map(Vec::len).min().unwrap_or(0);
                        (shortest.min(4), std::cmp::Reverse(set.len()), shortest)
                    })
            }
            _ => None,
        },
    };
    found.map(|mut set| {
        // A literal holding another is held wherever that one is, and asks the line no more.
        set.sort_by_key(Vec::len);
        set.dedup();
        let mut kept: Literals = Vec::new();
        for l in set {
            if !kept.iter().any(|k| l.windows(k.len()).any(|w| w == k.as_slice())) {
                kept.push(l);
            }
        }
        kept
    })
}

/// Every string `hir` matches, when they are few (a look matches the empty string).
fn exact(hir: &regex_syntax::hir::Hir) -> Option<Literals> {
    use regex_syntax::hir::{Class, HirKind};
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => Some(vec![Vec::new()]),
        HirKind::Literal(l) => Some(vec![l.0.to_vec()]),
        HirKind::Class(Class::Unicode(c)) => {
            let chars: Vec<char> = c.iter().flat_map(|r| r.start()..=r.end()).take(9).collect();
            (chars.len() <= 8).then(|| chars.iter().map(|ch| ch.to_string().into_bytes()).collect())
        }
        HirKind::Class(Class::Bytes(c)) => {
            let bytes: Vec<u8> = c.iter().flat_map(|r| r.start()..=r.end()).take(9).collect();
            (bytes.len() <= 8).then(|| bytes.iter().map(|&b| vec![b]).collect())
        }
        HirKind::Capture(c) => exact(&c.sub),
        HirKind::Repetition(r) if r.min == 0 && r.max == Some(1) => {
            let mut set = exact(&r.sub)?;
            set.push(Vec::new());
            Some(set)
        }
        HirKind::Repetition(r) if r.max == Some(r.min) && r.min <= 4 => {
            let one = exact(&r.sub)?;
            (0..r.min).try_fold(vec![Vec::new()], |acc, _| cross(&acc, &one))
        }
        HirKind::Concat(subs) => subs
            .iter()
            .try_fold(vec![Vec::new()], |acc, sub| cross(&acc, &exact(sub)?)),
        HirKind::Alternation(subs) => {
            let mut all = Vec::new();
            for sub in subs {
                all.extend(exact(sub)?);
            }
            (all.len() <= MAX_GATE_LITERALS).then_some(all)
        }
        _ => None,
    }
}

/// Each of `a` followed by each of `b`, when there are few.
fn cross(a: &Literals, b: &Literals) -> Option<Literals> {
    (a.len() * b.len() <= MAX_GATE_LITERALS).then(|| {
        a.iter()
            .flat_map(|x| b.iter().map(move |y| [x.as_slice(), y.as_slice()].concat()))
            .collect()
    })
}

/// A pattern of a judge: `ignore_case` as `re.IGNORECASE`.
pub struct Pattern {
    regex: Regex,
    ignore_case: bool,
    gate: Option<Gate>,
}

impl Pattern {
    pub fn new(source: &str, ignore_case: bool) -> Pattern {
        let regex = regex::RegexBuilder::new(source)
            .size_limit(1 << 26)
            .dfa_size_limit(DFA_CACHE)
            .build()
            .unwrap_or_else(|e| panic!("bad judge pattern {source:?}: {e}"));
        let gate = Gate::of(source);
        Pattern {
            regex,
            ignore_case,
            gate,
        }
    }

    /// The text the pattern runs on, or None for a line the gate says it cannot match in.
    fn haystack<'s>(&self, s: &'s Subject) -> Option<&'s str> {
        let text = s.text(self.ignore_case);
        match &self.gate {
            Some(gate) if !gate.passes(text, || s.grams(self.ignore_case)) => None,
            _ => Some(text),
        }
    }

    /// `re.search`: a match anywhere (a `re.match` pattern opens with `^`).
    pub fn is_match(&self, s: &Subject) -> bool {
        self.haystack(s).is_some_and(|text| self.regex.is_match(text))
    }

    /// The first match's span, in code points.
    pub fn find(&self, s: &Subject) -> Option<(usize, usize)> {
        let m = self.regex.find(self.haystack(s)?)?;
        Some((s.index(self.ignore_case, m.start()), s.index(self.ignore_case, m.end())))
    }

    /// The span of the first match's group `group`, in code points: None without a match,
    /// Some(None) if the group took no part in it.
    pub fn group(&self, s: &Subject, group: usize) -> Option<Option<(usize, usize)>> {
        let caps = self.regex.captures(self.haystack(s)?)?;
        Some(
            caps.get(group)
                .map(|m| (s.index(self.ignore_case, m.start()), s.index(self.ignore_case, m.end()))),
        )
    }

    /// The spans of the first match's groups, in code points (group 0 the whole match), None
    /// for a group that took no part in it; None without a match.
    pub fn groups(&self, s: &Subject) -> Option<Vec<Option<(usize, usize)>>> {
        let caps = self.regex.captures(self.haystack(s)?)?;
        Some(
            caps.iter()
                .map(|m| m.map(|m| (s.index(self.ignore_case, m.start()), s.index(self.ignore_case, m.end()))))
                .collect(),
        )
    }

    /// `re.finditer`: every match's span, left to right, in code points.
    pub fn find_spans<'s>(&'s self, s: &'s Subject) -> impl Iterator<Item = (usize, usize)> + 's {
        self.haystack(s)
            .into_iter()
            .flat_map(|text| self.regex.find_iter(text))
            .map(|m| (s.index(self.ignore_case, m.start()), s.index(self.ignore_case, m.end())))
    }

    /// `re.finditer`: every match, left to right, as the matched text.
    pub fn find_iter<'s>(&'s self, s: &'s Subject) -> impl Iterator<Item = &'s str> + 's {
        self.haystack(s)
            .into_iter()
            .flat_map(|text| self.regex.find_iter(text))
            .map(|m| m.as_str())
    }

    #[cfg(test)]
    pub fn source(&self) -> &str {
        self.regex.as_str()
    }
}

/// Words one of which a line must hold, folded, for a family to read it further: searched for
/// all at once, on a line whose byte pairs could hold one of them.
pub struct Hints {
    words: aho_corasick::AhoCorasick,
    gate: Holds,
}

impl Hints {
    pub fn new(words: &[&str]) -> Hints {
        Hints {
            words: aho_corasick::AhoCorasick::new(words).expect("hints are plain words"),
            gate: Holds::of(&words.iter().map(|w| w.as_bytes().to_vec()).collect()),
        }
    }

    /// Whether the line, folded, holds one of the words.
    pub fn in_line(&self, s: &Subject) -> bool {
        self.gate.passes(s.grams(true)) && self.words.is_match(s.folded())
    }
}

/// How `re` classes a code point: (`\w`, `\s`, `\d`).
type Classes = (bool, bool, bool);

fn python_classes(c: u32) -> Classes {
    (chars::is_word(c), chars::is_space(c), chars::is_decimal(c))
}

/// A character of each class the engines could disagree on, classed alike by both and named in
/// no pattern: a letter, a space, a digit, and a character of none of the three.
const WORD: char = '\u{a66e}';
const SPACE: char = '\u{3000}';
const DIGIT: char = '\u{0e50}';
const OTHER: char = '\u{2e3b}';

struct StandIns {
    /// what stands for each ASCII code point
    ascii: [char; 128],
    /// what stands for each code point below `chars::LOOKED_UP` (those whose classes `chars`
    /// looks up too), in the line as written and folded: looked up, not worked out from three
    /// classes each way
    exact: Box<[char]>,
    folded: Box<[char]>,
    /// the crate's own `\w`, `\s`, `\d`
    word: Vec<(u32, u32)>,
    space: Vec<(u32, u32)>,
    digit: Vec<(u32, u32)>,
}

fn crate_class(source: &str) -> Vec<(u32, u32)> {
    use regex_syntax::hir::{Class, HirKind};
    let hir = regex_syntax::Parser::new().parse(source).expect("a class");
    match hir.kind() {
        HirKind::Class(Class::Unicode(class)) => class
            .ranges()
            .iter()
            .map(|r| (r.start() as u32, r.end() as u32))
            .collect(),
        _ => unreachable!("{source} is a Unicode class"),
    }
}

fn in_ranges(ranges: &[(u32, u32)], c: u32) -> bool {
    let i = ranges.partition_point(|&(_, hi)| hi < c);
    i < ranges.len() && ranges[i].0 <= c
}

impl StandIns {
    /// What stands for `c` in the line as written.
    #[inline]
    fn exact(&self, c: u32) -> char {
        match self.exact.get(c as usize) {
            Some(&shown) => shown,
            None => self.stand_in(c, c),
        }
    }

    /// What stands for `c` in the line folded.
    #[inline]
    fn folded(&self, c: u32) -> char {
        match self.folded.get(c as usize) {
            Some(&shown) => shown,
            None => self.stand_in(c, chars::re_fold(c)),
        }
    }

    fn crate_classes(&self, c: char) -> Classes {
        let c = c as u32;
        (
            in_ranges(&self.word, c),
            in_ranges(&self.space, c),
            in_ranges(&self.digit, c),
        )
    }

    /// What stands for `c` in a text where it reads `shown` (itself, or its folded form): `shown`
    /// itself if the crate classes it as `re` classes `c`, else the stand-in of `c`'s classes.
    fn stand_in(&self, c: u32, shown: u32) -> char {
        let wanted = python_classes(c);
        match char::from_u32(shown) {
            Some(ch) if self.crate_classes(ch) == wanted => ch,
            _ => match wanted {
                (_, _, true) => DIGIT,
                (true, _, _) => WORD,
                (_, true, _) => SPACE,
                _ => OTHER,
            },
        }
    }
}

static STAND_INS: LazyLock<StandIns> = LazyLock::new(|| {
    let mut table = StandIns {
        ascii: ['\0'; 128],
        exact: Box::default(),
        folded: Box::default(),
        word: crate_class(r"\w"),
        space: crate_class(r"\s"),
        digit: crate_class(r"\d"),
    };
    for c in 0..128u32 {
        table.ascii[c as usize] = table.stand_in(c, c);
    }
    table.exact = (0..chars::LOOKED_UP).map(|c| table.stand_in(c, c)).collect();
    table.folded = (0..chars::LOOKED_UP)
        .map(|c| table.stand_in(c, chars::re_fold(c)))
        .collect();
    table
});

/// Whether `text` holds `needle` (code points) among its first `limit` code points.
pub fn holds_within<T: Copy + Into<u32>>(text: &[T], needle: &str, limit: usize) -> bool {
    let head = &text[..text.len().min(limit)];
    let mut chars = needle.chars();
    let Some(first) = chars.next() else {
        return true;
    };
    let rest = chars.as_str();
    let Some(last_start) = head.len().checked_sub(1 + rest.chars().count()) else {
        return false;
    };
    // The needle's first code point is looked for, and the rest compared only where it stands.
    (0..=last_start)
        .any(|i| head[i].into() == first as u32 && rest.chars().zip(&head[i + 1..]).all(|(c, &u)| u.into() == c as u32))
}

/// Whether `text` holds `needle` anywhere.
pub fn holds<T: Copy + Into<u32>>(text: &[T], needle: &str) -> bool {
    holds_within(text, needle, usize::MAX)
}

#[cfg(test)]
pub(crate) mod testing {
    use super::*;

    pub fn cps(s: &str) -> Vec<u32> {
        s.chars().map(|c| c as u32).collect()
    }

    /// A few English date words, as `metadata.date_words` hands every language's over.
    pub fn date_words() -> super::dates::DateWords {
        let list = |s: &str| Stoplist::new(s.split_whitespace().map(cps));
        super::dates::DateWords {
            allowed: list("august aug november nov tuesday tue march oktober at am pm a m p on the st nd rd th ago"),
            months: list("august aug november nov march oktober"),
        }
    }

    /// Every literal of an ignore-case pattern is written folded, and every literal of any
    /// pattern is shown as itself (no stand-in takes its place), or the pattern would not find it.
    pub fn check_literals(p: &Pattern) {
        let mut escaped = false;
        for c in p.source().chars() {
            if escaped {
                escaped = false;
                continue;
            }
            if c == '\\' {
                escaped = true;
                continue;
            }
            let s = Subject::new(&[c as u32]);
            assert_eq!(s.exact.chars().next(), Some(c), "{c:?} in {}", p.source());
            if p.ignore_case {
                assert_eq!(
                    s.text(true).chars().next(),
                    Some(c),
                    "{c:?} not folded in {}",
                    p.source()
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::testing::cps;
    use super::*;

    fn classes_agree(c: u32, re_w: &Regex, re_s: &Regex, re_d: &Regex) {
        let s = Subject::new(&[c]);
        let (w, sp, d) = python_classes(c);
        for text in [s.text(false), s.text(true)] {
            assert_eq!(re_w.is_match(text), w, "\\w of {c:#x}");
            assert_eq!(re_s.is_match(text), sp, "\\s of {c:#x}");
            assert_eq!(re_d.is_match(text), d, "\\d of {c:#x}");
        }
    }

    #[test]
    fn classes_answer_as_re_does_on_every_code_point() {
        let (re_w, re_s, re_d) = (
            Regex::new(r"^\w$").unwrap(),
            Regex::new(r"^\s$").unwrap(),
            Regex::new(r"^\d$").unwrap(),
        );
        for c in (0..0x11_0000).step_by(3).chain([
            0x1c, 0x1f, 0x85, 0xa0, 0xbd, 0x301, 0x345, 0x3b9, 0x203f, 0xd800, 0x1e4f0,
        ]) {
            classes_agree(c, &re_w, &re_s, &re_d);
        }
    }

    #[test]
    fn looked_up_stand_ins_are_the_ones_worked_out() {
        let table = &*STAND_INS;
        for c in 0x80..chars::LOOKED_UP {
            assert_eq!(table.exact(c), table.stand_in(c, c), "{c:#x}");
            assert_eq!(table.folded(c), table.stand_in(c, chars::re_fold(c)), "{c:#x} folded");
        }
    }

    #[test]
    fn word_boundaries_follow_pythons_word_characters() {
        let p = Pattern::new(r"\bab\b", false);
        // a combining acute accent is no word character to `re`; "½" is one
        assert!(p.is_match(&Subject::new(&cps("ab\u{301}"))));
        assert!(!p.is_match(&Subject::new(&cps("ab½"))));
    }

    #[test]
    fn ignore_case_folds_as_re_does() {
        let p = Pattern::new(r"^kiss$", true);
        for word in ["KISS", "\u{212a}\u{131}\u{17f}s", "k\u{130}ss"] {
            assert!(p.is_match(&Subject::new(&cps(word))), "{word}");
        }
        assert!(!Pattern::new(r"^kiss$", false).is_match(&Subject::new(&cps("KISS"))));
    }

    #[test]
    fn one_call_judges_a_line_for_every_family() {
        let f = Features {
            words: 1,
            prose: false,
            sentences: 0,
            ends_sentence: false,
            title_shaped: false,
        };
        let none = Stoplist::default();
        let dates = testing::date_words();
        let judge = |text: &[u32], f, seams| judge(text, f, seams, &dates);
        let judged = judge(&cps("0100200707500000000000"), f, &none);
        assert_eq!(judged.tracking, Some(tracking::Residue::TrackingId));
        assert!(!judged.footer);
        let judged = judge(&cps("All rights reserved."), Features { words: 3, ..f }, &none);
        assert_eq!((judged.footer, judged.tracking), (true, None));
        assert!(judged.player.is_empty() && judged.comments == comments::Line::default());
        let judged = judge(&cps("Leave a comment"), Features { words: 3, ..f }, &none);
        assert_eq!(judged.comments.kind, Some(comments::Kind::Header));
        let judged = judge(&cps("Video Player"), Features { words: 2, ..f }, &none);
        assert_eq!(judged.player, vec![player::Found::Line]);
        let judged = judge(&cps("Home > World > Europe"), Features { words: 5, ..f }, &none);
        assert_eq!(judged.navigation, Some(navigation::Found::Label));
        assert_eq!(
            judge(&cps("Home"), Features { prose: true, ..f }, &none).navigation,
            None
        );
        let judged = judge(&cps("Read more: Brexit talks stall"), Features { words: 5, ..f }, &none);
        assert_eq!(judged.related.verdict, Some(related::Verdict::Line));
    }

    #[test]
    fn holds_finds_a_needle_of_code_points() {
        let text = cps("a «b» c&lt;");
        assert!(holds(&text, "«b»") && holds(&text, "&lt;") && holds(&text, "a") && holds(&text, ""));
        assert!(!holds(&text, "&lt;x") && !holds(&text, "b c") && !holds(&cps(""), "a"));
        assert!(holds_within(&text, "«b", 4) && !holds_within(&text, "«b»", 4));
        assert!(holds_within(&text, "a", 1) && !holds_within(&text, "a", 0));
    }

    fn literals(source: &str) -> Option<Vec<String>> {
        let hir = regex_syntax::Parser::new().parse(source).unwrap();
        let mut found: Vec<String> = needed(&hir)?
            .into_iter()
            .map(|l| String::from_utf8(l).unwrap())
            .collect();
        found.sort();
        Some(found)
    }

    #[test]
    fn a_gate_names_the_literals_every_match_holds() {
        let names = |v: &[&str]| Some(v.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(
            literals(r"\ball rights reserved\b|^(?:copyright\s*)?©"),
            names(&["all rights reserved", "©"])
        );
        // a run of children that match one of a few strings makes longer literals
        assert_eq!(
            literals(r"^(?:photo|image)s? credit"),
            names(&["image credit", "images credit", "photo credit", "photos credit"])
        );
        // the most telling child of a sequence, past classes and repeats
        assert_eq!(literals(r"^\w+\s+(?:says|said)\s*:"), names(&["said", "says"]));
        // a literal holding another is held wherever that one is
        assert_eq!(literals(r"video|video player"), names(&["video"]));
        // nothing every match must hold: no gate, the line is searched
        assert_eq!(literals(r"^\w+$"), None);
        assert_eq!(literals(r"(?:photo)?\d+"), None);
        assert_eq!(literals(r"a|\w+"), None);
    }

    #[test]
    fn a_gate_never_turns_away_a_line_its_pattern_matches() {
        let patterns = [
            r"\ball rights reserved\b|^(?:copyright\s*)?©",
            r"^(?:photo|image)s? (?:credit|courtesy)\b",
            r"[.!?]\s*(?:AP|Reuters)\s*$",
            r"\b\d{1,2}:\d{2}\s*[ap]m\b",
            r"^(?:read|see) (?:more|also)\s*:?",
            r"x{2}y|zz",
            r"é{2}|ß",
            // gated by how they open only
            r"^\w+\s?:",
            r"^\(?\s*(?:photo|image|é)",
            r"^\d{2}:\d{2}$|^(?:a|an|the)\s+\w+$",
            r"^(?:\s*[(©]|[a-z]{2,}\s)",
        ];
        let alphabet = [
            "a",
            "ll",
            " rights",
            " reserved",
            "©",
            "copyright",
            "photo",
            "s",
            " credit",
            "image",
            " courtesy",
            ".",
            " AP",
            "Reuters",
            "12",
            ":",
            "30",
            " pm",
            "read",
            " more",
            "see",
            " also",
            "x",
            "y",
            "z",
            "é",
            "ß",
            " ",
            "(",
            "the",
            "an",
            "A",
        ];
        let patterns: Vec<Pattern> = patterns.iter().map(|source| Pattern::new(source, false)).collect();
        let mut seed = 7u64;
        let mut matched = 0;
        for _ in 0..20_000 {
            let mut line = String::new();
            for _ in 0..(seed % 9 + 1) {
                seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                line.push_str(alphabet[(seed >> 33) as usize % alphabet.len()]);
            }
            let s = Subject::new(&cps(&line));
            for p in &patterns {
                assert!(p.gate.is_some(), "{} has a gate", p.source());
                if p.regex.is_match(s.text(false)) {
                    matched += 1;
                    assert!(p.is_match(&s), "{} turned away {line:?}", p.source());
                }
            }
        }
        assert!(matched > 1000, "the lines match now and then ({matched})");
        let p = Pattern::new(r"\ball rights reserved\b", false);
        assert!(p.haystack(&Subject::new(&cps("The rights we keep"))).is_none());
        assert!(p.haystack(&Subject::new(&cps("© 2024, all rights reserved"))).is_some());
        let p = Pattern::new(r"^(?:read|see) (?:more|also)", false);
        assert!(p.haystack(&Subject::new(&cps("I read more"))).is_none());
        assert!(p.haystack(&Subject::new(&cps("Read more"))).is_none());
        assert!(p.haystack(&Subject::new(&cps("see more"))).is_some());
    }

    #[test]
    fn an_anchored_pattern_is_gated_by_how_it_opens() {
        let opens = |source: &str| opening(&regex_syntax::Parser::new().parse(source).unwrap());
        let passes = |source: &str, line: &str| opens(source).unwrap().passes(line.as_bytes());
        // the strings every match opens with: a line must open with one of their first two bytes
        assert!(passes(r"^(?:read|see) more", "read on") && passes(r"^(?:read|see) more", "see"));
        assert!(!passes(r"^(?:read|see) more", "I read more") && !passes(r"^(?:read|see) more", "r"));
        // else the bytes it opens with: a Unicode class opens with the lead bytes of its letters
        assert!(passes(r"^\d+ comments", "12 comments") && !passes(r"^\d+ comments", "No comments"));
        assert!(passes(r"^\w+:", "é:") && passes(r"^\w+:", "Ж:") && !passes(r"^\w+:", "(a):"));
        // what may come first and may be missing lets what follows it open the match
        assert!(passes(r"^\(?\s*\w", "( a") && passes(r"^\(?\s*\w", "a"));
        // every branch must be anchored, and no match empty
        assert!(opens(r"^a|^b").is_some());
        assert!(opens(r"^a|b").is_none() && opens(r"^(?:a)?$").is_none() && opens(r"\w+").is_none());
        assert!(opens(r"^\s*$").is_none());
    }

    #[test]
    fn a_line_holds_a_literal_as_its_folded_text_does() {
        let needles = ["cookie", "by", "©", "(c)", "read more", "é", "", "ss", "k"];
        let pieces = [
            "Cookies", " by ", "©", "(C)", "READ", " more", "É", "ß", "\u{212a}", "x", " ",
        ];
        let hints = Hints::new(&needles[..5]);
        let mut seed = 11u64;
        for _ in 0..5_000 {
            let mut line = String::new();
            for _ in 0..(seed % 7) {
                seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                line.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
            }
            let s = Subject::new(&cps(&line));
            for needle in needles {
                assert_eq!(s.holds(needle), s.folded().contains(needle), "{needle:?} in {line:?}");
                assert_eq!(
                    s.shows(needle),
                    s.exact.contains(needle),
                    "{needle:?} shown in {line:?}"
                );
            }
            assert_eq!(
                hints.in_line(&s),
                needles[..5].iter().any(|n| s.folded().contains(n)),
                "{line:?}"
            );
        }
    }

    #[test]
    fn an_ascii_line_folds_as_any_line_does() {
        for line in ["Photo: AP", "KELVIN \x1c Kilo\x1fX", "read MORE »", "", "\x7f~Z"] {
            // a character past ASCII takes the line the long way
            let long = Subject::new(&cps(&format!("{line}é")));
            let folded = long.folded();
            assert_eq!(
                Subject::new(&cps(line)).folded(),
                &folded[..folded.len() - 'é'.len_utf8()]
            );
        }
    }

    #[test]
    fn spans_count_code_points() {
        let p = Pattern::new(r"b+", false);
        assert_eq!(p.find(&Subject::new(&cps("ééabb"))), Some((3, 5)));
        assert_eq!(p.find(&Subject::new(&[0xd800, b'b' as u32])), Some((1, 2)));
        // an ASCII separator that is a space to `re` is shown by a wider stand-in
        assert_eq!(p.find(&Subject::new(&cps("\x1cabb"))), Some((2, 4)));
        let spaced = Pattern::new(r"a\sb", true);
        assert_eq!(spaced.find(&Subject::new(&cps("\x1fA\x1cB"))), Some((1, 4)));
    }
}
