//! Section labels, menus and breadcrumbs: the page's furniture, not its story. A line's own text
//! tells a label ("Top stories", "Home > World > Europe", "Tags: budget, congress, senate",
//! "Image 1 of 9"); a tag list split over lines is told by the lines around (`detect`, once per
//! document, `_core.navigation`). The other languages' labels are data, matched on the Python
//! side (clean/residue/navigation.py) and handed over per line.

use rustc_hash::FxHashSet;
use std::sync::LazyLock;

use super::{Pattern, Subject};
use crate::chars;
use crate::lines::key;

/// Labels alone on their line, compared by their key (`lines::key`), so the list is written as
/// people see it. Other languages' labels are data (clean/data/residue/<lang>.txt, section
/// [nav-label]); those of languages without a file stay here, and scripts without spaces get no
/// language to pick a file by.
#[rustfmt::skip]
const LABELS: &[&str] = &[
    // English
    "top stories", "editor's choice", "editors' choice", "editors picks", "editor's picks", "most viewed",
    "most popular", "most shared", "trending", "trending now", "trending stories", "latest", "latest news",
    "latest stories", "breaking news", "news", "home", "homepage", "menu", "main menu", "search",
    "skip to content", "skip to main content", "skip to navigation", "skip to site index", "back to top",
    "go to top", "sections", "navigation", "site navigation", "site information navigation",
    "log in", "login", "sign in", "sign up", "register", "my account", "account", "close", "open", "toggle navigation",
    "next article", "previous article", "next story", "previous story", "next", "previous", "prev",
    "more", "show more", "load more", "see more", "view all", "see all", "all", "top", "print",
    "print this page", "print article", "email this", "email", "text size", "listen", "listen to article",
    "save", "save article", "saved", "bookmark", "jump to", "contents", "table of contents",
    "privacy policy", "privacy", "cookie policy", "terms of use", "terms of service", "terms and conditions",
    "terms", "contact", "contact us", "about us", "about", "advertise", "advertise with us", "careers",
    "site map", "sitemap", "help", "faq", "rss", "feedback", "corrections", "masthead",
    "today's paper", "world", "business", "politics", "sport", "sports", "opinion", "tech",
    "technology", "science", "health", "entertainment", "lifestyle", "culture", "travel", "video",
    "videos", "photos", "gallery", "podcasts", "weather", "tags", "topics", "categories", "related topics",
    "home page", "you are here", "exclusive",
    // Russian, Ukrainian
    "главная", "поиск", "меню", "новости", "войти", "регистрация", "перейти к контенту", "наверх", "контакты",
    "рубрики", "свежие записи", "свежие комментарии", "архивы", "метки", "популярное", "головна", "пошук",
    // Japanese, Chinese, Korean
    "ホーム", "トップ", "検索", "サイトマップ", "プライバシーポリシー", "プライバシー・ポリシー", "お問い合わせ",
    "免責事項", "カテゴリー", "カテゴリ", "人気記事", "新着記事", "月別", "タグ", "メニュー", "ログイン",
    "首页", "搜索", "登录", "注册", "联系我们", "关于我们", "网站地图", "隐私政策", "免责声明", "热门文章", "最新文章",
    "홈", "검색", "로그인", "회원가입", "사이트맵", "개인정보처리방침", "이용약관", "고객센터",
    // What blog software prints around every post, in English
    "recent posts", "recent comments", "archives", "blogroll",
];
static LABEL_KEYS: LazyLock<FxHashSet<Vec<u32>>> = LazyLock::new(|| {
    LABELS
        .iter()
        .map(|p| key(&p.chars().map(|c| c as u32).collect::<Vec<u32>>()))
        .collect()
});
// A label is short and no prose.
const MAX_LABEL_CHARS: usize = 120;

// "EXPLORE XINHUANET", "More from The Guardian": a site's own links to itself.
static SITE_LINK: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"^(?:explore|more from|more on|more in|back to|go to|visit)\s+\S.{0,40}$",
        true,
    )
});
// "Tags: budget, congress, senate", also glued by an extractor ("Tagsbudget, congress, ...").
// The label is followed by a word character, which the pattern takes and the list does not.
static TAG_LIST: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        concat!(
            r"^(?:tags?|tagged(?: with| in)?|topics|keywords|schlagwörter|stichwörter|themen|mots[- ]clés|étiquettes|",
            r"etiquetas|temas|tópicos|argomenti|palavras-chave)\s*[:\-–]?\s*\w",
        ),
        true,
    )
});
const MIN_TAGS: usize = 3;
const MAX_TAG_WORDS: usize = 6;
const MAX_TAG_LINE_CHARS: usize = 600;
// A gallery's counter: "Image 1 of 9", "Slide 3/12", "2 of 4".
static GALLERY_COUNTER: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        concat!(
            r"^(?:(?:image|photo|picture|slide|foto|bild)\s+\d{1,3}\s*(?:of|/|von|de|sur)\s*\d{1,3}",
            r"|\d{1,3}\s+of\s+\d{1,3})$",
        ),
        true,
    )
});
// A shop's or an archive's count of the items a list page shows, however it reads as a sentence:
// "Showing 1–12 of 40 results", "Es werden die Weine 1 bis 10 von insgesamt 19 angezeigt!",
// "Affichage de 1 à 12 sur 40 résultats". A range, its total, and a word saying what is shown.
macro_rules! shown {
    () => {
        concat!(
            r"(?:showing|displaying|results?|items?|products?|entries|zeige|zeigt|angezeigt|ergebnissen?|treffer|",
            r"einträgen?|produkten?|affichage|résultats?|articles|produits|mostrando|resultados?|productos|",
            r"visualizzazione|risultati|prodotti|toont|resultaten|producten|wyświetlanie|wyników|produktów)"
        )
    };
}
static RESULT_COUNT: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        concat!(
            r"^(?:[^\W\d_][\w'’]*\s+){0,4}\d{1,5}\s*(?:[-–—]|to|bis|à|a|al|tot|do)\s*\d{1,5}\s*",
            r"(?:of|von|sur|de|di|van|z|dari)\s+(?:insgesamt\s+|total\s+|un total de\s+)?\d{1,6}",
            r"(?:\s+[^\W\d_][\w'’]*){0,3}\W*$",
        ),
        true,
    )
});
// The word opens or closes the line: "3 bis 4 von 10 Ergebnissen falsch" is a sentence's.
static SHOWN_WORD: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::new(concat!(r"^", shown!(), r"\b|\b", shown!(), r"\W*$"), true));
const MAX_RESULT_COUNT_WORDS: usize = 16;

// A page's link back up ("Top of Page", "Return to top") between the sections of a long page.
static TO_TOP: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"^(?:\^\s*)?(?:back to|return to|go to|to)?\s*(?:the\s+)?top of (?:the\s+)?page\s*\^?$",
        true,
    )
});
// A wiki's note on where a name leads: '"FASD" redirects here. For other uses, see FASD
// (disambiguation)', "This article is about ... For other uses, see ...". (It holds "see" as
// written, a cheap test before the pattern.)
static HATNOTE: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        concat!(
            r"^(?:\S.{0,80}? redirects here\.|this article is about\b.{1,150}?\.)\s*(?:for other uses|for the\b.{1,60}?),",
            r"\s*see\b|^for other uses,\s*see\b.{1,80}\(disambiguation\)\.?$",
        ),
        true,
    )
});
const MAX_HATNOTE_WORDS: usize = 40;
// The pager under a story, naming the next one: "Next Invictus", "Next: The Lovely Bones". Inside
// the text "Next" opens a subheading ("Next Steps"), so only the text's last line is taken.
static NEXT_PAGER: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::new(r#"^(?:Next|NEXT)\s*:?\s+[A-Z"“‘'][^.!?]{0,60}$"#, false));
const MAX_PAGER_WORDS: usize = 8;
// A wiki's "[ edit ]" link printed after each section heading: the heading stays, the link goes.
static EDIT_LINK: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::new(r"\s*\[\s*(?:edit|edit source|bearbeiten|modifier)\s*\]$", false));
const MAX_HEADING_WORDS: usize = 12;

// What blog software prints under a post: "Posted in Travel, Food |", "Posted in Uncategorized |
// Leave a comment", "This entry was posted in News and tagged budget. Bookmark the permalink."
static FILED: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        concat!(
            r"^(?:(?:posted in|filed (?:under|in))\s*:?|categor(?:y|ies)\s*:)\s+[^.!?]{1,120}?(?:\s*\|.{0,60})?$",
            r"|^this entry was posted\b.{0,200}\bbookmark the permalink\b",
        ),
        true,
    )
});
const MAX_FILED_WORDS: usize = 40;
const MAX_UNBARRED_FILED_WORDS: usize = 15;
// "Home > World > Europe", "News / Politics / Congress", "Home | News | Sport"
static CRUMB_SEP: LazyLock<Pattern> = LazyLock::new(|| Pattern::new(r"\s+(?:[>»›/|•·]|::)\s+", false));
const MIN_CRUMBS: usize = 3;
const MAX_CRUMB_WORDS: usize = 4;

// A kicker over the story: the topic a site files it under, set above its headline or its first
// paragraph in one case, all capitals ("SINGER SCANDAL") or all lower case ("gungate"), of words
// alone (no digit: "6:25 p.m." opens a live blog's entry). Furniture only where the text opens
// (placed at the head on the Python side): between paragraphs such a line is the story's
// subheading ("NO SURVIVORS"). A single word in capitals stays even there: a dateline set on its
// own line ("WASHINGTON") reads the same.
const MAX_KICKER_WORDS: usize = 3;

#[derive(Debug, PartialEq, Eq)]
pub enum Found {
    /// the whole line is a label
    Label,
    /// the whole line, if it is left closing the text: a pager
    Pager,
    /// a short line that is no label by the patterns: another language's label may be
    Open,
    /// as `Open`, and shaped as a kicker: furniture where the text opens
    Kicker,
    /// as `Open`, and a wiki's edit link closes it: the whole line, or the link's span after a
    /// heading
    EditLink(Option<(usize, usize)>),
}

/// The line's verdict (`words`: its word count; `prose`, `ends_sentence`: as the line features
/// tell them).
pub fn judge(s: &Subject, words: usize, prose: bool, ends_sentence: bool) -> Option<Found> {
    let codes = &s.codes;
    if codes.len() <= MAX_TAG_LINE_CHARS && is_tag_list(s) {
        return Some(Found::Label);
    }
    if words <= MAX_FILED_WORDS && is_filed(s, words, ends_sentence) {
        return Some(Found::Label);
    }
    if words <= MAX_RESULT_COUNT_WORDS && RESULT_COUNT.is_match(s) && SHOWN_WORD.is_match(s) {
        return Some(Found::Label);
    }
    if words <= MAX_HATNOTE_WORDS && s.shows("see") && HATNOTE.is_match(s) {
        return Some(Found::Label);
    }
    if words <= MAX_PAGER_WORDS && !prose && NEXT_PAGER.is_match(s) {
        return Some(Found::Pager);
    }
    if codes.len() > MAX_LABEL_CHARS || prose {
        return None;
    }
    if LABEL_KEYS.contains(s.key())
        || SITE_LINK.is_match(s)
        || is_breadcrumb(s)
        || GALLERY_COUNTER.is_match(s)
        || TO_TOP.is_match(s)
    {
        return Some(Found::Label);
    }
    if codes.last() == Some(&(b']' as u32)) && words <= MAX_HEADING_WORDS + 2 {
        if let Some((start, end)) = EDIT_LINK.find(s) {
            // Alone on its line the link is all there is; after a heading it is cut out.
            return Some(Found::EditLink(if start == 0 { None } else { Some((start, end)) }));
        }
    }
    if words <= MAX_KICKER_WORDS && !ends_sentence && is_kicker(codes, words) {
        return Some(Found::Kicker);
    }
    Some(Found::Open)
}

/// Words of letters alone (joined by an apostrophe, a hyphen or an ampersand inside a word), all
/// in lower case, or all in capitals and more than one.
fn is_kicker(codes: &[u32], words: usize) -> bool {
    let letter = |c: u32| chars::is_word(c) && !chars::is_decimal(c) && c != b'_' as u32;
    let joiner = |c: u32| matches!(c, 0x27 | 0x2019 | 0x26 | 0x2d);
    let (mut upper, mut lower) = (false, false);
    for word in codes.split(|&c| chars::is_space(c)).filter(|w| !w.is_empty()) {
        let (first, last) = (word[0], word[word.len() - 1]);
        if !letter(first) || !letter(last) || !word.iter().all(|&c| letter(c) || joiner(c)) {
            return false;
        }
        upper |= word.iter().any(|&c| chars::is_upper(c));
        lower |= word.iter().any(|&c| chars::is_lower(c));
    }
    lower != upper && (lower || words >= 2)
}

/// "Tags: a, b, c": the label, then short items, none closing a sentence ("Tagsüber, wenn ...,
/// ..." is German prose).
fn is_tag_list(s: &Subject) -> bool {
    let Some((_, end)) = TAG_LIST.find(s) else {
        return false;
    };
    // the list starts at the word character the pattern took
    let tags: Vec<&[u32]> = s.codes[end - 1..].split(|&c| c == b',' as u32).collect();
    tags.len() >= MIN_TAGS
        && tags.iter().all(|t| {
            let n = word_count(t);
            0 < n
                && n <= MAX_TAG_WORDS
                && !matches!(t.iter().rev().find(|&&c| !chars::is_space(c)), Some(&c) if c == b'.' as u32 || c == b'!' as u32 || c == b'?' as u32)
        })
}

/// `len(text.split())`
fn word_count(text: &[u32]) -> usize {
    text.split(|&c| chars::is_space(c)).filter(|w| !w.is_empty()).count()
}

/// A post's categories: short, closed by a bar or by no sentence end ("Posted in 2019, the video
/// ..." is a sentence).
fn is_filed(s: &Subject, words: usize, ends_sentence: bool) -> bool {
    FILED.is_match(s)
        && (opens_this_entry(&s.codes)
            || s.codes.contains(&(b'|' as u32))
            || !ends_sentence && words <= MAX_UNBARRED_FILED_WORDS)
}

/// Whether the lower-cased line opens with "this entry" (no letter but ASCII's lowers to one of
/// these: the Kelvin sign lowers to "k", a dotted capital I to "i" and a dot).
fn opens_this_entry(codes: &[u32]) -> bool {
    let opening = "this entry";
    codes.len() >= opening.len()
        && opening
            .bytes()
            .zip(codes)
            .all(|(o, &c)| c < 0x80 && (c as u8).to_ascii_lowercase() == o)
}

/// "Home > World > Europe": three or more parts between separators, every part a short label (a
/// sentence with a slash in it is not a breadcrumb), none a number, and no bar at either end
/// (a table row).
fn is_breadcrumb(s: &Subject) -> bool {
    let codes = &s.codes;
    let bar = b'|' as u32;
    if codes.first() == Some(&bar) || codes.last() == Some(&bar) {
        return false;
    }
    let mut parts = Vec::new();
    let mut at = 0;
    for (start, end) in CRUMB_SEP.find_spans(s) {
        parts.push(&codes[at..start]);
        at = end;
    }
    parts.push(&codes[at..]);
    if parts.len() < MIN_CRUMBS || parts.iter().any(|p| is_number(p)) {
        return false;
    }
    parts.iter().all(|p| {
        let n = word_count(p);
        0 < n && n <= MAX_CRUMB_WORDS && p.last() != Some(&(b'.' as u32))
    })
}

/// `part.replace(".", "").replace(",", "").isdigit()`
fn is_number(part: &[u32]) -> bool {
    let mut digits = part
        .iter()
        .filter(|&&c| c != b'.' as u32 && c != b',' as u32)
        .peekable();
    digits.peek().is_some() && digits.all(|&c| chars::is_digit(c))
}

// The same list with each tag a link on a line of its own: "Filed Under:" / "Eastern Equine
// Encephalitis," / "EEE, health," / "mosquito-borne virus". A bare tag header, then short lines
// closed by commas, and the last tag.
static TAG_HEADER: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        concat!(
            r"^(?:tags?|tagged(?: with| in)?|topics|keywords|filed under|categories|schlagwörter|themen|mots[- ]clés|",
            r"etiquetas|temas|argomenti|palavras-chave)\s*:?$",
        ),
        true,
    )
});
const MAX_TAG_HEADER_CHARS: usize = 20;

/// What `detect` reads of a distinct line of a document.
pub struct Line {
    /// the line judge's answer (`judge`)
    pub found: Option<Found>,
    /// the document's language's words take the line for a label (read only where `found` is
    /// `Open`, `Kicker` or `EditLink`)
    pub worded: bool,
    /// a bare tag header over a list split over lines
    pub tag_header: bool,
    /// short enough for a tag, and closing no sentence
    pub tag: bool,
    pub ends_with_comma: bool,
}

impl Line {
    /// The line's fields beside the judge's answer and the words' (`chars`, `words`,
    /// `ends_sentence`: as the line features tell them).
    pub fn new<T: Copy + Into<u32>>(
        text: &[T],
        chars: usize,
        words: usize,
        ends_sentence: bool,
        found: Option<Found>,
        worded: bool,
    ) -> Line {
        Line {
            found,
            worded,
            tag_header: chars <= MAX_TAG_HEADER_CHARS && TAG_HEADER.is_match(&Subject::new(text)),
            tag: 0 < words && words <= MAX_TAG_WORDS && !ends_sentence,
            ends_with_comma: text.last().map(|&c| c.into()) == Some(b',' as u32),
        }
    }
}

/// Where a weak verdict holds: a pager only closing the text, a kicker only opening it.
#[derive(Debug, PartialEq, Eq, Clone, Copy)]
pub enum Place {
    Anywhere,
    Tail,
    Head,
}

/// A navigation verdict on a block: the whole block or a span of it, sure (score 1) or weak
/// (score 0.5, where it holds).
#[derive(Debug, PartialEq, Clone, Copy)]
pub struct Verdict {
    pub block: usize,
    pub score: f64,
    pub span: Option<(usize, usize)>,
    pub place: Place,
}

/// The family's verdicts on a document whose blocks are `lines[line_of[i]]`, in the order the
/// family yields them: the lines that are furniture on their own, then the tag lists split over
/// lines.
pub fn detect(lines: &[Line], line_of: &[usize]) -> Vec<Verdict> {
    let sure = |block, span| Verdict {
        block,
        score: 1.0,
        span,
        place: Place::Anywhere,
    };
    let weak = |block, place| Verdict {
        block,
        score: 0.5,
        span: None,
        place,
    };
    let mut out = Vec::new();
    for (i, &k) in line_of.iter().enumerate() {
        let line = &lines[k];
        let open = matches!(line.found, Some(Found::Open | Found::Kicker | Found::EditLink(_)));
        // A label by the language's words is the whole line, before a wiki's edit link is cut.
        if matches!(line.found, Some(Found::Label)) || open && line.worded {
            out.push(sure(i, None));
            continue;
        }
        match line.found {
            Some(Found::Pager) => out.push(weak(i, Place::Tail)),
            Some(Found::Kicker) => out.push(weak(i, Place::Head)),
            Some(Found::EditLink(span)) => out.push(sure(i, span)),
            _ => {}
        }
    }
    let n = line_of.len();
    for i in 0..n.saturating_sub(1) {
        if !lines[line_of[i]].tag_header {
            continue;
        }
        let mut j = i + 1;
        while j < n && lines[line_of[j]].tag && lines[line_of[j]].ends_with_comma {
            j += 1;
        }
        if j > i + 1 && j < n && lines[line_of[j]].tag {
            out.extend((i..=j).map(|k| sure(k, None)));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::testing::{check_literals, cps};
    use super::*;

    fn judged(text: &str) -> Option<Found> {
        let words = text.split_whitespace().count();
        judge(&Subject::new(&cps(text)), words, false, text.ends_with('.'))
    }

    fn line(text: &str, found: Option<Found>) -> Line {
        let words = text.split_whitespace().count();
        Line::new(
            &cps(text),
            text.chars().count(),
            words,
            text.ends_with('.'),
            found,
            false,
        )
    }

    #[test]
    fn a_tag_list_split_over_lines() {
        let lines: Vec<Line> = [
            "Filed Under:",
            "Eastern Equine Encephalitis,",
            "EEE, health,",
            "mosquito-borne virus",
        ]
        .iter()
        .map(|t| line(t, None))
        .collect();
        let blocks: Vec<usize> = detect(&lines, &[0, 1, 2, 3]).iter().map(|v| v.block).collect();
        assert_eq!(blocks, [0, 1, 2, 3]);
    }

    #[test]
    fn no_tag_list_without_its_last_tag_or_its_header() {
        // the list runs into a sentence, or no header heads it, or nothing closed by a comma follows
        for texts in [
            vec![
                "Tags:",
                "budget,",
                "The senate passed the budget on Monday after a long night.",
            ],
            vec!["Tags:", "budget,"],
            vec!["Tags:", "budget"],
            vec!["Tagged Monday", "budget,", "senate"],
            vec!["The tags on the shirt:", "budget,", "senate"],
        ] {
            let lines: Vec<Line> = texts.iter().map(|t| line(t, None)).collect();
            let line_of: Vec<usize> = (0..lines.len()).collect();
            assert_eq!(detect(&lines, &line_of), [], "{texts:?}");
        }
    }

    #[test]
    fn a_pager_closes_and_a_kicker_opens_and_words_take_a_label() {
        let lines = [
            line("Next: The Lovely Bones", Some(Found::Pager)),
            line("gungate", Some(Found::Kicker)),
            line("Startseite", Some(Found::Open)),
            Line {
                worded: true,
                ..line("Startseite", Some(Found::Open))
            },
            line("History [edit]", Some(Found::EditLink(Some((7, 14))))),
        ];
        let found = detect(&lines, &[0, 1, 2, 3, 4, 1]);
        let found: Vec<_> = found.iter().map(|v| (v.block, v.score, v.span, v.place)).collect();
        assert_eq!(
            found,
            [
                (0, 0.5, None, Place::Tail),
                (1, 0.5, None, Place::Head),
                (3, 1.0, None, Place::Anywhere),
                (4, 1.0, Some((7, 14)), Place::Anywhere),
                (5, 0.5, None, Place::Head),
            ]
        );
    }

    #[test]
    fn literals_are_found() {
        for p in [
            &*TAG_HEADER,
            &*SITE_LINK,
            &*TAG_LIST,
            &*GALLERY_COUNTER,
            &*RESULT_COUNT,
            &*SHOWN_WORD,
            &*TO_TOP,
            &*HATNOTE,
            &*NEXT_PAGER,
            &*EDIT_LINK,
            &*FILED,
            &*CRUMB_SEP,
        ] {
            check_literals(p);
        }
    }

    #[test]
    fn labels_menus_and_breadcrumbs() {
        for line in [
            "TOP STORIES:",
            "Главная",
            "ホーム",
            "EXPLORE XINHUANET",
            "Tags: budget, congress, senate",
            "Tagsbudget, congress, senate",
            "Posted in Travel, Food |",
            "This entry was posted in News and tagged budget. Bookmark the permalink.",
            "Showing 1–12 of 40 results",
            "Es werden die Weine 1 bis 10 von insgesamt 19 angezeigt!",
            "\"FASD\" redirects here. For other uses, see FASD (disambiguation).",
            "Image 1 of 9",
            "Top of Page",
            "Home > World > Europe",
            "News / Politics / Congress",
        ] {
            assert_eq!(judged(line), Some(Found::Label), "{line}");
        }
        assert_eq!(judged("Next: The Lovely Bones"), Some(Found::Pager));
        assert_eq!(judged("[ edit ]"), Some(Found::EditLink(None)));
        assert_eq!(judged("History [edit]"), Some(Found::EditLink(Some((7, 14)))));
        assert_eq!(judged("Startseite"), Some(Found::Open));
    }

    #[test]
    fn kickers_are_one_case_words() {
        for line in ["SINGER SCANDAL", "gungate", "royal baby", "TRUE CRIME", "rock'n'roll"] {
            assert_eq!(judged(line), Some(Found::Kicker), "{line}");
        }
        for line in [
            "WASHINGTON",
            "Singer Scandal",
            "6:25 p.m.",
            "COVID-19 NEWS",
            "the end.",
            "NO SURVIVORS AT ALL HERE",
            "BREAKING NEWS",
        ] {
            assert_ne!(judged(line), Some(Found::Kicker), "{line}");
        }
    }

    #[test]
    fn prose_that_looks_like_furniture_is_not() {
        for line in [
            "Tagsüber, wenn die Sonne scheint, gehen wir schwimmen.",
            "Tags: the minister spoke. Then he left, and the room, quiet.",
            "3 bis 4 von 10 Ergebnissen falsch",
            "Posted in 2019, the video was seen by millions of people around the world.",
            "The ratio is 1 / 2 / 3 and nothing more.",
            "2019 / 2020 / 2021",
            "| Home | News | Sport |",
            "Next steps for the council are not yet clear.",
        ] {
            assert!(!matches!(judged(line), Some(Found::Label | Found::Pager)), "{line}");
        }
        // a paragraph is none of these, whatever it opens with
        assert_eq!(judge(&Subject::new(&cps("Home")), 1, true, false), None);
    }
}
