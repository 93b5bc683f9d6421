//! Lines that describe the article instead of telling it, as a line's own text tells them:
//! bylines, wire credits, where the story was printed before, an agency's sign-off, a station's
//! newscasts, the author's bio, address or role, bare URLs, source lines and date lines (with
//! every language's month names and date words, `dates::DateWords`). The Python side reads the
//! lines around (a chronology, a record's fields, a contact's name above its address, a date split
//! over lines, the dateline) and another language's byline and date openers.

use std::sync::LazyLock;

use super::dates::{self, DateLine, DateWords};
use super::{Pattern, Subject};
use crate::chars;

// Longer lines are no metadata, but for an author's bio.
const MAX_LINE_CHARS: usize = 300;
const MAX_BYLINE_WORDS: usize = 16;

// "Meg James is a corporate media reporter for the Los Angeles Times ...", "Molly Wood
// (@mollywood) is an Ideas contributor at WIRED ...": the author's bio under a story. Only a
// candidate: `decide` removes it where it closes the text. The roles take either case, through
// the crate's `(?i:...)`, which folds them as `re.IGNORECASE` does but for "i": `re` also takes a
// dotted capital I and a dotless i for it, so the pattern names them.
static AUTHOR_BIO: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        concat!(
            r"^(?:(?:[A-Z][\w'’.-]*\s+){0,2}(?:contributor|columnist|correspondent|contributing editor|writer)\s+)?",
            r"(?:[A-Z][\w'’.-]+\s+){1,3}(?:\([^()]{1,60}\)\s+)?(?:is|was|has been)\s+(?:a|an|the|(?:[A-Z][\w&.-]*\s+){0,2}[A-Z][\w&.-]*['’]s)\s+",
            r"(?:[\w'’-]+\s+){0,6}?(?i:reporter|wr[iİı]ter|ed[iİı]tor|correspondent|column[iİı]st|contr[iİı]butor|journal[iİı]st|",
            r"author|freelancer|blogger|producer|host|cr[iİı]t[iİı]c|analyst|fellow)s?\b",
        ),
        false,
    )
});
const MAX_BIO_WORDS: usize = 90;
// A bio that says where to reach its author ("... Reach her at 442-1400 or jdoe@example.com.
// Follow her on Twitter @jdoe.") is the author's note wherever it stands: a note from the
// editors and a correction may follow it. After a sentence's end and a space, which the pattern
// takes.
static REACH_AUTHOR: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"[.!?] (?:reach|contact|e-?mail|follow) (?:him|her|them)\b.{0,80}(?:\S+@\S+\.\w|@\w|\d{3}[-.\s]\d{4})",
        true,
    )
});

// "Keith Bradsher contributed reporting from Hong Kong.": the names come first.
// "Associated Press writer Justin Pritchard contributed to this report.", "— CNN and WATE-TV
// contributed to this report", "Ahmed al-Haj in Sanaa, Yemen; ... contributed to this report."
// Whoever comes first, in one sentence, and the sentence ends there (or says from where). No
// sentence of a story is phrased so: the credit is the story's own wherever it stands (a note
// from the editors may follow it, and a correction after that).
static CONTRIBUTED_NAMES: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        concat!(
            r"^(?:[A-Z][\w'’.-]+\s+){1,4}(?:(?:,\s*|and\s+)(?:[A-Z][\w'’.-]+\s+){1,3}){0,4}",
            r"(?i:contr[iİı]buted (?:report[iİı]ng|research|to th[iİı]s (?:report|art[iİı]cle|story)))\b.{0,120}$",
        ),
        false,
    )
});
// Whoever comes first: up to 300 characters before the words, none closing a sentence but the
// full stop of an initial (`(?<=\b[A-Z])\.`, code), and the sentence ends there.
static CONTRIBUTED_TAIL: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        concat!(
            r"^contributed (?:reporting|research|to this (?:report|article|story))",
            r"(?:\s+(?:from|in)\s+[^.!?]{1,80})?\s*(?:[.!]\s*(?:\S.{0,120})?)?$",
        ),
        true,
    )
});
const MIN_CONTRIBUTORS_CHARS: usize = 2;
const MAX_CONTRIBUTORS_CHARS: usize = 300;

// "(Reporting by X; Editing by Y)": the wire credit closing a story, and the other credits below.
static WIRE_CREDIT: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        concat!(
            r"^\(?\s*(?:additional\s+)?(?:reporting|writing|editing|compiled|produced)\s+by\b.{2,200}$",
            // "To contact the reporter on this story: ...", "To contact the editor responsible
            // for this story: ..."
            r"|^to contact the (?:reporters?|editors?|authors?|writers?)\b.{0,40}\bthis (?:story|article)\s*:.{1,160}$",
            // A study's "(Corresponding author: Jane Doe, jdoe@example.org, 404-639-7251)"
            r"|^\(?corresponding authors?:\s.{3,160}\)?$",
            // "The author is a Reuters Breakingviews columnist. The opinions expressed are his own."
            r"|^the author is\b.{1,120}\bthe opinions expressed are (?:his|her|their|the author's) own\.?$",
        ),
        true,
    )
});
// The credits that name people in their capitals, on the line as written, their words in either
// case (see AUTHOR_BIO).
// What every line `WIRE_CREDIT_NAMED` takes holds one of, folded: its names are repeated Unicode
// classes, so large a program that the crate's fast engine has no room for it, and a line tried
// is walked by its backtracker.
const NAMED_CREDIT_WORDS: [&str; 9] = [
    "wire serv",
    "wire rep",
    "news serv",
    "@",
    "reach",
    "reported ",
    "with report",
    "with assistance",
    "with additional ",
];
static WIRE_CREDIT_NAMED: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        concat!(
            // "Detroit News wire services", "From staff and wire reports": the story's source for
            // a byline.
            r"^(?:(?i:from)\s+)?(?:[A-Z][\w.'’-]*\s+){0,4}(?i:(?:staff and\s+)?(?:w[iİı]re serv[iİı]ces|w[iİı]re reports|news serv[iİı]ces))\s*$",
            // "Write to Al Root at allen.root@example.com": where to reach the author.
            r"|^(?i:wr[iİı]te to|contact|reach|ema[iİı]l|e-ma[iİı]l)\s+(?:[A-Z][\w'’.-]+\s+){1,3}(?i:at|v[iİı]a|on)\s+\S+@\S+\s*$",
            // "Reach Adam Tamburin at 615-726-5986 and on Twitter @x.", "To reach Tony Rizzo, call
            // 816-234-4435 or send email to ..."
            r"|^(?:(?i:to)\s+)?(?i:reach)\s+(?:[A-Z][\w'’.-]+\s+){0,2}[A-Z][\w'’.-]+,?\s+(?i:at|call|by|on)\b.{0,160}",
            r"(?:\d{3}[-.\s]\d{4}|@\w|\S+@\S+).{0,80}$",
            // "Muhumuza reported from Kampala, Uganda.", "With reports from A, B and C", "— With
            // assistance by Andrew Mayeda": the AP's and Bloomberg's credits for who else reported.
            r"|^(?:[A-Z][\w'’.-]+\s+){1,3}(?:and\s+(?:[A-Z][\w'’.-]+\s+){1,3})?(?i:reported (?:th[iİı]s story )?from)\s+[A-Z][^.!?]{1,80}\.?$",
            r"|^(?:[—–-]{1,2}\s*)?(?i:w[iİı]th (?:add[iİı]t[iİı]onal )?(?:reports|report[iİı]ng|ass[iİı]stance) (?:from|by))\s+[A-Z][^.!?]{1,200}\.?$",
            // "Ty Burr can be reached at tburr@globe.com.": where to reach the author, under the story.
            r"|^(?:[A-Z][\w'’.-]+\s+){1,3}(?i:can be reached at)\s+\S+@\S+.{0,120}$",
        ),
        false,
    )
});

// A news agency's sign-off under its story: the editors' initials and the agency, or the other
// way round ("aja/PAP", "dpa/lno", "(KNA/abc)"). A line of nothing else; agencies named in their
// own case.
macro_rules! agencies {
    () => {
        r"PAP|dpa|AFP|APA|KNA|epd|sda|SDA|ANSA|EFE|AP|KAP|kathpress|ČTK|MTI|TT|NTB|ANP|Belga|Reuters"
    };
}
static SIGNOFF: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        concat!(
            r"^\(?(?:[a-zäöü]{2,5}/)+(?:",
            agencies!(),
            r")\)?\.?$|^\(?(?:",
            agencies!(),
            r")(?:/[a-zäöü]{2,5})+\)?\.?$"
        ),
        false,
    )
});
const MAX_SIGNOFF_WORDS: usize = 2;
// Where the story was printed before or comes from: "A version of this article appeared November
// 16, 2012, on page A1 in the U.S. edition of The Wall Street Journal", "This is an expanded
// version of the review that ran in the Dec. 7 issue of TIME magazine.", "This post originally
// ran in April 2013.", the AP's "Information from: Honolulu Star-Advertiser, http://...", a press
// release's "For further information: <contacts>", a post's "Citations: <sources>".
static PROVENANCE: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        concat!(
            r"^(?:a|an|this is an?)\s+(?:expanded |shorter |earlier |longer )?version of this (?:article|story|report|review|post)",
            r"\s+(?:appeared|appears|ran|runs|was published)\b",
            r"|^this is an?\s+(?:expanded |shorter |earlier |longer )?version of (?:the|a|an) (?:article|story|report|review|post)",
            r"\s+(?:that|which)\s+(?:appeared|ran|was published)\b",
            r"|^this (?:post|story|article|piece|review) (?:originally|first) (?:ran|appeared|was published)\b",
            r"|^information from:\s+\S|^citations?:\s+\S|^for further information:\s+\S",
        ),
        true,
    )
});
// A press release's "SOURCE United Airlines": the name in its capitals.
static PROVENANCE_SOURCE: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::new(r"^(?i:source)\s+[A-Z][\w&.'’ -]{1,60}$", false));
const MAX_PROVENANCE_WORDS: usize = 45;
// A station's note of the newscasts that aired the story, in brackets on its own line: "(News 12
// at 11)", "(News 12 First at 5 / News 12 at 6 O’Clock / NBC 26 at 7)". Each slot names a
// newscast or a network and an hour.
macro_rules! slot {
    () => {
        concat!(
            r"(?:[A-Z0-9][\w&'’]*\s+){0,3}(?:News|NBC|CBS|ABC|FOX|Fox|CNN)(?:\s+[\w&'’]+){0,3}\s+at\s+\d{1,2}(?::\d{2})?",
            r"(?:\s*(?:[ap]\.?m\.?|[AP]\.?M\.?|O['’]Clock))?"
        )
    };
}
static NEWSCASTS: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::new(concat!(r"^\(", slot!(), r"(?:\s*/\s*", slot!(), r"){0,5}\)$"), false));

// A reporter's address, phone or handle left alone on its line under the story, and a sign-off
// ("-- Maxine Bernstein", "—John Anderson"): the author's, where the story ends.
static CONTACT: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        concat!(
            r"^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$",
            r"|^(?:•\s*)?(?:\(?\d{3}\)?[-.\s/]?)?\d{3}[-.\s]\d{4}$",
            r"|^(?:--|—|–)\s?[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3}$",
            // "Jane Doe: 540/374-5413": the author's name and phone.
            r"|^[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,2}:\s*(?:\(?\d{3}\)?[-.\s/]?)?\d{3}[-.\s]\d{4}$",
        ),
        false,
    )
});
// "Jane Doe on Twitter: http://twitter.com/jdoe", "John Roe on Twitter: @jroe": where to follow
// the author, under the story.
static FOLLOW_AUTHOR: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"^[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3}\s+on\s+(?:Twitter|Instagram|Facebook|X)\s*(?::\s*)+(?:https?://\S+|@\w+)$",
        false,
    )
});
const MAX_CONTACT_WORDS: usize = 8;
// "Jane Doe is Acme's Chief Talent Officer": a guest author's role under their post, in the
// title's capitals and without a full stop; a story's last sentence about someone ends on one.
static ROLE_BIO: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        concat!(
            r"^[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,2}\s+is\s+(?:the\s+|an?\s+|[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,2}['’]s\s+)",
            r"(?:[A-Z][\w&-]*\s+){0,4}(?:Officer|Director|President|Founder|Co-Founder|Professor|Executive|Chairman|Chairwoman|",
            r"Chair|CEO|Partner|Editor|Manager|Counsel|Fellow)$",
        ),
        false,
    )
});
const MAX_ROLE_BIO_WORDS: usize = 16;

// The page's own address, labelled: "Permalink: http://...", "Short URL: https://...". A link the
// story gives names what it leads to.
static PERMALINK: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"^(?:permalink|permanent link|short ?url|short ?link)\s*:\s*(?:https?://|www\.)\S+$",
        true,
    )
});
static URL: LazyLock<Pattern> = LazyLock::new(|| Pattern::new(r"^(?:<)?(?:https?://|www\.)\S+(?:>)?$", true));
static ASSET: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"\.(?:jpe?g|png|gif|webp|svg|ico|bmp|tiff?|js|css|mp4|webm|mp3)(?:[?#]\S*)?>?$",
        true,
    )
});

// "By Jane Doe", "Von Hans Müller", "By Jane Doe, John Roe on Monday, November 18th, 2019 at
// 11:08 a.m.", "by Jeff Foust Monday, November 18, 2019". The weekday after the names is looked
// for ahead (`(?=...day\b)`) and read as the rest's: here the rest opens with it, as many
// characters shorter.
macro_rules! unit {
    () => {
        r"(?:[^.!?]|\b[ap]\.m\.)"
    };
}
static BYLINE: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        concat!(
            r"^(?:(?:written|reported|posted|words|text|story)\s+)?(?:by|von|par|por|di|door|av|de)[:\s]\s*",
            r"([^\W\d_][\w.'’\- ]{1,60}?(?:(?:,|\s+and|\s+und|\s+et|\s+y|\s+e|\s*&)\s+[^\W\d_][\w.'’\- ]{1,60}?)*)",
            r"(?:\s*(?:[,|]|\bon\b)\s*",
            unit!(),
            r"{0,80}|\s+(?:(?:mon|fri|sun)day\b",
            unit!(),
            r"{0,74}|tuesday\b",
            unit!(),
            r"{0,73}|(?:wednes)day\b",
            unit!(),
            r"{0,71}|(?:thurs|satur)day\b",
            unit!(),
            r"{0,72}))?\s*$",
        ),
        true,
    )
});
// A byline that names the agency after the writers instead of opening with "By": "Tom Davies
// Associated Press", "Jane Doe and John Roe USA TODAY".
// The words `BYLINE` opens with, apart: that pattern's names and date are a repeated Unicode class
// in a group, so large a program that the crate's fast engine has no room for it and every line
// tried is walked by its backtracker, which clears a visited set of the program's size first.
// Most lines do not open so, and are not tried.
static BYLINE_OPENING: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"^(?:(?:written|reported|posted|words|text|story)\s+)?(?:by|von|par|por|di|door|av|de)[:\s]",
        true,
    )
});
static AGENCY_BYLINE: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        concat!(
            r"^((?:[A-Z][\w'’.-]+\s+){1,3}(?:(?:and|&)\s+(?:[A-Z][\w'’.-]+\s+){1,3})?)",
            r"(?:The\s+)?(?:Associated Press|USA TODAY|Reuters|Agence France-Presse|AFP|Bloomberg(?: News)?)\s*$",
        ),
        false,
    )
});
const NOT_NAMES: &[&str] = &[
    "The", "A", "An", "Of", "To", "In", "For", "On", "At", "By", "With", "From", "And", "Over", "After", "Says", "Said",
];
static NAME_WORD: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"^(?:[A-ZÀ-Þ][\w'’\-.]*|[a-z]{1,3}|van|von|de|da|del|der|al|bin|le|la)$",
        false,
    )
});
// What joins the names of a byline.
static NAME_SEPARATOR: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::new(r"\s*(?:,|\band\b|\bund\b|\bet\b|\by\b|\be\b|&)\s*", false));
const MAX_NAME_WORDS: usize = 10;
// "By Jane Doe (Rome, correspondent)": the writer's post in brackets after the name.
static ROLE: LazyLock<Pattern> = LazyLock::new(|| Pattern::new(r"\s*\([^()]{1,60}\)\s*$", false));

// "Source: Xinhua| 2017-08-30 00:23:26|Editor: yan": fields split by bars or bullets, or by
// dashes when every part is a field or a date ("05/10/2018 - Posted by: Jane Doe - Category:
// Health": a dash also joins clauses).
static FIELD_SEP: LazyLock<Pattern> = LazyLock::new(|| Pattern::new(r"\s*[|•·]\s*", false));
static DASH_SEP: LazyLock<Pattern> = LazyLock::new(|| Pattern::new(r"\s+[-–—]\s+", false));
static FIELD: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        concat!(
            r"^\s*(source|editor|author|writer|reporter|quelle|autor|redaktion|source|auteur|fuente|fonte|",
            r"publisher|via|credit|from|posted by|published by|publicado por|publié par|pubblicato da|",
            r"veröffentlicht von|category|categories|categoria|categoría|catégorie|kategorie|filed under|tags)",
            r"\s*[:：]\s*(.*?)\s*$",
        ),
        true,
    )
});
const SOURCE_FIELDS: [&str; 6] = ["source", "quelle", "fuente", "fonte", "publisher", "via"];
const BYLINE_FIELDS: [&str; 11] = [
    "author",
    "writer",
    "reporter",
    "autor",
    "auteur",
    "posted by",
    "published by",
    "publicado por",
    "publié par",
    "pubblicato da",
    "veröffentlicht von",
];
// A source names an agency or a site in a few words: "Source: Crotty Alexander L, Matthew D, ...
// et al. Analysis of ..." is a study's citation, which the story gives as its own text.
const MAX_SOURCE_WORDS: usize = 12;
// Among fields, a short part that is neither a field nor a date may stand (a section's name).
const MAX_LOOSE_PART_CHARS: usize = 40;

// A field of a record the post gives as its own text, a field a line: a book's "Name: ..." /
// "Author: ..." / "Pages: 312", a recipe's or a walk's data; its value beside its label or on the
// lines under it ("Dauer:" / "1 Stunde").
static RECORD_FIELD: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::new(r"^\w[\w'’ -]{0,30}\s?[:：](\s+\S|\s*$)", false));
const MAX_RECORD_LABEL_WORDS: usize = 3;

/// A line shaped as a record's field.
#[derive(Debug, PartialEq, Eq, Clone, Copy)]
pub struct RecordField {
    /// its label is a field's name, of a few words
    pub named: bool,
    /// its value stands beside its label
    pub valued: bool,
}

/// The line as a record's field, or None if it is not shaped as one.
pub fn record_field(s: &Subject) -> Option<RecordField> {
    // The label is at most this long, so its colon stands within it: a line without one there is
    // not tried (the pattern's groups cost the crate's slower engines).
    const COLON_WITHIN: usize = 33;
    if !s
        .codes()
        .iter()
        .take(COLON_WITHIN)
        .any(|&c| c == ':' as u32 || c == '：' as u32)
    {
        return None;
    }
    let groups = RECORD_FIELD.groups(s)?;
    let codes = s.codes();
    let (_, end) = groups[0]?;
    let label = &codes[..end];
    // the label's words up to its colon (`re` split the match on ":", so a fullwidth colon's
    // value counts with it)
    let label = &label[..label.iter().position(|&c| c == ':' as u32).unwrap_or(label.len())];
    Some(RecordField {
        named: words(label) <= MAX_RECORD_LABEL_WORDS,
        valued: groups[1].is_some_and(|(a, b)| codes[a..b].iter().any(|&c| !chars::is_space(c))),
    })
}

/// What a source line's field tells.
#[derive(Debug, PartialEq, Eq, Clone, Copy)]
pub enum Field {
    Source,
    Byline,
    Date,
}

/// What a line is first, in this order: a source line (what its fields tell, each with the span
/// of its value), a bare URL, a date line.
#[derive(Debug, PartialEq, Eq, Clone)]
pub enum First {
    Fields(Vec<(Field, (usize, usize))>),
    Url(Url),
    Date(DateLine),
}

#[derive(Debug, PartialEq, Eq, Clone, Copy)]
pub enum Url {
    /// a link to an image or a script, or the page's own labelled address: residue wherever it
    /// stands
    Sure,
    /// any other bare URL: residue where the body would open with it
    Head,
}

#[derive(Debug, PartialEq, Eq, Clone, Copy)]
pub enum Reason {
    Metadata,
    Byline,
}

#[derive(Debug, PartialEq, Eq, Clone, Copy)]
pub struct Line {
    pub reason: Reason,
    /// a byline's names: their span in the line
    pub name: Option<(usize, usize)>,
    /// residue only where the text ends
    pub tail: bool,
    /// sure only near the text's edges
    pub edge_only: bool,
    /// the line is an address, a phone or a sign-off, under which a contact's name may stand
    pub contact: bool,
}

#[derive(Debug, PartialEq, Eq)]
pub struct Found {
    pub first: Option<First>,
    /// what the line is when it is neither a source line, a URL nor a date
    pub line: Option<Line>,
}

/// The line's verdict, or None if it is too long to be metadata (`words`: its word count).
pub fn judge(s: &Subject, words: usize, dates: &DateWords) -> Option<Found> {
    let codes = s.codes();
    if codes.len() > MAX_LINE_CHARS && !(words <= MAX_BIO_WORDS && AUTHOR_BIO.is_match(s)) {
        return None;
    }
    let first = source_line(s, dates)
        .map(First::Fields)
        .or_else(|| url(s).map(First::Url))
        .or_else(|| dates::date_line(s, words, dates).map(First::Date));
    Some(Found {
        first,
        line: line(s, words),
    })
}

/// Whether the whole line is one field of the kinds a source line holds ("Author: Jane Doe",
/// "Category: Health").
pub fn is_field(s: &Subject) -> bool {
    FIELD.is_match(s)
}

/// What a source line's fields tell, or None if the line is none.
fn source_line(s: &Subject, dates: &DateWords) -> Option<Vec<(Field, (usize, usize))>> {
    let codes = s.codes();
    if !codes.iter().any(|&c| c == ':' as u32 || c == '：' as u32) {
        return None; // no field, so not a source line
    }
    let parts: Vec<_> = split(s, &FIELD_SEP).into_iter().filter(|(a, b)| a < b).collect();
    if parts.len() == 1 {
        let dashed = split(s, &DASH_SEP);
        if dashed.len() > 1 {
            if let Some(found) = fields(codes, &dashed, true, dates) {
                return Some(found);
            }
        }
    }
    fields(codes, &parts, false, dates)
}

/// `re.split`: the spans between the separator's matches.
fn split(s: &Subject, separator: &Pattern) -> Vec<(usize, usize)> {
    let mut parts = Vec::new();
    let mut at = 0;
    for (start, end) in separator.find_spans(s) {
        parts.push((at, start));
        at = end;
    }
    parts.push((at, s.codes().len()));
    parts
}

/// What a line's parts tell as fields, or None if they are not a line of fields. `strict`: every
/// part must be a field or a date; otherwise a short part that is neither may stand among them.
fn fields(
    codes: &[u32],
    parts: &[(usize, usize)],
    strict: bool,
    dates: &DateWords,
) -> Option<Vec<(Field, (usize, usize))>> {
    let mut found = Vec::new();
    let mut named = 0;
    let mut dated = 0;
    for &(a, b) in parts {
        let part = &codes[a..b];
        if let Some(groups) = FIELD.groups(&Subject::new(part)) {
            named += 1;
            let (Some(name), Some((va, vb))) = (groups[1], groups[2]) else {
                unreachable!("both groups take part in every match")
            };
            let name = chars::lower(&part[name.0..name.1]);
            let is = |list: &[&str]| {
                list.iter()
                    .any(|w| w.chars().map(|c| c as u32).eq(name.iter().copied()))
            };
            if va < vb && is(&SOURCE_FIELDS) {
                if words(&part[va..vb]) > MAX_SOURCE_WORDS {
                    return None;
                }
                found.push((Field::Source, (a + va, a + vb)));
            } else if va < vb && is(&BYLINE_FIELDS) {
                found.push((Field::Byline, (a + va, a + vb)));
            }
        } else if dates::is_date(part, dates) {
            dated += 1;
            found.push((Field::Date, (a, b)));
        } else if strict || parts.len() > 1 && part.len() > MAX_LOOSE_PART_CHARS {
            return None;
        }
    }
    (named > 0 && (named + dated >= parts.len() || parts.len() >= 2)).then_some(found)
}

/// `len(text.split())`.
fn words(text: &[u32]) -> usize {
    text.split(|&c| chars::is_space(c)).filter(|w| !w.is_empty()).count()
}

fn url(s: &Subject) -> Option<Url> {
    if PERMALINK.is_match(s) {
        return Some(Url::Sure);
    }
    if !URL.is_match(s) {
        return None;
    }
    Some(if ASSET.is_match(s) { Url::Sure } else { Url::Head })
}

fn line(s: &Subject, words: usize) -> Option<Line> {
    let codes = s.codes();
    let plain = |reason, edge_only| Line {
        reason,
        name: None,
        tail: false,
        edge_only,
        contact: false,
    };
    if words <= MAX_SIGNOFF_WORDS && SIGNOFF.is_match(s) {
        return Some(plain(Reason::Metadata, false));
    }
    // A byline or wire credit far inside the text may be a sentence that opens like one.
    if words <= MAX_PROVENANCE_WORDS && codes.first() == Some(&(b'(' as u32)) && NEWSCASTS.is_match(s) {
        return Some(plain(Reason::Metadata, false));
    }
    if words <= MAX_PROVENANCE_WORDS && (PROVENANCE.is_match(s) || PROVENANCE_SOURCE.is_match(s)) {
        return Some(plain(Reason::Metadata, true));
    }
    let name = if words <= MAX_BYLINE_WORDS { byline_of(s) } else { None };
    if name.is_some() || is_wire_credit(s) {
        // A credit that names who contributed is the story's own wherever it stands.
        let edge_only = !(s.shows("ontribut") && is_contributed(s));
        return Some(Line {
            name,
            ..plain(Reason::Byline, edge_only)
        });
    }
    if words <= MAX_BIO_WORDS && AUTHOR_BIO.is_match(s) {
        // A bio that says where to reach its author is sure.
        let tail = !REACH_AUTHOR.is_match(s);
        return Some(Line {
            tail,
            contact: tail && CONTACT.is_match(s),
            ..plain(Reason::Byline, false)
        });
    }
    if words <= MAX_CONTACT_WORDS && (CONTACT.is_match(s) || FOLLOW_AUTHOR.is_match(s))
        || words <= MAX_ROLE_BIO_WORDS && ROLE_BIO.is_match(s)
    {
        return Some(Line {
            tail: true,
            contact: CONTACT.is_match(s),
            ..plain(Reason::Byline, false)
        });
    }
    None
}

/// A byline's names: their span in `text`, or None if the line is no byline.
pub fn byline(text: &[u32]) -> Option<(usize, usize)> {
    byline_of(&Subject::new(text))
}

fn byline_of(whole: &Subject) -> Option<(usize, usize)> {
    // The writer's post in brackets after the names is cut off first.
    let cut;
    // (The post closes the line: its last character but spaces is the bracket.)
    let bracketed = whole.codes().iter().rev().find(|&&c| !chars::is_space(c)) == Some(&(b')' as u32));
    let (s, text) = match if bracketed { ROLE.find(whole) } else { None } {
        Some((start, _)) if start > 0 => {
            cut = Subject::new(&whole.codes()[..start]);
            (&cut, &whole.codes()[..start])
        }
        _ => (whole, whole.codes()),
    };
    // A match is looked for before its groups, which cost more to find.
    let opens = BYLINE_OPENING.is_match(s);
    let Some(Some((start, end))) = (opens && BYLINE.is_match(s)).then(|| BYLINE.group(s, 1)).flatten() else {
        let (start, end) = AGENCY_BYLINE
            .is_match(s)
            .then(|| AGENCY_BYLINE.group(s, 1))
            .flatten()??;
        let name = &text[start..end];
        let named = name.split(|&c| chars::is_space(c)).filter(|w| !w.is_empty()).all(|w| {
            !NOT_NAMES
                .iter()
                .any(|n| n.chars().map(|c| c as u32).eq(w.iter().copied()))
        });
        return named.then(|| strip(text, start, end));
    };
    let name = &text[start..end];
    // The names' words, less what joins them: each a name's ("Jane", "de", "O'Neil"), and one
    // at least in capitals.
    let joined = Subject::new(name);
    let mut words: Vec<&[u32]> = Vec::new();
    let mut at = 0;
    for (a, b) in NAME_SEPARATOR.find_spans(&joined).chain([(name.len(), name.len())]) {
        words.extend(name[at..a].split(|&c| chars::is_space(c)).filter(|w| !w.is_empty()));
        at = b;
    }
    if words.is_empty() || words.len() > MAX_NAME_WORDS || !words.iter().all(|w| NAME_WORD.is_match(&Subject::new(w))) {
        return None;
    }
    if !words.iter().any(|w| chars::is_upper(w[0])) {
        return None;
    }
    Some(strip(text, start, end))
}

/// `text[start:end].strip()`'s span.
fn strip(text: &[u32], mut start: usize, mut end: usize) -> (usize, usize) {
    while start < end && chars::is_space(text[start]) {
        start += 1;
    }
    while end > start && chars::is_space(text[end - 1]) {
        end -= 1;
    }
    (start, end)
}

fn is_wire_credit(s: &Subject) -> bool {
    WIRE_CREDIT.is_match(s)
        || NAMED_CREDIT_WORDS.iter().any(|w| s.holds(w)) && WIRE_CREDIT_NAMED.is_match(s)
        || s.holds("contributed ") && is_contributed(s)
}

/// "... contributed reporting", "... contributed to this report": the names first, or whoever
/// comes first in one sentence.
fn is_contributed(s: &Subject) -> bool {
    if CONTRIBUTED_NAMES.is_match(s) {
        return true;
    }
    let codes = s.codes();
    let words: Vec<u32> = "contributed ".chars().map(|c| c as u32).collect();
    // Where whoever contributed may start: at the line's start, or after a dash and any spaces.
    let dashed = matches!(codes.first().and_then(|&c| char::from_u32(c)), Some('—' | '–' | '-'));
    let firsts = if dashed {
        1 + codes[1..].iter().take_while(|&&c| chars::is_space(c)).count()
    } else {
        0
    };
    (0..codes.len()).any(|q| {
        codes.len() - q >= words.len()
            && codes[q..q + words.len()]
                .iter()
                .zip(&words)
                .all(|(&c, &w)| chars::re_fold(c) == w)
            && (q == 0 || !chars::is_word(codes[q - 1]))
            && (0..=firsts).any(|p| {
                p <= q
                    && (MIN_CONTRIBUTORS_CHARS..=MAX_CONTRIBUTORS_CHARS).contains(&(q - p))
                    && units_from(codes, p, q)
            })
            && CONTRIBUTED_TAIL.is_match(&Subject::new(&codes[q..]))
    })
}

/// `[A-Z]` under `re.IGNORECASE`: an ASCII letter, or one folded to one.
fn is_letter(c: u32) -> bool {
    let f = chars::re_fold(c);
    (b'a' as u32..=b'z' as u32).contains(&f)
}

/// Whether every character of `codes[p..q]` is a unit of the names (`[^.!?]`, or a full stop
/// after an initial: `(?<=\b[A-Z])\.`).
fn units_from(codes: &[u32], p: usize, q: usize) -> bool {
    (p..q).all(|i| match char::from_u32(codes[i]) {
        Some('!' | '?') => false,
        Some('.') => i >= 1 && is_letter(codes[i - 1]) && (i < 2 || !chars::is_word(codes[i - 2])),
        _ => true,
    })
}

// The rules that read the lines around a metadata line, one call per document (`around`).

/// What the line judges made of a line ("metadata", "byline", "date", "url"), with another
/// language's vocabulary: the rules that read the lines around ask only this.
#[derive(Debug, PartialEq, Eq, Clone, Copy)]
pub enum Kind {
    Metadata,
    Byline,
    Date,
    Url,
}

/// A distinct line as the rules that read the lines around see it.
pub struct Judged<'a> {
    pub text: &'a [u32],
    pub chars: usize,
    pub words: usize,
    /// what the line judges made of it, or None
    pub kind: Option<Kind>,
    /// the line as a record's field (`record_field`)
    pub field: Option<RecordField>,
    pub ends_sentence: bool,
    /// the line judges made it residue only where the text ends
    pub tail: bool,
    /// the line is an address, a phone or a sign-off (`Line::contact`)
    pub contact: bool,
}

/// A chronology (a CV, a list of works or stations) heads each entry with its month and year:
/// "Oktober 2015" / "Moderation der Show" / "März 2014" / ... At least this many such headings,
/// each with one to CHRONOLOGY_REACH - 1 lines of its entry under it, are the text's own. A
/// blog's archive list prints its months one under the other, with nothing between.
const MIN_CHRONOLOGY: usize = 3;
const CHRONOLOGY_REACH: usize = 4;
/// A record the post gives as its own text holds at least this many fields in a row.
const MIN_RECORD_FIELDS: usize = 3;
/// A blog's date badge, a text node a line ("Jan" / "15" / "2020"): each part at most this long.
const MAX_DATE_PART_CHARS: usize = 12;

/// What the lines around make of a document's metadata lines.
pub struct Around {
    /// the blocks that are the text's own after all (a chronology's headings, a record's
    /// fields), sorted
    pub kept: Vec<usize>,
    /// a contact's name, role and office above its address or phone, in the order found
    pub contacts: Vec<usize>,
    /// the dates split over several short blocks, as (first block, blocks, the date joined)
    pub split: Vec<(usize, usize, Vec<u32>)>,
}

/// What the lines around make of a document's metadata lines.
pub fn around(lines: &[Judged<'_>], line_of: &[usize], dates: &DateWords) -> Around {
    let block = |i: usize| &lines[line_of[i]];
    // what is asked of a distinct line, once
    let month_year: Vec<bool> = lines
        .iter()
        .map(|l| l.kind == Some(Kind::Date) && dates::is_month_year(l.text, dates))
        .collect();
    let dated: Vec<bool> = lines
        .iter()
        .map(|l| l.kind == Some(Kind::Date) && dates::opens_with_date_label(&Subject::new(l.text)))
        .collect();
    let mut kept: Vec<usize> = chronology(&line_of.iter().map(|&k| month_year[k]).collect::<Vec<_>>());
    kept.extend(record_fields(lines, line_of, &dated));
    kept.sort_unstable();
    kept.dedup();
    let short: Vec<bool> = line_of
        .iter()
        .map(|&k| lines[k].words > 0 && lines[k].words <= 2 && lines[k].chars <= MAX_DATE_PART_CHARS)
        .collect();
    let split = split_dates(&short, |i| block(i).text, dates);
    Around {
        kept,
        contacts: contact_blocks(lines, line_of),
        split,
    }
}

// A press office's contact under the release: "Jane Doe, Attorney" / "Waste Enforcement Division"
// / "Office of Enforcement" / "doe.jane@example.gov" / "(202) 555-0100". The short lines in
// capitals right above an address or a phone are the contact's name, role and office; like the
// address, they go only where the text ends.
const MAX_CONTACT_LINES: usize = 4;
const MAX_CONTACT_LINE_WORDS: usize = 8;
static CONTACT_NAME_LINE: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"^[A-Z][\w'’.&-]*(?:,?\s+(?:[A-Z][\w'’.&-]*|of|and|for|the|&))*$",
        false,
    )
});

/// The blocks of a contact's name, role and office above its address or phone.
fn contact_blocks(lines: &[Judged<'_>], line_of: &[usize]) -> Vec<usize> {
    let mut found = Vec::new();
    for (i, &line) in line_of.iter().enumerate() {
        let l = &lines[line];
        if l.kind.is_none() || !l.tail || !l.contact {
            continue;
        }
        let mut k = i;
        while k > 0 && i - (k - 1) <= MAX_CONTACT_LINES && lines[line_of[k - 1]].kind.is_none() {
            let above = &lines[line_of[k - 1]];
            if above.words > MAX_CONTACT_LINE_WORDS
                || above.ends_sentence
                || !CONTACT_NAME_LINE.is_match(&Subject::new(above.text))
            {
                break;
            }
            found.push(k - 1);
            k -= 1;
        }
    }
    found
}

/// The blocks that head a chronology's entries with a month and a year (`month_year`: whether
/// each block is a date line of a month and a year only).
fn chronology(month_year: &[bool]) -> Vec<usize> {
    let n = month_year.len();
    let heads: Vec<usize> = (0..n)
        .filter(|&i| month_year[i] && !(i > 0 && month_year[i - 1]) && !(i + 1 < n && month_year[i + 1]))
        .collect();
    let mut found = Vec::new();
    let mut run: Vec<usize> = Vec::new();
    for &i in &heads {
        if let Some(&last) = run.last() {
            if (2..=CHRONOLOGY_REACH).contains(&(i - last)) {
                run.push(i);
                continue;
            }
        }
        if run.len() >= MIN_CHRONOLOGY {
            found.extend_from_slice(&run);
        }
        run = vec![i];
    }
    if run.len() >= MIN_CHRONOLOGY {
        found.extend_from_slice(&run);
    }
    found
}

// A record the post gives as its own text, a field a line: a book's "Name: ..." / "Author: ..." /
// "Publisher: ..." / "Pages: 312", a recipe's or a walk's data. Among fields that are not the
// article's metadata, an "Author:" or "Source:" field is the record's; a header of metadata
// fields alone ("Autor: ..." / "Quelle: dpa" / "Datum: ...") is the article's. A field's value
// may stand on the lines under its label ("Dauer:" / "1 Stunde"), and a record gives its date as
// a labelled line ("Veröffentlicht am 16.08.2019" between "Download: mp3" and "Lizenz: CC-BY"):
// an episode's or an event's date is the record's, like its author.
/// The metadata-looking fields of a record that holds other fields too (`dated`: for each
/// distinct line, whether it is a date line opened by a date's label).
fn record_fields(lines: &[Judged<'_>], line_of: &[usize], dated: &[bool]) -> Vec<usize> {
    let n = line_of.len();
    let field = |i: usize| match lines[line_of[i]].field {
        None => dated[line_of[i]],
        Some(f) => f.named,
    };
    let mut found = Vec::new();
    let mut i = 0;
    while i < n {
        let mut j = i;
        while j < n && field(j) {
            j += 1;
        }
        // The record is told by a field of its own with its value beside it: a bare label
        // ("Teilen:") under the article's byline and date makes no record of them.
        if j - i >= MIN_RECORD_FIELDS
            && (i..j).any(|k| {
                let l = &lines[line_of[k]];
                l.kind.is_none() && l.field.is_some_and(|f| f.valued)
            })
        {
            found.extend((i..j).filter(|&k| {
                let l = &lines[line_of[k]];
                match l.kind {
                    Some(Kind::Metadata | Kind::Byline) => is_field(&Subject::new(l.text)) || dated[line_of[k]],
                    Some(_) => dated[line_of[k]],
                    None => false,
                }
            }));
        }
        i = j.max(i + 1);
    }
    found
}

/// A blog's date badge, a text node a line: "Jan" / "15" / "2020", "15 Nov" / "2019" (`short`:
/// whether each block may be a part).
fn split_dates<'a>(
    short: &[bool],
    text: impl Fn(usize) -> &'a [u32],
    dates: &DateWords,
) -> Vec<(usize, usize, Vec<u32>)> {
    let n = short.len();
    // A date holds a digit (is_date's first test): a window of parts without one is none.
    let digit: Vec<bool> = (0..n)
        .map(|i| short[i] && text(i).iter().any(|&c| chars::is_decimal(c)))
        .collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i + 1 < n {
        if !(short[i] && short[i + 1]) || !(digit[i] || digit[i + 1] || (i + 2 < n && short[i + 2] && digit[i + 2])) {
            i += 1;
            continue;
        }
        let mut size = 0;
        for want in [3, 2] {
            if i + want <= n && (i..i + want).all(|k| short[k]) {
                let mut joined = Vec::new();
                for k in i..i + want {
                    if k > i {
                        joined.push(' ' as u32);
                    }
                    joined.extend_from_slice(text(k));
                }
                if dates::is_date(&joined, dates) && !dates::is_date(text(i), dates) {
                    size = want;
                    found.push((i, want, joined));
                    break;
                }
            }
        }
        i += size.max(1);
    }
    found
}

#[cfg(test)]
mod tests {
    use super::super::testing::{check_literals, cps, date_words};
    use super::*;

    fn document(lines: &[(&str, Option<Kind>)]) -> (Vec<usize>, Vec<(usize, usize, String)>) {
        let codes: Vec<Vec<u32>> = lines.iter().map(|&(text, _)| cps(text)).collect();
        let judged: Vec<Judged> = lines
            .iter()
            .zip(&codes)
            .map(|(&(text, kind), codes)| Judged {
                field: record_field(&Subject::new(codes)),
                chars: codes.len(),
                words: text.split_whitespace().count(),
                text: codes,
                kind,
                ends_sentence: text.ends_with('.'),
                tail: false,
                contact: false,
            })
            .collect();
        let line_of: Vec<usize> = (0..lines.len()).collect();
        let Around { kept, split, .. } = around(&judged, &line_of, &date_words());
        let split = split
            .into_iter()
            .map(|(i, size, joined)| (i, size, joined.iter().map(|&c| char::from_u32(c).unwrap()).collect()))
            .collect();
        (kept, split)
    }

    const DATE: Option<Kind> = Some(Kind::Date);
    const NAMED: Option<Kind> = Some(Kind::Byline);

    #[test]
    fn a_chronology_keeps_its_headings() {
        let cv = [
            ("Oktober 2015", DATE),
            ("Moderation der Show", None),
            ("March 2014", DATE),
            ("Reporterin beim Sender", None),
            ("Volontariat", None),
            ("August 2012", DATE),
            ("Studium", None),
        ];
        assert_eq!(document(&cv).0, vec![0, 2, 5]);
    }

    #[test]
    fn an_archive_list_or_two_headings_is_no_chronology() {
        let archive = [
            ("Oktober 2015", DATE),
            ("March 2014", DATE),
            ("August 2012", DATE),
            ("November 2011", DATE),
        ];
        assert!(document(&archive).0.is_empty());
        let two = [
            ("Oktober 2015", DATE),
            ("Show", None),
            ("March 2014", DATE),
            ("Studium", None),
        ];
        assert!(document(&two).0.is_empty());
        // an entry too long between its headings breaks the run
        let far = [
            ("Oktober 2015", DATE),
            ("a", None),
            ("b", None),
            ("c", None),
            ("d", None),
            ("March 2014", DATE),
            ("e", None),
            ("August 2012", DATE),
        ];
        assert!(document(&far).0.is_empty());
    }

    #[test]
    fn a_record_keeps_its_author_and_its_date() {
        let book = [
            ("Name: The Long Walk", None),
            ("Author: Jane Doe", NAMED),
            ("Published on March 5, 2019", DATE),
            ("Pages: 312", None),
        ];
        assert_eq!(document(&book).0, vec![1, 2]);
    }

    #[test]
    fn a_header_of_metadata_fields_alone_is_no_record() {
        let header = [
            ("Author: Jane Doe", NAMED),
            ("Source: dpa", Some(Kind::Metadata)),
            ("Published on March 5, 2019", DATE),
        ];
        assert!(document(&header).0.is_empty());
        // a bare label under them makes no record of them
        let label = [
            ("Author: Jane Doe", NAMED),
            ("Published on March 5, 2019", DATE),
            ("Share:", None),
        ];
        assert!(document(&label).0.is_empty());
        // two fields are not a record
        let two = [("Author: Jane Doe", NAMED), ("Pages: 312", None)];
        assert!(document(&two).0.is_empty());
    }

    #[test]
    fn a_date_split_over_short_blocks_is_joined() {
        let badge = [
            ("Nov", None),
            ("15", None),
            ("2019", None),
            ("The council met on Tuesday.", None),
        ];
        assert_eq!(document(&badge).1, vec![(0, 3, "Nov 15 2019".to_string())]);
        let two = [("Nov", None), ("2019", None), ("The council met on Tuesday.", None)];
        assert_eq!(document(&two).1, vec![(0, 2, "Nov 2019".to_string())]);
    }

    #[test]
    fn short_blocks_that_are_no_split_date_stay() {
        // a date whole in its first block is its own line's
        let whole = [("Nov 15", None), ("2019", None)];
        assert!(document(&whole).1.is_empty());
        // short blocks without a date among them
        let menu = [("Home", None), ("News", None), ("Top 10", None)];
        assert!(document(&menu).1.is_empty());
        // a part too long
        let long = [("November", None), ("15th of the month", None), ("2019", None)];
        assert!(document(&long).1.is_empty());
    }

    fn contacts(lines: &[&str], contact: usize) -> Vec<usize> {
        let codes: Vec<Vec<u32>> = lines.iter().map(|&text| cps(text)).collect();
        let judged: Vec<Judged> = lines
            .iter()
            .zip(&codes)
            .enumerate()
            .map(|(i, (&text, codes))| Judged {
                field: None,
                chars: codes.len(),
                words: text.split_whitespace().count(),
                text: codes,
                kind: (i == contact).then_some(Kind::Metadata),
                ends_sentence: text.ends_with('.'),
                tail: i == contact,
                contact: i == contact,
            })
            .collect();
        let line_of: Vec<usize> = (0..lines.len()).collect();
        around(&judged, &line_of, &date_words()).contacts
    }

    #[test]
    fn a_contacts_name_above_the_address_goes_with_it() {
        let release = [
            "The agency fined the company for the spill.",
            "Jane Doe, Attorney",
            "Office of Enforcement",
            "(202) 555-0100",
        ];
        assert_eq!(contacts(&release, 3), vec![2, 1]);
    }

    #[test]
    fn a_sentence_or_a_long_line_above_the_address_stays() {
        let story = ["The agency fined the company for the spill.", "(202) 555-0100"];
        assert!(contacts(&story, 1).is_empty());
        let lower = ["call the office of enforcement", "(202) 555-0100"];
        assert!(contacts(&lower, 1).is_empty());
        let long = [
            "Jane Doe And Her Colleagues At The Office Of Waste Enforcement",
            "(202) 555-0100",
        ];
        assert!(contacts(&long, 1).is_empty());
        // no further than four lines above
        let far = [
            "Jane Doe",
            "Attorney",
            "Waste Division",
            "Office",
            "Enforcement",
            "(202) 555-0100",
        ];
        assert_eq!(contacts(&far, 5), vec![4, 3, 2, 1]);
    }

    fn judged(text: &str) -> Option<Found> {
        judge(
            &Subject::new(&cps(text)),
            text.split_whitespace().count(),
            &date_words(),
        )
    }

    fn first(text: &str) -> Option<First> {
        judged(text).and_then(|f| f.first)
    }

    fn line_of(text: &str) -> Option<Line> {
        judged(text).and_then(|f| f.line)
    }

    #[test]
    fn literals_are_found() {
        for p in [
            &*AUTHOR_BIO,
            &*REACH_AUTHOR,
            &*CONTRIBUTED_NAMES,
            &*CONTRIBUTED_TAIL,
            &*WIRE_CREDIT,
            &*WIRE_CREDIT_NAMED,
            &*SIGNOFF,
            &*PROVENANCE,
            &*PROVENANCE_SOURCE,
            &*NEWSCASTS,
            &*CONTACT,
            &*FOLLOW_AUTHOR,
            &*ROLE_BIO,
            &*PERMALINK,
            &*URL,
            &*ASSET,
            &*BYLINE,
            &*BYLINE_OPENING,
            &*AGENCY_BYLINE,
            &*NAME_WORD,
            &*NAME_SEPARATOR,
            &*ROLE,
        ] {
            check_literals(p);
        }
    }

    #[test]
    fn bylines_name_their_writers() {
        let name = |text: &str| byline(&cps(text)).map(|(a, b)| text.chars().skip(a).take(b - a).collect::<String>());
        assert_eq!(name("By Jane Doe").as_deref(), Some("Jane Doe"));
        assert_eq!(
            name("BY JANE DOE AND JOHN ROE").as_deref(),
            Some("JANE DOE AND JOHN ROE")
        );
        assert_eq!(
            name("Von Hans Müller (Berlin, Korrespondent)").as_deref(),
            Some("Hans Müller")
        );
        assert_eq!(
            name("by Jeff Foust Monday, November 18, 2019").as_deref(),
            Some("Jeff Foust")
        );
        assert_eq!(
            name("By Jane Doe, John Roe on Monday, November 18th, 2019 at 11:08 a.m.").as_deref(),
            Some("Jane Doe, John Roe")
        );
        assert_eq!(name("Tom Davies Associated Press").as_deref(), Some("Tom Davies"));
        // a sentence opening on "by", a headline naming an agency
        assert_eq!(name("By the time the storm hit, most people had left."), None);
        assert_eq!(name("By car to the coast"), None);
        assert_eq!(name("Storm Over The Associated Press"), None);
    }

    #[test]
    fn credits_and_notes_are_metadata() {
        let byline_edge = Line {
            reason: Reason::Byline,
            name: None,
            tail: false,
            edge_only: true,
            contact: false,
        };
        for text in [
            "(Reporting by Jane Doe; Editing by John Roe)",
            "Detroit News wire services",
            "Write to Al Root at allen.root@example.com",
            "Reach Adam Tamburin at 615-726-5986 and on Twitter @x.",
            "Muhumuza reported from Kampala, Uganda.",
            "— With assistance by Andrew Mayeda",
            "Ty Burr can be reached at tburr@globe.com.",
        ] {
            assert_eq!(line_of(text), Some(byline_edge), "{text}");
        }
        // a credit of who contributed is the story's own wherever it stands
        for text in [
            "Keith Bradsher contributed reporting from Hong Kong.",
            "Associated Press writer Justin Pritchard contributed to this report.",
            "— CNN and WATE-TV contributed to this report",
            "J. Doe in Sanaa, Yemen contributed to this report.",
        ] {
            assert_eq!(line_of(text).map(|l| l.edge_only), Some(false), "{text}");
        }
        assert_eq!(line_of("aja/PAP").map(|l| l.reason), Some(Reason::Metadata));
        assert_eq!(line_of("(News 12 at 11)").map(|l| l.reason), Some(Reason::Metadata));
        let provenance = line_of("This post originally ran in April 2013.").unwrap();
        assert_eq!((provenance.reason, provenance.edge_only), (Reason::Metadata, true));
        assert_eq!(
            line_of("SOURCE United Airlines").map(|l| l.reason),
            Some(Reason::Metadata)
        );
        let bio = line_of("Meg James is a corporate media reporter for the Los Angeles Times.").unwrap();
        assert!(bio.tail && !bio.contact);
        let reach = line_of("Jane Doe is a staff writer. Reach her at 442-1400 or jdoe@example.com.").unwrap();
        assert!(!reach.tail);
        let contact = line_of("—John Anderson").unwrap();
        assert!(contact.tail && contact.contact);
        assert!(line_of("Jane Doe is Acme's Chief Talent Officer").unwrap().tail);
        assert_eq!(first("https://example.com/a.jpg"), Some(First::Url(Url::Sure)));
        assert_eq!(first("Permalink: https://example.com/a"), Some(First::Url(Url::Sure)));
        assert_eq!(first("https://example.com/story"), Some(First::Url(Url::Head)));
        assert_eq!(first("Posted: Aug 30"), Some(First::Date(DateLine::Labelled(8, 14))));
    }

    #[test]
    fn source_lines_tell_their_fields() {
        let fields = |text: &str| match first(text) {
            Some(First::Fields(found)) => Some(found),
            _ => None,
        };
        let text = "Source: Xinhua| 2017-08-30 |Editor: yan";
        assert_eq!(
            fields(text),
            Some(vec![(Field::Source, (8, 14)), (Field::Date, (16, 26))])
        );
        // a dash splits fields only when every part is one
        assert_eq!(
            fields("Aug 30 - POSTED BY: Jane Doe - Category: Health"),
            Some(vec![(Field::Date, (0, 6)), (Field::Byline, (20, 28))])
        );
        // a field's name as `str.lower` gives it: a dotted capital I lowers to two characters
        assert_eq!(fields("Publİsher: Acme | Aug 30"), Some(vec![(Field::Date, (18, 24))]));
        assert_eq!(fields("Quelle: dpa"), Some(vec![(Field::Source, (8, 11))]));
    }

    #[test]
    fn record_fields() {
        let field = |text: &str| record_field(&Subject::new(&cps(text))).map(|f| (f.named, f.valued));
        assert_eq!(field("Pages: 312"), Some((true, true)));
        assert_eq!(field("Dauer:"), Some((true, false)));
        assert_eq!(field("Portion size of the meal : 1 cup"), Some((false, true)));
        assert_eq!(field("Preis： 12 Euro"), Some((true, true)));
        assert_eq!(field("Note: this"), Some((true, true)));
        assert_eq!(field("The mayor said: we will rebuild"), Some((true, true)));
        assert_eq!(field("The mayor said that: we will"), Some((false, true)));
        assert_eq!(field("Time 10:30"), None);
        assert_eq!(field(": no label"), None);
    }

    #[test]
    fn sentences_with_fields_are_no_source_lines() {
        for text in [
            "Source: Crotty Alexander L, Matthew D, Jones K, Smith P, Brown A, et al. Analysis of vaping",
            "From the start - he said: nothing would change",
            "The source: a leak in the roof",
            "Editors: the council misled voters | and then it happened that the mayor resigned in disgrace",
        ] {
            assert_eq!(fields_of(text), None, "{text}");
        }
    }

    fn fields_of(text: &str) -> Option<Vec<(Field, (usize, usize))>> {
        source_line(&Subject::new(&cps(text)), &date_words())
    }

    #[test]
    fn sentences_that_open_like_metadata_are_not() {
        for text in [
            "Editors at the paper found that the council had misled voters.",
            "She contributed to the campaign. Then she left.",
            "The mayor said she was a reporter once, long before politics.",
            "Source of the trouble was a leak in the roof",
            "With reports of flooding, the council closed the bridge.",
            "Call 911 if you see smoke",
            "Jane Doe is the Director",
        ] {
            let found = line_of(text);
            assert!(found.is_none() || found.is_some_and(|l| l.tail), "{text}: {found:?}");
        }
        assert_eq!(line_of("Storm damage reported from Kent, officials say"), None);
        assert_eq!(
            judged("See https://example.com for more"),
            Some(Found {
                first: None,
                line: None
            })
        );
        // a long line is no metadata, but for an author's bio
        assert_eq!(judged(&"word ".repeat(70)), None);
    }
}
