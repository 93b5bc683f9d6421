//! Copyright and legal footers: "© 2019 The New York Times Company", "All rights reserved.",
//! "iPad and iPhone are registered trademarks of Apple Inc.", and a press release's "About Acme"
//! closing it, told by the paragraph under it (`detect`, once per document, `_core.footer`). The
//! words of other languages' notices are data, `clean/data/residue/`, matched on the Python side
//! and handed over per line.

use std::sync::LazyLock;

use super::{Pattern, Subject};

static COPYRIGHT: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        concat!(
            r"^(?:copyright\s*)?(?:©|\(c\)\s*\d{4})",
            r"|\ball rights reserved\b|\balle rechte vorbehalten\b|\btous droits réservés\b",
            r"|\btodos los derechos reservados\b|\btutti i diritti riservati\b|\btodos os direitos reservados\b",
            r"|\bthis material may not be (?:published|reproduced)",
            r"|\bthis copy is for your personal,? non-commercial use\b|\bthis document is subject to copyright\b",
            r"|\bno part (?:of this \w+ )?may be reproduced\b|^citation\s*:.{0,200}\bretrieved\b.{0,80}\bfrom\b",
            r"|^copyright\s+(?:\d{4}|©)|^copyright\s+\S.{0,60}\b(?:19|20)\d\d\b(?:\s*[-–|].{0,40})?$",
        ),
        true,
    )
});
pub const MAX_WORDS: usize = 60;

// The legal notices of a site's footer: a list of marks and their owners, a disclaimer about
// the site's own content, the small print under testimonials. A sentence about one trademark
// ("Kleenex is a trademark of ...") is not one of these.
static LEGAL: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        concat!(
            r"\bare (?:registered )?trademarks of\b",
            r"|^the information (?:provided|contained|presented|published) (?:on|in) this (?:web ?site|site)\b",
            r"|^\+?results (?:may )?vary\b.{0,300}\b(?:testimonials?|not typical)\b",
            // NPR's note under its transcripts; a press release's forward-looking-statements notice.
            r"|^npr transcripts are created on a rush deadline\b",
            r"|^safe harbor statement\b(?:\s+under the private securities litigation reform act\b|\s*$)",
        ),
        true,
    )
});
const MAX_LEGAL_WORDS: usize = 90;

// A notice that opens by naming itself runs as long as its legalese: "Safe Harbor Statement under
// the Private Securities Litigation Reform Act of 1995: Certain statements included in this
// release are forward-looking ..." goes on for pages of risks. It opens with an "S" as written
// (not a long s), a cheap test before the pattern.
static NAMED_NOTICE: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"^safe harbor statement under the private securities litigation reform act\b",
        true,
    )
});
const MAX_NAMED_NOTICE_WORDS: usize = 1000;

/// Whether the line is a copyright or legal notice, by the patterns (`words`: its word count).
pub fn copyright(s: &Subject, words: usize) -> bool {
    if words > MAX_NAMED_NOTICE_WORDS {
        return false;
    }
    words <= MAX_WORDS && COPYRIGHT.is_match(s)
        || words <= MAX_LEGAL_WORDS && LEGAL.is_match(s)
        || matches!(s.codes().first(), Some(0x53 | 0x73)) && NAMED_NOTICE.is_match(s)
}

// A press release closes on who the company is: "About Acme" / "Acme Corp. operates 4,700
// stores in ...". The heading names the company and its paragraph opens with that name. A story
// may head a section the same way ("About Mohawk" / "Mohawk is the oldest of the lions ..."), so
// the pair goes only where the text ends, with the release's other notices.
static ABOUT: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"^About (?:the )?(?P<name>[A-Z][\w&.'’-]*)(?: [A-Z][\w&.'’-]*){0,4}$",
        false,
    )
});
const MAX_ABOUT_WORDS: usize = 6;
const MAX_ABOUT_PARAGRAPH_WORDS: usize = 200;

/// The name an "About <name>" heading gives, or None if the line is no such heading (`words`:
/// its word count).
pub fn about_name<T: Copy + Into<u32>>(text: &[T], words: usize) -> Option<Vec<u32>> {
    let opens = "About "
        .bytes()
        .enumerate()
        .all(|(i, b)| text.get(i).is_some_and(|&c| c.into() == b as u32));
    if words > MAX_ABOUT_WORDS || !opens {
        return None;
    }
    let s = Subject::new(text);
    let (start, end) = ABOUT.group(&s, 1)??;
    Some(s.codes[start..end].to_vec())
}

/// What `detect` reads of a distinct line of a document.
pub struct Line<'t> {
    /// a notice, by the patterns or the language's words
    pub notice: bool,
    /// the name an "About <name>" heading gives (`about_name`)
    pub about: Option<Vec<u32>>,
    pub prose: bool,
    pub words: usize,
    /// the line's code points: read only under an "About" heading, so they may be left empty in
    /// a document that has none
    pub text: &'t [u32],
}

/// The family's verdicts on a document whose blocks are `lines[line_of[i]]`, in the order the
/// family yields them, as (block, whether it goes only where the text ends): the notices, then
/// the "About" headings and their paragraphs.
pub fn detect(lines: &[Line], line_of: &[usize]) -> Vec<(usize, bool)> {
    let mut out: Vec<(usize, bool)> = (0..line_of.len())
        .filter(|&i| lines[line_of[i]].notice)
        .map(|i| (i, false))
        .collect();
    for i in 0..line_of.len().saturating_sub(1) {
        let Some(name) = &lines[line_of[i]].about else {
            continue;
        };
        let below = &lines[line_of[i + 1]];
        let named = below.text.starts_with(name)
            && matches!(below.text.get(name.len()), Some(&c) if c == b' ' as u32 || c == b',' as u32);
        if named && below.prose && below.words <= MAX_ABOUT_PARAGRAPH_WORDS {
            out.extend([(i, true), (i + 1, true)]);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::testing::{check_literals, cps};
    use super::*;

    fn judge(text: &str) -> bool {
        copyright(&Subject::new(&cps(text)), text.split_whitespace().count())
    }

    fn about(texts: &[&str]) -> Vec<(usize, bool)> {
        let codes: Vec<Vec<u32>> = texts.iter().map(|t| cps(t)).collect();
        let lines: Vec<Line> = texts
            .iter()
            .zip(&codes)
            .map(|(t, text)| {
                let words = t.split_whitespace().count();
                Line {
                    notice: judge(t),
                    about: about_name(text, words),
                    prose: words >= 8 && t.ends_with('.'),
                    words,
                    text,
                }
            })
            .collect();
        let line_of: Vec<usize> = (0..lines.len()).collect();
        detect(&lines, &line_of)
    }

    #[test]
    fn about_the_company_closing_a_release() {
        let release = [
            "The company expects sales to rise by a fifth next year, it said in a statement.",
            "About Acme Corp.",
            "Acme Corp. operates 4,700 stores in twelve countries and employs 90,000 people.",
            "© 2019 Acme Corp.",
        ];
        assert_eq!(about(&release), [(3, false), (1, true), (2, true)]);
        let the = [
            "About the Acme Group",
            "Acme, founded in 1920, makes anvils for roadrunner hunters.",
        ];
        assert_eq!(about(&the), [(0, true), (1, true)]);
    }

    #[test]
    fn no_about_unless_the_paragraph_opens_with_the_name() {
        for pair in [
            [
                "About Acme",
                "The company operates 4,700 stores in twelve countries and more.",
            ],
            [
                "About Acme",
                "Acmes operate 4,700 stores in twelve countries and employ many.",
            ],
            [
                "About the author of the book we read",
                "About is a word that this line opens with.",
            ],
            [
                "about acme",
                "acme operates 4,700 stores in twelve countries and employs many.",
            ],
            ["About Acme", "Acme"],
        ] {
            assert_eq!(about(&pair), [], "{pair:?}");
        }
    }

    #[test]
    fn literals_are_found() {
        for p in [&*COPYRIGHT, &*LEGAL, &*NAMED_NOTICE, &*ABOUT] {
            check_literals(p);
        }
    }

    #[test]
    fn notices_are_copyright() {
        for line in [
            "© 2019 The New York Times Company",
            "Copyright (c) 2021 Example Media",
            "COPYRIGHT 2020 Some Paper Ltd.",
            "Copyright Example Media Group 2018 - all sites",
            "All Rights Reserved.",
            "Tous droits réservés",
            "TOUS DROITS RÉSERVÉS",
            "This material may not be published, broadcast, rewritten or redistributed.",
            "No part of this publication may be reproduced without permission.",
            "Citation: A. Author et al. (2020). Retrieved 3 May 2020 from the archive",
            "iPad and iPhone are registered trademarks of Apple Inc.",
            "The information provided on this website is for general purposes only.",
            "Results may vary. Testimonials are not typical.",
            "NPR transcripts are created on a rush deadline by a contractor.",
            "Safe Harbor Statement",
        ] {
            assert!(judge(line), "{line}");
        }
    }

    #[test]
    fn prose_about_rights_is_not() {
        for line in [
            "The court said the copyright claim was weak.",
            "Kleenex is a trademark of Kimberly-Clark.",
            "Voters fought for their rights, reserved seats and all.",
            "The results vary from year to year.",
            "Copyright law has changed since the 1990s and will change again in many ways",
        ] {
            assert!(!judge(line), "{line}");
        }
    }

    #[test]
    fn long_notices_are_bounded_by_words() {
        let long = format!("All rights reserved. {}", "word ".repeat(70));
        assert!(!copyright(&Subject::new(&cps(&long)), 73));
        let named = format!(
            "Safe Harbor Statement under the Private Securities Litigation Reform Act of 1995: {}",
            "risk ".repeat(500)
        );
        let named = Subject::new(&cps(&named));
        assert!(copyright(&named, 512));
        assert!(!copyright(&named, 1001));
    }
}
