"""Actor resolution: the lexicon on mention strings, and the stage on parsed articles (real spaCy)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from eventwire.actors import ActorInfo, ActorLexicon, ActorResolver, resolve_actor
from eventwire.errors import LexiconError, ProcessingError
from eventwire.model import Article, Entity, Metadata

REPORT_DATE = date(2022, 2, 23)


@pytest.fixture(scope="module")
def lexicon() -> ActorLexicon:
    return ActorLexicon.load()


@pytest.fixture(scope="module")
def nlp():
    from eventwire.nlp import load_spacy

    return load_spacy()


@pytest.fixture(scope="module")
def resolver(lexicon) -> ActorResolver:
    return ActorResolver(lexicon=lexicon)


@pytest.fixture(scope="module")
def annotate(nlp, resolver):
    def run(text: str, published: date | None = REPORT_DATE) -> Article:
        doc = nlp(text)
        article = Article(doc_id="t", text=text, meta=Metadata(published=published)).replace(
            doc=doc, entities=tuple(Entity(e.start_char, e.end_char, e.text, e.label_) for e in doc.ents)
        )
        return resolver(article)

    return run


def actor_at(article: Article, phrase: str):
    """The actor with a mention that covers the first occurrence of ``phrase``, or of its bracketed
    part: "[Moscow] saw" is "Moscow" where it is followed by "saw"."""
    start = article.text.index(phrase.replace("[", "").replace("]", ""))
    if "[" in phrase:
        start += phrase.index("[")
        end = start + phrase.index("]") - phrase.index("[") - 1
    else:
        end = start + len(phrase)
    found = [a for a in article.actors if any(m.start <= start and end <= m.end for m in a.mentions)]
    assert found, f"no actor covers {phrase!r}: {[(a.name, [m.text for m in a.mentions]) for a in article.actors]}"
    return found[0]


# --- the lexicon on mention strings -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "code", "name"),
    [
        ("Kremlin spokesman Dmitry Peskov", "RUSGOV", "Dmitry Peskov"),
        ("Peskov", "RUSGOV", "Dmitry Peskov"),
        ("Ukraine's Foreign Minister Dmytro Kuleba", "UKRGOV", "Dmytro Kuleba"),
        ("Zelensky", "UKRGOV", "Volodymyr Zelenskyy"),
        ("Volodymyr Zelenskyy", "UKRGOV", "Volodymyr Zelenskyy"),
        ("Zelenskiy", "UKRGOV", "Volodymyr Zelenskyy"),
        ("Denis Pushilin", "UKRREB", "Denis Pushilin"),
        ("Leonid Pasechnik", "UKRREB", "Leonid Pasechnik"),
        ("the Kremlin", "RUSGOV", "the Kremlin"),
        ("the White House", "USAGOV", "the White House"),
        ("the UN Security Council", "IGOUNO", "UN Security Council"),
        ("the Interfax news agency", "RUSMED", "Interfax"),
        ("UN Secretary-General Antonio Guterres", "IGOUNO", "António Guterres"),
        ("NATO chief Jens Stoltenberg", "IGOWSTNAT", "Jens Stoltenberg"),
        ("Ukrainian lawmakers", "UKRLEG", "Ukrainian lawmakers"),
        ("Russian troops", "RUSMIL", "Russian troops"),
        ("Russia's troops", "RUSMIL", "Russia's troops"),
        ("a French diplomat", "FRAGOV", "French diplomat"),
        ("Donetsk separatists", "UKRREB", "Donetsk separatists"),
        ("the Belarusian opposition", "BLROPP", "Belarusian opposition"),
        ("anti-government protesters", "OPP", "anti-government protesters"),
        ("former Ukrainian president", "UKRELI", "former Ukrainian president"),
        ("Putin's troops", "RUSMIL", "Putin's troops"),
        ("NATO troops", "IGOWSTNATMIL", "NATO troops"),
        ("US officials", "USAGOV", "US officials"),
        ("Russia's Security Council", "RUSGOV", "Security Council of Russia"),
    ],
)
def test_resolve_mentions(lexicon, text, code, name):
    info = lexicon.resolve(text, on=REPORT_DATE)
    assert info is not None and (info.code, info.name) == (code, name)


@pytest.mark.parametrize(
    ("text", "iso3"),
    [
        ("Russia", "RUS"), ("Moscow", "RUS"), ("Kiev", "UKR"), ("Kyiv", "UKR"), ("Belorussia", "BLR"),
        ("Burma", "MMR"), ("Ivory Coast", "CIV"), ("Côte d'Ivoire", "CIV"), ("the U.S.", "USA"),
        ("Crimea", "UKR"), ("Gaza", "PSE"), ("Tigray", "ETH"), ("Darfur", "SDN"), ("Kosovo", "XKX"),
        ("Taiwan", "TWN"), ("The Hague", "NLD"), ("Washington, D.C.", "USA"),
    ],
)  # fmt: skip
def test_bare_places_are_countries_without_sector(lexicon, text, iso3):
    info = lexicon.resolve(text, on=REPORT_DATE, metonymy=False)
    assert info is not None and (info.code, info.country, info.sector) == (iso3, iso3, None)


def test_capital_as_metonymy_is_the_government(lexicon):
    assert lexicon.resolve("Moscow").code == "RUSGOV"  # a mention is an actor: the capital's government
    assert lexicon.resolve("Kyiv", on=REPORT_DATE).code == "UKRGOV"
    assert resolve_actor(lexicon, "Beijing").code == "CHNGOV"
    assert lexicon.resolve("Crimea").code == "UKR"  # not a capital: a place
    assert lexicon.resolve("Moscow", metonymy=False).code == "RUS"


@pytest.mark.parametrize(
    ("text", "on", "code"),
    [
        ("Russian-backed separatists", None, "REB"),
        ("Iran-backed militias", None, "REB"),
        ("Malian junta", None, "MLIGOV"),
        ("Chinese coast guard", None, "CHNMIL"),
        ("Hemedti", "2020-05-01", "SDNGOV"),
        ("Hemedti", "2023-05-01", "SDNREB"),
        ("Zabihullah Mujahid", "2021-06-01", "AFGREB"),
        ("Zabihullah Mujahid", "2022-06-01", "AFGGOV"),
        ("Jolani", "2023-01-01", "SYRREB"),
        ("al-Sharaa", "2025-02-01", "SYRGOV"),
        ("Assad", "2025-02-01", "SYRELI"),
        ("Netanyahu", "2022-01-01", "ISROPP"),
        ("Tikhanovskaya", "2020-08-10", "BLROPP"),
        ("Navalnyy", "2021-01-01", "RUSOPP"),
        ("Kharkov", None, "UKR"),
        ("Houthi rebels", "2024-01-12", "YEMREB"),
        ("M23 rebels", "2024-02-01", "CODREB"),
    ],
)
def test_dated_mentions_across_conflicts(lexicon, text, on, code):
    info = lexicon.resolve(text, on=date.fromisoformat(on) if on else None)
    assert info is not None and info.code == code, info


@pytest.mark.parametrize(
    ("on", "code", "role"),
    [
        (date(2022, 2, 23), "USAGOV", "White House press secretary"),
        (date(2022, 5, 13), "USAGOV", "White House press secretary"),
        (date(2022, 6, 1), "USAMED", "television host and commentator"),
        (None, "USAMED", "television host and commentator"),
    ],
)
def test_roles_follow_the_report_date(lexicon, on, code, role):
    info = lexicon.resolve("Jen Psaki", on=on)
    assert (info.code, info.role) == (code, role)


def test_roles_before_and_after_office(lexicon):
    assert lexicon.resolve("Zelenskyy", on=date(2018, 6, 1)).code == "UKRCVL"
    assert lexicon.resolve("Kuleba", on=date(2020, 3, 4)).role == "Foreign Minister of Ukraine"
    after = lexicon.resolve("Kuleba", on=date(2025, 1, 1))
    assert (after.code, after.role) == ("UKRELI", "former Foreign Minister of Ukraine")
    assert lexicon.resolve("Taliban", on=date(2020, 1, 1)).code == "AFGREB"
    assert lexicon.resolve("Taliban", on=date(2022, 1, 1)).code == "AFGGOV"


def test_separatists_take_the_context_country(lexicon):
    assert lexicon.resolve("pro-Russian separatists", context_country="UKR").code == "UKRREB"
    assert lexicon.resolve("rebel forces", context_country="UKR").code == "UKRREB"
    alone = lexicon.resolve("pro-Russian separatists")
    assert (alone.code, alone.country, alone.sector) == ("REB", None, "REB")
    assert resolve_actor(lexicon, "pro-Russian separatists", context_country="UKR").code == "UKRREB"


@pytest.mark.parametrize("text", ["pro-Russian", "anti-American", "Iranian-backed"])
def test_a_patron_alone_leaves_the_context_country(lexicon, text):
    # no sector and no place named: the country of the report (this raised IndexError before)
    assert lexicon.resolve(text, context_country="UKR").code == "UKR"


@pytest.mark.parametrize("text", ["us", "who said so", "the weather", "Latin America", ""])
def test_no_actor(lexicon, text):
    assert lexicon.resolve(text) is None


def test_acronyms_match_in_capitals_only(lexicon):
    assert lexicon.resolve("WHO").code == "IGOUNOHLHWHO"
    assert lexicon.resolve("US").code == "USA"


def test_tables_cover_the_un_members(lexicon):
    assert len(lexicon.countries) >= 199
    assert {"PSE", "XKX", "TWN", "ESH", "VAT", "SSD"} <= set(lexicon.countries)
    assert {igo.code for igo in lexicon.igos} >= {"IGOUNO", "IGOWSTNAT", "IGOEUREEC", "IGOAFRAFU", "IGOBUSIMF"}


# --- user actor files --------------------------------------------------------------------------------


def test_extra_yaml_file(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text(
        "- name: Olena Testenko\n"
        "  aliases: [Testenko]\n"
        "  roles:\n"
        "    - {country: UKR, sector: LEG, role: MP, start: 2019-08-29, end: 2023-12-31}\n"
        "    - {country: UKR, sector: GOV, role: minister, start: 2024-01-01, end: null}\n",
        encoding="utf-8",
    )
    lexicon = ActorLexicon.load(extra_files=[path])
    assert lexicon.resolve("Testenko", on=date(2022, 1, 1)).code == "UKRLEG"
    assert lexicon.resolve("Testenko", on=date(2024, 6, 1)).code == "UKRGOV"
    assert lexicon.resolve("Dmitry Peskov", on=REPORT_DATE).code == "RUSGOV"  # the packaged ones stay


def test_extra_tsv_file_overrides_a_packaged_actor(tmp_path):
    path = tmp_path / "mine.tsv"
    path.write_text(
        "name\taliases\tcountry\tsector\tstart\tend\twikidata\n"
        "Dmitry Peskov\tPeskov|Mr Peskov\tRUS\tMED\t\t\t\n"
        "Ivan Example\tExample\tBLR\tOPP\t2020-01-01\t\tQ42\n",
        encoding="utf-8",
    )
    lexicon = ActorLexicon.load(extra_files=[str(path)])
    assert lexicon.resolve("Peskov", on=REPORT_DATE).code == "RUSMED"
    example = lexicon.resolve("Ivan Example", on=REPORT_DATE)
    assert (example.code, example.wikidata) == ("BLROPP", "Q42")


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("bad.yaml", "- name: X\n  roles: [{country: XYZ, sector: GOV}]\n"),
        ("bad.yaml", "- name: X\n  roles: [{country: RUS, sector: WIZ}]\n"),
        ("bad.yaml", "- name: X\n  roles: [{country: RUS, start: 2022-13-45}]\n"),
        ("bad.yaml", "- name: X\n  roles: [{country: RUS, start: 2022-01-02, end: 2021-01-01}]\n"),
        ("bad.yaml", "- name: X\n  colour: blue\n"),
        ("bad.yaml", "- {aliases: [nameless]}\n"),
        ("bad.yaml", "name: [unclosed\n"),
        ("bad.yaml", "just a string\n"),
        ("bad.yaml", "- name: X\n  wikidata: 42\n"),
        ("bad.tsv", "X\t\tRUS\tGOV\t\t\t\textra\n"),
        ("bad.tsv", "X\t\tRUS\tGOV\tyesterday\t\t\n"),
        ("bad.csv", "name,aliases\n"),
    ],
)
def test_malformed_extra_files(tmp_path, name, content):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(LexiconError):
        ActorLexicon.load(extra_files=[path])


def test_missing_extra_file(tmp_path):
    with pytest.raises(LexiconError):
        ActorLexicon.load(extra_files=[tmp_path / "absent.yaml"])


# --- the stage on parsed articles --------------------------------------------------------------------


def test_stage_declares_its_layers(resolver):
    assert resolver.name == "actors"
    assert resolver.requires == frozenset({"doc", "entities"})
    assert resolver.provides == frozenset({"actors"})


def test_stage_needs_a_doc(resolver):
    with pytest.raises(ProcessingError):
        resolver(Article(doc_id="t", text="Russia said so."))


KREMLIN_TEXT = (
    "Kremlin spokesman Dmitry Peskov told the Interfax news agency on Tuesday that Moscow saw no reason "
    "for panic. Peskov also said the Kremlin would study the proposal.\n\n"
    "In Kyiv, Ukraine's Foreign Minister Dmytro Kuleba rejected the offer, while Ukrainian lawmakers "
    "voted for a state of emergency. Russian troops remained near the border."
)


def test_kremlin_report(annotate):
    article = annotate(KREMLIN_TEXT)
    peskov = actor_at(article, "Dmitry Peskov")
    assert (peskov.name, peskov.code, peskov.country, peskov.sector) == ("Dmitry Peskov", "RUSGOV", "RUS", "GOV")
    assert peskov.mentions[0].text == "Kremlin spokesman Dmitry Peskov"
    assert [m.text for m in peskov.mentions] == ["Kremlin spokesman Dmitry Peskov", "Peskov"]  # surname alone
    assert actor_at(article, "Interfax").code == "RUSMED"
    assert actor_at(article, "news agency").name == "Interfax"
    assert actor_at(article, "[Moscow] saw").code == "RUSGOV"
    assert actor_at(article, "the [Kremlin] would").code == "RUSGOV"
    kuleba = actor_at(article, "Dmytro Kuleba")
    assert (kuleba.name, kuleba.code) == ("Dmytro Kuleba", "UKRGOV")
    assert actor_at(article, "Foreign Minister").id == kuleba.id
    assert actor_at(article, "lawmakers").code == "UKRLEG"
    assert actor_at(article, "troops").code == "RUSMIL"
    assert not any(a.code == "UKR" and "Kyiv" in [m.text for m in a.mentions] for a in article.actors)  # a place


@pytest.mark.parametrize(
    ("text", "phrase", "code"),
    [
        ("Hamas official Basem Naim said the group rejected the offer.", "Basem Naim", "PSEREB"),
        ("Russia's Investigative Committee opened a case.", "Investigative Committee", "RUS"),
        ("Israeli settlers attacked a village near Nablus.", "settlers", "ISRCVL"),
        ("Gang members set fire to houses in Port-au-Prince.", "Gang members", "HTICRM"),
        ("Senior Hungarian and Romanian officials met in Vienna.", "Hungarian", "HUNGOV"),
        ("Senior Hungarian and Romanian officials met in Vienna.", "Romanian officials", "ROUGOV"),
    ],
)
def test_stage_codes_groups_and_unknown_people(annotate, text, phrase, code):
    assert actor_at(annotate(text), phrase).code == code


def test_ids_follow_first_mentions_and_offsets_are_exact(annotate):
    article = annotate(KREMLIN_TEXT)
    assert [a.id for a in article.actors] == [f"a{i}" for i in range(1, len(article.actors) + 1)]
    firsts = [a.mentions[0].start for a in article.actors]
    assert firsts == sorted(firsts)
    for actor in article.actors:
        assert list(actor.mentions) == sorted(actor.mentions, key=lambda m: m.start)
        for mention in actor.mentions:
            assert article.text[mention.start : mention.end] == mention.text


def test_separatist_leaders_in_ukraine(annotate):
    article = annotate(
        "Pro-Russian separatist leaders in the Donbas region of eastern Ukraine asked Moscow for help on "
        "Wednesday. Denis Pushilin, who heads the self-proclaimed Donetsk People's Republic, said rebel "
        "forces were ready. The two rebel leaders also met Zelensky's envoy."
    )
    leaders = actor_at(article, "[leaders] in")
    assert (leaders.code, leaders.country, leaders.sector) == ("UKRREB", "UKR", "REB")
    assert leaders.mentions[0].text == "Pro-Russian separatist leaders"
    assert actor_at(article, "rebel forces").code == "UKRREB"
    assert actor_at(article, "two rebel leaders").id == leaders.id
    assert actor_at(article, "Denis Pushilin").code == "UKRREB"
    assert actor_at(article, "Donetsk People's Republic").code == "UKRREB"
    assert actor_at(article, "Moscow").code == "RUSGOV"  # "asked Moscow": the government, not the city


def test_psaki_changes_sector_with_the_date(annotate):
    text = "White House press secretary Jen Psaki told reporters Washington would respond. Psaki spoke briefly."
    before = annotate(text, published=date(2022, 2, 23))
    after = annotate(text, published=date(2022, 6, 1))
    assert actor_at(before, "Jen Psaki").code == "USAGOV"
    assert actor_at(after, "Jen Psaki").code == "USAMED"
    psaki = actor_at(before, "Jen Psaki")
    assert [m.text for m in psaki.mentions] == ["White House press secretary Jen Psaki", "Psaki"]


@pytest.mark.parametrize("spelling", ["Zelensky", "Zelenskyy", "Volodymyr Zelenskyy", "Volodymyr Zelensky"])
def test_zelenskyy_spellings(annotate, spelling):
    article = annotate(f"{spelling} met soldiers in Kiev on Monday, and Kyiv later thanked its allies.")
    president = actor_at(article, spelling)
    assert (president.name, president.code, president.wikidata) == ("Volodymyr Zelenskyy", "UKRGOV", "Q3874799")
    assert actor_at(article, "[Kyiv] later").code == "UKRGOV"


def test_un_security_council_and_igos(annotate):
    article = annotate(
        "The UN Security Council held an emergency meeting. NATO Secretary General Jens Stoltenberg said "
        "the alliance would protect its members, and the European Union prepared sanctions."
    )
    council = actor_at(article, "Security Council")
    assert (council.name, council.code, council.country) == ("UN Security Council", "IGOUNO", "IGO")
    assert actor_at(article, "Jens Stoltenberg").code == "IGOWSTNAT"
    assert actor_at(article, "European Union").code == "IGOEUREEC"


def test_unknown_people_with_titles_and_surnames(annotate):
    article = annotate(
        "A French diplomat said talks were over. Marie Fontclaire, a Belgian official, disagreed. "
        "Fontclaire said Brussels wanted more time."
    )
    assert actor_at(article, "French diplomat").code == "FRAGOV"
    fontclaire = actor_at(article, "Marie Fontclaire")
    assert fontclaire.code == "BELGOV"
    assert actor_at(article, "[Fontclaire] said").id == fontclaire.id


def test_countries_merge_and_nationality_modifiers_are_not_actors(annotate):
    article = annotate(
        "Russia recognised the two regions. Russian gas prices rose, and Russia's decision angered Germany."
    )
    russia = actor_at(article, "[Russia] recognised")
    assert (russia.name, russia.code, russia.sector) == ("Russia", "RUS", None)
    assert actor_at(article, "[Russia]'s").id == russia.id
    assert not any("Russian gas" in m.text for a in article.actors for m in a.mentions)
    assert actor_at(article, "Germany").code == "DEU"


def test_actorinfo_is_frozen():
    info = ActorInfo("Russia", "RUS", "RUS", None)
    with pytest.raises(AttributeError):
        info.code = "UKR"  # type: ignore[misc]


def test_a_relative_of_a_known_person_is_someone_else(annotate):
    article = annotate("Hunter Biden testified on Monday. Joe Biden did not comment.")
    hunter = actor_at(article, "Hunter Biden")
    assert hunter.name == "Hunter Biden" and hunter.code is None
    assert actor_at(article, "Joe Biden").name == "Joe Biden"


def test_no_actors_and_no_date(annotate):
    assert annotate("It rained all day and the river rose.").actors == ()
    article = annotate("Jen Psaki and Russia\u2019s troops were in the news.", published=None)
    assert actor_at(article, "Jen Psaki").code == "USAMED"  # no date: the latest role
    assert actor_at(article, "troops").code == "RUSMIL"  # a curly apostrophe


# --- context, coreference and the DW sample ----------------------------------------------------------


def test_groups_and_titles_take_the_report_country(annotate):
    article = annotate(
        "Ukraine declared a state of emergency on Wednesday. Under the decree authorities may close "
        "roads, check documents and suspend public events. "
        "Kyiv said residents of Ukraine should stay calm."
    )
    assert actor_at(article, "authorities").code == "UKRGOV"
    assert actor_at(article, "residents").code == "UKRCVL"
    assert not any("ban" in m.text for a in article.actors for m in a.mentions)  # a misparse, not a party
    assert actor_at(annotate("Zimbabwe held a vote. President Tendai Moyo spoke."), "President Tendai Moyo").code == "ZWEGOV"
    three = annotate("Zimbabwe and Azerbaijan voted on Sunday. The president of Armenia did not.")
    assert actor_at(three, "The [president] of").code == "ARMGOV"  # no country dominates: the one it is of


def test_a_human_rights_group_keeps_no_country(annotate):
    article = annotate("Russia rejected the report. A human rights group said Russia was wrong.")
    group = actor_at(article, "human rights group")
    assert (group.country, group.sector) == (None, "NGO")


@pytest.mark.parametrize(
    ("text", "phrase", "code"),
    [
        ("Israel rejected an Indian proposal on Monday.", "Indian", "IND"),
        ("Lebanon complained about two Israeli air raids.", "Israeli", "ISR"),
        ("North Korea tried to break into laptops used by South Korean army officers.", "army", "KORMIL"),
        ("Ethnic Albanians in southern Serbia protested.", "Albanians", "SRBCVL"),
        ("The White House said the rebels' request was a false flag.", "rebels", "REB"),
        ("Russian gas prices rose sharply.", None, None),
    ],
)
def test_acts_ethnic_groups_and_possessives(annotate, text, phrase, code):
    article = annotate(text)
    if phrase is None:
        assert not any("Russian" in m.text for a in article.actors for m in a.mentions)
        return
    assert actor_at(article, phrase).code == code


def test_a_doubled_surname_is_the_same_person(annotate):
    article = annotate("TASS cited Kremlin spokesman Dmitry Peskov Peskov, who said a reply would follow.")
    peskov = actor_at(article, "Dmitry Peskov Peskov")
    assert (peskov.name, peskov.code) == ("Dmitry Peskov", "RUSGOV")


COREF_TEXT = (
    "Denis Pushilin and Leonid Pasechnik, who lead the separatist republics of Donetsk and Luhansk, sought "
    "support. The two rebel leaders phoned Putin to tell him that artillery had hit a school. "
    "Separatist forces said they would guard their own checkpoints. "
    "The heads of both DPR and LPR then blamed Ukraine for cutting the water supply."
)


def test_the_two_leaders_and_pronouns_point_back(annotate):
    article = annotate(COREF_TEXT)
    pushilin, pasechnik = actor_at(article, "Denis Pushilin"), actor_at(article, "Leonid Pasechnik")
    for phrase in ("two rebel leaders", "The [heads] of both DPR"):
        start = article.text.index(phrase.replace("[", "").replace("]", "")) + (phrase.index("[") if "[" in phrase else 0)
        for actor in (pushilin, pasechnik):
            assert any(m.start <= start < m.end for m in actor.mentions), (phrase, actor.name)
    putin = actor_at(article, "Putin")
    assert actor_at(article, "tell [him]").id == putin.id
    forces = actor_at(article, "Separatist forces")
    assert actor_at(article, "said [they]").id == forces.id
    assert actor_at(article, "[their] own").id == forces.id


def test_pronouns_without_an_antecedent_are_not_actors(annotate):
    article = annotate("He said it would rain. They agreed.")
    assert article.actors == ()


DW_SAMPLE = Path(__file__).resolve().parent.parent.parent / "shared" / "samples" / "dw-2022-02-23-donbas-separatists.txt"


@pytest.fixture(scope="module")
def dw_article() -> Article:
    if not DW_SAMPLE.exists():
        pytest.skip("../shared/samples is not beside the checkout")
    from eventwire.runner import extract

    [result] = list(extract([str(DW_SAMPLE)], workers=1))
    assert isinstance(result, Article), result
    return result


@pytest.mark.parametrize(
    ("phrase", "name", "code"),
    [
        ("Kremlin spokesman Dmitry Peskov", "Dmitry Peskov", "RUSGOV"),
        ("Dmitry Peskov Peskov", "Dmitry Peskov", "RUSGOV"),
        ("according to [Peskov]", "Dmitry Peskov", "RUSGOV"),
        ("Dmytro Kuleba", "Dmytro Kuleba", "UKRGOV"),
        ("Denis Pushilin", "Denis Pushilin", "UKRREB"),
        ("Leonid Pasechnik", "Leonid Pasechnik", "UKRREB"),
        ("Volodymyr Zelensky", "Volodymyr Zelenskyy", "UKRGOV"),
        ("The [White House] said", "the White House", "USAGOV"),
        ("Jen Psaki", "Jen Psaki", "USAGOV"),
        ("Interfax news agency", "Interfax", "RUSMED"),
        ("UN Security Council", "UN Security Council", "IGOUNO"),
        ("President Vladimir Putin", "Vladimir Putin", "RUSGOV"),
        ("Ukrainian lawmakers", "Ukrainian lawmakers", "UKRLEG"),
    ],
)
def test_dw_sample_actors_resolve(dw_article, phrase, name, code):
    actor = actor_at(dw_article, phrase)
    assert (actor.name, actor.code) == (name, code)


def test_dw_sample_coreference(dw_article):
    pushilin = actor_at(dw_article, "Denis Pushilin")
    separatists = actor_at(dw_article, "Pro-Russian separatist leaders")
    assert separatists.code == "UKRREB"
    assert actor_at(dw_article, "two rebel leaders").id == pushilin.id
    assert actor_at(dw_article, "The [heads] of the DPR").id == pushilin.id
    assert actor_at(dw_article, "the [rebels]' request").code == "UKRREB"
    assert actor_at(dw_article, "tell [him]").name == "Vladimir Putin"
    assert not any(a.code and a.code.endswith("PTY") for a in dw_article.actors)
    events = [e for e in dw_article.events if e.source and e.source.span.text.lower() in ("they", "he", "him")]
    assert all(e.source.actor for e in events)


@pytest.mark.parametrize(
    "text",
    [
        "Hundreds of protesters gathered in central Bolton on Saturday.",  # a lexicon surname, and a PERSON entity
        "Hundreds of protesters gathered outside Bolton on Saturday.",
        "Police said the crash happened near Kessler overnight.",  # an unknown one-word PERSON entity
    ],
)
def test_a_surname_after_in_is_a_place(annotate, text):
    article = annotate(text)
    name = text.split()[-3]
    assert not any(name in m.text for a in article.actors for m in a.mentions), [(a.name, a.mentions) for a in article.actors]


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Trump attacked Bolton's memoir on Monday.", "Bolton"),
        ("Trump fired Bolton on Tuesday.", "Bolton"),
        ("Few had confidence in John Bolton.", "John Bolton"),
    ],
)
def test_a_surname_elsewhere_is_the_person(annotate, text, phrase):
    assert actor_at(annotate(text), phrase).name == "John Bolton"
