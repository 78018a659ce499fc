"""Statements: sources, cues, contents, medium, via and disputes, through the real pipeline; the
``eventwire claims`` command against a real DuckDB file."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from eventwire.model import Article, Statement
from eventwire.pipeline import Pipeline, PipelineConfig
from eventwire.runner import extract, extract_text

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT.parent / "shared/samples/dw-2022-02-23-donbas-separatists.txt"
EVENTWIRE = Path(sys.executable).parent / "eventwire"


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline.from_config(PipelineConfig(stages=("nlp", "actors", "events", "statements")))


def statements_of(pipeline: Pipeline, text: str, *, source: str | None = None) -> tuple[Article, list[Statement]]:
    article = extract_text(text, published=date(2022, 2, 24), source=source, pipeline=pipeline)
    return article, list(article.statements)


def only(statements: list[Statement], cue: str) -> Statement:
    found = [s for s in statements if s.cue.text == cue]
    assert len(found) == 1, [s.cue.text for s in statements]
    return found[0]


def test_statements_stage_is_in_the_default_pipeline():
    assert "statements" in PipelineConfig().stages


@pytest.mark.parametrize(
    "text, source, cue, content",
    [
        (
            "The minister said that the talks had failed.",
            "The minister", "said", ("that the talks had failed",),
        ),
        (
            "“We will not retreat,” the general told reporters.",
            "the general", "told", ("“We will not retreat,”",),
        ),
        (
            "Trump, who spoke in Ohio, has also said that the deal is bad.",
            "Trump", "has also said", ("that the deal is bad",),
        ),
        (
            "According to the ministry, three soldiers were wounded.",
            "the ministry", "According to", ("three soldiers were wounded",),
        ),
        (
            "The senator is calling for an end to the strikes.",
            "The senator", "is calling for", ("an end to the strikes",),
        ),
        (
            "Clinton, a Democrat, said that the plan would fail.",
            "Clinton, a Democrat,", "said", ("that the plan would fail",),
        ),
        (
            "The meeting ran past midnight.\n\nMore from Okafor: “A river crossing is only the first step for us.”",
            "Okafor", ":", ("“A river crossing is only the first step for us.”",),
        ),
        (
            "The reporter Anna Berg says:\n\n“Well, the attackers were armed and there were many of them.”",
            "The reporter Anna Berg", "says:", ("“Well, the attackers were armed and there were many of them.”",),
        ),
    ],
)
def test_source_cue_and_content_spans(pipeline, text, source, cue, content):
    article, statements = statements_of(pipeline, text)
    statement = only(statements, cue)
    assert statement.source is not None and statement.source.span.text == source
    assert tuple(c.text for c in statement.content) == content
    for span in (statement.cue, statement.source.span, *statement.content):
        assert article.text[span.start : span.end] == span.text


def test_a_raising_verb_keeps_its_subject_in_the_content(pipeline):
    _, statements = statements_of(pipeline, "The voters seem to be unanimous in their belief.")
    statement = only(statements, "seem")
    assert statement.source is None
    assert tuple(c.text for c in statement.content) == ("The voters", "to be unanimous in their belief")


def test_a_quote_interrupted_by_its_cue_has_two_content_spans(pipeline):
    text = "“The harbour needs new cranes,” Lindqvist said, “and the city should pay for them.”"
    _, statements = statements_of(pipeline, text)
    statement = only(statements, "said")
    assert [c.text for c in statement.content] == ["“The harbour needs new cranes,”", "“and the city should pay for them.”"]


@pytest.mark.parametrize(
    "text",
    [
        "“The army is ready,” the minister said.\n\n“Nobody should doubt it.”",
        # a long credit between the two quotations
        "“The army is ready,” said the minister, who spoke to reporters in Kyiv on Monday after a meeting with the "
        "commanders of the units in the east. “Nobody should doubt it.”",
    ],
)
def test_a_quote_running_on_after_its_credit_joins_the_statement(pipeline, text):
    _, statements = statements_of(pipeline, text)
    statement = only(statements, "said")
    assert [c.text for c in statement.content] == ["“The army is ready,”", "“Nobody should doubt it.”"]


def test_a_quotation_after_a_colon_line_is_a_statement_of_its_own(pipeline):
    text = "“The army is ready,” the minister said. “Nobody should doubt it.”\n\nThe minister continued:\n\n“We will win.”"
    _, statements = statements_of(pipeline, text)
    said = only(statements, "said")
    assert [c.text for c in said.content] == ["“The army is ready,”", "“Nobody should doubt it.”"]


@pytest.mark.parametrize(
    "text, source",
    [
        ('"The figures do not add up," Marta K. Oyelaran III, an analyst at Harbor Bank, said on Twitter.', "Marta K. Oyelaran III, an analyst at Harbor Bank,"),
        ('She appeared on "Morning Desk." "We waited," Sen. Dana Whitfield (Ore.), who chairs the panel, said.', "Sen. Dana Whitfield (Ore.)"),
    ],
)
def test_a_closing_quotation_mark_is_no_part_of_the_source(pipeline, text, source):
    _, statements = statements_of(pipeline, text)
    assert any(s.source.span.text.startswith(source) for s in statements if s.source is not None)


def test_a_transcript_turn_is_its_paragraphs_up_to_the_next_turn(pipeline):
    text = (
        "The mayor spoke to a local radio station on Friday. Partial transcript as follows:\n\n"
        "MORALES: You backed the new tram line. Some shop owners are unhappy.\n\n"
        "What do you tell them?\n\n"
        "BRANDT: Well, I expect the tram to bring them more customers.\n\n"
        "MORALES: Thank you, Mayor."
    )
    _, statements = statements_of(pipeline, text)
    turns = [s for s in statements if s.cue.text == ":"]
    assert [(s.source.span.text, [c.text for c in s.content]) for s in turns] == [
        ("MORALES", ["You backed the new tram line. Some shop owners are unhappy.", "What do you tell them?"]),
        ("BRANDT", ["Well, I expect the tram to bring them more customers."]),
        ("MORALES", ["Thank you, Mayor."]),
    ]


@pytest.mark.parametrize(
    "text, source, content",
    [
        ("“The new bridge changed my whole commute.” ― Tomasz Weller\n“Relief.” ― Priya N. Castellano Ruiz.", "Tomasz Weller", "“The new bridge changed my whole commute.”"),
        ("“Relief. I finally sleep well.” ― Priya N. Castellano Ruiz.\nMore voices below.", "Priya N. Castellano Ruiz", "“Relief. I finally sleep well.”"),
        ("”The council ignored our letters for years.” ― Tomasz Weller", "Tomasz Weller", "”The council ignored our letters for years.”"),
    ],
)
def test_a_quotation_credited_after_a_dash(pipeline, text, source, content):
    _, statements = statements_of(pipeline, text)
    credited = [s for s in statements if s.cue.text == "―" and s.source.span.text == source]
    assert len(credited) == 1, [(s.cue.text, s.source and s.source.span.text) for s in statements]
    assert [c.text for c in credited[0].content] == [content]


@pytest.mark.parametrize(
    "text, cue, medium",
    [
        ("“We are ready,” the mayor wrote on Twitter.", "wrote", "social media"),
        ("The president said in a televised address that the border was closed.", "said", "briefing"),
        ("The spokesman told reporters that the army had withdrawn.", "told", "briefing"),
        ("The minister said in an interview that the talks had failed.", "said", "interview"),
        ("The governor said that the bridge was destroyed.", "said", "statement"),
    ],
)
def test_medium(pipeline, text, cue, medium):
    _, statements = statements_of(pipeline, text)
    assert only(statements, cue).medium == medium


def test_quoted_as_saying_chains_the_agency_then_the_outlet(pipeline):
    text = "The rebels attacked the town, the Tass news agency quoted the commander as saying."
    _, statements = statements_of(pipeline, text, source="DW")
    statement = only(statements, "quoted")
    assert statement.source.span.text == "the commander"
    assert statement.via == ("Tass", "DW")
    assert statement.content[0].text == "The rebels attacked the town"


def test_a_statement_cited_by_an_agency_travels_via_it(pipeline):
    text = "The rebels accused Kyiv of shelling the town in a statement cited by Tass."
    _, statements = statements_of(pipeline, text, source="DW")
    statement = only(statements, "accused")
    assert statement.via == ("Tass", "DW")
    assert statement.content[0].text.startswith("Kyiv of shelling the town")


def test_a_purpose_clause_of_a_letter_is_a_letter_too(pipeline):
    text = "The two leaders wrote to the president to tell him that the army had shelled the town."
    _, statements = statements_of(pipeline, text)
    assert {s.medium for s in statements} == {"letter"}


def test_events_inside_a_statement_are_linked_and_reported(pipeline):
    article, statements = statements_of(pipeline, "The ministry said that Russian troops attacked Kharkiv.")
    statement = only(statements, "said")
    [attack] = [e for e in article.events if e.trigger.text == "attacked"]
    assert attack.statement == statement.id
    assert attack.status == "reported"


def test_a_denial_disputes_the_claim_it_answers(pipeline):
    text = (
        "The rebels said that Ukrainian forces attacked the village. "
        "The government dismissed the rebels' claim of an attack as misinformation, its spokesman said."
    )
    article, statements = statements_of(pipeline, text)
    [claim] = [s for s in statements if s.source and s.source.span.text == "The rebels"]
    [dismissal] = [s for s in statements if s.cue.text == "dismissed"]
    assert claim.id in dismissal.disputes, [(s.cue.text, s.disputes) for s in statements]
    assert not claim.disputes


def test_no_statement_in_plain_narration(pipeline):
    _, statements = statements_of(pipeline, "Russian troops crossed the border on Thursday.")
    assert statements == []


def test_statements_in_the_extract_record(pipeline):
    article, _ = statements_of(pipeline, "“We will not retreat,” the general said.")
    [record] = article.to_record()["statements"]
    assert set(record) >= {"id", "source", "cue", "content", "medium", "via", "disputes"}


# -- the DW sample (read where it lies, never copied) -------------------------------------------


@pytest.fixture(scope="module")
def dw() -> Article:
    if not SAMPLE.exists():
        pytest.skip("../shared/samples is not beside the checkout")
    [result] = list(extract([str(SAMPLE)], workers=1))
    assert isinstance(result, Article), result
    return result


def test_dw_peskov_statement_via_interfax(dw):
    peskov = [s for s in dw.statements if s.source and "Peskov" in s.source.span.text and "Interfax" in s.via]
    assert peskov, [(s.source.span.text if s.source else None, s.via) for s in dw.statements]
    statement = peskov[0]
    assert statement.via[: statement.via.index("Interfax") + 2][-1] == "DW"
    assert any("repelling the aggression" in c.text for c in statement.content)


def test_dw_letter_of_pushilin_and_pasechnik(dw):
    letters = [s for s in dw.statements if s.medium == "letter"]
    assert any(
        s.source and "Pushilin" in s.source.span.text and "Pasechnik" in s.source.span.text for s in letters
    ), [(s.source.span.text if s.source else None, s.cue.text) for s in letters]


def test_dw_kuleba_tweet(dw):
    kuleba = [s for s in dw.statements if s.source and dw.actor(s.source.actor) and "Kuleba" in dw.actor(s.source.actor).name]
    assert any(s.medium == "social media" for s in kuleba)


def test_dw_white_house_disputes_the_request(dw):
    [white_house] = [s for s in dw.statements if s.source and s.source.span.text == "The White House"]
    assert white_house.disputes
    by_id = {s.id: s for s in dw.statements}
    disputed_statements = [by_id[i] for i in white_house.disputes if i in by_id]
    assert any("Peskov" in s.source.span.text for s in disputed_statements if s.source)
    disputed_events = [e for e in dw.events if e.id in white_house.disputes]
    assert any(e.trigger.text == "request" for e in disputed_events)


def test_dw_request_events_rest_on_peskovs_word(dw):
    requests = [e for e in dw.events if e.trigger.text == "requested" and e.source and "Pushilin" in e.source.span.text]
    assert requests and all(e.statement and e.status == "reported" for e in requests)


# -- eventwire claims -------------------------------------------------------------------------

HAND_WRITTEN = (
    "Rebels say Kyiv shelled Donetsk.\n\n"
    "The separatist leader Denis Pushilin said that Ukrainian forces shelled Donetsk on Monday.\n\n"
    "The Ukrainian army denied the claim, calling it fabricated and misinformation, its spokesman said.\n"
)


@pytest.fixture(scope="module")
def claims_db(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("claims")
    (folder / "story.txt").write_text(HAND_WRITTEN, encoding="utf-8")
    db = folder / "claims.duckdb"
    subprocess.run([str(EVENTWIRE), "run", "--db", str(db), "--workers", "1", str(folder / "story.txt")],
                   check=True, capture_output=True, text=True)
    return db


def run_claims(db: Path, *options: str) -> list[dict]:
    result = subprocess.run([str(EVENTWIRE), "claims", "--db", str(db), "--format", "jsonl", *options],
                            check=True, capture_output=True, text=True)
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def test_claims_lists_events_with_their_claimant(claims_db):
    rows = run_claims(claims_db)
    assert rows, "no claims"
    shelled = [r for r in rows if r["trigger"] == "shelled"]
    assert shelled and all(r["claimed_by"] for r in shelled)
    assert all(set(r) >= {"claimed_by", "via", "supporters", "disputed_by", "medium"} for r in rows)


def test_claims_disputed_only_lists_disputed_claims(claims_db):
    rows = run_claims(claims_db, "--disputed")
    assert all(r["disputed_by"] for r in rows)
    assert len(rows) <= len(run_claims(claims_db))


def test_claims_table_output(claims_db):
    result = subprocess.run([str(EVENTWIRE), "claims", "--db", str(claims_db)], check=True, capture_output=True, text=True)
    assert result.stdout.splitlines()[0].split()[:3] == ["published", "trigger", "cameo"]
    assert "claims)" in result.stderr
