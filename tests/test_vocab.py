"""Residue vocabularies per language: every file parses, every section is read by its detector,
and every entry, written out as a line, is found by that detector in a text of its language."""

import re

import pytest

from clean import document, vocab
from clean.residue import captions, comments, footer, metadata, navigation, prompts, related, social

# Prose in each language, written for these tests, so that the document's language is detected.
PROSE = {
    "de": "Die Stadt hat am Dienstag beschlossen, die alte Brücke über den Fluss bis zum Ende des Jahres zu "
          "erneuern, weil sie nach einem Gutachten nicht mehr sicher ist und der Verkehr schon seit Wochen "
          "umgeleitet werden muss.",
    "fr": "La ville a décidé mardi de rénover le vieux pont sur la rivière avant la fin de l'année, car il "
          "n'est plus sûr selon une expertise et la circulation est déjà déviée depuis plusieurs semaines.",
    "es": "La ciudad decidió el martes renovar el viejo puente sobre el río antes de que termine el año, "
          "porque según un informe ya no es seguro y el tráfico se desvía desde hace varias semanas.",
    "it": "La città ha deciso martedì di rinnovare il vecchio ponte sul fiume entro la fine dell'anno, perché "
          "secondo una perizia non è più sicuro e il traffico è deviato già da diverse settimane.",
    "pt": "A cidade decidiu na terça-feira renovar a velha ponte sobre o rio até o fim do ano, porque segundo "
          "um laudo ela não é mais segura e o trânsito já está desviado há várias semanas.",
    "nl": "De stad heeft dinsdag besloten om de oude brug over de rivier voor het einde van het jaar te "
          "vernieuwen, omdat die volgens een rapport niet meer veilig is en het verkeer al weken wordt omgeleid.",
    "fi": "Kaupunginvaltuusto päätti tiistaina, että joen yli kulkeva vanha silta korjataan vuoden loppuun "
          "mennessä, koska se ei ole enää turvallinen ja liikenne on ohjattu kiertotielle jo useiden viikkojen ajan.",
    "pl": "Miasto postanowiło we wtorek, że do końca roku odnowi stary most na rzece, ponieważ według "
          "ekspertyzy nie jest już bezpieczny, a ruch od kilku tygodni jest kierowany objazdem.",
}
# Section -> (detector, the reason it must give the line).
READ_BY = {
    "nav-label": (navigation, "nav-label"), "related-header": (related, "related"), "related": (related, "related"),
    "advert": (prompts, "advert"), "newsletter": (prompts, "newsletter"), "cookie": (prompts, "cookie"),
    "cookie-button": (prompts, "cookie"), "share": (social, "share"), "comments-header": (comments, "comments"),
    "comments-note": (comments, "comments"),
    "copyright": (footer, "copyright"), "metadata": (metadata, "metadata"), "credit": (captions, "credit"),
    "caption-label": (captions, "caption"), "byline": (metadata, "byline"), "date-label": (metadata, "date"),
}
LANGS = vocab.languages()


def _written(entry: str) -> str:
    """An entry as a page would print it: `*` some text, `{n}` a number."""
    return re.sub(r"\s+", " ", entry.replace("{n}", "3").replace("*", " Stadtwerke ")).strip()


def _line(section: str, entry: str) -> str:
    if section == "related":
        return f"{entry} | Stadtwerke erhöhen die Preise"
    if section == "byline":
        return f"{entry} Anna Schmidt"
    if section == "date-label":
        return f"{entry} 12.03.2023"
    if section == "credit":
        return f"{entry}: Anna Schmidt/dpa"
    return _written(entry)


def _cases():
    for lang in LANGS:
        sections = vocab.parse(vocab._files()[lang], lang)
        for section, entries in sections.items():
            if vocab.SECTIONS[section][0] != "words":
                for entry in entries:
                    yield pytest.param(lang, section, entry, id=f"{lang}-{section}-{entry}")


def test_the_languages_the_dev_pages_use_have_files():
    assert {"de", "fr", "es", "it", "pt", "nl"} <= set(LANGS)


@pytest.mark.parametrize("lang", LANGS)
def test_each_file_parses_into_known_sections(lang):
    sections = vocab.parse(vocab._files()[lang], lang)
    assert set(sections) <= set(vocab.SECTIONS)
    assert all(entries for entries in sections.values())
    assert vocab.vocabulary(lang).lang == lang
    assert set(READ_BY) | {"months", "weekdays", "date-words", "seam-words"} == set(vocab.SECTIONS)


@pytest.mark.parametrize("lang,section,entry", list(_cases()))
def test_each_entry_is_found_by_its_detector(lang, section, entry):
    family, reason = READ_BY[section]
    line = _line(section, entry)
    lines = [PROSE[lang], line, PROSE[lang]]
    if section == "cookie-button":
        # A button counts next to the banner it belongs to.
        banner = next(e for e in vocab.parse(vocab._files()[lang], lang)["cookie"])
        lines.insert(1, _written(banner))
    doc = document.build("\n\n".join(lines))
    assert doc.lang == lang
    at = len(lines) - 2
    assert any(v.block == at and v.reason == reason for v in family.detect(doc)), (line, reason)


@pytest.mark.parametrize("lang", LANGS)
def test_dates_in_each_language(lang):
    words = vocab.vocabulary(lang).words
    for month in words.get("months", ()):
        assert metadata.is_date(f"12 {month} 2023"), month
    for day in words.get("weekdays", ()):
        assert metadata.is_date(f"{day} 12.03.2023"), day
    for word in words.get("date-words", ()):
        assert metadata.is_date(f"12.03.2023 {word}"), word


def test_german_seam_words_leave_out_the_polite_pronoun_and_nouns():
    seams = vocab.vocabulary("de").words["seam-words"]
    assert "sie" not in seams and "ihnen" not in seams and "zeit" not in seams
    assert {"der", "die", "das", "und"} <= seams


def test_a_file_with_an_unknown_section_or_a_stray_entry_is_refused():
    with pytest.raises(vocab.VocabularyError, match="x.txt:2: unknown section"):
        vocab.parse("# a comment\n[labels]\nMenü\n", "x.txt")
    with pytest.raises(vocab.VocabularyError, match="outside a"):
        vocab.parse("Menü\n", "x.txt")


def test_wildcards_and_numbers():
    words = vocab.build("xx", {"advert": ["Lire aussi *", "Il vous reste {n}% de cet article à lire *",
                                          "* Wir verwenden Cookies *", "Déjà abonné * Se connecter"]})

    def match(text):
        return words.match("advert", text)

    assert match("Lire aussi")
    assert match("Lire aussi | Le gouvernement recule")
    assert match("Il vous reste 45.12% de cet article à lire.")
    assert match("Ihre Daten, Ihre Wahl: Wir verwenden Cookies, um Inhalte zu personalisieren.")
    assert match("Déjà abonné ? Se connecter")
    assert not match("Il vous reste beaucoup à lire")
    assert not match("Relire aussi")
    assert not words.match("cookie", "Lire aussi")
    assert vocab.vocabulary("xx") is vocab.EMPTY and vocab.vocabulary(None) is vocab.EMPTY
