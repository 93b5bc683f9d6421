//! Photo and video captions and their credits, on their own line or glued into a paragraph:
//! "Image copyright Getty Images Image caption ...", "(AP Photo/Hussein Malla)", "FILE - In this
//! Monday, May 31, 1999 file photo, ...", "Rep. Jane Doe speaks at the Capitol on July 25, 2019.".
//! A caption is kept as the article's (its span is handed back); a credit goes.
//!
//! Two calls: `judge` answers what a line's own text says, for each distinct line in the one call
//! that judges every line for all the native families; `detect`, once per document, takes those
//! answers and gives the family's verdicts, judging the lines `judge` leaves open (a caption
//! closed by a copyright sign, a photographer's credit glued in by its slashes: `Answer::Open`)
//! and reading the lines around (a label above its caption, a gallery's tagged captions, a lone
//! credit printed twice, a name closing a caption, a video's title, a caption printed again under
//! a share bar). The language's credit openers and caption labels are data, which
//! `clean/residue/captions.py` reads and hands over as the lines they take.

use std::sync::LazyLock;

use super::{holds_within, Features, Pattern, Subject};
use crate::chars::{is_alpha, is_decimal, is_digit, is_lower, is_space, is_upper, is_word};

/// What a verdict says a line or its span is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reason {
    Caption,
    Credit,
}

/// One verdict on a line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Found {
    pub reason: Reason,
    /// the span it covers, or None for the whole line
    pub span: Option<(usize, usize)>,
    /// the caption it keeps for the article, as a span of the line
    pub caption: Option<(usize, usize)>,
}

/// The judge's answer on a line.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Answer {
    /// nothing, and nothing left for the rules of the open lines
    #[default]
    None,
    /// nothing, but the line may be one the rules of the open lines take (`detect`)
    Open,
    Found(Vec<Found>),
}

const AGENCY: &str = concat!(
    r"AP|AFP|Reuters|EPA|EPA-EFE|Getty(?: Images)?|Xinhua|dpa|ANSA|EFE|Bloomberg|PA|PA Wire|",
    r"Shutterstock|iStock(?:photo)?|Keystone|Kyodo|Yonhap|TASS|Anadolu|Sputnik|NurPhoto|SOPA Images|",
    r"Alamy|Corbis|AAP|CP|UPI|NYT|Imago|picture alliance|ZUMA(?: Press)?|Wikimedia Commons",
);

const MAX_CREDIT_LINE_CHARS: usize = 160;
// A credit alone on its line: "Photo: Jane Doe", "Credit... Doug Mills", "Courtesy of the
// family", "Reuters", "© AFP / Jane Doe", "Jane Doe/Example Journal". The ignore-case
// alternatives run on the folded line (a capital in them is any letter, as `re` has it); those
// that ask for a capital where `re.IGNORECASE` was turned off for it run on the line as written.
static CREDIT_LINE: LazyLock<Pattern> = LazyLock::new(|| {
    let agency = AGENCY.to_lowercase();
    Pattern::new(
        &format!(
            concat!(
                r"^(?:\(?\s*(?:image|photo|picture|video|foto|bild|photograph|illustration)s?\s*",
                r"(?:credit|copyright|courtesy|source|by|:|/)\b.{{0,100}}",
                r"|(?:credit|copyright|courtesy|crédit|crédito|quelle)s?\s*(?::|\.\.\.|…)\s*.{{1,100}}",
                r"|courtesy of\s+\S.{{0,80}}",
                r"|(?:photo|foto|bild|image)s?\s*:\s*.{{1,60}}",
                // A picture's label left alone where the picture was: "Photo".
                r"|photo|image|picture|foto",
                r"|\(\s*(?:european pressphoto agency|associated press|agence france-presse)\s*\)",
                r"|(?:{ag})",
                r"|©\s*(?:{ag})",
                r")\s*\)?$",
            ),
            ag = agency
        ),
        true,
    )
});
// The alternatives of the credit lines that repeat a Unicode class (`[\w .'-]{1,60}`) or walk
// the line in search of a word stand apart, behind a character or word every match holds: such
// a part makes its pattern tens of thousands of NFA states, and every line the pattern is tried
// on paid for them (a tenth of the native judges' time), where a gate costs a scan.
//
// The agency with its photographer after a slash: "AP/Jane Doe", "© Reuters / Jane Doe".
static CREDIT_AGENCY_SLASHED: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        &format!(
            r"^(?:(?:{ag})|©\s*(?:{ag}))\s*/\s*[\w .'-]{{1,60}}\s*\)?$",
            ag = AGENCY.to_lowercase()
        ),
        true,
    )
});
// "New York State Sex Offender Registry via AP": a handout's source and the agency.
static CREDIT_VIA: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        &format!(
            r"^[a-z][\w.&'’-]*(?:\s+[\w.&'’-]+){{0,7}}\s+via\s+(?:{ag})\s*\)?$",
            ag = AGENCY.to_lowercase()
        ),
        true,
    )
});
// The alternatives naming a capital: "Courtesy Shannon Trent", "Photo – Garrondo", a magazine's
// "By Al Levine/Comedy Central." and "From The Neal Peters Collection.", a source alone ("From
// Comedy Central."), a paper's figure ("Jane Doe et al/eLife Journal"). `re` takes a dotted
// capital I and a dotless i for "i" where the crate's `(?i)` does not, so they are named.
static CREDIT_LINE_CASED: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        concat!(
            r"^(?:(?i:courtesy)\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}",
            r"|(?i:photo|foto|[iİı]mage|p[iİı]cture)(?i:s)?\s+[-–—]\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}",
            r"|(?i:from)\s+[A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*){0,3}\.",
            r")\s*\)?$",
        ),
        false,
    )
});
// Behind their slash: a magazine's "By Al Levine/Comedy Central." and a paper's figure ("Jane Doe
// et al/eLife Journal").
static CREDIT_SLASHED: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        concat!(
            r"^(?:(?i:by)\s+[A-Z][\w.'’ -]{1,40}/[A-Z][\w.&'’ -]{1,40}\.?",
            r"|[A-Z][\w.'’-]+(?:\s[A-Z][\w.'’-]+){1,2}(?:\set al\.?)?\s?/\s?(?:[A-Z]|[a-z][A-Z])[\w.&'’-]*",
            r"(?:\s[A-Z][\w.&'’-]*){0,2}",
            r")\s*\)?$",
        ),
        false,
    )
});
// Behind its word: "From The Neal Peters Collection."
static CREDIT_COLLECTION: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"^(?i:from)\s+(?:(?i:the)\s+)?[A-Z][\w.&'’ -]{1,40}\s+(?i:collect[iİı]on)\.?\s*\)?$",
        false,
    )
});

// A caption's label opening the line: "Above: ...", "Image caption: ...", "Image: The teams
// march under one flag ..." (the label's own span is what the caption loses). The second form
// needs four words after it, which the pattern takes and gives back.
static CAPTION_MARK: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        concat!(
            r"^(?:(?:above|below|pictured|top|main|left|right|caption|image caption|media caption|photo caption|",
            r"file photo|bildunterschrift|légende)\s*[:\-–]\s*",
            r"|((?:image|picture|pic)\s*:\s+)\S+\s+\S+\s+\S+\s+\S)",
        ),
        true,
    )
});

/// The end of the caption's label opening the line, if one does.
fn caption_mark(s: &Subject) -> Option<usize> {
    let text = s.folded();
    let caps = CAPTION_MARK.regex.captures(text)?;
    let end = caps.get(1).unwrap_or_else(|| caps.get(0).unwrap()).end();
    Some(s.index(true, end))
}

// Glued into running text, VentureBeat's "Above: ... Image Credit: ...". The lookahead closing
// the credit ("(?=\s+[A-Z(\"“]|$)") is taken by the pattern and given back.
static GLUED_ABOVE: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        concat!(
            r#"(?P<caption>(?:Above|Pictured|Top|Below):\s+(?P<text>[^.!?]{1,250}?[.!?]?))\s*"#,
            r#"(?P<credit>(?:Image|Photo) Credit:\s*[^.!?]{1,60}?)(?:\s+[A-Z("“]|$)"#,
        ),
        false,
    )
});
// BBC's "Image copyright X Image caption Y", "Media caption Y", glued into running text: where
// one may start. The rest is code, for the lookaheads of `re`'s pattern:
//   (?P<credit>(?:Image|Photo|Picture) (?:copyright|source|credit)s?:?\s+
//     (?:[A-Z][\w.&'/-]*(?:\s+(?!(?:Image|Media|Photo|Video)\s+caption)(?:[A-Z][\w.&'/-]*|of|de|via)){0,3}|\w+))
//   |(?P<caption>(?:Image|Media|Photo|Video) caption:?\s+(?P<text>(?:[^.!?]|[.!?](?!\s|$)){1,250}(?:[.!?](?=\s|$))?))
static GLUED_START: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"(?:Image|Photo|Picture) (?:copyright|source|credit)|(?:Image|Media|Photo|Video) caption",
        false,
    )
});
static GLUED_CREDIT_HEAD: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::new(r"^(?:Image|Photo|Picture) (?:copyright|source|credit)s?:?\s+", false));
static GLUED_CAPTION_HEAD: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::new(r"^(?:Image|Media|Photo|Video) caption:?", false));
static CAPITALISED: LazyLock<Pattern> = LazyLock::new(|| Pattern::new(r"^[A-Z][\w.&'/-]*", false));
static SPACES: LazyLock<Pattern> = LazyLock::new(|| Pattern::new(r"^\s+", false));
static NEXT_CAPTION: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::new(r"^(?:Image|Media|Photo|Video)\s+caption", false));
static NAME_WORD: LazyLock<Pattern> = LazyLock::new(|| Pattern::new(r"^(?:[A-Z][\w.&'/-]*|of|de|via)", false));
static WORD_RUN: LazyLock<Pattern> = LazyLock::new(|| Pattern::new(r"^\w+", false));
const MAX_GLUED_CREDIT_NAMES: usize = 3;
const MAX_GLUED_CAPTION_CHARS: usize = 250;
// A caption is a sentence; one glued after text on its line that runs this long without a full
// stop to the end of the line has taken in the paragraph after it.
const MAX_OPEN_CAPTION_WORDS: usize = 20;

// Lines a photo or video widget prints whole: NPR's "Enlarge this image toggle caption <credit>",
// the WSJ's "Enlarge Image Close <credit> <caption>", USA TODAY's "Buy Photo <caption>", an AP
// caption marked as a file picture ("FILE - In this Monday, May 31, 1999 file photo, ..."), a
// gallery's counter before its caption ("1 of 6. The encampment at ..."), BBC's caption label,
// the WSJ's credit before its caption ("Associated Press An Israeli soldier rides ...").
static WIDGET_OPENING: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        concat!(
            r"^(?:Enlarge this image\s+)?(?:i\s+)?i?toggle caption\b",
            r"|^Enlarge Image\b",
            r"|^Buy Photo\s+\S",
            r"|^(?:[A-Z][A-Z0-9 .,]{0,40}\s)?FILE\s?[-–—]\s?(?:In\s+)?(?:[Tt]his|[Tt]hese)\b.{0,80}?\b(?:photos?|images?|pictures?)\b",
            r"|^(?:Associated Press|Reuters|Getty Images|European Pressphoto Agency|Agence France-Presse|Bloomberg News)",
            r"\s+(?:A|An|The|In|On|At)\s",
            r"|^\d{1,3} of \d{1,3}\.\s+[A-Z]|^(?:Image|Media) caption\s+\S",
        ),
        false,
    )
});
// A film's still credited to its studio before its caption, which names the actor and the part:
// "Universal Pictures Benicio Del Toro as 'The Wolfman.'", "Warner Bros. Pictures Jennifer
// Garner plays Julia in 'Valentine's Day.'". A sentence about a studio goes on with what its
// people do or say ("Sony Pictures Chairman Jane Doe said ...", "... CEO John Roe in a
// statement"): a part is played "as" someone, and a film is named "in" its title's quotes.
static STUDIO_STILL: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        concat!(
            r"^(?:[A-Z][\w.&'’-]*\s+){1,3}(?:Pictures|Films|Studios|Features)(?:\s+Classics)?",
            r"\s+(?:[A-Z][\w.'’-]*\s+){1,4}(?:as|plays|stars as)\s+\S",
            r"|^(?:[A-Z][\w.&'’-]*\s+){1,3}(?:Pictures|Films|Studios|Features)(?:\s+Classics)?",
            r#"\s+(?:[A-Z][\w.'’-]*\s+){1,4}in\s+['‘"“][A-Z]"#,
        ),
        false,
    )
});
const MAX_STILL_WORDS: usize = 30;
// The same widgets' marks inside the line: "... View Slideshow European Pressphoto Agency Smoke
// rises ...", a caption closed by its share button ("... — Jane Doe Share Photo"), a credit
// bracketed after it ("... attacked by a panda. [Photo/Lanzhou Evening News]"), a credit after a
// bar with the story's headline run on ("... campaign. | AP Photo Trump: ..."), a video's caption
// closed by when it was published ("... (Published Tuesday, Oct. 25, 2016)").
static WIDGET_INSIDE: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        concat!(
            r"\bView Slideshow\s+(?:Associated Press|Reuters|Getty Images|European Pressphoto Agency",
            r"|Agence France-Presse|Bloomberg News)\s|\sShare Photo\W{0,3}$",
            r"|\[(?:Photo|Image|Video)/[^\[\]]{2,60}\]$",
            r#"|[.!?"”]\s\|\s(?:AP Photo|Getty(?: Images)?|Reuters|AFP(?:/Getty(?: Images)?)?)(?:\s|$)"#,
            r"|\(Published\s+(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,\s+)?[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+(?:19|20)\d\d\)\s*$",
        ),
        false,
    )
});
const WIDGET_INSIDE_HINTS: &[&str] = &["view slideshow", "share photo", "[", " | ", "(published"];

// A credit closing a caption: "(AP Photo/Hussein Malla)", "(Syrian Central Military Media, via
// AP)", "(Xinhua/Wang Ying)", "(Photo by Jane Doe/Getty Images)", "(Family photos)", "(Jane
// Doe/for New York Daily News)", "(Associated Press)", "(Tatan Syuflana/AP)", Forbes's "(Photo:
// Getty Images) Getty", "... November 18, 2019. REUTERS/Brendan McDermid". Agency names are
// matched as written: "(EPA)" credits a photo, "(ePA)" abbreviates.
static CLOSING_CREDIT: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        &format!(
            concat!(
                r"\(\s*(?:[^()]{{0,120}}\bvia\s+(?:{ag})",
                r"|(?:{ag}|REUTERS|XINHUA)(?:\s+(?i:photo|[iİı]mages?|pool|f[iİı]le))*(?:\s*/\s*[^()]{{1,80}})?",
                r"|(?i:photo|photograph|p[iİı]cture|[iİı]mage|foto|b[iİı]ld|v[iİı]deo|f[iİı]le photo)s?(?:\s+by)?\s*[:/]?\s*[^()]{{1,80}}",
                r"|(?i:cred[iİı]t|courtesy)s?\s*:\s*[^()]{{1,80}}",
                r"|(?i:fam[iİı]ly|handout|subm[iİı]tted|contr[iİı]buted)\s+(?i:photos?|[iİı]mages?|p[iİı]ctures?)",
                r"|[A-Z][^()/]{{1,60}}/\s*for\s+(?:the\s+|The\s+)?[A-Z][^()/]{{1,60}}",
                r"|Associated Press|[A-Z][^()/]{{1,60}}(?:/[^()/]{{1,40}})?/\s*(?:{ag})",
                r")\)(?:\s*(?:{ag}))?\s*$",
                r"|\s(?:REUTERS|AFP|EPA(?:-EFE)?|AP Photo)\s*/\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){{0,3}}",
                r"(?:\s*/\s*(?:File Photo|File|Pool|Handout))?\s*$",
            ),
            ag = AGENCY
        ),
        false,
    )
});

fn closing_credit(s: &Subject) -> bool {
    (s.holds(")") || s.holds("/")) && CLOSING_CREDIT.is_match(s)
}

// "... in 2014. Jane Doe for The Wall Street Journal": the photographer and the paper they shot
// for, after the caption's last sentence. The lookbehind for the sentence's end is the character
// the pattern opens on.
static PAPER_CREDIT: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        concat!(
            r#"[.!?”"]\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,2}\s+for\s+(?:The\s+)?(?:[A-Z][\w.&'’-]*\s+){0,3}"#,
            r"(?:Journal|Times|Post|News|Tribune|Herald|Globe|Guardian|Telegraph|Magazine|Press|Chronicle|Star|Daily)\s*$",
        ),
        false,
    )
});

// The photographer and the agency first, then the caption: "Jane Doe/NASA A supermoon behind the
// Capitol on Sunday, Sept. 27, 2015." A sentence does not open on a person and an organisation
// either side of a slash.
static CREDIT_FIRST: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r#"^[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){1,2} ?/ ?[A-Z][\w&'’.-]*(?: [A-Z][\w&'’.-]*){0,3} [A-Z"“‘']"#,
        false,
    )
});
const MAX_CREDIT_FIRST_WORDS: usize = 40;
const CREDIT_FIRST_SLASH_WITHIN: usize = 60;

// NYT and Guardian style: "... Credit... Doug Mills/The New York Times", "Photograph: Jerome
// Favre/EPA"; "... earnings. Photograph by" (the name was a link, now gone); "... Courtesy Sara
// Carson"; "..., photos © Inexhibit, 2018"; "... of Titan. (NASA/JPL-Caltech/ASU)". The
// lookbehinds for a sentence's end are the character the alternatives open on.
static TRAILING_CREDIT: LazyLock<[Pattern; 5]> = LazyLock::new(|| {
    [
        r"\s(?:Credit|Photograph|Photo|Image|Foto|Bild|Crédit|Crédito)s?\s*(?:\.{2,3}|…|:)\s*\S.{0,100}$",
        r#"[.!?”"]\s*(?:Photograph|Photo|Image|Picture|Video)s?\s+(?:by|courtesy of)\s*$"#,
        r#"[.!?”"]\s*Courtesy(?: of)?\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s*$"#,
        r"[,.]\s*(?:photos?|images?|pictures?|fotos?)\s*©\s*[^,©]{1,60}(?:,\s*(?:19|20)\d\d)?\s*$",
        concat!(
            r#"[.!?”"]\s*\(\s?(?:[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,3})"#,
            r"(?:\s?/\s?[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,3}){1,4}\s?\)\s*$",
        ),
    ]
    .map(|source| Pattern::new(source, false))
});

/// Whether one of `TRAILING_CREDIT`'s alternatives matches, each tried only on a line holding what
/// it must: searched along the line, a pattern of this size is slow.
fn trailing_credit(s: &Subject) -> bool {
    let [labelled, by, courtesy, copyright, slashed] = &*TRAILING_CREDIT;
    let exact = |w: &str| s.shows(w);
    let last = s.codes.iter().rev().find(|&&c| !is_space(c));
    ["Credit", "Photo", "Image", "Foto", "Bild", "Crédit"]
        .iter()
        .any(|w| exact(w))
        && labelled.is_match(s)
        || s.holds("by") && ["Photo", "Image", "Picture", "Video"].iter().any(|w| exact(w)) && by.is_match(s)
        || exact("Courtesy") && courtesy.is_match(s)
        || s.holds("©") && copyright.is_match(s)
        || last == Some(&cp(')')) && s.holds("/") && slashed.is_match(s)
}
// A caption closed by its credit may describe a whole diagram; a page flattened into one
// paragraph that happens to end on a credit is longer still.
const MAX_CREDITED_CAPTION_CHARS: usize = 1000;

// "The logo is displayed outside an office in New York. Reuters": the agency's bare name after the
// caption's last sentence, whose end the pattern opens on.
static BARE_CREDIT: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        &format!(r#"[.!?”"]\s*(?:{ag}|REUTERS|Statista)\s*$"#, ag = AGENCY),
        false,
    )
});

// The wire services' caption formula: "In this Dec. 12, 2006, file photo, made available by NASA,
// ...", "This March 28, 2017, photo provided by ... shows ...", and with the scene first: "The
// moon turns red in this image of an eclipse from 2004.".
static PHOTO_FORMULA: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        concat!(
            r"^(?:In this|This)\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+\d{4},?\s+|undated\s+|\d{4},?\s+)?",
            r"(?:(?:file|handout|undated|aerial|drone|family|courtesy|image|video)\s+)*",
            r"(?:photo|photograph|picture|image|frame grab|file photo|still image)\b(?:,|\s+(?:provided|released|made|taken|shows))",
        ),
        false,
    )
});
// The scene first, apart and behind the words it must hold: walking a line of a hundred
// characters in search of them cost every line starting with a capital.
static PHOTO_FORMULA_SCENE: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        concat!(
            r"^[A-Z][^.!?]{3,100}?\s+in this (?:undated |file |handout |aerial )?",
            r"(?:image|photo|photograph|picture|frame grab|still image) (?:of|from|taken|provided|released|made)\b",
        ),
        false,
    )
});

// The wire photo desks' scene formula, which names the day in full where running text says "on
// Tuesday": "A shopper looks at extension cords at a hardware store, Tuesday, Nov. 19, 2019, in
// Grass Valley, Calif.", "Rep. Jane Doe speaks at the Capitol on July 25, 2019." A present-tense
// verb of what the picture shows, then the date with its year.
macro_rules! full_date {
    () => {
        concat!(
            r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?",
            r"|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)",
            r"\s+\d{1,2},?\s+(?:19|20)\d\d\b"
        )
    };
}
macro_rules! weekday {
    () => {
        r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
    };
}
static SCENE_DATE: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        concat!(
            r"(?:\bon\s+(?:",
            weekday!(),
            r",\s+)?|,\s+(?:",
            weekday!(),
            r",\s+)?)",
            full_date!()
        ),
        false,
    )
});
// "..., Tuesday, Nov. 19, 2019, ...": the day named in full between commas, after a word (not
// after a clock time, as in a page's "11:26 pm EST, Tuesday, November 19, 2019", which the code
// before the pattern tells).
static DAY_DATE: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::new(concat!(r"[a-z.],\s+", weekday!(), r",\s+", full_date!()), false));
#[rustfmt::skip]
const SCENE_VERBS: &[&str] = &[
    "speaks", "talks", "looks", "walks", "arrives", "leaves", "poses", "pose", "stands", "stand",
    "sits", "sit", "holds", "hold", "gestures", "gesture", "attends", "attend", "waves", "wave",
    "reacts", "react", "passes", "shows", "celebrates", "celebrate", "listens", "listen",
    "watches", "watch", "delivers", "addresses", "greets", "greet", "shakes", "rides", "ride",
    "carries", "carry", "gather", "march", "wait", "waits", "takes", "plays", "runs", "dunks",
    "shoots", "scores", "throws", "catches", "kicks", "drives", "hugs", "embraces", "smiles",
    "cheer", "cheers", "sings", "performs", "perform", "testifies", "signs", "prepares", "prepare",
    "work", "works", "prays", "pray", "displays", "visits", "visit", "points", "raises", "raise",
    "wears", "wear",
];
// A verb after these is no picture's present tense: "had to wait ... on December 8, 1980".
#[rustfmt::skip]
const NOT_SCENE_BEFORE: &[&str] = &[
    "to", "will", "would", "could", "can", "did", "does", "do", "not", "may", "might", "should", "must", "shall",
];
const SEEN: &[&str] = &["seen", "pictured", "displayed"]; // "is seen", "are pictured"
const MAX_VERB_AT: usize = 30; // words: how far into the caption its verb may come

const MAX_CAPTION_WORDS: usize = 80;
// A caption is a sentence or a few; a paragraph of more, even closed by a credit, is text.
const MAX_CAPTION_SENTENCES: usize = 4;
// The scene formula is one sentence, maybe a second of context.
const MAX_SCENE_SENTENCES: usize = 2;
// A photo widget prints its caption twice, as the caption and as the picture's description. The
// passage is a caption's length, and long enough that a chant or a refrain is not one.
const MIN_TWICE_PRINTED_CHARS: usize = 40;
const MAX_TWICE_PRINTED_CHARS: usize = 602;
const MAX_TWICE_PRINTED_WORDS: usize = MAX_CAPTION_WORDS;
const MIN_CAPTIONS_IN_A_ROW: usize = 2;

const fn cp(c: char) -> u32 {
    c as u32
}

fn is_stop(c: u32) -> bool {
    c == cp('.') || c == cp('!') || c == cp('?')
}

fn count_words(codes: &[u32]) -> usize {
    split_words(codes).count()
}

/// `str.split()`: the runs of characters that are not spaces.
fn split_words(codes: &[u32]) -> impl Iterator<Item = &[u32]> {
    codes.split(|&c| is_space(c)).filter(|w| !w.is_empty())
}

/// `str.strip()`'s span of `codes[start..end]`.
fn strip(codes: &[u32], mut start: usize, mut end: usize) -> (usize, usize) {
    while start < end && is_space(codes[start]) {
        start += 1;
    }
    while end > start && is_space(codes[end - 1]) {
        end -= 1;
    }
    (start, end)
}

fn is_word_of(word: &[u32], list: &[&str]) -> bool {
    list.iter()
        .any(|w| w.len() == word.len() && w.bytes().zip(word).all(|(b, &c)| b as u32 == c))
}

/// The byte offset of code point `at` in the line as written.
fn byte_at(s: &Subject, at: usize) -> usize {
    if s.ascii {
        at
    } else {
        s.exact.char_indices().nth(at).map_or(s.exact.len(), |(b, _)| b)
    }
}

/// Where the `^`-anchored pattern `p` (run on the line as written) ends if it matches at byte `at`.
fn match_at(p: &Pattern, s: &Subject, at: usize) -> Option<usize> {
    p.regex.find(&s.exact[at..]).map(|m| at + m.end())
}

/// A caption or credit glued into the line: spans in code points.
struct Glued {
    start: usize,
    end: usize,
    credit: Option<(usize, usize)>,
    caption: Option<(usize, usize)>,
    text: (usize, usize),
}

fn glued_above(s: &Subject) -> Vec<Glued> {
    let mut found = Vec::new();
    if !s.holds("credit:") {
        return found;
    }
    let text = &s.exact;
    let mut at = 0;
    while let Some(caps) = GLUED_ABOVE.regex.captures_at(text, at) {
        let (caption, words, credit) = (
            caps.name("caption").unwrap(),
            caps.name("text").unwrap(),
            caps.name("credit").unwrap(),
        );
        let i = |b| s.index(false, b);
        found.push(Glued {
            start: i(caption.start()),
            end: i(credit.end()),
            credit: Some((i(credit.start()), i(credit.end()))),
            caption: Some((i(caption.start()), i(caption.end()))),
            text: (i(words.start()), i(words.end())),
        });
        at = credit.end();
    }
    found
}

/// BBC's credit at byte `at`: its end, in bytes.
fn glued_credit_at(s: &Subject, at: usize) -> Option<usize> {
    let head = match_at(&GLUED_CREDIT_HEAD, s, at)?;
    let Some(mut end) = match_at(&CAPITALISED, s, head) else {
        return match_at(&WORD_RUN, s, head);
    };
    for _ in 0..MAX_GLUED_CREDIT_NAMES {
        let Some(next) = match_at(&SPACES, s, end) else { break };
        // The next picture's caption is not the credit's.
        if match_at(&NEXT_CAPTION, s, next).is_some() {
            break;
        }
        let Some(word_end) = match_at(&NAME_WORD, s, next) else {
            break;
        };
        end = word_end;
    }
    Some(end)
}

/// BBC's caption at byte `at`.
fn glued_caption_at(s: &Subject, at: usize) -> Option<Glued> {
    let head = s.index(false, match_at(&GLUED_CAPTION_HEAD, s, at)?);
    let codes = &s.codes;
    let n = codes.len();
    let mut start = head;
    while start < n && is_space(codes[start]) {
        start += 1;
    }
    let spaces = start - head;
    if spaces == 0 {
        return None;
    }
    // A character of the caption: any but a sentence's end followed by a space or the line's end.
    let taken = |i: usize| !is_stop(codes[i]) || i + 1 < n && !is_space(codes[i + 1]);
    let mut end = start;
    while end < n && end - start < MAX_GLUED_CAPTION_CHARS && taken(end) {
        end += 1;
    }
    if end == start {
        // None taken: the spaces before give the caption their last.
        if spaces < 2 {
            return None;
        }
        start -= 1;
    }
    if end < n && is_stop(codes[end]) && (end + 1 == n || is_space(codes[end + 1])) {
        end += 1;
    }
    let first = s.index(false, at);
    Some(Glued {
        start: first,
        end,
        credit: None,
        caption: Some((first, end)),
        text: (start, end),
    })
}

fn glued_bbc(s: &Subject) -> Vec<Glued> {
    let mut found = Vec::new();
    let text = &s.exact;
    let mut at = 0;
    while let Some(m) = GLUED_START.regex.find_at(text, at) {
        let b = m.start();
        if let Some(end) = glued_credit_at(s, b) {
            let (start, end_cp) = (s.index(false, b), s.index(false, end));
            found.push(Glued {
                start,
                end: end_cp,
                credit: Some((start, end_cp)),
                caption: None,
                text: (end_cp, end_cp),
            });
            at = end;
        } else if let Some(g) = glued_caption_at(s, b) {
            at = byte_at(s, g.end);
            found.push(g);
        } else {
            at = b + text[b..].chars().next().map_or(1, char::len_utf8);
        }
    }
    found
}

/// The verdicts on the glued residue of one pattern, in the line's order.
fn glued_verdicts(s: &Subject, found: &[Glued]) -> Vec<Found> {
    let codes = &s.codes;
    let line_end = strip(codes, 0, codes.len()).1;
    let mut verdicts = Vec::new();
    let mut blank_before = true; // only spaces before, less the residue already found
    let mut last = 0;
    for (k, g) in found.iter().enumerate() {
        blank_before &= codes[last..g.start].iter().all(|&c| is_space(c));
        last = g.end;
        if let Some(span) = g.credit {
            verdicts.push(Found {
                reason: Reason::Credit,
                span: Some(span),
                caption: None,
            });
        }
        if let Some((start, mut end)) = g.caption {
            let (text_start, mut text_end) = g.text;
            let ran_on = k + 1 == found.len() && runs_on(codes, (text_start, end), line_end, blank_before);
            if ran_on {
                (end, text_end) = (line_end, line_end);
            }
            let stripped = strip(codes, text_start, text_end);
            // The glued caption ends where the caption does: where it runs on to, on its full
            // stop, before more text on the line, or within a caption's length.
            let ends = ran_on
                || stripped.1 > stripped.0 && is_stop(codes[stripped.1 - 1])
                || end < line_end
                || count_words(&codes[text_start..text_end]) <= MAX_OPEN_CAPTION_WORDS;
            verdicts.push(if blank_before || ends {
                Found {
                    reason: Reason::Caption,
                    span: Some((start, end)),
                    caption: Some(stripped),
                }
            } else {
                // A caption run on into the text after the picture: only its label goes.
                Found {
                    reason: Reason::Caption,
                    span: Some((start, text_start)),
                    caption: None,
                }
            });
        }
    }
    verdicts
}

// A caption is taken to its first sentence's end; what is left of the line may be more of it: a
// quotation the caption opened that closes at the line's end ("Media caption Jane Doe: "We will
// stay... It is over""), or, where the caption opens the line, a last sentence left without its
// full stop as captions leave it ("Image caption Time for lunch? The maker says it owns the
// shape"). A paragraph under the picture glued to its caption is closed by a full stop.
const MAX_CAPTION_TAIL_WORDS: usize = 15;

fn runs_on(codes: &[u32], (text_start, end): (usize, usize), line_end: usize, opens_line: bool) -> bool {
    if end >= line_end || count_words(&codes[end..line_end]) > MAX_CAPTION_TAIL_WORDS {
        return false;
    }
    let rest = &codes[end..line_end];
    let caption = &codes[text_start..end];
    let straight = |c: &&u32| **c == cp('"');
    let opened =
        caption.iter().filter(straight).count() % 2 == 1 || caption.contains(&cp('“')) && !caption.contains(&cp('”'));
    let (last, inside) = rest.split_last().expect("a word is left");
    let closes =
        (*last == cp('"') || *last == cp('”')) && !inside.iter().any(|&c| c == cp('"') || c == cp('“') || c == cp('”'));
    opened && closes || opens_line && !rest.iter().any(|&c| is_stop(c))
}

/// The passage a photo widget printed twice at the line's start ("Researchers have found ...
/// disease. Researchers have found ... disease."), as `re`'s `^(\S.{38,600}?[.!?)])\s+\1(?=\s|$)`
/// finds it: its end.
fn twice_printed(codes: &[u32]) -> Option<usize> {
    let n = codes.len();
    if n < 2 * MIN_TWICE_PRINTED_CHARS + 1 || is_space(codes[0]) {
        return None;
    }
    for end in MIN_TWICE_PRINTED_CHARS..=MAX_TWICE_PRINTED_CHARS.min(n) {
        let last = codes[end - 1];
        if !(is_stop(last) || last == cp(')')) {
            continue;
        }
        let mut again = end;
        while again < n && is_space(codes[again]) {
            again += 1;
        }
        let after = again + end;
        if again > end && after <= n && codes[again..after] == codes[..end] && (after == n || is_space(codes[after])) {
            return Some(end);
        }
    }
    None
}

/// A gallery's captions run together on one line, each closed by its credit: "FILE - This 2003
/// file photo shows ... (Associated Press) FILE - This ...". Every piece (the line cut after each
/// closing bracket that a capital or a quotation follows) is a caption's length and ends on a
/// credit.
fn captions_in_a_row(codes: &[u32]) -> bool {
    let (start, end) = strip(codes, 0, codes.len());
    let codes = &codes[start..end];
    let opens = |c: u32| (cp('A')..=cp('Z')).contains(&c) || c == cp('"') || c == cp('“');
    let mut pieces = Vec::new();
    let mut from = 0;
    let mut i = 0;
    while i < codes.len() {
        if codes[i] == cp(')') {
            let mut next = i + 1;
            while next < codes.len() && is_space(codes[next]) {
                next += 1;
            }
            if next > i + 1 && next < codes.len() && opens(codes[next]) {
                pieces.push(&codes[from..i + 1]);
                from = next;
                i = next;
                continue;
            }
        }
        i += 1;
    }
    pieces.push(&codes[from..]);
    pieces.len() >= MIN_CAPTIONS_IN_A_ROW
        && pieces
            .iter()
            .all(|p| count_words(p) <= MAX_CAPTION_WORDS && closing_credit(&Subject::new(p)))
}

/// Whether `DAY_DATE` matches where no clock time ("PM", "pm", "EST", "P.M.") stands right before
/// it, as `re`'s lookbehinds `(?<![AP]M\b)(?<![ap]m\b)(?<![A-Z]{3}\b)(?<![AP]\.M\.)` have it.
fn day_date(s: &Subject) -> bool {
    let codes = &s.codes;
    let text = &s.exact;
    let mut at = 0;
    while let Some(m) = DAY_DATE.regex.find_at(text, at) {
        let p = s.index(false, m.start());
        // The match opens on a letter or a full stop, so a word ends before it only before a stop.
        let boundary = codes[p] == cp('.');
        let upper = |i: usize| (cp('A')..=cp('Z')).contains(&codes[i]);
        let is = |i: usize, c: char| codes[i] == cp(c);
        let clock = p >= 2 && boundary && (is(p - 1, 'M') && (is(p - 2, 'A') || is(p - 2, 'P')))
            || p >= 2 && boundary && (is(p - 1, 'm') && (is(p - 2, 'a') || is(p - 2, 'p')))
            || p >= 3 && boundary && upper(p - 1) && upper(p - 2) && upper(p - 3)
            || p >= 4 && is(p - 1, '.') && is(p - 2, 'M') && is(p - 3, '.') && (is(p - 4, 'A') || is(p - 4, 'P'));
        if !clock {
            return true;
        }
        at = m.start() + 1; // the match opens on an ASCII character
    }
    false
}

/// The scene formula: the picture's subject, its verb, then the date.
fn scene(s: &Subject) -> bool {
    let codes = &s.codes;
    if !(s.shows("20") || s.shows("19")) {
        return false; // no year
    }
    if day_date(s) {
        return true;
    }
    if codes.is_empty() || !is_upper(codes[0]) {
        return false;
    }
    let words: Vec<&[u32]> = split_words(codes).take(MAX_VERB_AT + 1).collect();
    for k in 1..words.len() {
        let (word, before) = (words[k], words[k - 1]);
        if is_word_of(word, SCENE_VERBS) && !is_word_of(before, NOT_SCENE_BEFORE)
            || is_word_of(word, SEEN) && is_word_of(before, &["is", "are"])
        {
            let word: String = word.iter().map(|&c| c as u8 as char).collect();
            return match s.exact.find(&format!(" {word} ")) {
                Some(at) => SCENE_DATE.regex.find_at(&s.exact, at + word.len() + 1).is_some(),
                None => false,
            };
        }
    }
    false
}

/// The captions judge on one line; `chars` is its length in code points.
pub fn judge(s: &Subject, f: Features) -> Answer {
    let codes = &s.codes;
    let chars = codes.len();
    let found = |reason, span, caption| Answer::Found(vec![Found { reason, span, caption }]);
    if chars <= MAX_CREDIT_LINE_CHARS
        && !f.prose
        && (CREDIT_LINE.is_match(s)
            || CREDIT_LINE_CASED.is_match(s)
            || s.holds("via") && CREDIT_VIA.is_match(s)
            || s.holds("collect") && CREDIT_COLLECTION.is_match(s)
            || codes.contains(&cp('/')) && (CREDIT_AGENCY_SLASHED.is_match(s) || CREDIT_SLASHED.is_match(s)))
    {
        return found(Reason::Credit, None, None);
    }
    for glued in [glued_above(s), glued_bbc(s)] {
        if !glued.is_empty() {
            return Answer::Found(glued_verdicts(s, &glued));
        }
    }
    if let Some(end) = twice_printed(codes) {
        if count_words(&codes[..end]) <= MAX_TWICE_PRINTED_WORDS {
            return found(Reason::Caption, None, Some((0, end)));
        }
    }
    if f.words > MAX_CAPTION_WORDS && codes.contains(&cp(')')) && captions_in_a_row(codes) {
        return found(Reason::Caption, None, Some((0, chars)));
    }
    let mark = caption_mark(s);
    if f.sentences > MAX_CAPTION_SENTENCES && f.words > MAX_CAPTION_WORDS && mark.is_none() {
        // A page of running text (a quoted report's page) closed by its figure's credit is the
        // document's own text, credit included.
        return Answer::None;
    }
    let short = f.words <= MAX_CAPTION_WORDS;
    if WIDGET_OPENING.is_match(s)
        || WIDGET_INSIDE_HINTS.iter().any(|h| s.holds(h)) && WIDGET_INSIDE.is_match(s)
        || closing_credit(s)
        || mark.is_some()
        || short && s.holds(" for ") && PAPER_CREDIT.is_match(s)
        || f.words <= MAX_CREDIT_FIRST_WORDS
            && f.sentences <= MAX_SCENE_SENTENCES
            && f.ends_sentence
            && s.shows("/")
            && holds_within(codes, "/", CREDIT_FIRST_SLASH_WITHIN)
            && CREDIT_FIRST.is_match(s)
        || chars <= MAX_CREDITED_CAPTION_CHARS && trailing_credit(s)
        || f.words <= MAX_STILL_WORDS && f.ends_sentence && STUDIO_STILL.is_match(s)
        || short
            && (BARE_CREDIT.is_match(s)
                || PHOTO_FORMULA.is_match(s)
                || s.holds("in this ") && PHOTO_FORMULA_SCENE.is_match(s)
                || f.sentences <= MAX_SCENE_SENTENCES && scene(s))
    {
        return found(Reason::Caption, None, Some((mark.unwrap_or(0), chars)));
    }
    // What `detect` judges next: a copyright sign closing a caption (a short line), a
    // credit named by its slashes.
    if short && (s.holds("©") || s.holds("(c)")) || codes.contains(&cp('/')) {
        return Answer::Open;
    }
    Answer::None
}

// ---------------------------------------------------------------------------------------------
// The document's rules: what the lines around a line tell, and the rules judged on the lines the
// line judge leaves open. `detect` takes a document's distinct lines with their features, which
// line each block is, the judge's answer on each distinct line and what the language's data says
// of it (`clean/residue/captions.py` reads the vocabulary), and gives the family's verdicts in the
// order the family yields them.

/// A verdict of the family on a block of the document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Verdict {
    pub block: usize,
    pub reason: Reason,
    /// the span it covers, or None for the whole block
    pub span: Option<(usize, usize)>,
    /// the caption it keeps for the article, as a span of the block's text
    pub caption: Option<(usize, usize)>,
}

/// What the language's data says of a distinct line (the Python side reads the vocabulary).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Vocabulary {
    /// a credit opened by one of the language's openers ("Foto: dpa", "Bild/Quelle: X"), alone
    /// on a line of a credit's length that is not prose
    pub credit_opener: bool,
    /// a caption's label of the language ("Bildunterschrift"), on a line of a label's few words
    pub caption_label: bool,
}

/// A distinct line of the document, as `detect` reads it.
pub struct Line<'a> {
    pub text: &'a [u32],
    pub f: &'a crate::lines::Features,
    pub answer: &'a Answer,
    pub vocabulary: Vocabulary,
}

const fn is_ascii_upper(c: u32) -> bool {
    c >= b'A' as u32 && c <= b'Z' as u32
}

const fn is_ascii_lower(c: u32) -> bool {
    c >= b'a' as u32 && c <= b'z' as u32
}

fn is_in(c: u32, set: &str) -> bool {
    set.chars().any(|s| s as u32 == c)
}

/// The end of `str.rstrip()` of `codes`.
fn strip_end(codes: &[u32]) -> usize {
    let mut end = codes.len();
    while end > 0 && is_space(codes[end - 1]) {
        end -= 1;
    }
    end
}

/// `text.rstrip()[-1:] in finished`: an empty line is in any string.
fn ends_in(codes: &[u32], finished: &str) -> bool {
    let end = strip_end(codes);
    end == 0 || is_in(codes[end - 1], finished)
}

// A caption closed by the picture's rights holder after a copyright sign, in any language: "Bei der
// Beckenkippung sinkt der Brustkorb ein. © Pferderevue", "Stau © aremac / Clipdealer", "Le piquet
// de grève dans le hall / (C) Kab Niang". Running text cites a source in words, not after the
// sign; a page's own copyright line ("Copyright © 2020 Acme", "Alle Inhalte © 2021 ...") names a
// year or its rights and is the footer's.
static RIGHTS: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::new(r"copyright|rights|rechte|droits|derechos|diritti|powered|design", true));
static YEAR: LazyLock<Pattern> = LazyLock::new(|| Pattern::new(r"\b(?:19|20)\d\d\b", false));
const MIN_CAPTION_BEFORE_COPYRIGHT_WORDS: usize = 2;
const MAX_COPYRIGHT_CREDIT_CHARS: usize = 60;
const COPYRIGHT_SEPARATORS: &str = "-–—|/";
// What a credit after the sign holds none of.
const NOT_IN_COPYRIGHT_CREDIT: &str = "©.!?:";

/// The copyright sign closing the line, as `re` searches
/// `(?<=\S)\s*(?:[-–—|/]\s*)?(?:©|\([Cc]\))\s*(?!(?:19|20)\d\d)(?P<credit>[^\s©.!?:][^©.!?:]{0,59}(?:\.[a-z][\w-]*)*)\s*$`:
/// where the match starts and the credit's span.
fn copyright_sign(codes: &[u32]) -> Option<(usize, (usize, usize))> {
    let n = codes.len();
    let sign_at = |q: usize| -> Option<usize> {
        if codes[q] == cp('©') {
            Some(1)
        } else if q + 2 < n
            && codes[q] == cp('(')
            && (codes[q + 1] == cp('c') || codes[q + 1] == cp('C'))
            && codes[q + 2] == cp(')')
        {
            Some(3)
        } else {
            None
        }
    };
    for q in 0..n {
        let Some(sign) = sign_at(q) else { continue };
        // The match starts after a character that is not a space: before the spaces and the
        // separator in front of the sign, or after the separator if the line opens with it.
        let mut a = q;
        while a > 0 && is_space(codes[a - 1]) {
            a -= 1;
        }
        let start = if a > 0 && is_in(codes[a - 1], COPYRIGHT_SEPARATORS) {
            let mut b = a - 1;
            while b > 0 && is_space(codes[b - 1]) {
                b -= 1;
            }
            if b > 0 {
                b
            } else {
                a
            }
        } else if a > 0 {
            a
        } else {
            continue;
        };
        let mut c = q + sign;
        while c < n && is_space(codes[c]) {
            c += 1;
        }
        let year = c + 3 < n
            && (codes[c] == cp('1') && codes[c + 1] == cp('9') || codes[c] == cp('2') && codes[c + 1] == cp('0'))
            && is_decimal(codes[c + 2])
            && is_decimal(codes[c + 3]);
        if year || c >= n || is_space(codes[c]) || is_in(codes[c], NOT_IN_COPYRIGHT_CREDIT) {
            continue;
        }
        let mut e = c + 1;
        while e < n && !is_in(codes[e], NOT_IN_COPYRIGHT_CREDIT) {
            e += 1;
        }
        if e - c <= MAX_COPYRIGHT_CREDIT_CHARS {
            // the run of the credit's characters, then its domain's parts (".com"), then spaces
            let mut end = e;
            while end + 1 < n && codes[end] == cp('.') && is_ascii_lower(codes[end + 1]) {
                end += 2;
                while end < n && (is_word(codes[end]) || codes[end] == cp('-')) {
                    end += 1;
                }
            }
            if codes[end..].iter().all(|&c| is_space(c)) {
                return Some((start, (c, end)));
            }
        } else if e == n && strip_end(codes) <= c + MAX_COPYRIGHT_CREDIT_CHARS {
            // longer than a credit: only spaces may follow its sixty characters
            return Some((start, (c, c + MAX_COPYRIGHT_CREDIT_CHARS)));
        }
    }
    None
}

/// The caption closed by a copyright credit: where the match starts and the credit's span.
fn closing_copyright(s: &Subject) -> Option<(usize, (usize, usize))> {
    let codes = &s.codes;
    let (start, credit) = copyright_sign(codes)?;
    // `\w{2,}` before the sign
    let words = crate::lines::words(&codes[..start]).filter(|(a, b)| b - a >= 2).count();
    if words < MIN_CAPTION_BEFORE_COPYRIGHT_WORDS
        || RIGHTS.is_match(s)
        || YEAR.is_match(&Subject::new(&codes[credit.0..credit.1]))
    {
        return None;
    }
    Some((start, credit))
}

/// The verdict on a line closed by a copyright credit that starts at `start`: a scraper that
/// joined a line per text node may have run the story's paragraph on into the picture's caption
/// ("... woher kommt die dicke Luft? Stau © aremac / Clipdealer"). The caption is then what
/// follows the last sentence; a caption that is a whole sentence after others may be the story's
/// last sentence, and only the credit goes.
fn copyright_captioned(codes: &[u32], start: usize) -> Found {
    let n = codes.len();
    let before_end = strip_end(&codes[..start]);
    let before = &codes[..before_end];
    let begins = if ends_in(before, ".!?…\"”’'") {
        let begins = captioned(before);
        if begins != Some(0) {
            return Found {
                reason: Reason::Credit,
                span: Some((start, n)),
                caption: None,
            };
        }
        0
    } else {
        last_sentence_end(before)
    };
    if begins == 0 {
        Found {
            reason: Reason::Caption,
            span: None,
            caption: Some((0, before_end)),
        }
    } else {
        Found {
            reason: Reason::Caption,
            span: Some((begins, n)),
            caption: Some((begins, before_end)),
        }
    }
}

/// Where the last sentence inside `before` (stripped at its end) begins, as the last match of
/// `re`'s `[.!?…]["”’']?\s+(?=\S)` ends; 0 if no sentence ends inside it.
fn last_sentence_end(before: &[u32]) -> usize {
    let n = before.len();
    let mut last = 0;
    let mut i = 0;
    while i < n {
        if is_in(before[i], ".!?…") {
            let mut j = i + 1;
            if j < n && is_in(before[j], "\"”’'") && j + 1 < n && is_space(before[j + 1]) {
                j += 1;
            }
            let spaces = j;
            while j < n && is_space(before[j]) {
                j += 1;
            }
            if j > spaces && j < n {
                last = j;
                i = j;
                continue;
            }
        }
        i += 1;
    }
    last
}

// A caption before its closing credit: one sentence of a caption's length, closed by a full stop.
// An abbreviation's full stop with the sentence going on in lower case after it ("found at 50
// Old Colony Rd. in the north end.") ends no sentence.
const MAX_CREDITED_WORDS: usize = 50;

/// Where the caption closed by a credit at `before`'s end begins, or None if none does: the last
/// sentence as `re` searches
/// `(?:^|(?<=[.!?]["”’'] )|(?<=[.!?] ))[A-Z"“‘'](?:[^.!?]|\.(?= [a-z]))*[.!?]["”’']?\s*$`.
fn captioned(before: &[u32]) -> Option<usize> {
    let n = before.len();
    let end = strip_end(before);
    if end == 0 || !is_in(before[end - 1], ".!?\"”") {
        return None;
    }
    // the sentence's own end, a quotation mark after it
    let stop = if is_stop(before[end - 1]) {
        end - 1
    } else if end >= 2 && is_in(before[end - 1], "\"”’'") && is_stop(before[end - 2]) {
        end - 2
    } else {
        return None;
    };
    // Inside the sentence: no "!" or "?", and a full stop only with the sentence going on in
    // lower case after it.
    let ends_inside = |j: usize| {
        let c = before[j];
        c == cp('!')
            || c == cp('?')
            || c == cp('.') && !(j + 2 < n && before[j + 1] == cp(' ') && is_ascii_lower(before[j + 2]))
    };
    let from = (0..stop).rev().find(|&j| ends_inside(j)).map_or(0, |j| j + 1);
    let opens = |p: usize| {
        let c = before[p];
        (is_ascii_upper(c) || is_in(c, "\"“‘'"))
            && (p == 0
                || p >= 2 && before[p - 1] == cp(' ') && is_stop(before[p - 2])
                || p >= 3 && before[p - 1] == cp(' ') && is_in(before[p - 2], "\"”’'") && is_stop(before[p - 3]))
    };
    let start = (from..stop).find(|&p| opens(p))?;
    (count_words(&before[start..]) <= MAX_CREDITED_WORDS).then_some(start)
}

// A photographer's credit glued into running text, named by its slashes: "Sakib Ali/Hindustan
// Times/Getty Images", "Jane Doe/AFP". A sentence does not put a person and an agency on
// either side of a slash. A capitalised word has a full stop only inside ("H.W."): `re`'s
// `\.(?=\w)` is `\.\b`, a full stop is no word character. `re`'s `\b(?!/)` closing the credit
// is a word's end and the character after it, which is given back.
static GLUED_AGENCY: LazyLock<Pattern> = LazyLock::new(|| {
    let word = r"[A-Z](?:[\w'’-]|\.\b)+";
    let name = format!(r"{word}(?: {word}){{0,3}}");
    Pattern::new(
        &format!(
            concat!(
                r"(?P<credit>{name}\s?/\s?(?:{name}\s?/\s?)?",
                r"(?:Getty Images|AFP|AP|Reuters|REUTERS|EPA|EPA-EFE|Shutterstock|Bloomberg|NurPhoto|SOPA Images|",
                r"Xinhua|Anadolu(?: Agency)?|picture alliance)(?: for {name})?)\b(?:[^/]|$)",
            ),
            name = name
        ),
        false,
    )
});
// The same credit in brackets after a caption's last sentence, glued before the paragraph under
// the picture, with a broadcaster or a paper for the agency: "... at the memorial. (Jane
// Doe/CBC) Over the weekend, ...". A person's name (two or three words), a slash, an
// organisation; a sentence's brackets put no person on one side of a slash. `re`'s lookbehind
// (the sentence's end before) and lookahead (the paragraph's first letter after) are taken by
// the pattern and left out of the match.
static BRACKETED_CREDIT: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        concat!(
            r#"[.!?"”’](?P<match>\s+(?P<credit>\((?:[A-Z][\w'’-]+\s){1,2}[A-Z][\w'’-]+\s?/\s?[A-Z][\w&'’.-]*"#,
            r#"(?:\s[A-Z][\w&'’.-]*){0,3}\)))\s+[A-Z"“‘']"#,
        ),
        false,
    )
});

/// Every match of `p` along the line, `re`'s `finditer`: the spans of the groups `outer` (the
/// match) and `credit`, in code points; the next search starts where `credit` ends.
fn credits(s: &Subject, p: &Pattern, outer: &str) -> Vec<((usize, usize), (usize, usize))> {
    let text = &s.exact;
    let mut found = Vec::new();
    let mut at = 0;
    while let Some(caps) = p.regex.captures_at(text, at) {
        let (m, credit) = (caps.name(outer).unwrap(), caps.name("credit").unwrap());
        let i = |b| s.index(false, b);
        found.push(((i(m.start()), i(m.end())), (i(credit.start()), i(credit.end()))));
        at = credit.end();
    }
    found
}

/// The verdicts on a line the judge leaves open: a caption closed by a copyright sign, or a
/// credit named by its slashes.
fn open(codes: &[u32], words: usize) -> Vec<Found> {
    let s = Subject::new(codes);
    if words <= MAX_CAPTION_WORDS {
        if let Some((start, _)) = closing_copyright(&s) {
            return vec![copyright_captioned(codes, start)];
        }
    }
    let mut found = Vec::new();
    if !codes.contains(&cp('/')) {
        return found;
    }
    let line_end = strip_end(codes);
    for (_, (start, end)) in credits(&s, &GLUED_AGENCY, "credit") {
        if end == line_end && captioned(&codes[..start]) == Some(0) {
            // "Giorgia Meloni, à Rome, le 7 mars 2023. ALESSANDRA TARANTINO / AP": the credit
            // closes a sentence of a caption's length; the caption goes with it.
            found.push(Found {
                reason: Reason::Caption,
                span: None,
                caption: Some(strip(codes, 0, start)),
            });
            return found;
        }
        // Glued after a paragraph of the story, its last sentence may be the story's: only the
        // credit goes.
        found.push(Found {
            reason: Reason::Credit,
            span: Some((start, end)),
            caption: None,
        });
    }
    if !found.is_empty() {
        return found;
    }
    for ((start, _), credit) in credits(&s, &BRACKETED_CREDIT, "match") {
        found.push(if captioned(&codes[..start]) == Some(0) {
            // "Postmedia's chief executive. (Jane Doe/Canadian Press) "Honey always ..."": the
            // picture's caption and credit, then the paragraph under the picture on the same line.
            Found {
                reason: Reason::Caption,
                span: Some((0, credit.1)),
                caption: Some(strip(codes, 0, start)),
            }
        } else {
            Found {
                reason: Reason::Credit,
                span: Some(credit),
                caption: None,
            }
        });
    }
    found
}

/// A line's verdicts on its own: by the language's credit openers, the judge's answer, or the
/// rules judged on the lines it leaves open.
fn line_verdicts(line: &Line) -> Vec<Found> {
    if line.vocabulary.credit_opener {
        return vec![Found {
            reason: Reason::Credit,
            span: None,
            caption: None,
        }];
    }
    match line.answer {
        Answer::None => Vec::new(),
        Answer::Open => open(line.text, line.f.words),
        Answer::Found(found) => found.clone(),
    }
}

// A share bar under a picture prints the caption again after its buttons ("Facebook" / "Reddit" /
// "✉ Jane Doe led the study ... — John Roe"), the copy differing from the caption only by a
// button's or the credit's words at its end. The buttons stand between the two: a paragraph right
// under a caption that repeats it has no buttons above it, and one that goes on from the
// caption's words says more than a button's worth.
const MAX_SHARE_BUTTONS: usize = 3;
const MAX_BUTTON_WORDS: usize = 3;
const MIN_COPIED_CAPTION_WORDS: usize = 8;
const MAX_COPY_EXTRA_WORDS: usize = 2;

// A scraper that prints each text node on its own line leaves a caption's label alone above the
// caption ("Image caption" / "Assange gestures ...") and a credit's label above the credit
// ("Image copyright" / "EPA"). The label names the line under it. A bare "Caption" is a
// gallery's button more often than a label.
static CAPTION_LABEL: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"^(?:image|media|photo|picture|video) caption\s*:?$|^(?:caption|bildunterschrift|légende)\s*:?$",
        true,
    )
});
static CREDIT_LABEL: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::new(r"^(?:image|photo|picture) (?:copyright|source|credit)s?\s*:?$", true));
static NAMING_LABEL: LazyLock<Pattern> = LazyLock::new(|| Pattern::new(r"^(?:image|media|photo|picture|video) ", true));
const MAX_LABEL_WORDS: usize = 3;
const MAX_LABELLED_CREDIT_WORDS: usize = 8;

// A picture's credit left alone between two paragraphs where the picture stood, its label lost
// with the markup: a channel's or a site's name ("HBO"), an institution's ("Human Origins
// Program, Smithsonian"). A subheading is shaped the same, but a subheading is printed once; the
// credit is printed again under the next picture by the same source. A name has no pronoun,
// verb or particle in it: a line that does ("Hold On Now", a song's refrain between its verses) is
// no credit.
static CREDIT_NAME: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"^[A-Z][\w'’.&-]*(?:,?\s+(?:[A-Z][\w'’.&-]*|of|the|and|for|at|&)){0,5}$",
        false,
    )
});
const MAX_LONE_CREDIT_WORDS: usize = 6;
// A word alone repeated between paragraphs is more often a section's label ("Summary" over each
// product's review); a credit of one word is a name in capitals ("HBO", "IMDb").
const MIN_ONE_WORD_CREDIT_CAPITALS: usize = 2;
const NOT_IN_NAMES: &[&str] = &[
    "a", "an", "i", "me", "my", "we", "us", "our", "you", "your", "he", "him", "his", "she", "her", "it", "its",
    "they", "them", "their", "this", "that", "these", "those", "is", "are", "was", "were", "be", "been", "am", "do",
    "does", "did", "don't", "can't", "won't", "on", "in", "up", "down", "out", "off", "over", "under", "into", "onto",
    "to", "from", "with", "by", "now", "then", "here", "there", "not", "no", "so", "oh", "yeah", "all", "just",
];

/// `^(?=(?:[a-z]*[A-Z]){2})[A-Za-z]{2,4}$`: a name of one word in capitals ("HBO", "IMDb").
fn one_word_credit(codes: &[u32]) -> bool {
    (2..=4).contains(&codes.len())
        && codes.iter().all(|&c| is_ascii_upper(c) || is_ascii_lower(c))
        && codes.iter().filter(|&&c| is_ascii_upper(c)).count() >= MIN_ONE_WORD_CREDIT_CAPITALS
}

/// Whether a word of the line (a run of `[\w'’]`), lowered, is one no name holds.
fn holds_no_name_word(codes: &[u32]) -> bool {
    let in_word = |c: u32| is_word(c) || c == cp('\'') || c == cp('’');
    codes.split(|&c| !in_word(c)).filter(|w| !w.is_empty()).any(|w| {
        // `str.lower` makes a word of these ASCII letters only of ASCII letters and the Kelvin
        // sign, which no word of the list holds
        w.iter().all(|&c| c < 0x80)
            && NOT_IN_NAMES.iter().any(|n| {
                n.len() == w.len()
                    && n.bytes()
                        .zip(w)
                        .all(|(b, &c)| b as u32 == (c as u8).to_ascii_lowercase() as u32)
            })
    })
}

fn lone_credit_shaped(codes: &[u32], f: &crate::lines::Features) -> bool {
    f.words <= MAX_LONE_CREDIT_WORDS
        && !f.ends_sentence
        && !f.prose
        && !codes.iter().any(|&c| is_digit(c))
        && CREDIT_NAME.is_match(&Subject::new(codes))
        && (f.words > 1 || one_word_credit(codes))
        && !holds_no_name_word(codes)
}

// A caption closed by its photographer's name after its last full stop, the credit's label lost
// with the markup: "Carter Roberts and his two sisters before he was diagnosed. Robin Roberts",
// "X-ray image of a ring dove producing cooing sounds. Jane Doe". The name is two to four
// capitalised words. A paragraph does not end on a name standing after its full stop, but for
// two: a quotation closed by its speaker's name ('... rather than having it go up and down." Dr.
// Jane Doe'), which a closing quotation mark tells; and the story's last paragraph with its
// author's name run on, which is the byline's. `re`'s lookbehind (a lower-case letter or a
// bracket, and the full stop) is taken by the pattern and left out of the match.
static NAME_CREDIT: LazyLock<Pattern> = LazyLock::new(|| {
    let name = r"[A-Z][a-z'’-]*[a-z](?:[A-Z][a-z'’-]+)?"; // "Roberts", "O'Neil", "DeMaria"
    Pattern::new(
        &format!(r"[a-z)]\.(?P<name>\s+{name}(?:\s+(?:[A-Z]\.|{name})){{0,2}}\s+{name}\s*)$"),
        false,
    )
});
const MAX_NAME_CREDITED_WORDS: usize = 60;
const MIN_CREDITED_SENTENCE_WORDS: usize = 5;
// A button's label in Title Case is no one's name: "... offline business. Click To Tweet".
const BUTTON_WORDS: &[&str] = &[
    "Click",
    "Tap",
    "Tweet",
    "Share",
    "Visit",
    "Website",
    "Read",
    "More",
    "Watch",
    "Video",
    "Photo",
    "Photos",
    "View",
    "Gallery",
    "Subscribe",
    "Follow",
    "Download",
    "Here",
    "Now",
];

fn name_credited(codes: &[u32], f: &crate::lines::Features) -> bool {
    if f.words > MAX_NAME_CREDITED_WORDS || f.sentences > MAX_CAPTION_SENTENCES + 1 || f.ends_sentence {
        return false;
    }
    // the full stop after a lower-case letter or a bracket, and a space, that the name follows
    let stop_before_name = codes
        .windows(3)
        .any(|w| w[1] == cp('.') && is_space(w[2]) && (is_ascii_lower(w[0]) || w[0] == cp(')')));
    if !codes.last().is_some_and(|&c| is_alpha(c)) || !stop_before_name {
        return false;
    }
    let Some(Some((start, _))) = NAME_CREDIT.group(&Subject::new(codes), 1) else {
        return false;
    };
    let before: Vec<&[u32]> = split_words(&codes[..start]).collect();
    // A sentence ends before the name: not "vs. Jane Doe", nor a title before a name ("... to
    // kill Rep. Jane Doe"); and only a full stop ends it, not a question and its answer ("What
    // stories do crustaceans like best? Lobster Tales").
    let Some(last) = before.last() else { return false };
    if before.len() < MIN_CREDITED_SENTENCE_WORDS
        || !(is_lower(last[0]) || last.len() >= 2 && last[last.len() - 2] == cp(')'))
    {
        return false;
    }
    !split_words(&codes[start..]).any(|w| is_word_of(w, BUTTON_WORDS))
}

// A tabloid's captions open on a short tag of what the picture shows, then describe it in a
// sentence left without its full stop: "Gun drama: With Pippa in the front seat, the driver had
// produced a pistol from the glove box", "Decadent: The partygoers pose around the throne". The
// tag is a phrase in sentence case ("Taking aim", "Guest of honour"), not a speaker's name
// ("Jane Doe:", "SMITH:") or a form's field in Title Case; the description reads as a sentence in
// sentence case, not a heading ("Subject: Foreign Intelligence Surveillance Act Abuses ...").
const MAX_TAG_WORDS: usize = 4;
// A line that ends like this is finished: a sentence, a quotation, a list's introduction, a
// footnote's mark ("... percentile[21]").
const FINISHED: &str = ".!?:;\"”'’)]…";
// A caption describes its picture at length; a headline tagged the same way ("Column: A vulture
// firm's bid for Gannett ...", "True confession: I had to learn business focus the hard way") is
// shorter, and a page prints one or two of those where a gallery prints a caption per picture.
const MIN_TAGGED_WORDS: usize = 14; // after the tag
const MAX_TAGGED_CAPITALS: f64 = 0.4; // share of the description's words that are capitalised
const MIN_TAGGED_CAPTIONS: usize = 3; // in one text: a gallery's captions, not one line that happens to look like one
                                      // Labelled lines in a row are a list of fields ("Director: ...", "Rating: ...", a study's list
                                      // of findings "Mental health problems: Diagnosed with ...") when there are this many of them, or
                                      // when the line above them introduces them with a colon. A tabloid puts two or three captions
                                      // together under a gallery of pictures.
const MIN_FIELD_LIST: usize = 4;
// An untagged line in the same gallery (or one with a shorter description) describes a picture
// the same way: a sentence without its full stop, standing right next to a tagged caption
// ("Pippa's male companions appear to find the gun stunt hilarious as stunned onlookers struggled
// to make out if the weapon was real").
const MIN_UNTAGGED_WORDS: usize = 12;

/// Where the description after a tag opening the line begins, as `re` matches
/// `^[A-Z][a-z'’-]+(?: [a-z][a-z'’-]*){0,3}: (?=[A-Z])`.
fn tag(codes: &[u32]) -> Option<usize> {
    let n = codes.len();
    let in_word = |i: usize| i < n && (is_ascii_lower(codes[i]) || is_in(codes[i], "'’-"));
    if n == 0 || !is_ascii_upper(codes[0]) || !in_word(1) {
        return None;
    }
    let mut i = 1;
    while in_word(i) {
        i += 1;
    }
    for _ in 1..MAX_TAG_WORDS {
        if i + 1 < n && codes[i] == cp(' ') && is_ascii_lower(codes[i + 1]) {
            i += 2;
            while in_word(i) {
                i += 1;
            }
        } else {
            break;
        }
    }
    (i + 2 < n && codes[i] == cp(':') && codes[i + 1] == cp(' ') && is_ascii_upper(codes[i + 2])).then_some(i + 2)
}

/// `re`'s `:\s*(?:\[\d+\])*\s*$`: the line introduces what follows with a colon, a footnote's
/// marks after it.
fn introduces(codes: &[u32]) -> bool {
    let mut end = strip_end(codes);
    while end > 0 && codes[end - 1] == cp(']') {
        let mut j = end - 1;
        while j > 0 && is_decimal(codes[j - 1]) {
            j -= 1;
        }
        if j == end - 1 || j == 0 || codes[j - 1] != cp('[') {
            break;
        }
        end = j - 1;
    }
    let end = strip_end(&codes[..end]);
    end > 0 && codes[end - 1] == cp(':')
}

fn capitalised_share_is_low(words: usize, capitalised: usize) -> bool {
    capitalised as f64 / words as f64 <= MAX_TAGGED_CAPITALS
}

fn tagged_caption(codes: &[u32], f: &crate::lines::Features, tag_end: usize) -> bool {
    if f.words > MAX_CAPTION_WORDS || ends_in(codes, FINISHED) {
        return false;
    }
    let described: Vec<&[u32]> = split_words(&codes[tag_end..]).collect();
    described.len() >= MIN_TAGGED_WORDS
        && capitalised_share_is_low(described.len(), described.iter().filter(|w| is_upper(w[0])).count())
}

fn untagged_caption(codes: &[u32], f: &crate::lines::Features) -> bool {
    (MIN_UNTAGGED_WORDS..=MAX_CAPTION_WORDS).contains(&f.words)
        && codes.first().is_some_and(|&c| is_upper(c))
        && f.stop_ratio != 0.0
        && !ends_in(codes, FINISHED)
        && f.upper_ratio <= MAX_TAGGED_CAPITALS
}

// A video widget prints the clip's title on the line above its caption, and the caption closes on
// when the clip was published: "Couple Killed in Fort Worth Neighborhood" / "A couple was found
// shot to death ... (Published Sunday, Oct. 23, 2016)". The title is a headline's length and ends
// on no full stop; a paragraph above such a caption is prose.
static PUBLISHED: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        concat!(
            r"\(Published\s+(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,\s+)?[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+",
            r"(?:19|20)\d\d\)\s*$",
        ),
        false,
    )
});
const MIN_VIDEO_TITLE_WORDS: usize = 2;
const MAX_VIDEO_TITLE_WORDS: usize = 15;

/// Whether a label opening on one of `initials` (folded, ASCII) may open the line: its first
/// character is one of them, in either case, or a character beyond ASCII, which may fold to one.
fn may_be_label(codes: &[u32], initials: &str) -> bool {
    codes
        .first()
        .is_some_and(|&c| c >= 0x80 || is_in((c as u8).to_ascii_lowercase() as u32, initials))
}

/// A per-line answer computed when first asked.
struct Memo<T>(Vec<std::cell::OnceCell<T>>);

impl<T: Copy> Memo<T> {
    fn new(n: usize) -> Self {
        Memo((0..n).map(|_| std::cell::OnceCell::new()).collect())
    }

    fn get(&self, k: usize, f: impl FnOnce() -> T) -> T {
        *self.0[k].get_or_init(f)
    }
}

/// The family's verdicts on a document, in the order the family yields them: each block's own
/// (by the language's openers, the line judge, or the rules on the lines it leaves open), a
/// caption printed again under a share bar, the lines a label names, a video's title, a gallery's
/// tagged captions, a caption closed by a name, and the credits left alone between paragraphs.
pub fn detect(lines: &[Line], line_of: &[usize]) -> Vec<Verdict> {
    let n = line_of.len();
    let text = |i: usize| lines[line_of[i]].text;
    let feat = |i: usize| lines[line_of[i]].f;
    let whole = |i: usize| Some((0, text(i).len()));
    let mut out = Vec::new();
    let mut push = |block, reason, span, caption| {
        out.push(Verdict {
            block,
            reason,
            span,
            caption,
        })
    };

    let own: Vec<Vec<Found>> = lines.iter().map(line_verdicts).collect();
    let mut captions = Vec::new();
    for (i, &k) in line_of.iter().enumerate() {
        for v in &own[k] {
            push(i, v.reason, v.span, v.caption);
            if v.reason == Reason::Caption && v.span.is_none() && captions.last() != Some(&i) {
                captions.push(i);
            }
        }
    }

    // a caption printed again under a share bar's buttons
    let mut key_of: Vec<Option<Vec<u32>>> = vec![None; lines.len()];
    let mut key_words = |i: usize| -> Vec<Vec<u32>> {
        let k = line_of[i];
        let key = key_of[k].get_or_insert_with(|| crate::lines::key(lines[k].text));
        key.split(|&c| c == cp(' '))
            .filter(|w| !w.is_empty())
            .map(<[u32]>::to_vec)
            .collect()
    };
    for &i in &captions {
        let words = key_words(i);
        if words.len() < MIN_COPIED_CAPTION_WORDS {
            continue;
        }
        let mut j = i + 1;
        while j < n && j - i <= MAX_SHARE_BUTTONS && feat(j).words <= MAX_BUTTON_WORDS {
            j += 1;
        }
        if j == i + 1 || j >= n || captions.binary_search(&j).is_ok() {
            continue;
        }
        let copy = key_words(j);
        let (short, long) = if words.len() <= copy.len() {
            (&words, &copy)
        } else {
            (&copy, &words)
        };
        if short.len() >= MIN_COPIED_CAPTION_WORDS
            && long.len() - short.len() <= MAX_COPY_EXTRA_WORDS
            && long[..short.len()] == short[..]
        {
            push(j, Reason::Caption, None, None);
        }
    }

    // the lines a label names
    let caption_label = Memo::<bool>::new(lines.len());
    let credit_label = Memo::<bool>::new(lines.len());
    let is_caption_label = |i: usize| {
        caption_label.get(line_of[i], || {
            may_be_label(text(i), "imvpcbl") && CAPTION_LABEL.is_match(&Subject::new(text(i)))
        })
    };
    let is_credit_label = |i: usize| {
        credit_label.get(line_of[i], || {
            may_be_label(text(i), "ip") && CREDIT_LABEL.is_match(&Subject::new(text(i)))
        })
    };
    for i in 0..n {
        if feat(i).words > MAX_LABEL_WORDS {
            continue;
        }
        let labelled = lines[line_of[i]].vocabulary.caption_label;
        let below = i + 1;
        if labelled || is_caption_label(i) {
            push(i, Reason::Caption, None, None);
            if below < n
                && (labelled || NAMING_LABEL.is_match(&Subject::new(text(i))))
                && feat(below).words <= MAX_CAPTION_WORDS
                && !(is_caption_label(below) || is_credit_label(below))
            {
                push(below, Reason::Caption, None, whole(below));
            }
        } else if is_credit_label(i) {
            push(i, Reason::Credit, None, None);
            if below < n
                && feat(below).words <= MAX_LABELLED_CREDIT_WORDS
                && !feat(below).ends_sentence
                && !(is_caption_label(below) || is_credit_label(below))
            {
                push(below, Reason::Credit, None, None);
            }
        }
    }

    // a video's title above its caption
    for i in 1..n {
        let above = feat(i - 1);
        if (MIN_VIDEO_TITLE_WORDS..=MAX_VIDEO_TITLE_WORDS).contains(&above.words)
            && above.title_shaped
            && !above.ends_sentence
            && super::holds(text(i), "(Published")
            && PUBLISHED.is_match(&Subject::new(text(i)))
        {
            push(i - 1, Reason::Caption, None, whole(i - 1));
        }
    }

    // a gallery's tagged captions
    let tags: Vec<Option<usize>> = lines.iter().map(|l| tag(l.text)).collect();
    let tagged = |i: usize| tags[line_of[i]];
    let mut tagged_captions = vec![false; n];
    let mut i = 0;
    while i < n {
        if tagged(i).is_none() {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < n && tagged(j).is_some() {
            j += 1;
        }
        // Blocks i to j-1 are labelled lines in a row.
        let listed = j - i >= MIN_FIELD_LIST || i > 0 && introduces(text(i - 1));
        if !listed {
            for (k, caption) in tagged_captions.iter_mut().enumerate().take(j).skip(i) {
                *caption = tagged_caption(text(k), feat(k), tagged(k).unwrap());
            }
        }
        i = j;
    }
    if tagged_captions.iter().filter(|&&c| c).count() >= MIN_TAGGED_CAPTIONS {
        for i in 0..n {
            if tagged_captions[i]
                || (i > 0 && tagged_captions[i - 1] || i + 1 < n && tagged_captions[i + 1])
                    && untagged_caption(text(i), feat(i))
            {
                push(i, Reason::Caption, None, whole(i));
            }
        }
    }

    // a caption closed by a name; not the last block's: a name after the last paragraph is its
    // author's
    let named = Memo::<bool>::new(lines.len());
    for (i, &k) in line_of.iter().enumerate().take(n.saturating_sub(1)) {
        if named.get(k, || name_credited(text(i), feat(i))) {
            push(i, Reason::Caption, None, whole(i));
        }
    }

    // the credits left alone between paragraphs, printed twice
    let shaped = Memo::<bool>::new(lines.len());
    let mut order: Vec<Vec<u32>> = Vec::new();
    let mut where_: std::collections::HashMap<Vec<u32>, Vec<usize>> = std::collections::HashMap::new();
    for (i, &k) in line_of.iter().enumerate().take(n.saturating_sub(1)).skip(1) {
        if feat(i - 1).prose && feat(i + 1).prose && shaped.get(k, || lone_credit_shaped(text(i), feat(i))) {
            let key = key_of[k]
                .get_or_insert_with(|| crate::lines::key(lines[k].text))
                .clone();
            where_
                .entry(key.clone())
                .or_insert_with(|| {
                    order.push(key);
                    Vec::new()
                })
                .push(i);
        }
    }
    for key in &order {
        let blocks = &where_[key];
        if blocks.len() > 1 {
            for &i in blocks {
                push(i, Reason::Credit, None, None);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::testing::{check_literals, cps};
    use super::*;

    fn judged(text: &str) -> Answer {
        let words = text.split_whitespace().count();
        let sentences = text.matches(". ").count() + text.ends_with('.') as usize;
        let f = Features {
            words,
            prose: false,
            sentences,
            ends_sentence: text.ends_with('.'),
            title_shaped: false,
        };
        judge(&Subject::new(&cps(text)), f)
    }

    fn caption(text: &str) -> Option<String> {
        match judged(text) {
            Answer::Found(found)
                if found.len() == 1 && found[0].reason == Reason::Caption && found[0].span.is_none() =>
            {
                let (a, b) = found[0].caption?;
                Some(text.chars().skip(a).take(b - a).collect())
            }
            _ => None,
        }
    }

    #[test]
    fn literals_are_found() {
        for p in [
            &*CREDIT_LINE,
            &*CREDIT_LINE_CASED,
            &*CREDIT_AGENCY_SLASHED,
            &*CREDIT_VIA,
            &*CREDIT_SLASHED,
            &*CREDIT_COLLECTION,
            &*CAPTION_MARK,
            &*GLUED_ABOVE,
            &*GLUED_START,
            &*GLUED_CREDIT_HEAD,
            &*GLUED_CAPTION_HEAD,
            &*NEXT_CAPTION,
            &*NAME_WORD,
            &*WIDGET_OPENING,
            &*WIDGET_INSIDE,
            &*STUDIO_STILL,
            &*CLOSING_CREDIT,
            &*PAPER_CREDIT,
            &*CREDIT_FIRST,
            &*BARE_CREDIT,
            &*PHOTO_FORMULA,
            &*PHOTO_FORMULA_SCENE,
            &*SCENE_DATE,
            &*DAY_DATE,
            &*RIGHTS,
            &*YEAR,
            &*GLUED_AGENCY,
            &*BRACKETED_CREDIT,
            &*CAPTION_LABEL,
            &*CREDIT_LABEL,
            &*NAMING_LABEL,
            &*CREDIT_NAME,
            &*NAME_CREDIT,
            &*PUBLISHED,
        ] {
            check_literals(p);
        }
        TRAILING_CREDIT.iter().for_each(check_literals);
        for hint in WIDGET_INSIDE_HINTS {
            assert_eq!(hint.to_lowercase(), *hint);
        }
    }

    #[test]
    fn credits_alone() {
        for line in [
            "Photo: Jane Doe",
            "Credit... Doug Mills",
            "Courtesy Shannon Trent",
            "PHOTO – Garrondo",
            "Reuters",
            "© AFP / Jane Doe",
            "Jane Doe/Example Journal",
            "From Comedy Central.",
            "New York State Sex Offender Registry via AP",
            "İmage",
        ] {
            assert_eq!(
                judged(line),
                Answer::Found(vec![Found {
                    reason: Reason::Credit,
                    span: None,
                    caption: None
                }]),
                "{line}"
            );
        }
        // a sentence opening on "From", a name in lower case
        for line in ["From here the road climbs.", "courtesy shannon trent"] {
            assert_eq!(judged(line), Answer::None, "{line}");
        }
    }

    #[test]
    fn captions_closed_by_their_credit() {
        for line in [
            "Protesters march in Beirut. (AP Photo/Hussein Malla)",
            "The logo is displayed outside an office in New York. Reuters",
            "Trump asked voters for support. Credit... Doug Mills/The New York Times",
            "In this Dec. 12, 2006, file photo, made available by NASA, the shuttle lifts off.",
            "Rep. Jane Doe speaks at the Capitol on July 25, 2019.",
            "A shopper looks at cords at a store, Tuesday, Nov. 19, 2019, in Grass Valley, Calif.",
            "Enlarge this image toggle caption Jane Doe/NPR",
            "The first global geologic map of Titan. (NASA/JPL-Caltech/ASU)",
            "Harbor Pictures Jane Doe as the keeper of the lighthouse.",
            "Northern Lights Films Jane Doe plays Anna Roe in 'The Quiet Orchard'.",
        ] {
            assert_eq!(caption(line).as_deref(), Some(line), "{line}");
        }
        assert_eq!(caption(MARKED).as_deref(), Some(&MARKED[7..]));
    }

    const MARKED: &str = "Image: The teams march under one flag at the East Asian Games in Macau in 2005";

    #[test]
    fn body_text_that_looks_like_a_caption() {
        for line in [
            "The senator speaks to reporters on Tuesday about the bill.",
            "He had to wait at the gate on December 8, 1980.",
            "The report was posted at 11:26 PM, Tuesday, November 19, 2019, on the site.",
            "The agency (ePA) said so.",
            "As seen in this photo, the crowd was large.",
            "Harbor Pictures Chairman Jane Doe said the film would open in May.",
            "Harbor Pictures CEO John Roe in a statement called the deal a turning point.",
        ] {
            assert_eq!(judged(line), Answer::None, "{line}");
        }
        // a slash: the rules of the open lines may take it
        assert_eq!(judged("The ratio was 1/3 of the total."), Answer::Open);
    }

    #[test]
    fn glued_residue_is_cut_out() {
        let line = "Mali troops Image copyright AFP Image caption Soldiers patrol the city. The rest.";
        let Answer::Found(found) = judged(line) else { panic!() };
        assert_eq!(
            found[0],
            Found {
                reason: Reason::Credit,
                span: Some((12, 31)),
                caption: None
            }
        );
        assert_eq!(
            found[1],
            Found {
                reason: Reason::Caption,
                span: Some((32, 71)),
                caption: Some((46, 71))
            }
        );
        let above = "Above: The team at work. Image Credit: Jane Doe";
        let Answer::Found(found) = judged(above) else { panic!() };
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].reason, Reason::Credit);
        // the name of the next caption's label is not the credit's
        let Answer::Found(found) = judged("He left. Image copyright Reuters Image caption Smoke rises") else {
            panic!()
        };
        assert_eq!(found[0].span, Some((9, 32)));
        assert_eq!(judged("An image caption is a short text."), Answer::None);
        // the caption's last sentence without its full stop, and its quotation to its close
        for (line, end) in [
            ("Image caption Time for lunch? The maker says it owns the shape", 62),
            ("Media caption Jane Doe: \"We will stay... It is over\"", 52),
        ] {
            let Answer::Found(found) = judged(line) else { panic!() };
            assert_eq!(found[0].span, Some((0, end)), "{line}");
        }
        // after other text on the line too, however long the caption
        let line =
            "Watch: Media caption Jane Doe, the party's leader: \"We have never left, we never will... It is over\"";
        let Answer::Found(found) = judged(line) else { panic!() };
        assert_eq!(found[0].span, Some((7, line.chars().count())));
        // the paragraph under the picture, glued after the caption, ends on its full stop
        let Answer::Found(found) = judged("Image caption Time for lunch? The maker said so on Monday.") else {
            panic!()
        };
        assert_eq!(found[0].span, Some((0, 29)));
    }

    #[test]
    fn a_caption_printed_twice() {
        let once = "Researchers have found that the drug lowers the risk of heart disease.";
        assert_eq!(caption(&format!("{once} {once}")).as_deref(), Some(once));
        assert_eq!(judged(&format!("{once} {once}x")), Answer::None);
    }

    /// The family's verdicts on a document of `blocks` (no stoplist, as in an unknown language),
    /// as (block, reason, span, caption's text); `labels` are the lines the language's data takes
    /// for a caption's label.
    fn document(blocks: &[&str], labels: &[&str]) -> Vec<(usize, Reason, Option<(usize, usize)>, Option<String>)> {
        let stop = crate::lines::Stoplist::default();
        let mut texts: Vec<Vec<u32>> = Vec::new();
        let mut line_of = Vec::new();
        for b in blocks {
            let codes = cps(b);
            let k = texts.iter().position(|t| *t == codes).unwrap_or_else(|| {
                texts.push(codes);
                texts.len() - 1
            });
            line_of.push(k);
        }
        let feats: Vec<_> = texts.iter().map(|t| crate::lines::features(t, &stop)).collect();
        let answers: Vec<Answer> = texts
            .iter()
            .zip(&feats)
            .map(|(t, f)| {
                let f = Features {
                    words: f.words,
                    prose: f.prose,
                    sentences: f.sentences,
                    ends_sentence: f.ends_sentence,
                    title_shaped: f.title_shaped,
                };
                judge(&Subject::new(t), f)
            })
            .collect();
        let lines: Vec<Line> = texts
            .iter()
            .zip(&feats)
            .zip(&answers)
            .map(|((text, f), answer)| Line {
                text,
                f,
                answer,
                vocabulary: Vocabulary {
                    credit_opener: false,
                    caption_label: labels.iter().any(|l| cps(l) == *text),
                },
            })
            .collect();
        detect(&lines, &line_of)
            .into_iter()
            .map(|v| {
                let caption = v
                    .caption
                    .map(|(a, b)| blocks[v.block].chars().skip(a).take(b - a).collect());
                (v.block, v.reason, v.span, caption)
            })
            .collect()
    }

    use Reason::{Caption, Credit};

    fn text(s: &str) -> Option<String> {
        Some(s.to_owned())
    }

    const P: &str = "The council met on the evening of Tuesday and voted to keep the old library open for the town.";
    const Q: &str = "Many people in the town came to the meeting and spoke about the library for a long time.";

    #[test]
    fn a_caption_closed_by_a_copyright_sign() {
        let found = document(
            &[
                "Bei der Beckenkippung sinkt der Brustkorb ein. © Pferderevue",
                "Woher kommt die dicke Luft? Stau © aremac / Clipdealer",
                "Le piquet de grève dans le hall / (C) Kab Niang",
                // the caption may be the story's last sentence: only the credit goes
                "The story went on for a while. The crowd cheered at the end. © Jane Doe",
                // a page's own copyright line names a year or its rights
                "Copyright © 2020 Acme Inc",
                "Alle Inhalte © 2021 Acme",
                "The team at work © Acme 2019",
                // a word is no caption
                "Photo © Acme",
                "The logo at the office. © example.com",
                "The logo at the office. © example.com more",
            ],
            &[],
        );
        assert_eq!(
            found,
            vec![
                (0, Caption, None, text("Bei der Beckenkippung sinkt der Brustkorb ein.")),
                (1, Caption, Some((28, 54)), text("Stau")),
                (2, Caption, None, text("Le piquet de grève dans le hall")),
                (3, Credit, Some((60, 71)), None),
                (8, Caption, None, text("The logo at the office.")),
            ]
        );
    }

    #[test]
    fn a_credit_named_by_its_slashes() {
        let found = document(
            &[
                "The minister spoke on Monday. Sakib Ali/Hindustan Times/Getty Images The talks went on.",
                "Giorgia Meloni, à Rome, le 7 mars 2023. ALESSANDRA TARANTINO / AP",
                // a full stop ends a name only before a letter, as `re`'s lookahead has it
                "The party went late into the night and the guests danced. Jane Doe/Getty Images for J.Crew/x",
                "The party went late into the night and the guests danced. Jane Doe/AFP/ more",
                "Mourners gathered at the memorial. (Jane Doe/CBC) Over the weekend, the town was quiet.",
                "It rained all day. Mourners gathered at the memorial. (Jane Doe/CBC) Over the weekend, the town was quiet.",
                "The ratio was 1/3 of the total.",
                "He went to Paris/London last week.",
                "It was late. (see page 4/5) Then",
            ],
            &[],
        );
        assert_eq!(
            found,
            vec![
                (0, Credit, Some((30, 68)), None),
                (1, Caption, None, text("Giorgia Meloni, à Rome, le 7 mars 2023.")),
                (2, Credit, Some((58, 86)), None),
                (4, Caption, Some((0, 49)), text("Mourners gathered at the memorial.")),
                (5, Credit, Some((54, 68)), None),
            ]
        );
    }

    #[test]
    fn the_last_sentence_before_a_credit() {
        let at = |s: &str| captioned(&cps(s));
        assert_eq!(at("Protesters march. "), Some(0));
        assert_eq!(at("It rained. \"Protesters march.\""), Some(11));
        // an abbreviation's full stop with the sentence going on in lower case ends none
        assert_eq!(at("It was found at 50 Old Colony Rd. in the north end."), Some(0));
        assert_eq!(at("He ran. He said so! Then left."), Some(20));
        assert_eq!(at("no capital opens it."), None);
        assert_eq!(at("Protesters march"), None);
    }

    #[test]
    fn a_caption_printed_again_under_a_share_bar() {
        let caption = "Rep. Jane Doe speaks at the Capitol on July 25, 2019.";
        let copy = "✉ Rep. Jane Doe speaks at the Capitol on July 25, 2019";
        assert_eq!(
            document(&[caption, "Facebook", "Twitter", copy, P], &[]),
            vec![(0, Caption, None, text(caption)), (3, Caption, None, None)]
        );
        // with no buttons between, the paragraph under the caption is not its copy
        assert_eq!(
            document(&[caption, copy, P], &[]),
            vec![(0, Caption, None, text(caption))]
        );
    }

    #[test]
    fn the_line_a_label_names() {
        let below = "Assange gestures to the crowd from the balcony";
        assert_eq!(
            document(&["Image caption", below, P, "Caption", "A man walks by", P], &[]),
            vec![
                (0, Caption, None, None),
                (1, Caption, None, text(below)),
                (3, Caption, None, None)
            ]
        );
        // the language's label names the line under it
        assert_eq!(
            document(&["Bildunterschrift", below, P], &["Bildunterschrift"]),
            vec![(0, Caption, None, None), (1, Caption, None, text(below))]
        );
        assert_eq!(
            document(&["Photo credit", "Jane Doe", P, "Photo credit", P], &[]),
            // the label is a credit's line of its own too; it names the line under it if that is
            // no sentence
            vec![
                (0, Credit, None, None),
                (3, Credit, None, None),
                (0, Credit, None, None),
                (1, Credit, None, None),
                (3, Credit, None, None)
            ]
        );
    }

    #[test]
    fn a_videos_title() {
        let title = "Couple Killed in Fort Worth Neighborhood";
        let caption = "A couple was found shot to death in their home (Published Sunday, Oct. 23, 2016)";
        let found = document(&[title, caption, "Couple killed in their home.", caption], &[]);
        assert!(found.contains(&(0, Caption, None, text(title))));
        assert!(!found.iter().any(|v| v.0 == 2));
    }

    const TAGGED: [&str; 4] = [
        "Gun drama: With Pippa in the front seat the driver had produced a pistol from the glove box of the car",
        "Decadent: The partygoers pose around the throne in the big hall of the house as the music plays on and on",
        "Taking aim: The guests took turns at the range behind the house while their friends looked on from the lawn",
        "Guest of honour: The guests took turns at the range behind the house while their friends looked on from it",
    ];

    #[test]
    fn a_gallerys_tagged_captions() {
        let untagged =
            "Pippa's male companions appear to find the gun stunt hilarious as stunned onlookers struggled to make out if it was real";
        let found = document(&[P, TAGGED[0], TAGGED[1], TAGGED[2], untagged, Q], &[]);
        assert_eq!(found.iter().map(|v| v.0).collect::<Vec<_>>(), [1, 2, 3, 4]);
        // four in a row are a list of fields; two are no gallery
        assert_eq!(document(&[P, TAGGED[0], TAGGED[1], TAGGED[2], TAGGED[3], Q], &[]), []);
        assert_eq!(document(&[P, TAGGED[0], TAGGED[1], Q], &[]), []);
        // and so are fields introduced by a colon
        assert_eq!(
            document(&["The findings:", TAGGED[0], TAGGED[1], TAGGED[2], Q], &[]),
            []
        );
        assert_eq!(tag(&cps("Gun drama: With")), Some(11));
        assert_eq!(tag(&cps("Jane Doe: With")), None);
        assert_eq!(tag(&cps("Gun drama: with")), None);
    }

    #[test]
    fn a_caption_closed_by_a_name() {
        let caption = "Carter Roberts and his two sisters before he was diagnosed. Robin Roberts";
        assert_eq!(
            document(
                &[
                    caption,
                    // a button's words are no one's name
                    "The offline business grew in the spring. Click To Tweet",
                    // nor a title's: "Rep." ends no sentence
                    "The men plotted for years to kill Rep. Jane Doe",
                    P,
                    // a name after the last paragraph is its author's
                    "He went home to see the family. Jane Doe",
                ],
                &[]
            ),
            vec![(0, Caption, None, text(caption))]
        );
    }

    #[test]
    fn a_credit_alone_between_paragraphs_twice() {
        let found = document(
            &[
                P,
                "HBO",
                Q,
                "Hold On Now",
                P,
                "HBO",
                Q,
                "Hold On Now",
                P,
                "Human Origins Program, Smithsonian",
                Q,
            ],
            &[],
        );
        assert_eq!(found, vec![(1, Credit, None, None), (5, Credit, None, None)]);
        assert!(one_word_credit(&cps("IMDb")) && !one_word_credit(&cps("Summary")) && !one_word_credit(&cps("Hbo")));
    }

    #[test]
    fn a_line_introduces_with_a_colon() {
        for line in ["The findings:", "percentile: [21]", "Notes :  [1][2] "] {
            assert!(introduces(&cps(line)), "{line}");
        }
        for line in ["The findings", "percentile: [21] [22]", "percentile: [x]", "[1]"] {
            assert!(!introduces(&cps(line)), "{line}");
        }
    }
}
