//! Photo and video captions and their credits, on their own line or glued into a paragraph:
//! "Image copyright Getty Images Image caption ...", "(AP Photo/Hussein Malla)", "FILE - In this
//! Monday, May 31, 1999 file photo, ...", "Rep. Jane Doe speaks at the Capitol on July 25, 2019.".
//! A caption is kept as the article's (its span is handed back); a credit goes.
//!
//! What reads the lines around (a label above its caption, a gallery's tagged captions, a lone
//! credit printed twice, a name closing a caption, a video's title), the language's credit
//! openers (data) and the rules not ported yet (a caption closed by a copyright sign, a
//! photographer's credit glued in by its slashes) stay on the Python side, which the judge
//! leaves a line it has no verdict on and those rules could take (`Answer::Open`).

use std::sync::LazyLock;

use super::{holds_within, Features, Pattern, Subject};
use crate::chars::{is_space, is_upper};

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
    /// nothing, and nothing left for the rules on the Python side
    #[default]
    None,
    /// nothing, but the line may be one the rules on the Python side take
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
    let exact = |w: &str| s.exact.contains(w);
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
    if !(super::holds(codes, "20") || super::holds(codes, "19")) {
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
    // What the Python side judges next: a copyright sign closing a caption (a short line), a
    // credit named by its slashes.
    if short && (s.holds("©") || s.holds("(c)")) || codes.contains(&cp('/')) {
        return Answer::Open;
    }
    Answer::None
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
        // a slash: the Python side's rules may take it
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
}
