//! Copyright and legal footers: "© 2019 The New York Times Company", "All rights reserved.",
//! "iPad and iPhone are registered trademarks of Apple Inc.". (The words of other languages'
//! notices are data, `clean/data/residue/`, matched on the Python side.)

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

#[cfg(test)]
mod tests {
    use super::super::testing::{check_literals, cps};
    use super::*;

    fn judge(text: &str) -> bool {
        copyright(&Subject::new(&cps(text)), text.split_whitespace().count())
    }

    #[test]
    fn literals_are_found() {
        for p in [&*COPYRIGHT, &*LEGAL, &*NAMED_NOTICE] {
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
