//! Dates, times and ages, in the spellings news sites print them: a line of nothing but a date
//! ("Updated 10:32 AM ET, Tue March 5, 2019", "30.08.2017", "Oktober 2015") or a post's age
//! ("3 hours ago", "il y a 3 heures"). Metadata's date lines, related's stamped teasers and
//! comments' signatures all ask these questions. The words a date may hold come from every
//! language's data (`DateWords`, built from `clean/data/residue/<lang>.txt` by the Python side).

use std::sync::LazyLock;

use super::{Pattern, Subject};
use crate::chars;
use crate::lines::Stoplist;

/// A date line holds at most this many characters.
const MAX_DATE_CHARS: usize = 80;
/// A post's age, with its author or a label before it, at most this many.
const MAX_AGE_CHARS: usize = 80;

/// The words a date line may hold beside its digits, and the month names among them, casefolded.
#[derive(Default)]
pub struct DateWords {
    pub allowed: Stoplist,
    pub months: Stoplist,
}

// All-digit dates and times: 2017-08-30, 30.08.2017, 8/30/17, 00:23 (not a phone number).
static NUMERIC_DATE: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"\b(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.](?:\d{4}|\d{2})|\d{1,2}:\d{2})\b",
        false,
    )
});

// How long ago something was posted, the way comment threads and lists of stories print it:
// "2 hours ago", "Posted 4 mins ago", "By Maren Estrada 2 days ago", "2 days ago at 07:52 am",
// "il y a 3 heures", "vor 2 Stunden", "hace 2 horas", "3 ore fa".
static AGE: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        concat!(
            r"^(?:[^\W\d_][\w.'’-]*\s+){0,4}(?:[|•·–-]\s+)?(?:",
            r"(?:\d+|an?|one)\s?(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?|mos?|months?",
            r"|y|yrs?|years?)\s+ago(?:\s+(?:at|@)\s+\d{1,2}[:.]\d{2}(?:\s?[ap]\.?\s?m\.?)?)?",
            r"|(?:il y a|vor|hace|há)\s+(?:\d+|une?|un|einer?|einem)\s+(?:minutes?|heures?|jours?|semaines?|mois|minuten?",
            r"|stunden?|tag(?:en)?|wochen?|monat(?:en)?|minutos?|horas?|d[ií]as?|semanas?|mes(?:es)?)",
            r"|\d+\s+(?:minuti|ore|giorni|settimane|mesi)\s+fa",
            r")\s*$",
        ),
        true,
    )
});

// A month and a year with no day ("Oktober 2015", "September 2013/2014").
static MONTH_YEAR: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::new(r"^[^\W\d_]+\.?\s+\d{4}(?:\s*[/–-]\s*\d{2,4})?$", false));

// A date's label left alone when the date itself was a widget: "Updated", "First posted".
static BARE_DATE_LABEL: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::new(r"^(?:first |last )?(?:posted|updated|published)(?: on| at)?:?$", true));
// "Published: 2019-11-20", "Veröffentlicht am 16.08.2019", "mis à jour le 3 mars".
static DATE_LABEL: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        concat!(
            r"^(?:published|updated|posted|last updated|first published|modified|date|",
            r"veröffentlicht|aktualisiert|stand|publié|mis à jour|publicado|actualizado|pubblicato|aggiornato)",
            r"\b(?:\s+(?:on|at|le|el|am))?\s*:?\s*(.+)$",
        ),
        true,
    )
});
// A labelled date that is no date to `is_date` still is one when it is short and holds a digit.
const MAX_LABELLED_CHARS: usize = 40;
static CLOCK_ONLY: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::new(r"^\d{1,2}[:.]\d{2}(?:\s?[ap]\.?\s?m\.?)?(?:\s+[a-z]{2,5})?$", true));
/// A date line holds at most this many words ("Published Tue, Nov 19 2019 7:05 AM EST Updated
/// Tue, Nov 19 2019 7:16 AM EST" counts 18).
pub const MAX_DATE_WORDS: usize = 24;

/// What a date line is.
#[derive(Debug, PartialEq, Eq, Clone, Copy)]
pub enum DateLine {
    /// a date's label alone ("Updated"), the date itself having been a widget
    Bare,
    /// a label and its date: the date's span, without the spaces and colons around it
    Labelled(usize, usize),
    /// a time of day alone: it heads an update in a live story ("6:25 p.m." / "The president
    /// said ..."), so it is the page's stamp only above the story
    Clock,
    /// nothing but a date
    Whole,
}

/// The line's date, if it is a date line (`words`: its word count).
pub fn date_line(s: &Subject, words: usize, dates: &DateWords) -> Option<DateLine> {
    if words > MAX_DATE_WORDS {
        return None;
    }
    if BARE_DATE_LABEL.is_match(s) {
        return Some(DateLine::Bare);
    }
    let codes = s.codes();
    if let Some(Some((start, end))) = DATE_LABEL.group(s, 1) {
        let date = &codes[start..end];
        if is_labelled_date(date, dates) {
            let stripped = |c: &&u32| **c == ' ' as u32 || **c == ':' as u32;
            let lead = date.iter().take_while(stripped).count();
            let trail = date[lead..].iter().rev().take_while(stripped).count();
            return Some(DateLine::Labelled(start + lead, end - trail));
        }
    }
    if is_date(codes, dates) {
        return Some(if CLOCK_ONLY.is_match(s) {
            DateLine::Clock
        } else {
            DateLine::Whole
        });
    }
    None
}

/// Whether the line opens with a date's label ("Published", "Veröffentlicht am", ...) and
/// something after it.
pub fn opens_with_date_label(s: &Subject) -> bool {
    DATE_LABEL.is_match(s)
}

/// Whether what follows a date's label is a date: one `is_date` knows, or a short text with a
/// digit (a label vouches for it).
pub fn is_labelled_date(text: &[u32], dates: &DateWords) -> bool {
    is_date(text, dates) || text.len() <= MAX_LABELLED_CHARS && text.iter().any(|&c| chars::is_decimal(c))
}

/// Whether `text` is nothing but a date or time: it holds a digit, and every word of it is a
/// number of at most four digits or a word of `words`, one a month's name unless the digits
/// make a date on their own.
pub fn is_date(text: &[u32], words: &DateWords) -> bool {
    if text.len() > MAX_DATE_CHARS || !text.iter().any(|&c| chars::is_decimal(c)) {
        return false;
    }
    let folded = chars::casefold(&without_zone(text));
    let mut any = false;
    let mut month = false;
    let mut i = 0;
    while i < folded.len() {
        let c = folded[i];
        let letters = is_letter(c);
        if !letters && !chars::is_decimal(c) {
            i += 1;
            continue;
        }
        let start = i;
        while i < folded.len()
            && (if letters {
                is_letter(folded[i])
            } else {
                chars::is_decimal(folded[i])
            })
        {
            i += 1;
        }
        let token = &folded[start..i];
        any = true;
        if token.iter().all(|&c| chars::is_digit(c)) {
            if token.len() > 4 {
                return false;
            }
        } else if !words.allowed.contains(token) {
            return false;
        }
        month = month || words.months.contains(token);
    }
    any && (month || NUMERIC_DATE.is_match(&Subject::new(text)))
}

/// `[^\W\d_]`: a word character that is no decimal digit and no underscore.
fn is_letter(c: u32) -> bool {
    chars::is_word(c) && !chars::is_decimal(c) && c != '_' as u32
}

/// The text without the time zone closing a clock time ("11:28 AMT", "09:15 WIB": any zone's
/// abbreviation, which no list could hold), as `re.sub(r"(\d{1,2}[:.]\d{2})\s+[A-Z]{2,5}$",
/// r"\1", text)` gives it.
fn without_zone(text: &[u32]) -> Vec<u32> {
    let n = text.len();
    let caps = text
        .iter()
        .rev()
        .take_while(|&&c| (b'A' as u32..=b'Z' as u32).contains(&c))
        .count();
    let mut k = n - caps;
    let spaces = text[..k].iter().rev().take_while(|&&c| chars::is_space(c)).count();
    if !(2..=5).contains(&caps) || spaces == 0 {
        return text.to_vec();
    }
    k -= spaces;
    // `\d{1,2}[:.]\d{2}` right before the spaces
    let clock = k >= 4
        && chars::is_decimal(text[k - 1])
        && chars::is_decimal(text[k - 2])
        && (text[k - 3] == ':' as u32 || text[k - 3] == '.' as u32)
        && chars::is_decimal(text[k - 4]);
    if clock {
        text[..k].to_vec()
    } else {
        text.to_vec()
    }
}

/// Whether `text` is a post's age ("3 hours ago"), maybe with its author or a label before it.
pub fn is_age(text: &[u32]) -> bool {
    text.len() <= MAX_AGE_CHARS && AGE.is_match(&Subject::new(text))
}

/// Whether `text` is a date of a month and a year only.
pub fn is_month_year(text: &[u32], words: &DateWords) -> bool {
    MONTH_YEAR.is_match(&Subject::new(text)) && is_date(text, words)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::judges::testing::{check_literals, cps};

    fn words() -> DateWords {
        let list = |s: &str| Stoplist::new(s.split_whitespace().map(cps));
        DateWords {
            allowed: list("march mar tue updated am et pm a p m oktober märz at the st nd rd th strasse"),
            months: list("march mar oktober märz"),
        }
    }

    #[test]
    fn literals_are_found() {
        for p in [
            &*NUMERIC_DATE,
            &*AGE,
            &*MONTH_YEAR,
            &*BARE_DATE_LABEL,
            &*DATE_LABEL,
            &*CLOCK_ONLY,
        ] {
            check_literals(p);
        }
    }

    #[test]
    fn dates_are_found() {
        let w = words();
        for text in [
            "Updated 10:32 AM ET, Tue March 5, 2019",
            "30.08.2017",
            "2017-08-30 00:23",
            "Oktober 2015",
            "MÄRZ 3rd, 2020",
            "11:28 AMT",
            "5 March",
        ] {
            assert!(is_date(&cps(text), &w), "{text}");
        }
    }

    #[test]
    fn sentences_and_numbers_are_not_dates() {
        let w = words();
        for text in [
            "",
            "March",
            "The march began at 10:32",
            "555-0100",
            "12345 March",
            "11:28 AMTRAK",
            "11 ABC",
            "20 St",
            &format!("March 5, 2019{}", " ".repeat(80)),
        ] {
            assert!(!is_date(&cps(text), &w), "{text}");
        }
    }

    #[test]
    fn a_clock_time_keeps_its_zone_off() {
        assert_eq!(without_zone(&cps("11:28 AMT")), cps("11:28"));
        assert_eq!(without_zone(&cps("at 9.15  WIB")), cps("at 9.15"));
        assert_eq!(without_zone(&cps("11:28 A")), cps("11:28 A"));
        assert_eq!(without_zone(&cps("1128 AMT")), cps("1128 AMT"));
        assert_eq!(without_zone(&cps("AMT")), cps("AMT"));
    }

    fn line(text: &str) -> Option<DateLine> {
        date_line(&Subject::new(&cps(text)), text.split_whitespace().count(), &words())
    }

    #[test]
    fn date_lines_are_found() {
        assert_eq!(line("First posted:"), Some(DateLine::Bare));
        assert_eq!(
            line("Updated: 10:32 AM ET, Tue March 5, 2019 :"),
            Some(DateLine::Labelled(9, 39))
        );
        // a label's date need not be one `is_date` knows, if it is short and holds a digit
        assert_eq!(line("Stand: 16. Juli 2019"), Some(DateLine::Labelled(7, 20)));
        assert_eq!(line("6:25 p.m."), Some(DateLine::Clock));
        assert_eq!(line("11:28 AMT"), Some(DateLine::Clock));
        assert_eq!(line("Tue March 5, 2019"), Some(DateLine::Whole));
    }

    #[test]
    fn sentences_with_dates_are_no_date_lines() {
        assert_eq!(
            line("Updated his will in March 2019 after the long dispute over the family farm and its lands"),
            None
        );
        assert_eq!(line("Posted by Jane Doe"), None);
        assert_eq!(line("Date night ideas for couples"), None);
        assert_eq!(line(&"March 5, 2019 ".repeat(9)), None);
    }

    #[test]
    fn ages_are_found() {
        for text in [
            "2 hours ago",
            "Posted 4 mins ago",
            "il y a 3 heures",
            "vor 2 Stunden",
            "3 ore fa",
            "2 days ago at 07:52 am",
        ] {
            assert!(is_age(&cps(text)), "{text}");
        }
        for text in ["He left 2 hours ago to buy bread.", "ago", "hours ago"] {
            assert!(!is_age(&cps(text)), "{text}");
        }
    }

    #[test]
    fn a_month_and_a_year() {
        let w = words();
        assert!(is_month_year(&cps("Oktober 2015"), &w));
        assert!(!is_month_year(&cps("5 Oktober 2015"), &w));
        assert!(!is_month_year(&cps("Strasse 2015"), &w));
    }
}
