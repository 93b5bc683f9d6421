"""The Python line judge that src/judges/navigation.rs replaced, as it was, for
tests/test_judges_native.py to hold the native one against. Delete it with that test once the
port is done.

Section labels, menus and breadcrumbs: the page's furniture, not its story."""

from __future__ import annotations

import re
from collections.abc import Iterator

from clean.article import Verdict
from clean.document import Document, Features
from clean import vocab
from clean.residue._lines import LINE, each_line
from clean.residue._text import key, phrases

REASONS = ("nav-label",)

LABELS = phrases(
    # English
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
    # Other languages' labels are data: clean/data/residue/<lang>.txt, section [nav-label]. Those of
    # languages without a file stay here; scripts without spaces get no language to pick a file by.
    # Russian, Ukrainian
    "главная", "поиск", "меню", "новости", "войти", "регистрация", "перейти к контенту", "наверх", "контакты",
    "рубрики", "свежие записи", "свежие комментарии", "архивы", "метки", "популярное", "головна", "пошук",
    # Japanese, Chinese, Korean
    "ホーム", "トップ", "検索", "サイトマップ", "プライバシーポリシー", "プライバシー・ポリシー", "お問い合わせ",
    "免責事項", "カテゴリー", "カテゴリ", "人気記事", "新着記事", "月別", "タグ", "メニュー", "ログイン",
    "首页", "搜索", "登录", "注册", "联系我们", "关于我们", "网站地图", "隐私政策", "免责声明", "热门文章", "最新文章",
    "홈", "검색", "로그인", "회원가입", "사이트맵", "개인정보처리방침", "이용약관", "고객센터",
    # What blog software prints around every post, in English
    "recent posts", "recent comments", "archives", "blogroll",
)

# "EXPLORE XINHUANET", "More from The Guardian": a site's own links to itself.
_SITE_LINK = re.compile(r"^(?:explore|more from|more on|more in|back to|go to|visit)\s+\S.{0,40}$", re.I)
# "Tags: budget, congress, senate", also glued by an extractor ("Tagsbudget, congress, ...").
_TAG_LIST = re.compile(
    r"^(?:tags?|tagged(?: with| in)?|topics|keywords|schlagwörter|stichwörter|themen|mots[- ]clés|étiquettes|"
    r"etiquetas|temas|tópicos|argomenti|palavras-chave)\s*[:\-–]?\s*(?=\w)",
    re.I,
)
MIN_TAGS, MAX_TAG_WORDS, MAX_TAG_LINE_CHARS = 3, 6, 600
# A gallery's counter: "Image 1 of 9", "Slide 3/12", "2 of 4".
_GALLERY_COUNTER = re.compile(
    r"^(?:(?:image|photo|picture|slide|foto|bild)\s+\d{1,3}\s*(?:of|/|von|de|sur)\s*\d{1,3}|\d{1,3}\s+of\s+\d{1,3})$",
    re.I,
)
# A shop's or an archive's count of the items a list page shows, however it reads as a sentence:
# "Showing 1–12 of 40 results", "Es werden die Weine 1 bis 10 von insgesamt 19 angezeigt!",
# "Affichage de 1 à 12 sur 40 résultats". A range, its total, and a word saying what is shown.
_SHOWN = (r"(?:showing|displaying|results?|items?|products?|entries|zeige|zeigt|angezeigt|ergebnissen?|treffer|"
          r"einträgen?|produkten?|affichage|résultats?|articles|produits|mostrando|resultados?|productos|"
          r"visualizzazione|risultati|prodotti|toont|resultaten|producten|wyświetlanie|wyników|produktów)")
_RESULT_COUNT = re.compile(
    r"^(?:[^\W\d_][\w'’]*\s+){0,4}\d{1,5}\s*(?:[-–—]|to|bis|à|a|al|tot|do)\s*\d{1,5}\s*"
    r"(?:of|von|sur|de|di|van|z|dari)\s+(?:insgesamt\s+|total\s+|un total de\s+)?\d{1,6}"
    r"(?:\s+[^\W\d_][\w'’]*){0,3}\W*$",
    re.I,
)
# The word opens or closes the line: "3 bis 4 von 10 Ergebnissen falsch" is a sentence's.
_SHOWN_WORD = re.compile(rf"^{_SHOWN}\b|\b{_SHOWN}\W*$", re.I)
MAX_RESULT_COUNT_WORDS = 16

# A page's link back up ("Top of Page", "Return to top") between the sections of a long page.
_TO_TOP = re.compile(r"^(?:\^\s*)?(?:back to|return to|go to|to)?\s*(?:the\s+)?top of (?:the\s+)?page\s*\^?$", re.I)
# A wiki's note on where a name leads: '"FASD" redirects here. For other uses, see FASD
# (disambiguation)', "This article is about ... For other uses, see ...".
_HATNOTE = re.compile(
    r"^(?:\S.{0,80}? redirects here\.|this article is about\b.{1,150}?\.)\s*(?:for other uses|for the\b.{1,60}?),\s*see\b"
    r"|^for other uses,\s*see\b.{1,80}\(disambiguation\)\.?$",
    re.I,
)
MAX_HATNOTE_WORDS = 40
# The pager under a story, naming the next one: "Next Invictus", "Next: The Lovely Bones". Inside
# the text "Next" opens a subheading ("Next Steps"), so only the text's last line is taken.
_NEXT_PAGER = re.compile(r"^(?:Next|NEXT)\s*:?\s+[A-Z\"“‘'][^.!?]{0,60}$")
MAX_PAGER_WORDS = 8
# A wiki's "[ edit ]" link printed after each section heading: the heading stays, the link goes.
_EDIT_LINK = re.compile(r"\s*\[\s*(?:edit|edit source|bearbeiten|modifier)\s*\]$")
MAX_HEADING_WORDS = 12

# What blog software prints under a post: "Posted in Travel, Food |", "Posted in Uncategorized |
# Leave a comment", "This entry was posted in News and tagged budget. Bookmark the permalink."
_FILED = re.compile(
    r"^(?:(?:posted in|filed (?:under|in))\s*:?|categor(?:y|ies)\s*:)\s+[^.!?]{1,120}?(?:\s*\|.{0,60})?$"
    r"|^this entry was posted\b.{0,200}\bbookmark the permalink\b",
    re.I,
)
MAX_FILED_WORDS = 40
# "Home > World > Europe", "News / Politics / Congress", "Home | News | Sport"
_CRUMB_SEP = re.compile(r"\s+(?:[>»›/|•·]|::)\s+")


def detect(doc: Document) -> Iterator[Verdict]:
    """The verdicts the lines earned on their own (a tag list split over lines, told by the
    lines around, stays in the package)."""
    words = vocab.vocabulary(doc.lang)
    return each_line(doc, (lambda text, feat: _judge(text, feat, words)) if words.lines else _judge)


def _judge(text: str, feat: Features, words: vocab.Vocabulary = vocab.EMPTY) -> Iterator[Verdict]:
    if feat.chars <= MAX_TAG_LINE_CHARS and _is_tag_list(text):
        yield Verdict(LINE, "nav-label")
    elif feat.words <= MAX_FILED_WORDS and _filed(text, feat):
        yield Verdict(LINE, "nav-label")
    elif feat.words <= MAX_RESULT_COUNT_WORDS and _RESULT_COUNT.match(text) and _SHOWN_WORD.search(text):
        yield Verdict(LINE, "nav-label")
    elif feat.words <= MAX_HATNOTE_WORDS and "see" in text and _HATNOTE.match(text):
        yield Verdict(LINE, "nav-label")
    elif feat.words <= MAX_PAGER_WORDS and not feat.prose and _NEXT_PAGER.match(text):
        yield Verdict(LINE, "nav-label", score=0.5, where="tail")
    elif feat.chars > 120 or feat.prose:
        return
    elif (key(text) in LABELS or _SITE_LINK.match(text) or _is_breadcrumb(text) or _GALLERY_COUNTER.match(text)
          or _TO_TOP.match(text) or words.match("nav-label", text)):
        yield Verdict(LINE, "nav-label")
    elif text.endswith("]") and feat.words <= MAX_HEADING_WORDS + 2:
        m = _EDIT_LINK.search(text)
        if m:
            # Alone on its line the link is all there is; after a heading it is cut out.
            yield Verdict(LINE, "nav-label", span=None if m.start() == 0 else m.span())


def _filed(text: str, feat: Features) -> bool:
    """A post's categories: short, closed by a bar or by no sentence end ("Posted in 2019, the
    video ..." is a sentence)."""
    m = _FILED.match(text)
    return m is not None and (text.lower().startswith("this entry") or "|" in text or not feat.ends_sentence
                              and feat.words <= 15)


def _is_breadcrumb(text: str) -> bool:
    if text.startswith("|") or text.endswith("|"):
        return False  # a table row
    parts = _CRUMB_SEP.split(text)
    if len(parts) < 3 or any(p.replace(".", "").replace(",", "").isdigit() for p in parts):
        return False
    # Every part a short label: a sentence with a slash in it is not a breadcrumb.
    return all(0 < len(p.split()) <= 4 and not p.endswith(".") for p in parts)


def _is_tag_list(text: str) -> bool:
    label = _TAG_LIST.match(text)
    if not label:
        return False
    tags = text[label.end():].split(",")
    # Short items, none closing a sentence: "Tagsüber, wenn ..., ..." is German prose.
    return len(tags) >= MIN_TAGS and all(
        0 < len(t.split()) <= MAX_TAG_WORDS and not t.rstrip().endswith((".", "!", "?")) for t in tags
    )
