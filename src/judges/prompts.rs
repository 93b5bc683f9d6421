//! Prompts aimed at the reader, not part of the story: advertisement markers, newsletter and
//! subscription pitches, calls for donations, cookie banners and their buttons, affiliate
//! disclosures. A line's own text tells them; which buttons sit near a banner is told by the
//! lines around (on the Python side, which also reads the other languages' words, which are data).

use rustc_hash::FxHashSet;
use std::sync::LazyLock;

use super::{Features, Hints, Pattern, Subject};
use crate::chars;
use crate::lines::key;

/// Ad markers alone on their line, compared by their key (`lines::key`). Other languages' markers
/// are data (clean/data/residue/<lang>.txt, [advert]); these have no file yet, or a script without
/// spaces that gets no language to pick one by.
#[rustfmt::skip]
const ADVERT: &[&str] = &[
    "advertisement", "advertisements", "advertising", "ad", "ads", "sponsored", "sponsored content",
    "sponsored links", "paid content", "paid post", "promoted", "promoted content", "partner content",
    "story continues below advertisement", "article continues below advertisement",
    "continue reading below", "continue reading the main story", "article continues below",
    "story continues below", "scroll to continue with content", "advertisement continue reading below",
    "advertisement continue reading the main story", "story continued below", "article continued below",
    "report this ad", "ad feedback",
    "annonce", "mainos", "annons", "广告", "広告",
];
/// The buttons of a cookie banner, left on lines of their own next to it. Other languages'
/// buttons are data: clean/data/residue/<lang>.txt, [cookie-button].
#[rustfmt::skip]
const COOKIE_BUTTONS: &[&str] = &[
    "accept", "accept all", "accept cookies", "accept all cookies", "allow all", "allow cookies", "agree",
    "i agree", "i accept", "ok", "got it", "reject", "reject all", "decline", "manage preferences",
    "manage cookies", "cookie settings", "settings", "more options", "learn more", "more information",
];

fn keys(phrases: &[&str]) -> FxHashSet<Vec<u32>> {
    phrases
        .iter()
        .map(|p| key(&p.chars().map(|c| c as u32).collect::<Vec<u32>>()))
        .collect()
}

static ADVERT_KEYS: LazyLock<FxHashSet<Vec<u32>>> = LazyLock::new(|| keys(ADVERT));
static COOKIE_BUTTON_KEYS: LazyLock<FxHashSet<Vec<u32>>> = LazyLock::new(|| keys(COOKIE_BUTTONS));
const MAX_BUTTON_CHARS: usize = 40;
const MAX_ADVERT_CHARS: usize = 60;
const MAX_REPEATED_ADVERT_CHARS: usize = 120;

// A pitch speaks to the reader: "sign up for our newsletter", "delivered to your inbox",
// "already a subscriber?". It is residue even when written as a full sentence.
static PITCH: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        concat!(
            r"\b(?:our (?:free |daily |weekly |morning |evening )*newsletters?|your inbox|",
            r"subscribe (?:to (?:our|the)|for|now|today|here)|click (?:here )?to subscribe|sign up (?:for|to) (?:our|the|a free)|",
            r"already a (?:subscriber|member)|become a (?:subscriber|member)|support (?:our|independent) (?:journalism|fact-checking|reporting)|",
            r"unlimited (?:digital )?access|subscribers? only|for subscribers|log in to continue|free trial to continue|",
            r"abonnieren sie|jetzt abonnieren|abonnez-vous|inscrivez-vous à (?:notre|la) newsletter|",
            r"suscríbete|suscríbase|iscriviti alla newsletter|assine|",
            r"if you (?:enjoyed|liked) this (?:article|story|post)|delivered (?:to|through) your (?:door|letterbox)|",
            r"follow @\w+ on (?:twitter|instagram|facebook)|",
            r"(?:click|tap) here to (?:get|download|install) (?:the|our)\b.{0,40}\bapp|",
            r"get breaking news alerts|tell us what you think\b.{0,60}\bsurvey|",
            // A sign-up form's texts printed in a row: "Sign up for BREAKING NEWS Emails privacy
            // policy Thanks for subscribing!", "... verify you're not a robot by clicking the box.
            // Invalid email address. ..."; ABC's "Add Donald Trump as an interest to stay up to
            // date ..."; "Get email alerts on breaking news"; "Sign up for POLITICO Playbook and
            // get the latest news".
            r"thanks? (?:you )?for subscribing|invalid e-?mail address|verify (?:that )?you(?:'re| are) not a robot|",
            r"add .{1,60} as an interest to stay up to date|get (?:e-?mail |news |breaking news )?alerts on|",
            r"sign up for\b.{1,40}\band get (?:the|our)\b|",
            // Asking the reader for tips and corrections, or to stay tuned: "Have a tip we should
            // know? tips@...", "See a mistake? Report a typo here.", "Stay with WBAL NewsRadio 1090
            // AM for developments in this story."
            r"^have a (?:news )?tip\b[^.!?]{0,40}\?\s*\w+|^(?:see|spot|spotted|found) (?:a|an) (?:mistake|typo|error)\?\s*\w+|",
            r"^stay with\b.{1,60}\bfor (?:developments|updates|the latest)\b|",
            // Asking for the readers' pictures: "If you capture an amazing photo of the eclipse
            // and would like to share it with us, send images to: photos@..."
            r"\bif you (?:capture|take|snap|shoot|get) (?:an? )?(?:amazing |great |good |stunning )?(?:photos?|pictures?|images?|videos?)\b",
            r".{0,120}\b(?:send|share|e-?mail|submit)\b.{0,120}(?:\bwith us|\bto us|\w@\w+))\b",
        ),
        true,
    )
});
// Every pitch above holds one of these, folded.
static PITCH_HINTS: LazyLock<Hints> = LazyLock::new(|| {
    Hints::new(&[
        "newsletter",
        "inbox",
        "subscri",
        "sign up",
        "already a",
        "become a",
        "support",
        "unlimited",
        "log in",
        "free trial",
        "abonnieren",
        "abonnez",
        "suscr",
        "assine",
        "if you",
        "delivered",
        "follow @",
        "here to",
        "news alerts",
        "tell us",
        "thank",
        "invalid",
        "robot",
        "as an interest",
        "alerts on",
        "tip",
        "mistake",
        "typo",
        "error",
        "stay with",
    ])
});
// A blog's sentence about itself that ends on where to read it ("Each week this blog features a
// walk; to follow along, subscribe to the RSS feed.") is the post's: a feed costs nothing and
// asks for no address; it is taken out of a paragraph before the pitch is looked for. The call
// alone on its line ("Subscribe to our RSS feed") is a prompt. (After a word and a space: code.)
static FEED_SENTENCE: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"subscribe to (?:the|our|my|this) (?:blog'?s? )?(?:rss |atom )?feed\b",
        true,
    )
});
// What a sign-up form says once the reader has used it, printed by extractors all the same.
static FORM_STATE: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        concat!(
            r"^(?:thanks?(?: you)? for (?:signing up|subscribing|registering|your subscription)|",
            r"there was (?:an|a problem|a) (?:error )?(?:processing|with) your (?:subscription|sign-?up|registration)|",
            r"please (?:enter|provide) a valid e-?mail(?: address)?|you(?:'re| are) (?:now |all )?(?:subscribed|signed up)|",
            r"you have (?:successfully )?(?:subscribed|signed up)|check your (?:inbox|e-?mail) to confirm)\b",
        ),
        true,
    )
});
const MAX_FORM_STATE_WORDS: usize = 15;
// A sign-up form's texts printed in a row run as long as its legalese ("Sign up for POLITICO
// Playbook and get the latest news, every morning — in your inbox. Email Sign Up By signing up
// you agree to receive email newsletters ...", "... By clicking "Subscribe," you agree to ..."):
// the words only a form says mark the whole line, however long, as a banner's do.
// A form's checks and errors say so too ("Please verify you're not a robot by clicking the box.
// Invalid email address. Please re-enter. You must select a newsletter to subscribe to.").
static FORM_TEXT: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        concat!(
            r#"\bby (?:signing up|clicking ["“]?(?:subscribe|sign up)[,.]?["”]?),? you agree to\b"#,
            r"|\bplease verify (?:that )?you(?:'re| are) not a robot\b|\binvalid e-?mail(?: address)?\. please re-?enter\b",
            r"|\byou must select (?:a|at least one) newsletter\b|\byou agree to receive occasional updates and special offers\b",
        ),
        true,
    )
});
static FORM_HINTS: LazyLock<Hints> = LazyLock::new(|| {
    Hints::new(&[
        "by signing up",
        "by clicking",
        "robot",
        "re-enter",
        "reenter",
        "select a newsletter",
        "select at least one",
        "occasional updates",
    ])
});
const MAX_FORM_WORDS: usize = 200;
// An appeal to the reader that opens by thanking them for reading runs on as long as it likes
// ("If you enjoyed this article, we have a proposition for you: join ... Members get ...").
static APPEAL: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        concat!(
            r"^(?:if you (?:enjoyed|liked|value|appreciate|found value in) (?:reading )?(?:this|our) (?:article|story|post|piece|",
            r"journalism|reporting|work)|thank you for reading\b.{0,80}\b(?:subscri|support|donat|member)",
            // "If everyone reading this right now would donate something, our fundraiser would be
            // done ...": the site's own fundraiser, not a plea for blood donors quoted in a story.
            r"|if everyone (?:reading|who reads) this\b.{0,60}\b(?:donat|gave|give|chip(?:ped)? in|contribut).{0,40}\b(?:our|the) fundrais)",
        ),
        true,
    )
});
const MAX_APPEAL_WORDS: usize = 120;
// A call for the reader's money: "Support Snopes so we continue to pursue the facts", "Support
// The Guardian from as little as $1", "Donate now", "Become a member", "We need your financial
// support." A story about a fundraiser quotes such words, so a quotation mark rules the line out.
// The call naming whom to support asks for the name's capitals, so it runs on the line as
// written, its words in the crate's `(?i:...)`, which folds them as `re.IGNORECASE` does but for
// "i": `re` also takes a dotted capital I and a dotless i for it, so the pattern names them.
static SUPPORT_NAMED: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        concat!(
            r"^(?:(?i:please)\s+)?(?i:support) (?:us|Us|(?:the |The )?[A-Z][\w&'’.-]*(?: [A-Z][\w&'’.-]*){0,3})",
            r"(?:\s+(?i:so|to|today|now|from|w[iİı]th|by|and)\b|\s*[.!]?$)",
        ),
        false,
    )
});
static DONATION: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        concat!(
            r"^(?:please\s+)?(?:donate (?:now|today|here)\b|make a (?:one-time |monthly |recurring |tax-deductible )?",
            r"(?:contribution|donation)\b|become a (?:member|supporter|patron)\b)",
            r"|\bwe need your (?:financial )?support\b|\bsupport\b.{0,80}\bfrom as little as\b",
        ),
        true,
    )
});
static DONATION_HINTS: LazyLock<Hints> =
    LazyLock::new(|| Hints::new(&["support", "donate", "contribution", "donation", "become a"]));
// Naming a newsletter or a mailing list is only a prompt on a line that is not prose: a news
// story about a newsletter business says "newsletters" in every paragraph.
static MENTION: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"\b(?:newsletters?|mailing list|e-?mail alerts?|breaking news alerts?)\b",
        true,
    )
});
static MENTION_HINTS: LazyLock<Hints> =
    LazyLock::new(|| Hints::new(&["newsletter", "mailing list", "mail alert", "news alert"]));
// "Subscribe to WIRED and stay smart with ...": a call to subscribe to a named publication.
static SUBSCRIBE_TO: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::new(r"^(?:Subscribe|SUBSCRIBE) to (?:[A-Z]|the [A-Z])", false));
static BARE_CALL: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"^(?:subscribe|sign up|register|join now|get the newsletter|abonnieren|s'abonner|suscribirse)\b",
        true,
    )
});
const MAX_BARE_CALL_WORDS: usize = 6;
static COOKIE: LazyLock<Pattern> = LazyLock::new(|| Pattern::new(r"\bcookies?\b", true));
static COOKIE_CONTEXT: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        concat!(
            r"\b(?:we use|this (?:site|website) uses|uses cookies|use of cookies|accept|consent|cookie (?:policy|settings|",
            r"preferences)|browsing experience|by continuing|privacy|verwendet cookies|utilise des cookies|",
            r"utiliza cookies|utilizamos cookies|akzeptieren|accepter|aceptar)\b",
        ),
        true,
    )
});
// "We use cookies ...", "This website uses cookies ...", "Our site uses cookies ...".
macro_rules! banner {
    () => {
        concat!(
            r"(?:we(?: and our partners)? use cookies|(?:this|our) (?:web)?site uses cookies|",
            r"by continuing to (?:use|browse) this (?:web)?site|diese (?:web)?seite verwendet cookies|",
            r"ce site utilise des cookies|utilizamos cookies|este sitio (?:web )?utiliza cookies)"
        )
    };
}
static BANNER_START: LazyLock<Pattern> = LazyLock::new(|| Pattern::new(concat!(r"^", banner!()), true));
// The same banner glued after the story in a text without line breaks: from its opening words
// to the end of the text, when it is short enough to be only the banner. It follows a sentence's
// end and a space, which the pattern takes and the banner does not.
static GLUED_BANNER: LazyLock<Pattern> = LazyLock::new(|| Pattern::new(concat!(r#"[.!?”"] "#, banner!(), r"\b"), true));
const MAX_GLUED_BANNER_TAIL: usize = 1200;
const MAX_BANNER_WORDS: usize = 200;
// Prompts are short; a long paragraph that mentions a newsletter is reporting on one.
const MAX_PROMPT_WORDS: usize = 60;
const MAX_PITCH_WORDS: usize = 40;
// An affiliate disclosure: the page is paid for what the reader buys.
static AFFILIATE: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        concat!(
            r"\b(?:may (?:earn|receive|get) (?:a )?(?:small )?(?:commission|share of (?:the )?sales?)|",
            r"affiliate (?:links?|partnerships?|commissions?)|prices (?:are )?subject to change|",
            r"(?:earns?|receives?) (?:a )?commission)\b",
        ),
        true,
    )
});
static AFFILIATE_HINTS: LazyLock<Hints> =
    LazyLock::new(|| Hints::new(&["commission", "affiliate", "subject to change", "share of"]));

#[derive(Debug, PartialEq, Eq)]
pub enum Prompt {
    /// a cookie banner's button: a prompt only near a banner
    Button,
    /// an ad marker
    Advert,
    /// a cookie banner
    Banner,
    /// a newsletter, subscription or donation pitch, or a sign-up form's text
    Newsletter,
    /// an affiliate disclosure
    Affiliate,
    /// a cookie banner glued after the story: its span, to the line's end
    Cookie(usize, usize),
}

/// The line's verdict: what the line alone looks like (a cookie button or banner, which the
/// detector pairs up, an affiliate disclosure, or a prompt to remove).
pub fn judge(s: &Subject, f: Features) -> Option<Prompt> {
    let codes = s.codes();
    let chars = codes.len();
    let words = f.words;
    if chars <= MAX_REPEATED_ADVERT_CHARS {
        let k = s.key();
        if chars <= MAX_BUTTON_CHARS && COOKIE_BUTTON_KEYS.contains(k) {
            return Some(Prompt::Button);
        }
        if chars <= MAX_ADVERT_CHARS && ADVERT_KEYS.contains(k) || repeated_advert(k) {
            return Some(Prompt::Advert);
        }
    }
    if words <= MAX_BANNER_WORDS && BANNER_START.is_match(s) {
        // A banner that opens by announcing cookies is one however long its legalese runs.
        return Some(Prompt::Banner);
    }
    if words <= MAX_APPEAL_WORDS && APPEAL.is_match(s) {
        return Some(Prompt::Newsletter);
    }
    if words <= MAX_PROMPT_WORDS && is_donation(s) && !codes.iter().any(|&c| is_quote(c)) {
        return Some(Prompt::Newsletter);
    }
    if words <= MAX_FORM_WORDS && is_form_text(s) {
        return Some(Prompt::Newsletter);
    }
    if words > MAX_PROMPT_WORDS {
        return glued_banner(s).map(|(start, end)| Prompt::Cookie(start, end));
    }
    if AFFILIATE_HINTS.in_line(s) && AFFILIATE.is_match(s) {
        return Some(Prompt::Affiliate);
    }
    if s.holds("cookie") && COOKIE.is_match(s) && COOKIE_CONTEXT.is_match(s) {
        return Some(Prompt::Banner);
    }
    if words <= MAX_PITCH_WORDS
        && (is_pitch(s, f.prose)
            || words <= MAX_FORM_STATE_WORDS && FORM_STATE.is_match(s)
            || SUBSCRIBE_TO.is_match(s)
            || !f.prose && MENTION_HINTS.in_line(s) && MENTION.is_match(s)
            || words <= MAX_BARE_CALL_WORDS && BARE_CALL.is_match(s))
    {
        return Some(Prompt::Newsletter);
    }
    None
}

/// An ad marker printed several times on one line ("Advertisement Advertisement
/// Advertisement"): one slot per ad, the extractor joined them. `k` is the line's key.
fn repeated_advert(k: &[u32]) -> bool {
    let words: Vec<&[u32]> = k.split(|&c| c == b' ' as u32).filter(|w| !w.is_empty()).collect();
    for size in 1..=5.min(words.len() / 2) {
        if words.len() % size != 0 {
            continue;
        }
        let unit = &words[..size];
        if !ADVERT_KEYS.contains(&unit.join(&(b' ' as u32))) {
            continue;
        }
        if words.chunks(size).all(|chunk| chunk == unit) {
            return true;
        }
    }
    false
}

/// `"“”«»„`: a story quoting a prompt's words opens a quotation.
fn is_quote(c: u32) -> bool {
    matches!(char::from_u32(c), Some('"' | '“' | '”' | '«' | '»' | '„'))
}

fn is_donation(s: &Subject) -> bool {
    DONATION_HINTS.in_line(s) && (DONATION.is_match(s) || s.holds("support") && SUPPORT_NAMED.is_match(s))
}

/// A form's terms: a story quoting them opens the quotation before them.
fn is_form_text(s: &Subject) -> bool {
    if !FORM_HINTS.in_line(s) {
        return false;
    }
    match FORM_TEXT.find(s) {
        Some((start, _)) => !s.codes()[..start].iter().any(|&c| is_quote(c)),
        None => false,
    }
}

/// The banner glued after a sentence's end and a space, running to the line's end: its span.
fn glued_banner(s: &Subject) -> Option<(usize, usize)> {
    if !s.holds("cookies") && !s.holds("by continuing") {
        return None;
    }
    let end = s.codes().len();
    // The sentence's end and the space are one code point each.
    GLUED_BANNER
        .find_spans(s)
        .find(|&(_, banner_end)| end - banner_end <= MAX_GLUED_BANNER_TAIL)
        .map(|(start, _)| (start + 2, end))
}

/// A pitch, in a paragraph (`prose`) once the blog's own sentences about its feed are taken out.
fn is_pitch(s: &Subject, prose: bool) -> bool {
    if prose && s.holds("subscribe to") {
        let codes = s.codes();
        let mut rest = Vec::with_capacity(codes.len());
        let mut at = 0;
        for (start, end) in FEED_SENTENCE.find_spans(s) {
            if start >= 2 && codes[start - 1] == b' ' as u32 && !chars::is_space(codes[start - 2]) {
                rest.extend_from_slice(&codes[at..start]);
                at = end;
            }
        }
        if at > 0 {
            rest.extend_from_slice(&codes[at..]);
            let cut = Subject::new(&rest);
            return PITCH_HINTS.in_line(&cut) && PITCH.is_match(&cut);
        }
    }
    PITCH_HINTS.in_line(s) && PITCH.is_match(s)
}

#[cfg(test)]
mod tests {
    use super::super::testing::{check_literals, cps};
    use super::*;

    fn judged(text: &str, prose: bool) -> Option<Prompt> {
        let words = text.split_whitespace().count();
        judge(
            &Subject::new(&cps(text)),
            Features {
                words,
                prose,
                sentences: 1,
                ends_sentence: text.ends_with('.'),
                title_shaped: false,
            },
        )
    }

    #[test]
    fn literals_are_found() {
        for p in [
            &*PITCH,
            &*FEED_SENTENCE,
            &*FORM_STATE,
            &*FORM_TEXT,
            &*APPEAL,
            &*SUPPORT_NAMED,
            &*DONATION,
            &*MENTION,
            &*SUBSCRIBE_TO,
            &*BARE_CALL,
            &*COOKIE,
            &*COOKIE_CONTEXT,
            &*BANNER_START,
            &*GLUED_BANNER,
            &*AFFILIATE,
        ] {
            check_literals(p);
        }
    }

    #[test]
    fn prompts_are_found() {
        assert_eq!(judged("Accept all cookies", false), Some(Prompt::Button));
        for line in [
            "ADVERTISEMENT",
            "广告",
            "Advertisement Advertisement Advertisement",
            "Ad Feedback Ad Feedback",
        ] {
            assert_eq!(judged(line, false), Some(Prompt::Advert), "{line}");
        }
        assert_eq!(
            judged("This website uses cookies to improve your experience.", false),
            Some(Prompt::Banner)
        );
        assert_eq!(judged("Privacy and cookie policy", false), Some(Prompt::Banner));
        for line in [
            "Sign up for our newsletter",
            "SUBSCR\u{130}BE NOW",
            "\u{17f}ubscribe today",
            "Already a subscriber? Log in",
            "Support The Guardian from as little as $1",
            "Support Snopes so we continue to pursue the facts",
            "Support us.",
            "SUPPORT US WİTH A DONATION",
            "Donate now",
            "We need your financial support.",
            "If you enjoyed this article, we have a proposition for you.",
            "Thanks for subscribing!",
            "Subscribe to WIRED and stay smart",
            "Newsletter",
            "Sign up",
            "Have a tip we should know? tips@example.com",
            "Please verify you're not a robot by clicking the box. Invalid email address. Please re-enter.",
        ] {
            assert_eq!(judged(line, false), Some(Prompt::Newsletter), "{line}");
        }
        assert_eq!(
            judged("This post may contain affiliate links.", false),
            Some(Prompt::Affiliate)
        );
        let story = "The council met on Tuesday. ".repeat(12);
        let glued = format!("{story}We use cookies to give you the best experience on our site.");
        let start = story.chars().count();
        assert_eq!(judged(&glued, true), Some(Prompt::Cookie(start, glued.chars().count())));
    }

    #[test]
    fn sentences_that_look_like_prompts_are_not() {
        for line in [
            "The company's newsletters reach two million readers every week, she said.",
            "Each week this blog features a walk; to follow along, subscribe to the RSS feed.",
            "\"Support the Troops\" was written on the banner outside the town hall.",
            "The new owners said they would support the union in the talks.",
            "Critics said the sign read \"by signing up, you agree to\" in tiny print.",
            "Advertising revenue fell by a tenth in the third quarter of the year.",
            "She baked cookies for the whole street on Sunday.",
            "Accept",
        ] {
            let prose = line.split_whitespace().count() > 3;
            let found = judged(line, prose);
            assert!(found.is_none() || found == Some(Prompt::Button), "{line}: {found:?}");
        }
        // the call to follow a feed alone on its line is a prompt, not the post's sentence
        assert_eq!(judged("Subscribe to our RSS feed", false), Some(Prompt::Newsletter));
        // a glued banner too long to be only the banner stays
        let long = format!(
            "{}We use cookies {}",
            "The council met on Tuesday. ".repeat(12),
            "and more ".repeat(200)
        );
        assert_eq!(judged(&long, true), None);
    }
}
