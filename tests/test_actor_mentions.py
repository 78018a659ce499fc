"""Dated mentions across conflicts, through the real nlp and actors stages: each mention's actor must
have the right country and sector for the report's date. Written for eventwire (not an evaluation set:
a regression guard over the kinds of mention the lexicon and the stage must handle)."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.pipeline import Pipeline, PipelineConfig
from eventwire.runner import extract_text

MENTIONS = [
    ("2022-02-23","The Ukrainian president said the country would defend itself.","The Ukrainian president","UKR","GOV"),
    ("2022-06-01","Jen Psaki said on MSNBC that the war would be long.","Jen Psaki","USA","MED"),
    ("2022-03-01","Jen Psaki told reporters the sanctions would bite.","Jen Psaki","USA","GOV"),
    ("2021-05-01","The Taliban attacked a checkpoint in Helmand.","The Taliban","AFG","REB"),
    ("2022-05-01","The Taliban banned girls from secondary schools.","The Taliban","AFG","GOV"),
    ("2023-05-01","The Rapid Support Forces shelled Khartoum.","The Rapid Support Forces","SDN","REB"),
    ("2023-05-01","The Sudanese army bombed positions in Omdurman.","The Sudanese army","SDN","MIL"),
    ("2022-10-10","Russian troops shelled Kharkiv overnight.","Russian troops","RUS","MIL"),
    ("2022-10-10","Ukrainian lawmakers voted to ban the party.","Ukrainian lawmakers","UKR","LEG"),
    ("2022-02-23","Pro-Russian separatists fired on Ukrainian positions.","Pro-Russian separatists","UKR","REB"),
    ("2023-03-07","Protesters in Tbilisi clashed with police.","Protesters","GEO","CVL"),
    ("2023-03-07","Georgian police used water cannon against protesters.","Georgian police","GEO","COP"),
    ("2022-03-10","The Kremlin rejected the accusation.","The Kremlin","RUS","GOV"),
    ("2022-03-10","Moscow warned Washington against sending more weapons.","Moscow","RUS","GOV"),
    ("2022-03-10","Moscow warned Washington against sending more weapons.","Washington","USA","GOV"),
    ("2023-10-10","Hamas militants fired rockets at Israel.","Hamas militants","PSE","REB"),
    ("2023-10-20","Israeli soldiers raided the camp.","Israeli soldiers","ISR","MIL"),
    ("2023-10-20","The Israeli prime minister vowed to crush Hamas.","The Israeli prime minister","ISR","GOV"),
    ("2024-01-12","Houthi rebels attacked a cargo ship in the Red Sea.","Houthi rebels","YEM","REB"),
    ("2024-01-12","The Iranian foreign minister condemned the strikes.","The Iranian foreign minister","IRN","GOV"),
    ("2021-03-01","The Myanmar junta arrested dozens of protesters.","The Myanmar junta","MMR","GOV"),
    ("2021-03-01","Myanmar security forces opened fire on protesters.","Myanmar security forces","MMR","COP"),
    ("2020-11-05","Tigrayan forces attacked a federal army base.","Tigrayan forces","ETH","REB"),
    ("2020-10-05","Azerbaijani forces shelled Stepanakert.","Azerbaijani forces","AZE","MIL"),
    ("2021-01-20","Armenian Prime Minister Nikol Pashinyan met Putin.","Nikol Pashinyan","ARM","GOV"),
    ("2019-02-01","Venezuelan opposition leader Juan Guaido called for protests.","Juan Guaido","VEN","OPP"),
    ("2020-09-01","Belarusian opposition leader Sviatlana Tsikhanouskaya met EU ministers.","Sviatlana Tsikhanouskaya","BLR","OPP"),
    ("2021-02-02","A Moscow court jailed Alexei Navalny.","Alexei Navalny","RUS","OPP"),
    ("2021-02-02","A Moscow court jailed Alexei Navalny.","A Moscow court","RUS","JUD"),
    ("2022-01-01","North Korean state media said the test was a success.","North Korean state media","PRK","MED"),
    ("2023-08-01","The Chinese defence ministry criticised the drills.","The Chinese defence ministry","CHN","GOV"),
    ("2023-08-01","Chinese warships sailed near Taiwan.","Chinese warships","CHN","MIL"),
    ("2022-11-01","Iran's Revolutionary Guards arrested protesters.","Iran's Revolutionary Guards","IRN","MIL"),
    ("2022-02-24","The Russian defence minister ordered the advance.","The Russian defence minister","RUS","GOV"),
    ("2022-02-24","The US secretary of state spoke with Kuleba.","The US secretary of state","USA","GOV"),
    ("2024-12-10","Syrian rebels entered Damascus.","Syrian rebels","SYR","REB"),
    ("2025-02-01","Syria's new interim president Ahmed al-Sharaa visited Riyadh.","Ahmed al-Sharaa","SYR","GOV"),
    ("2023-07-01","Malian soldiers and Wagner fighters killed civilians.","Malian soldiers","MLI","MIL"),
    ("2023-07-01","Al-Shabaab fighters attacked a base in Somalia.","Al-Shabaab fighters","SOM","REB"),
    ("2022-09-01","The UN nuclear watchdog visited the plant.","The UN nuclear watchdog","IGO",""),
    ("2022-09-01","The Turkish president offered to mediate.","The Turkish president","TUR","GOV"),
    ("2022-09-01","The Belarusian leader met Putin in Sochi.","The Belarusian leader","BLR","GOV"),
    ("2022-09-01","The German chancellor visited Kyiv.","The German chancellor","DEU","GOV"),
    ("2018-09-01","The German chancellor visited Kyiv.","The German chancellor","DEU","GOV"),
    ("2022-09-01","Palestinian gunmen opened fire on a bus.","Palestinian gunmen","PSE","UAF"),
    ("2022-09-01","Ethiopian federal troops entered Mekelle.","Ethiopian federal troops","ETH","MIL"),
    ("2022-09-01","Former president Donald Trump criticised Biden.","Donald Trump","USA","ELI"),
    ("2019-09-01","President Donald Trump criticised Biden.","Donald Trump","USA","GOV"),
    ("2022-09-01","Ukraine's foreign minister said Kyiv needed more air defence.","Ukraine's foreign minister","UKR","GOV"),
    ("2022-09-01","Kenyan police fired tear gas at demonstrators.","Kenyan police","KEN","COP"),
    ("2022-09-01","Kenyan police fired tear gas at demonstrators.","demonstrators","KEN","CVL"),
    ("2022-09-01","Russian state television reported the strike.","Russian state television","RUS","MED"),
    ("2022-09-01","The Ukrainian military said it downed 20 drones.","The Ukrainian military","UKR","MIL"),
    ("2022-09-01","Russia's top prosecutor opened a case.","Russia's top prosecutor","RUS","JUD"),
    ("2022-09-01","Ukrainian refugees crossed into Poland.","Ukrainian refugees","UKR","REF"),
    ("2022-09-01","Polish border guards stopped the migrants.","Polish border guards","POL","COP"),
]


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline.from_config(PipelineConfig(stages=("nlp", "actors")))


@pytest.mark.parametrize(("day", "text", "mention", "country", "sector"), MENTIONS)
def test_dated_mention(pipeline, day, text, mention, country, sector):
    article = extract_text(text, published=date.fromisoformat(day), pipeline=pipeline)
    start = text.index(mention)
    end = start + len(mention)
    found = [a for a in article.actors if any(m.start < end and m.end > start for m in a.mentions)]
    assert found, f"no actor for {mention!r}"
    assert (found[0].country, found[0].sector or "") == (country, sector)
