//! What a video or audio player leaves in the text: "Video PlayerClose", "Media playback is
//! unsupported on your device", time codes; the teasers of the videos and galleries a story embeds
//! ("JUST WATCHED ... Replay More Videos ... MUST WATCH", "1 of 26 Full Screen Autoplay Close Skip
//! Ad"); and the "Story highlights" bullets heading a CNN story, told by the lines below them
//! (`detect`, once per document, `_core.player`).

use rustc_hash::FxHashSet;
use std::sync::LazyLock;

use super::{Pattern, Subject};
use crate::chars;
use crate::lines::key;

/// A player's controls and messages, alone on their line: compared by their key
/// (`lines::key`), so the list is written as people see it.
#[rustfmt::skip]
const LINES: &[&str] = &[
    "video player", "video playerclose", "close", "play video", "play", "pause", "replay", "watch",
    "watch video", "watch now", "now playing", "up next", "playing", "mute", "unmute", "fullscreen",
    "full screen", "video", "loaded", "duration", "current time", "remaining time", "live", "watch live",
    "media playback is unsupported on your device", "media playback is not supported on this device",
    "your browser does not support the video tag", "your browser does not support html5 video",
    "this video is not available", "this video is no longer available", "video is loading",
    "video player is loading", "the video will start in", "skip ad", "advertisement video",
    "video abspielen", "lire la vidéo", "reproducir video", "ver video", "audio", "listen to this article",
    // YouTube's page around a video it could not play.
    "the interactive transcript could not be loaded", "rating is available when the video has been rented",
    "this feature is not available right now please try again later", "play facebook",
    "loading", "scroll down for video", "watch the video below", "video loading",
];
static LINE_KEYS: LazyLock<FxHashSet<Vec<u32>>> = LazyLock::new(|| {
    LINES
        .iter()
        .map(|p| key(&p.chars().map(|c| c as u32).collect::<Vec<u32>>()))
        .collect()
});
const MAX_LINE_CHARS: usize = 80;

// "0:00", "Loaded: 0%", "Progress: 0%", "Duration 2:31", "1:32 / 4:05"
static TIMECODE: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        concat!(
            r"^(?:(?:current time|duration|remaining time|loaded|progress|time)\s*:?\s*)?",
            r"(?:-?\d{1,2}:\d{2}(?::\d{2})?(?:\s*/\s*\d{1,2}:\d{2}(?::\d{2})?)?|\d{1,3}(?:\.\d+)?%)$",
        ),
        true,
    )
});

// A clip in a video list, its title stamped with when it was posted and how long it runs: "An
// ICBM test by North Korea on Sept. 9? 9:04 PM ET Sun, 3 Sept 2017 | 02:51". Prose does not
// close on a clock time, a zone and a running time after a bar.
static STAMPED_CLIP: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"\b\d{1,2}:\d{2}\s*[AP]M\s+[ECMP][SD]?T\b[^|\n]{0,40}\|\s*\d{1,2}:\d{2}\s*$",
        false,
    )
});
const MAX_STAMPED_CLIP_WORDS: usize = 40;

// A whole line that is a player's or a gallery's furniture, however long the teaser in it:
// CNN's "JUST WATCHED <title> Replay More Videos ... MUST WATCH <title> 01:15", NBC's "Embed
// <title> 2:25 autoplay autoplay Copy this code to your website or blog", the Washington Post's
// "1 of 26 Full Screen Autoplay Close Skip Ad × <gallery>", a player's "Video Loading Video
// Unavailable Click to play ...", "Slideshow (5 Images)". CNN's "Photos: <gallery> Photos:
// <gallery> <caption>" and USA TODAY's "CLOSE <teaser> ..." are below.
static FURNITURE: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        concat!(
            r"^JUST WATCHED\b.{0,300}?\b(?:Replay More Videos|MUST WATCH)\b",
            r"|^Embed\b.{0,300}\bCopy this code to your website or blog\b",
            r"|^\d{1,3} of \d{1,3} Full Screen Autoplay Close\b",
            r"|^Video Loading\b.{0,40}\bVideo Unavailable\b",
            r"|^Slideshow \(\d{1,3} (?:Images|Photos|Pictures)\)$",
            r"|^EMBED More News Videos\b|^On a mobile device\? Click here to watch (?:the )?video\b",
        ),
        false,
    )
});
// "Photos: <gallery> Photos: <gallery>": the gallery's name, 3 to 120 characters, said twice.
const GALLERY: &str = "Photos: ";
const GALLERY_NAME: std::ops::RangeInclusive<usize> = 3..=120;
// "CLOSE" in capitals, then a teaser that is written as sentences: no body paragraph opens on
// the word in capitals and goes on in ordinary case (the teaser's first word, then a sentence
// end, a credit or the paper's name within 600 characters).
static CLOSE_TEASER: LazyLock<Pattern> = LazyLock::new(|| Pattern::new(r"^CLOSE [A-Z](?:[a-z’']| )", false));
static CLOSE_TEASER_END: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"^CLOSE .{0,600}?(?:[.!?] [A-Z]|Video (?:provided|courtesy) (?:by|of)\b|USA TODAY\b)",
        false,
    )
});

// The channel a YouTube embed names under the clip: "Team Coco on YouTube".
static EMBED_SOURCE: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"^[A-Z][\w&'’.-]*(?: [A-Z][\w&'’.-]*){0,3} on (?:YouTube|Vimeo)$",
        false,
    )
});
// A clip's label closing the story: "Video: Jane Doe stars in a fashion film". Inside a page the
// same label heads the site's list of clips, which the page's main block is told from; there it
// is left to that choice. A clip's title is a line, not a paragraph: one sentence at most.
static CLIP_LABEL: LazyLock<Pattern> = LazyLock::new(|| Pattern::new(r"^(?:Video|VIDEO)\s*:\s+\S", false));
const MAX_CLIP_LABEL_WORDS: usize = 20;

// Phrases that are player residue even when glued to text: "Video PlayerClose".
static GLUED: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        concat!(
            r"video player\s*close|media playback is (?:unsupported|not supported) on (?:your|this) device",
            r"|your browser does not support the (?:video|audio) (?:tag|element)\.?",
            r"|video player is loading\.?(?:\s*play video)?",
        ),
        true,
    )
});

#[derive(Debug, PartialEq, Eq, Clone, Copy)]
pub enum Found {
    /// the whole line
    Line,
    /// the whole line, if it is left closing the text
    Tail,
    /// the span of a phrase glued to other text
    Span(usize, usize),
}

/// The line's verdicts (`words`: its word count, `sentences`: its sentence count, as the line
/// features count them).
pub fn judge(s: &Subject, words: usize, sentences: usize) -> Vec<Found> {
    let codes = &s.codes;
    if codes.len() <= MAX_LINE_CHARS && (LINE_KEYS.contains(s.key()) || TIMECODE.is_match(s)) {
        return vec![Found::Line];
    }
    // The pattern ends on a digit, spaces after it: a cheap test first.
    let last = codes.iter().rev().find(|&&c| !chars::is_space(c));
    if words <= MAX_STAMPED_CLIP_WORDS
        && last.is_some_and(|&c| chars::is_decimal(c))
        && codes.contains(&(b'|' as u32))
        && STAMPED_CLIP.is_match(s)
    {
        return vec![Found::Line];
    }
    if is_furniture(s) {
        return vec![Found::Line];
    }
    if words <= MAX_CLIP_LABEL_WORDS && sentences <= 1 {
        if EMBED_SOURCE.is_match(s) {
            return vec![Found::Line];
        }
        if CLIP_LABEL.is_match(s) {
            return vec![Found::Tail];
        }
    }
    GLUED.find_spans(s).map(|(a, b)| Found::Span(a, b)).collect()
}

fn is_furniture(s: &Subject) -> bool {
    FURNITURE.is_match(s)
        || is_gallery(&s.codes)
        || starts_with(&s.codes, "CLOSE ") && CLOSE_TEASER.is_match(s) && CLOSE_TEASER_END.is_match(s)
}

fn starts_with(codes: &[u32], prefix: &str) -> bool {
    codes.len() >= prefix.len() && prefix.chars().zip(codes).all(|(p, &c)| p as u32 == c)
}

/// "Photos: <gallery> Photos: <gallery>", a word boundary after the second name.
fn is_gallery(codes: &[u32]) -> bool {
    if !starts_with(codes, GALLERY) {
        return false;
    }
    let n = codes.len();
    let start = GALLERY.len();
    let again: Vec<u32> = " Photos: ".chars().map(|c| c as u32).collect();
    GALLERY_NAME.into_iter().any(|len| {
        let mid = start + len;
        let end = mid + again.len() + len;
        end <= n
            && !codes[start..mid].contains(&0x0a)
            && codes[mid..mid + again.len()] == again[..]
            && codes[mid + again.len()..end] == codes[start..mid]
            && chars::is_word(codes[end - 1]) != (end < n && chars::is_word(codes[end]))
    })
}

// CNN heads a story with its highlights: "Story highlights <first bullet>", then a few more
// bullets, none closed by a full stop, before the story's first paragraph; ABC's "Key points:"
// box is the same.
static HIGHLIGHTS: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::new(r"^(?:story highlights|key points:)(?:\s|$)", true));
// the header and the bullets under it, at most
const MAX_HIGHLIGHTS: usize = 6;
const MAX_HIGHLIGHT_WORDS: usize = 30;

/// What `detect` reads of a distinct line of a document.
pub struct Line {
    /// the line judge's answer (`judge`)
    pub found: Vec<Found>,
    /// a highlights header opens the line
    pub highlights: bool,
    /// the line closes its sentence with a full stop or an ellipsis, as a story's first
    /// paragraph does and a bullet does not
    pub closes: bool,
    pub words: usize,
}

impl Line {
    /// The line's fields beside the judge's answer (`words`, `ends_sentence`, `last`: as the
    /// line features tell them; `last` its last visible character, None if it has none).
    pub fn new<T: Copy + Into<u32>>(
        text: &[T],
        words: usize,
        ends_sentence: bool,
        last: Option<u32>,
        found: Vec<Found>,
    ) -> Line {
        // Both headers open with "s" or "k", as `re.IGNORECASE` folds them: most lines are
        // spared the pattern.
        let opens = text
            .first()
            .is_some_and(|&c| matches!(chars::re_fold(c.into()), 0x73 | 0x6b));
        Line {
            found,
            highlights: opens && HIGHLIGHTS.is_match(&Subject::new(text)),
            closes: ends_sentence && last.is_none_or(|c| c == b'.' as u32 || c == 0x2026),
            words,
        }
    }
}

/// A player verdict on a block: the whole block, a span of it, or the whole block if it is
/// left closing the text.
#[derive(Debug, PartialEq, Eq, Clone, Copy)]
pub struct Verdict {
    pub block: usize,
    pub found: Found,
}

/// The family's verdicts on a document whose blocks are `lines[line_of[i]]`, in the order the
/// family yields them: the lines that are a player's on their own, then the highlights.
pub fn detect(lines: &[Line], line_of: &[usize]) -> Vec<Verdict> {
    let mut out = Vec::new();
    for (i, &k) in line_of.iter().enumerate() {
        out.extend(lines[k].found.iter().map(|&found| Verdict { block: i, found }));
    }
    let n = line_of.len();
    for i in 0..n {
        if !lines[line_of[i]].highlights {
            continue;
        }
        out.push(Verdict {
            block: i,
            found: Found::Line,
        });
        for k in i + 1..n.min(i + MAX_HIGHLIGHTS) {
            let line = &lines[line_of[k]];
            if line.closes || line.words > MAX_HIGHLIGHT_WORDS || line.words == 0 {
                break;
            }
            out.push(Verdict {
                block: k,
                found: Found::Line,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::testing::{check_literals, cps};
    use super::*;

    fn judged(text: &str) -> Vec<Found> {
        let words = text.split_whitespace().count();
        judge(&Subject::new(&cps(text)), words, 1)
    }

    fn line(text: &str) -> Line {
        let words = text.split_whitespace().count();
        let last = text.trim_end().chars().last().map(|c| c as u32);
        Line::new(
            &cps(text),
            words,
            text.ends_with('.') || text.ends_with('…'),
            last,
            judged(text),
        )
    }

    fn blocks(texts: &[&str]) -> Vec<usize> {
        let lines: Vec<Line> = texts.iter().map(|t| line(t)).collect();
        let line_of: Vec<usize> = (0..lines.len()).collect();
        detect(&lines, &line_of).iter().map(|v| v.block).collect()
    }

    #[test]
    fn highlights_and_the_bullets_under_them() {
        let story = [
            "Story highlights The senator resigned on Monday",
            "He had served for 20 years",
            "An election follows in May",
            "WASHINGTON (CNN) The senator resigned on Monday after two decades in office.",
            "He said he would spend more time with his family.",
        ];
        assert_eq!(blocks(&story), [0, 1, 2]);
        assert_eq!(blocks(&["KEY POINTS:", "Rates rise", "Markets fall"]), [0, 1, 2]);
    }

    #[test]
    fn no_highlights_in_a_story_that_speaks_of_them() {
        assert_eq!(
            blocks(&["Story highlighted the risks", "Rates rise"]),
            Vec::<usize>::new()
        );
        assert_eq!(
            blocks(&["The story highlights a risk", "Rates rise"]),
            Vec::<usize>::new()
        );
        // the bullets stop at the story's first paragraph, and at most five follow
        assert_eq!(
            blocks(&["Story highlights", "The senator resigned.", "Rates rise"]),
            [0]
        );
        let many = ["Key points:", "a", "b", "c", "d", "e", "f", "g"];
        assert_eq!(blocks(&many), [0, 1, 2, 3, 4, 5]);
    }

    #[test]
    fn literals_are_found() {
        for p in [
            &*HIGHLIGHTS,
            &*TIMECODE,
            &*STAMPED_CLIP,
            &*FURNITURE,
            &*CLOSE_TEASER,
            &*CLOSE_TEASER_END,
            &*EMBED_SOURCE,
            &*CLIP_LABEL,
            &*GLUED,
        ] {
            check_literals(p);
        }
    }

    #[test]
    fn controls_and_furniture_are_player() {
        for line in [
            "Video Player",
            "PLAY VIDEO",
            "Lire la vidéo",
            "0:00",
            "Loaded: 0%",
            "Duration 2:31",
            "1:32 / 4:05",
            "An ICBM test by North Korea on Sept. 9? 9:04 PM ET Sun, 3 Sept 2017 | 02:51",
            "JUST WATCHED Storm hits coast Replay More Videos ... MUST WATCH",
            "1 of 26 Full Screen Autoplay Close Skip Ad × Gallery",
            "Slideshow (5 Images)",
            "Photos: The big storm Photos: The big storm A car under water.",
            "CLOSE Firefighters battled a blaze. Video provided by Newsy",
            "Team Coco on YouTube",
        ] {
            assert_eq!(judged(line), vec![Found::Line], "{line}");
        }
        assert_eq!(judged("Video: Jane Doe stars in a fashion film"), vec![Found::Tail]);
    }

    #[test]
    fn glued_phrases_are_cut() {
        assert_eq!(
            judged("Storm hits coast Video PlayerClose and then media playback is unsupported on your device"),
            vec![Found::Span(17, 34), Found::Span(44, 88)]
        );
        // spans count code points, and the patterns fold case as `re` does
        assert_eq!(judged("é VİDEO PLAYER CLOSE"), vec![Found::Span(2, 20)]);
    }

    #[test]
    fn prose_about_videos_is_not() {
        for line in [
            "The video player was left in the car, he said, and nobody watched it again.",
            "Close to the river, the town floods every spring.",
            "CLOSE TO THE RIVER the town floods. It floods every spring.",
            "Photos: The big storm Photos: The big storms",
            "Photos: ab Photos: ab",
            "The meeting ran from 9:04 PM ET to 10:15 PM ET on Sunday night.",
        ] {
            assert_eq!(judged(line), vec![], "{line}");
        }
        // a clip's label is a line, not a paragraph
        assert_eq!(
            judge(&Subject::new(&cps("Video: A long story. It goes on.")), 7, 2),
            vec![]
        );
    }
}
