"""Decisions that do not hang on one line: whether a text is a page dump or an article, and where
its article runs, are the same with a lone label, a short list or a caption in the middle of the
article, in any language."""

import pytest

from clean import clean_text

# Written for these tests: a story's paragraphs, a site's menu and footer, and what a page may
# put in the middle of a story, per language.
TEXTS = {
    "de": {
        "paras": [
            "Der Stadtrat hat am Dienstag beschlossen, die alte Brücke über den Fluss bis zum Ende des Jahres zu erneuern, obwohl die Opposition dagegen gestimmt hat.",
            "Nach einem Gutachten ist das Bauwerk nicht mehr sicher, der Verkehr wird schon seit Wochen über die Umgehungsstraße im Norden der Stadt umgeleitet.",
            "Die Arbeiten sollen im März beginnen und bis zum Herbst dauern, teilte die Stadtverwaltung am Mittwoch in einer Mitteilung an die Presse mit.",
            "Die Kosten schätzt die Stadt auf rund zwölf Millionen Euro, den größten Teil davon trägt das Land, der Rest kommt aus dem städtischen Haushalt.",
            "Anwohner hatten sich seit Jahren über den Lärm beklagt, der von der alten Fahrbahn ausgeht, wenn Lastwagen darüber fahren.",
        ],
        "menu": ["Startseite", "Suche", "Menü", "Anmelden", "Politik", "Wirtschaft", "Sport", "Kultur", "Wissen",
                 "Reise", "Regional", "Panorama", "Video", "Podcast", "Wetter"],
        "foot": ["Impressum", "Datenschutz", "Kontakt", "AGB", "Newsletter", "Teilen"],
        "label": ["Mehr zum Thema"],
        "list": ["Verwandte Artikel", "Neue Radwege für die Innenstadt", "Streit um die Parkgebühren"],
        "caption": ["Die alte Brücke am Morgen, kurz vor der Sperrung. Foto: Anna Schmidt/dpa"],
    },
    "fr": {
        "paras": [
            "Le conseil municipal a décidé mardi de rénover le vieux pont sur la rivière avant la fin de l'année, malgré les votes contre de l'opposition municipale.",
            "Selon une expertise, l'ouvrage n'est plus sûr et la circulation est déjà déviée depuis plusieurs semaines par la route du nord de la ville.",
            "Les travaux doivent commencer en mars et durer jusqu'à l'automne, a indiqué la mairie mercredi dans un communiqué adressé à la presse.",
            "La ville estime le coût à environ douze millions d'euros, dont la plus grande partie sera payée par la région, le reste venant du budget de la commune.",
            "Les riverains se plaignaient depuis des années du bruit des camions qui passent sur l'ancienne chaussée.",
        ],
        "menu": ["Accueil", "Rechercher", "Menu", "Connexion", "Politique", "Économie", "Sport", "Culture", "Sciences",
                 "Voyage", "Régions", "Société", "Vidéo", "Podcast", "Météo"],
        "foot": ["Mentions légales", "Plan du site", "Contact", "Qui sommes-nous", "Newsletter", "Partager"],
        "label": ["Ajouter à vos sélections"],
        "list": ["Sur le même sujet", "De nouvelles pistes cyclables au centre-ville", "La querelle du stationnement"],
        "caption": ["Le vieux pont au petit matin, peu avant sa fermeture. Photo : Anne Martin/AFP"],
    },
    "es": {
        "paras": [
            "El ayuntamiento decidió el martes renovar el viejo puente sobre el río antes de que termine el año, pese a los votos en contra de la oposición municipal.",
            "Según un informe técnico, la estructura ya no es segura y el tráfico se desvía desde hace varias semanas por la carretera del norte de la ciudad.",
            "Las obras comenzarán en marzo y durarán hasta el otoño, según informó el ayuntamiento el miércoles en un comunicado enviado a la prensa.",
            "La ciudad calcula que costarán unos doce millones de euros, de los que la mayor parte pagará la región, y el resto saldrá del presupuesto municipal.",
            "Los vecinos llevaban años quejándose del ruido de los camiones que pasan por la antigua calzada.",
        ],
        "menu": ["Inicio", "Buscar", "Menú", "Iniciar sesión", "Política", "Economía", "Deportes", "Cultura", "Ciencia",
                 "Viajes", "Regiones", "Sociedad", "Vídeo", "Podcast", "Tiempo"],
        "foot": ["Aviso legal", "Política de privacidad", "Contacto", "Quiénes somos", "Newsletter", "Compartir"],
        "label": ["Publicidad"],
        "list": ["Noticias relacionadas", "Nuevos carriles bici en el centro", "La polémica del aparcamiento"],
        "caption": ["El viejo puente por la mañana, poco antes del cierre. Foto: Ana García/EFE"],
    },
}


def _page(lang: str, insert: str | None) -> str:
    t = TEXTS[lang]
    middle = t[insert] if insert else []
    # A site's footer often repeats its menu.
    return "\n".join(t["menu"] + t["paras"][:3] + middle + t["paras"][3:] + t["foot"] + t["menu"])


def _article(lang: str, insert: str | None) -> str:
    t = TEXTS[lang]
    middle = t[insert] if insert else []
    return "\n".join(t["paras"][:3] + middle + t["paras"][3:])


@pytest.mark.parametrize("lang", sorted(TEXTS))
@pytest.mark.parametrize("insert", ["label", "list", "caption"])
@pytest.mark.parametrize("build,kind", [(_page, "page"), (_article, "article")])
def test_an_insert_in_the_middle_changes_neither_the_kind_nor_the_article(lang, insert, build, kind):
    plain = clean_text(build(lang, None))
    inserted = clean_text(build(lang, insert))
    assert plain.kind == inserted.kind == kind
    paras = TEXTS[lang]["paras"]
    assert plain.body == tuple(paras)
    assert inserted.body == tuple(paras), inserted.text


@pytest.mark.parametrize("lang", sorted(TEXTS))
def test_a_page_with_many_labels_around_its_article_is_still_a_page(lang):
    assert clean_text(_page(lang, "label")).kind == "page"


def _tour_article(lang: str, insert: str | None) -> str:
    """An extracted article that is mostly a list (tour dates), with a few labels after it: at
    the edge between article and page."""
    t = TEXTS[lang]
    middle = t[insert] if insert else []
    dates = [f"{day}. {month} – {city}" for day, month, city in
             zip(range(1, 23), ["3"] * 22, ["Berlin", "Hamburg", "Köln", "Paris", "Lyon", "Madrid", "Sevilla",
                                             "Wien", "Zürich", "Bern", "Genf", "Basel", "Lille", "Nantes", "Bilbao",
                                             "Valencia", "München", "Leipzig", "Dresden", "Bremen", "Kiel", "Graz"])]
    return "\n".join(t["paras"][:2] + middle + t["paras"][2:] + dates + t["foot"][:5])


@pytest.mark.parametrize("lang", sorted(TEXTS))
@pytest.mark.parametrize("insert", ["label", "list"])
def test_one_label_in_the_middle_does_not_tip_an_article_into_a_page(lang, insert):
    plain, inserted = clean_text(_tour_article(lang, None)), clean_text(_tour_article(lang, insert))
    assert plain.kind == inserted.kind == "article"
    assert all(p in inserted.text for p in TEXTS[lang]["paras"])


def test_a_paragraph_left_by_a_cut_and_printed_again_whole_stays_once():
    # The first copy is glued to a caption by the hard-wrap rejoining; once the caption is cut
    # from it, the two copies are the same paragraph, and cleaning the output again changes nothing.
    text = ("Source: Xinhua| 2017-08-30 00:23:26|Editor: yan\nTOP STORIES\n"
            "BEIRUT (AP) – The convoy left on Monday, officials said.\n"
            "Image copyright Getty Images Image caption Rescuers search the rubble\nTOP STORIES\n"
            "BEIRUT (AP) – The convoy left on Monday, officials said.")
    once = clean_text(text).text
    assert once.count("The convoy left on Monday") == 1
    assert clean_text(once).text == once



# The article's lead under its headline and date, and a teaser's blurb, as a page prints them.
LEADS = {
    "de": "Die Stadt will die marode Brücke bis zum Herbst ersetzen. Die Opposition hält den Plan für zu teuer.",
    "fr": "La ville veut remplacer le pont vétuste d'ici l'automne. L'opposition juge le projet trop coûteux.",
    "es": "La ciudad quiere sustituir el viejo puente antes del otoño. La oposición considera el plan demasiado caro.",
}


def _edges(lang: str, model_from: int, main: tuple[int, int], flag: frozenset[int] = frozenset()):
    """The blocks `decide._prose_edges` adds to a model's stretch that opens at `model_from` of
    [menu label, date, lead, paragraphs..., footer label], the rules' main block being `main`."""
    from clean import decide, document

    t = TEXTS[lang]
    doc = document.build("\n\n".join([t["menu"][0], "12.03.2023", LEADS[lang]] + t["paras"] + [t["foot"][0]]))
    n = len(doc.blocks)
    article = [model_from <= k < n - 1 for k in range(n)]
    before = list(article)
    decide._prose_edges(doc, [k in flag for k in range(n)], main, article)
    return [k for k in range(n) if article[k] and not before[k]]


@pytest.mark.parametrize("lang", sorted(TEXTS))
def test_the_lead_that_the_rules_main_block_holds_stays_on_the_models_stretch(lang):
    assert _edges(lang, model_from=3, main=(2, 7)) == [2]


@pytest.mark.parametrize("lang", sorted(TEXTS))
def test_prose_outside_the_rules_main_block_or_named_residue_does_not(lang):
    assert _edges(lang, model_from=3, main=(3, 7)) == []  # a blurb the rules left out too
    assert _edges(lang, model_from=3, main=(2, 7), flag=frozenset({2})) == []  # a notice named by its words
    assert _edges(lang, model_from=3, main=(0, 7)) == [2]  # the date and the menu label are not prose
