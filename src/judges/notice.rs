//! Texts that are no article at all: what a crawler got instead of the story. The line's part:
//! the Internet Archive's notices and a redirect's "please wait", which go wherever they stand,
//! and the sentences of an error page, a browser check or a sharing form, which go only when
//! such a stand-in is all the text holds (decided on the Python side, over the whole text).

use std::sync::LazyLock;

use super::{Pattern, Subject};

// The Internet Archive's notices, word for word as it prints them in place of a page.
static ARCHIVE: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        concat!(
            r"^Starting in 1996, Alexa Internet has been donating their crawl data to the Internet Archive\b",
            r"|^These crawls are part of an effort to archive pages as they are created and archive the pages\b",
            r"|^This is a set of web collections curated by\b.{0,200}\bInternet Archive\b",
        ),
        false,
    )
});
// What a page that forwards the browser elsewhere prints while it does ("Please wait while you
// are redirected...or Click Here if you do not want to wait."): a story never says it of itself,
// so it goes wherever it stands, like the archive's notices.
static REDIRECT: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        concat!(
            r"^(?:please wait while you are (?:being )?redirected|you are (?:now )?being redirected)(?:\s+to\s+[^,.!?]{1,80})?",
            r"\s*(?:[.!…]+|$)\s*(?:$|or\b|if you\b|click\b)",
        ),
        true,
    )
});

// What an error page, a browser check or a sharing form says instead of the story.
static STAND_IN: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        concat!(
            r"\b(?:the )?page (?:(?:that )?you (?:are|were|'re) looking for|you requested|you have requested)\b.{0,40}\b",
            r"(?:could not be found|cannot be found|can't be found|does not exist|doesn't exist|is no longer available|",
            r"has been (?:moved|removed|deleted))",
            r"|^(?:error\s+)?404\b|^(?:sorry,?\s+)?(?:this\s+|the\s+)?page (?:was )?not found\b|^not found\b",
            r"|^access denied\b|^forbidden\b|\byou don't have permission to access\b",
            r"|\b(?:javascript|cookies) (?:is|are|seems? to be) (?:disabled|not enabled|turned off)\b",
            r"|\bplease (?:enable|turn on) (?:javascript|cookies)\b|\byou need to enable javascript\b",
            r"|^thank you for your interest in spreading the word\b",
            r"|\bwe only request your email address so that the person you are recommending the page to\b",
        ),
        true,
    )
});
// Every match holds one of these: a line holding none is not searched.
const STAND_IN_HINTS: &[&str] = &[
    "page",
    "404",
    "not found",
    "access denied",
    "forbidden",
    "permission",
    "javascript",
    "cookies",
    "spreading the word",
    "email address",
];

#[derive(Debug, PartialEq, Eq)]
pub enum Notice {
    /// the archive's or a redirect's notice: residue wherever it stands
    Wherever,
    /// an error page's, a browser check's or a sharing form's sentence: residue only in a text
    /// of nothing else
    StandIn,
}

pub fn judge<T: Copy + Into<u32>>(text: &[T]) -> Option<Notice> {
    let s = Subject::new(text);
    if ARCHIVE.is_match(&s) || REDIRECT.is_match(&s) {
        Some(Notice::Wherever)
    } else if STAND_IN_HINTS.iter().any(|hint| s.holds(hint)) && STAND_IN.is_match(&s) {
        Some(Notice::StandIn)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{check_literals, cps};
    use super::*;

    fn judged(text: &str) -> Option<Notice> {
        judge(&cps(text))
    }

    #[test]
    fn literals_are_found() {
        for p in [&*ARCHIVE, &*REDIRECT, &*STAND_IN] {
            check_literals(p);
        }
    }

    #[test]
    fn the_archives_and_a_redirects_notices_go_wherever() {
        for line in [
            "Starting in 1996, Alexa Internet has been donating their crawl data to the Internet Archive. Flowing in every day",
            "This is a set of web collections curated by Archive-It partners, using the Internet Archive",
            "Please wait while you are redirected...or Click Here if you do not want to wait.",
            "YOU ARE BEING REDIRECTED TO the home page",
            "You are now being redirected",
        ] {
            assert_eq!(judged(line), Some(Notice::Wherever), "{line}");
        }
    }

    #[test]
    fn error_pages_and_browser_checks_are_stand_ins() {
        for line in [
            "Sorry, the page you are looking for could not be found.",
            "404 Page Not Found",
            "Error 404",
            "Access Denied",
            "We've detected that JavaScript is disabled in your browser.",
            "Please enable cookies to continue.",
            "You don't have permission to access this resource.",
        ] {
            assert_eq!(judged(line), Some(Notice::StandIn), "{line}");
        }
    }

    #[test]
    fn stories_that_quote_them_are_not() {
        for line in [
            "starting in 1996, alexa internet has been donating their crawl data to the internet archive",
            "The officials were redirected to another hearing.",
            "The page you requested, the site told readers, was part of an old campaign.",
            "The forbidden city opened to visitors.",
            "Cookies are baked every morning.",
        ] {
            assert_eq!(judged(line), None, "{line}");
        }
        // a quoted error is a stand-in's sentence, removed only where it is all the text holds
        assert_eq!(
            judged("the page you requested could not be found, the site told readers"),
            Some(Notice::StandIn)
        );
    }
}
