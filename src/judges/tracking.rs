//! Machine residue: tracking ids and hashes left on their own line
//! (`010020070750000000000000011105521365662021`), and markup the scraper did not render: HTML
//! tags printed as text (`&lt;span data-mce-type="bookmark" ...&gt;`) and WordPress shortcodes
//! (`[button link="..."]Send us your review[/button]`), and a scanned page's specks read as
//! text.

use std::sync::LazyLock;

use super::{holds, holds_within, Pattern, Subject};
use crate::chars;

// An id with nothing else on the line (its spaces taken out): a long digit run (ad slots,
// article ids), a hex digest, a UUID; or a base64-ish token, below.
static ID: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"^(?:\d{12,}|[0-9a-f]{16,}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$",
        true,
    )
});
// A token of 24 or more letters, digits, "_" and "-", at least one a digit and one a letter.
static TOKEN: LazyLock<Pattern> = LazyLock::new(|| Pattern::new(r"^[a-z0-9_\-]{24,}$", true));
static TOKEN_DIGIT: LazyLock<Pattern> = LazyLock::new(|| Pattern::new(r"[0-9]", true));
static TOKEN_LETTER: LazyLock<Pattern> = LazyLock::new(|| Pattern::new(r"[a-z]", true));
const MAX_ID_WORDS: usize = 2;

// A tag, raw or escaped, with its attributes; a shortcode, opening or closing. Names are lower
// case and every attribute has a value, so "<The Palace: Jang Noksu>", a title in angle
// brackets, is not a tag.
macro_rules! attrs {
    () => {
        r#"(?:\s+[a-z_:][\w:.-]{0,30}=(?:"[^"\n]{0,300}"|'[^'\n]{0,300}'|[^\s"'<>&=]{1,100}))*\s*/?"#
    };
}
static TAG: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        concat!(
            r"</?[a-z][a-z0-9]{0,15}",
            attrs!(),
            r">",
            r"|&lt;/?[a-z][a-z0-9]{0,15}",
            attrs!(),
            r"&gt;",
            r#"|\[/?[a-z][a-z_-]{1,30}(?:\s+[a-z_-]+=["”“'][^"”“'\]\n]{0,300}["”“'])*\s*\]"#,
        ),
        false,
    )
});
// A line is markup when tags make up most of it: an article about HTML quotes a tag or two in
// its sentences.
const MIN_MARKUP_SHARE: f64 = 0.6;
// Entities escaped once or many times over, and escaped comments, with nothing else on the line:
// "&amp;amp;nbsp; &amp;amp;lt;!--iframe--&amp;amp;gt;".
static ENTITY: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"&(?:amp;)*(?:lt;!--.{0,60}?--&(?:amp;)*gt;|[a-z]{2,8};|#\d{1,7};)",
        false,
    )
});
// A tag that lost its "<" glued before a paragraph: 'runtime:topic id="PLGEO100100804000000"> As ...'
static TAG_TAIL: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r#"^[a-z][\w-]*(?::[\w-]+)?(?:\s+[a-z_:][\w:.-]{0,30}="[^"\n]{0,200}")+\s*/?>\s*"#,
        false,
    )
});
// A lost tag's "\">" stands this near the line's start.
const TAG_TAIL_REACH: usize = 300;

// A scanned page's specks read as text: "r; .r", "i. a:". Small letters and the marks between
// them, no word of three letters and no digit: with digits, a line this short is a measure, a
// price, a time, a table's cell or a name ("104 cm", "ab 19,99 €", "um 22:23", "x 4,01 3,87",
// "Wi-Fi 6"), and a table's labels ("A: 5, B: 6") are not these either; nor is "p.m".
const MAX_SPECKS_CHARS: usize = 40;
const MAX_SPECKS_WORDS: usize = 6;
static TIME_OF_DAY: LazyLock<Pattern> = LazyLock::new(|| Pattern::new(r"\b[ap]\.?\s?m\b", true));

#[derive(Debug, PartialEq, Eq)]
pub enum Residue {
    TrackingId,
    /// markup: the whole line, or the span of it a lost tag holds
    Markup(Option<(usize, usize)>),
}

pub fn judge(s: &Subject, words: usize) -> Option<Residue> {
    let text = s.codes();
    if words <= MAX_ID_WORDS && is_id(text) {
        return Some(Residue::TrackingId);
    }
    let found = markup(s);
    // Specks come after ids, tags and entities but before a tag's lost opening, the one markup
    // rule a line without "<", "[" or "&" can meet.
    let tagged = || {
        text.iter()
            .any(|&c| c == '<' as u32 || c == '[' as u32 || c == '&' as u32)
    };
    if text.len() <= MAX_SPECKS_CHARS && words <= MAX_SPECKS_WORDS && (found.is_none() || !tagged()) && specks(s) {
        return Some(Residue::Markup(None));
    }
    found
}

fn specks(s: &Subject) -> bool {
    let text = s.codes();
    let letter = |c: u32| chars::is_word(c) && !chars::is_decimal(c) && c != '_' as u32;
    text.iter().position(|&c| !chars::is_space(c)).is_some_and(|first| {
        let last = text.iter().rposition(|&c| !chars::is_space(c)).unwrap_or(first);
        text[first..=last].contains(&(' ' as u32))
    }) && text.iter().any(|&c| chars::is_lower(c))
        && !text.iter().any(|&c| chars::is_digit(c))
        && text
            .iter()
            .any(|&c| [';', ':', ',', '-'].iter().any(|&m| c == m as u32))
        && !text.windows(3).any(|w| w.iter().all(|&c| letter(c)))
        && !TIME_OF_DAY.is_match(s)
}

fn markup(s: &Subject) -> Option<Residue> {
    let text = s.codes();
    // The cheap tests come first: most lines hold none of these characters and are never
    // handed to the patterns.
    let entities = text.contains(&('&' as u32));
    let tags = entities && holds(text, "&lt;") || text.iter().any(|&c| c == '<' as u32 || c == '[' as u32);
    let tail = text.contains(&('>' as u32)) && holds_within(text, "\">", TAG_TAIL_REACH);
    if !(tags || entities || tail) {
        return None;
    }
    if tags && is_markup(text, s) {
        Some(Residue::Markup(None))
    } else if entities && is_entities(text, s) {
        Some(Residue::Markup(None))
    } else if tail {
        let (start, end) = TAG_TAIL.find(s)?;
        Some(Residue::Markup(if end == text.len() {
            None
        } else {
            Some((start, end))
        }))
    } else {
        None
    }
}

fn is_id<T: Copy + Into<u32>>(text: &[T]) -> bool {
    let squeezed: Vec<u32> = text.iter().map(|&c| c.into()).filter(|&c| c != 0x20).collect();
    let s = Subject::new(&squeezed);
    ID.is_match(&s) || TOKEN.is_match(&s) && TOKEN_DIGIT.is_match(&s) && TOKEN_LETTER.is_match(&s)
}

fn not_space_count(text: &str) -> usize {
    text.chars().filter(|&c| c != ' ').count()
}

/// Whether tags hold most of the line's visible characters (spaces counted on neither side).
fn is_markup<T: Copy + Into<u32>>(text: &[T], s: &Subject) -> bool {
    let tagged: usize = TAG.find_iter(s).map(not_space_count).sum();
    let visible = text.iter().filter(|&&c| c.into() != 0x20).count();
    tagged as f64 >= MIN_MARKUP_SHARE * visible as f64
}

/// Whether the line is two or more entities and spaces, nothing else.
fn is_entities<T: Copy + Into<u32>>(text: &[T], s: &Subject) -> bool {
    let mut found = 0;
    let mut at = 0; // code points
    let mut rest_is_space = true;
    let shown = s.text(false);
    let mut byte = 0;
    for m in ENTITY.regex.find_iter(shown) {
        let start = at + shown[byte..m.start()].chars().count();
        rest_is_space &= text[at..start].iter().all(|&c| chars::is_space(c.into()));
        at = start + m.as_str().chars().count();
        byte = m.end();
        found += 1;
    }
    rest_is_space &= text[at..].iter().all(|&c| chars::is_space(c.into()));
    found >= 2 && rest_is_space
}

#[cfg(test)]
mod tests {
    use super::super::testing::{check_literals, cps};
    use super::*;

    fn judged(text: &str) -> Option<Residue> {
        judge(&Subject::new(&cps(text)), text.split_whitespace().count())
    }

    #[test]
    fn literals_are_found() {
        for p in [
            &*ID,
            &*TOKEN,
            &*TOKEN_DIGIT,
            &*TOKEN_LETTER,
            &*TAG,
            &*ENTITY,
            &*TAG_TAIL,
            &*TIME_OF_DAY,
        ] {
            check_literals(p);
        }
    }

    #[test]
    fn ids_are_tracking() {
        for line in [
            "010020070750000000000000011105521365662021",
            "3f2a9c0d4e5b6a7f8e9d",
            "123e4567-E89B-12d3-a456-426614174000",
            "aZ3_kd93-Jd83kdP02kdmE83k",
            "0100200707 50000000",
        ] {
            assert_eq!(judged(line), Some(Residue::TrackingId), "{line}");
        }
    }

    #[test]
    fn words_and_short_numbers_are_not_ids() {
        for line in [
            "12345678901",
            "abcdefghijklmnopqrstuvwxyzab",
            "The year 2019 was long.",
            "deadbeef",
        ] {
            assert_eq!(judged(line), None, "{line}");
        }
    }

    #[test]
    fn printed_tags_are_markup() {
        for line in [
            r#"&lt;span data-mce-type="bookmark" style="display: inline-block"&gt;&lt;/span&gt;"#,
            r#"<div class="ad"></div>"#,
            r#"[button link="https://example.com"]Review[/button]"#,
            "&amp;amp;nbsp; &amp;amp;lt;!--iframe--&amp;amp;gt;",
            "&nbsp; &nbsp;",
        ] {
            assert_eq!(judged(line), Some(Residue::Markup(None)), "{line}");
        }
    }

    #[test]
    fn a_lost_tag_is_cut_from_its_paragraph() {
        let line = r#"runtime:topic id="PLGEO100100804000000"> As the storm moved"#;
        assert_eq!(judged(line), Some(Residue::Markup(Some((0, 41)))));
        assert_eq!(judged(r#"topic id="x">"#), Some(Residue::Markup(None)));
    }

    #[test]
    fn prose_about_tags_is_not_markup() {
        for line in [
            "<The Palace: Jang Noksu> opened to crowds.",
            "Wrap the title in an <h1> element so that search engines find the page heading.",
            "Fish & chips; then tea.",
            "&amp; alone",
            r#"He said "stop"> and left."#,
        ] {
            assert_eq!(judged(line), None, "{line}");
        }
    }

    #[test]
    fn specks_are_markup() {
        for line in ["r; .r", "i. a:", " ii, v- ", "ﬁ; x"] {
            assert_eq!(judged(line), Some(Residue::Markup(None)), "{line}");
        }
    }

    #[test]
    fn short_lines_with_marks_are_not_specks() {
        for line in [
            "104 cm; 3",
            "A: 5, B: 6",
            "ab 19,99 €",
            "um 22:23",
            "Wi-Fi 6",
            "go on, then",
            "p.m, a.m;",
            "r;.r",
            "a; b; c; d; e; f; g; h",
        ] {
            assert_eq!(judged(line), None, "{line}");
        }
    }
}
