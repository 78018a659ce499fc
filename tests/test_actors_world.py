"""The second packaged actor dictionary (data/actors_world.yaml): dated office holders and armed groups
of many more countries, resolved through the packaged lexicon."""

from __future__ import annotations

import importlib.resources
from datetime import date

import pytest
import yaml

from eventwire.actor_lexicon import ActorLexicon
from eventwire.actor_lint import lint_actor_file
from eventwire.actors import resolve_actor


@pytest.fixture(scope="module")
def lexicon() -> ActorLexicon:
    return ActorLexicon.load()


def _entries(name: str) -> list[dict]:
    text = (importlib.resources.files("eventwire") / "data" / name).read_text(encoding="utf-8")
    return yaml.safe_load(text)


@pytest.mark.parametrize(
    ("mention", "on", "code", "name"),
    [
        # heads of government on a date, and the former office holder after it (ELI)
        ("Prime Minister Sheikh Hasina", date(2023, 1, 10), "BGDGOV", "Sheikh Hasina"),
        ("Hasina", date(2025, 2, 1), "BGDELI", "Sheikh Hasina"),
        ("Muhammad Yunus", date(2025, 2, 1), "BGDGOV", "Muhammad Yunus"),
        ("Prachanda", date(2023, 6, 1), "NPLGOV", "Pushpa Kamal Dahal"),
        ("Ranil Wickremesinghe", date(2023, 3, 1), "LKAGOV", "Ranil Wickremesinghe"),
        ("Prayuth Chan-ocha", date(2014, 3, 1), "THAMIL", "Prayut Chan-o-cha"),
        ("Prayut", date(2019, 5, 1), "THAGOV", "Prayut Chan-o-cha"),
        ("Jokowi", date(2020, 1, 1), "IDNGOV", "Joko Widodo"),
        # trade unions and movements by their initials: the country of a protest report without one
        ("CCOO", date(2022, 2, 1), "ESPLAB", "Comisiones Obreras"),
        ("UGT", date(2022, 2, 1), "ESPLAB", "Unión General de Trabajadores"),
        ("CFDT", date(2022, 2, 1), "FRALAB", "Confédération française démocratique du travail"),
        ("CONAIE", date(2022, 6, 1), "ECUCVL", "Confederation of Indigenous Nationalities of Ecuador"),
        ("Prabowo Subianto", date(2017, 1, 1), "IDNOPP", "Prabowo Subianto"),
        ("Kang Kyung-wha", date(2019, 1, 1), "KORGOV", "Kang Kyung-wha"),
        ("Han Duck-soo", date(2025, 4, 1), "KORGOV", "Han Duck-soo"),
        ("Aleksandar Vulin", date(2019, 1, 1), "SRBGOV", "Aleksandar Vulin"),
        ("Djukanovic", date(2020, 1, 1), "MNEGOV", "Milo Đukanović"),
        ("Jaroslaw Kaczynski", date(2014, 1, 1), "POLOPP", "Jarosław Kaczyński"),
        ("Jaroslaw Kaczynski", date(2021, 1, 1), "POLGOV", "Jarosław Kaczyński"),
        ("Lars Lokke Rasmussen", date(2023, 6, 1), "DNKGOV", "Lars Løkke Rasmussen"),
        ("Ana Brnabić", date(2022, 1, 1), "SRBGOV", "Ana Brnabić"),
        ("Iván Duque", date(2020, 1, 1), "COLGOV", "Iván Duque"),
        ("Michel Temer", date(2016, 6, 1), "BRAGOV", "Michel Temer"),
        ("Rached Ghannouchi", date(2022, 1, 1), "TUNOPP", "Rached Ghannouchi"),
        ("Nechirvan Barzani", date(2020, 1, 1), "IRQGOV", "Nechirvan Barzani"),
        ("Mahdi al-Mashat", date(2020, 1, 1), "YEMREB", "Mahdi al-Mashat"),
        ("Raila Odinga", date(2016, 1, 1), "KENOPP", "Raila Odinga"),
        ("Bassirou Diomaye Faye", date(2024, 6, 1), "SENGOV", "Bassirou Diomaye Faye"),
        ("Ousmane Sonko", date(2023, 6, 1), "SENOPP", "Ousmane Sonko"),
        # armed groups, with their changes of status
        ("SPLM-IO", date(2016, 7, 10), "SSDREB", "SPLM-IO"),
        ("SPLM-IO", date(2021, 1, 1), "SSDOPP", "SPLM-IO"),
        ("CODECO", date(2022, 5, 1), "CODREB", "CODECO"),
        ("Gulf Clan", date(2023, 1, 1), "COLCRM", "Clan del Golfo"),
        ("the Jalisco New Generation Cartel", date(2023, 1, 1), "MEXCRM", "Jalisco New Generation Cartel"),
        ("Tren de Aragua", date(2024, 1, 1), "VENCRM", "Tren de Aragua"),
        ("Mara Salvatrucha", date(2022, 1, 1), "SLVCRM", "MS-13"),
        ("Viv Ansanm", date(2024, 3, 1), "HTICRM", "Viv Ansanm"),
        ("Ambazonian separatists", date(2019, 1, 1), "CMRREB", "Ambazonia Defence Forces"),
        ("anti-balaka", date(2014, 2, 1), "CAFREB", "Anti-balaka"),
        ("Balochistan Liberation Army", date(2024, 8, 26), "PAKREB", "Balochistan Liberation Army"),
        ("New People's Army", date(2018, 1, 1), "PHLREB", "New People's Army"),
        ("Abu Sayyaf", date(2016, 1, 1), "PHLREB", "Abu Sayyaf"),
        ("the Kurdistan Regional Government", date(2017, 9, 25), "IRQGOV", "Kurdistan Regional Government"),
        ("Janjaweed", date(2004, 6, 1), "SDNREB", "Janjaweed"),
        ("Azawad Liberation Front", date(2025, 1, 1), "MLIREB", "Azawad Liberation Front"),
        ("Ansar al-Sunna", date(2021, 3, 24), "MOZREB", "Ansar al-Sunna"),
    ],
)  # fmt: skip
def test_world_actor_is_coded_for_the_date(lexicon, mention, on, code, name):
    info = resolve_actor(lexicon, mention, on=on)
    assert info is not None
    assert (info.name, info.code) == (name, code)


@pytest.mark.parametrize(
    ("mention", "on", "name"),
    [
        # an office handed over: the holder on each side of the date
        ("Shavkat Mirziyoyev", date(2015, 1, 1), "Prime Minister of Uzbekistan"),
        ("Shavkat Mirziyoyev", date(2018, 1, 1), "President of Uzbekistan"),
        ("Sebastian Kurz", date(2016, 1, 1), "Foreign Minister of Austria"),
        ("Sebastian Kurz", date(2018, 6, 1), "Chancellor of Austria"),
    ],
)
def test_world_actor_role_changes_with_the_date(lexicon, mention, on, name):
    assert resolve_actor(lexicon, mention, on=on).role == name


def test_world_entries_do_not_replace_packaged_ones():
    packaged = {entry["name"] for entry in _entries("actors.yaml")}
    world = [entry["name"] for entry in _entries("actors_world.yaml")]
    assert len(world) == len(set(world))
    assert packaged.isdisjoint(world)


def test_world_file_lints_without_errors(lexicon):
    path = importlib.resources.files("eventwire") / "data" / "actors_world.yaml"
    issues = lint_actor_file(str(path), lexicon=lexicon)
    errors = [issue for issue in issues if issue.level == "error"]
    assert errors == []
    # warnings other than "replaces the packaged actor" (the file is itself packaged) are real problems
    assert [str(i) for i in issues if "replaces the packaged actor" not in i.message] == []
