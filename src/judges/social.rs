//! Share, follow and social-network lines: "Share this article", "Follow us on Twitter",
//! "Facebook Twitter Email". (The words of other languages' share buttons are data,
//! `clean/data/residue/`, matched on the Python side.)

use std::sync::LazyLock;

use super::{Features, Pattern, Subject};
use crate::chars;
use crate::lines;

// The names a share bar's buttons print, as comparison keys.
const NETWORKS: &[&str] = &[
    "facebook",
    "twitter",
    "x",
    "instagram",
    "linkedin",
    "pinterest",
    "reddit",
    "whatsapp",
    "telegram",
    "tumblr",
    "youtube",
    "tiktok",
    "snapchat",
    "flipboard",
    "xing",
    "vk",
    "weibo",
    "wechat",
    "line",
    "email",
    "e",
    "mail",
    "messenger",
    "sms",
    "print",
    "copy",
    "link",
    "rss",
    "google",
    "googleplus",
    "mastodon",
    "bluesky",
    "threads",
    "pocket",
    "share",
    "tweet",
    "pin",
];

// WordPress's share buttons read "Click to share on Twitter (Opens in new window)".
static VERB: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        concat!(
            r"^(?:click (?:here )?to\s+)?(?:share|shares|sharing|tweet|pin|follow|like|connect with|find us|join us|email|send|print|",
            r"teilen|folgen sie|folge uns|partager|partagez|suivez|suivez-nous|compartir|compártelo|síguenos|",
            r"condividi|seguici|compartilhe|siga)\b",
        ),
        true,
    )
});
static ON_NETWORK: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        concat!(
            r"\b(?:on|via|auf|sur|en|in|su|no)\s+(?:facebook|twitter|x|instagram|linkedin|pinterest|whatsapp|youtube|",
            r"tiktok|telegram|flipboard|reddit|social media|email)\b",
        ),
        true,
    )
});

// A share widget's own label ("Share All sharing options for: <headline>") and a question that
// asks for a share ("Like this story? Share it with a friend!") are share lines of any length.
static SHARE_PROMPT: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        concat!(
            r"^(?:share\s+)?all sharing options for\s*:|^(?:like|liked|enjoy|enjoyed|love|loved) this (?:story|article|post)\?",
            r"\s*(?:share|tweet|pass)\b",
        ),
        true,
    )
});

// A call to follow the author or the site closing a bio or the story: "... is out now. Follow
// him on Twitter @x. Follow us on Twitter @y or Facebook." Only at the end of the text.
static FOLLOW_INSIDE: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::new(r"\bfollow (?:him|her|them|us|me)\s+(?:on|@)", true));
const MAX_FOLLOW_TAIL_WORDS: usize = 60;

// Lines a share or embed widget prints whole, however long: USA TODAY's "Read or Share this
// story: <url>" closing every story, and Twitter's location widget under "Tweet with a location"
// ("You can add location information to your Tweets, ...", "When you tweet with a location,
// Twitter stores that location. ...").
static WIDGET: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        concat!(
            r"^read or share this story:\s*\S+$",
            r"|^(?:tweet with a location|add a location to your tweets)$",
            r"|^you can add location information to your tweets\b",
            r"|^when you tweet with a location, twitter stores that location\b",
            // Share counters: "936 SHARES Share Tweet", "Help spread the word! Share Tweet 300k shares on Facebook"
            r"|^(?:\d[\d.,]*[km]?\s+shares?\s+)?share\s+tweet\b.{0,60}$|^\d[\d.,]*[km]?\s+shares\b.{0,40}$",
            r"|^help spread the word!?\s+share\b.{0,60}$",
            // WordPress's count under its like button: "%d bloggers like this:", "One blogger likes this."
            r"|^(?:%d|\d[\d.,]*|one|a)\s+bloggers?\s+likes?\s+this\W*$",
            // A handle alone on its line, under "Follow her on Twitter".
            r"|^@\w{2,30}$",
        ),
        true,
    )
});
// Instagram's line under an embedded post: "A post shared by Jane Doe (@jane) on May 4, 2017 at
// 5:57pm PDT". Apart from the widget's other lines, which all open theirs, so that those are tried
// at the line's start only and this one only where its words are.
static POST_SHARED: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"(?:^|\s)a post shared by\b[^()]{0,60}\(@[\w.]+\)(?: on\b.{0,40})?$",
        true,
    )
});
// "For the latest Washington news, follow @wsjpolitics", "For breaking news ... from India,
// follow WSJ India on Facebook.": the widget's one rule with a capital in it, where the rest
// ignores case, so it runs on the line as written. Its words take both cases through the crate's
// own `(?i)`, which folds these letters as `re.IGNORECASE` does ("k" with the Kelvin sign, "s"
// with the long s) but for "i", which `re` also takes for a dotted capital I or a dotless i.
static FOR_FOLLOW: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        concat!(
            r"^(?i:for) [^.!?]{3,80}, (?i:follow) (?:@\w+|[A-Z][^.!?]{1,40} (?i:on) ",
            r"(?i:tw[iİı]tter|facebook|[iİı]nstagram))\.?$",
        ),
        false,
    )
});

static NEW_WINDOW: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::new(r"\s*\(opens in (?:a )?new (?:window|tab)\)\s*$", true));

static FOLLOW: LazyLock<Pattern> = LazyLock::new(|| Pattern::new(r"^(?:follow|like|join|find|connect with)\b", true));
const MAX_FOLLOW_WORDS: usize = 25;
const MAX_BUTTON_WORDS: usize = 16;

#[derive(Debug, PartialEq, Eq)]
pub enum Share {
    /// a share or follow line wherever it stands
    Line,
    /// a call to follow inside a line, residue only where the text ends
    Tail,
}

pub fn judge(s: &Subject, f: Features) -> Option<Share> {
    let text = s.codes();
    let words = f.words;
    // The patterns searched all along the line are tried only on a line holding their words.
    if WIDGET.is_match(s) || FOR_FOLLOW.is_match(s) || s.holds("a post shared by") && POST_SHARED.is_match(s) {
        return Some(Share::Line);
    }
    if 0 < words && words <= MAX_FOLLOW_WORDS && FOLLOW.is_match(s) && ON_NETWORK.is_match(s) {
        // "Follow The New York Times Opinion section on Facebook, Twitter and Instagram."
        // is a sentence, and a call to follow all the same.
        return Some(Share::Line);
    }
    if words <= MAX_FOLLOW_WORDS && SHARE_PROMPT.is_match(s) {
        return Some(Share::Line);
    }
    if words <= MAX_FOLLOW_TAIL_WORDS && s.holds("follow ") && FOLLOW_INSIDE.is_match(s) {
        return Some(Share::Tail);
    }
    if words == 0 || words > MAX_BUTTON_WORDS || f.prose {
        return None;
    }
    // The button's words, less WordPress's note that it opens a window.
    let cut = if s.holds("(opens in ") {
        NEW_WINDOW.find(s)
    } else {
        None
    };
    let (cut_from, cut_to) = cut.unwrap_or((text.len(), text.len()));
    let rest: Vec<u32> = text[..cut_from]
        .iter()
        .chain(&text[cut_to..])
        .map(|&c| c.into())
        .collect();
    let key = lines::key(&rest);
    let keys: Vec<&[u32]> = key.split(|&c| c == b' ' as u32).filter(|w| !w.is_empty()).collect();
    if keys.is_empty() {
        return None;
    }
    let is = |w: &[u32], name: &str| w.len() == name.len() && w.iter().zip(name.bytes()).all(|(&a, b)| a == b as u32);
    let network = |w: &[u32]| NETWORKS.iter().any(|name| is(w, name));
    let number = |w: &[u32]| w.iter().all(|&c| chars::is_digit(c));
    // "Facebook Twitter Email", "Share 12": network names, maybe with share counts. Among
    // numbers, "X" names no network: a results table marks a failed attempt with it
    // ("x 4,84 5,07 x"); alone on its line, it is a share bar's button split into lines.
    if keys.iter().all(|w| network(w) || number(w))
        && keys.iter().any(|w| network(w) && (!is(w, "x") || keys.len() == 1))
    {
        return Some(Share::Line);
    }
    if VERB.is_match(s)
        && (ON_NETWORK.is_match(s) || keys.len() <= 5 || keys.iter().any(|w| is(w, "this") || is(w, "article")))
    {
        return Some(Share::Line);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::testing::{check_literals, cps};
    use super::*;

    fn judged(text: &str, prose: bool) -> Option<Share> {
        let words = text.split_whitespace().count();
        judge(
            &Subject::new(&cps(text)),
            Features {
                words,
                prose,
                sentences: 1,
                ends_sentence: false,
                title_shaped: false,
            },
        )
    }

    #[test]
    fn literals_are_found() {
        for p in [
            &*VERB,
            &*ON_NETWORK,
            &*SHARE_PROMPT,
            &*FOLLOW_INSIDE,
            &*WIDGET,
            &*POST_SHARED,
            &*FOR_FOLLOW,
            &*NEW_WINDOW,
            &*FOLLOW,
        ] {
            check_literals(p);
        }
    }

    #[test]
    fn share_lines_are_share() {
        for line in [
            "Share this article",
            "Follow us on Twitter",
            "Facebook Twitter Email",
            "Share 12",
            "x",
            "Click to share on Twitter (Opens in new window)",
            "Read or Share this story: https://example.com/story",
            "Share All sharing options for: A headline",
            "Like this story? Share it with a friend!",
            "936 SHARES Share Tweet",
            "%d bloggers like this:",
            "@janedoe",
            "For the latest Washington news, follow @wsjpolitics",
            "For breaking news from India, follow WSJ India on Facebook.",
            "FOR BREAKING NEWS FROM INDIA, FOLLOW WSJ INDIA ON TWİTTER",
            "A post shared by Jane Doe (@jane) on May 4, 2017 at 5:57pm PDT",
            "Teilen",
        ] {
            assert_eq!(judged(line, false), Some(Share::Line), "{line}");
        }
    }

    #[test]
    fn a_call_to_follow_in_a_bio_goes_at_the_tail() {
        let line = "Her novel is out now. Follow her on Twitter @jane.";
        assert_eq!(judged(line, true), Some(Share::Tail));
    }

    #[test]
    fn sentences_about_sharing_are_not() {
        for line in [
            "The company said it would share the data with regulators next year.",
            "x 4,84 5,07 x",
            "Print and online subscriptions rose by a tenth over the year",
            "For breaking news from India, follow wsj India on Facebook.",
            "Followers of the party met in the square on Sunday.",
        ] {
            assert_eq!(judged(line, false), None, "{line}");
        }
        // a share bar's words read as running text are prose, not buttons
        assert_eq!(judged("Email print copy link", true), None);
    }
}
