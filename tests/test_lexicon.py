"""Tests for the trigger lexicon, its inflector and the cue word lists (eventwire.lexicon)."""

from __future__ import annotations

import importlib.resources
from pathlib import Path

import pytest

from eventwire.errors import LexiconError
from eventwire.lexicon import (
    CUE_KEYS,
    Cues,
    TriggerLexicon,
    TriggerMatch,
    inflect_verb,
    load_irregular_verbs,
    pluralize,
)

DATA = importlib.resources.files("eventwire") / "data"
HEADER = "lemma\tpos\tparticle\tobject\tcameo\tnote\n"


@pytest.fixture(scope="module")
def lexicon() -> TriggerLexicon:
    return TriggerLexicon.load()


@pytest.fixture(scope="module")
def cues() -> Cues:
    return Cues.load()


@pytest.fixture(scope="module")
def irregular() -> dict[str, tuple[str, ...]]:
    return load_irregular_verbs()


# ------------------------------------------------------------------------------------ surface forms
@pytest.mark.parametrize(
    ("word", "lemma"),
    [
        ("requested", "request"),
        ("requests", "request"),
        ("requesting", "request"),
        ("imposing", "impose"),
        ("imposed", "impose"),
        ("banned", "ban"),
        ("banning", "ban"),
        ("shelled", "shell"),
        ("fought", "fight"),
        ("struck", "strike"),
        ("sought", "seek"),
        ("withdrew", "withdraw"),
        ("withdrawn", "withdraw"),
        ("laid", "lay"),
        ("left", "leave"),
        ("criticised", "criticize"),
        ("criticizes", "criticize"),
        ("mobilising", "mobilize"),
        ("apologised", "apologize"),
        ("agreed", "agree"),
        ("agreeing", "agree"),
        ("freed", "free"),
        ("denied", "deny"),
        ("rallies", "rally"),
        ("vetoes", "veto"),
        ("vetoed", "veto"),
        ("admitted", "admit"),
        ("expelled", "expel"),
        ("cancelled", "cancel"),
        ("canceled", "cancel"),
        ("kidnapped", "kidnap"),
        ("offered", "offer"),
        ("threatening", "threaten"),
        ("Accused", "accuse"),
    ],
)
def test_verb_forms_map_to_their_lemma(lexicon: TriggerLexicon, word: str, lemma: str) -> None:
    assert lexicon.lemma_of(word, pos="verb") == lemma


@pytest.mark.parametrize(
    ("word", "lemma"),
    [
        ("attacks", "attack"),
        ("sanctions", "sanction"),
        ("talks", "talk"),
        ("airstrikes", "airstrike"),
        ("hostilities", "hostility"),
        ("clashes", "clash"),
        ("ceasefire", "ceasefire"),
        ("mobilisation", "mobilization"),
        ("embargoes", "embargo"),
    ],
)
def test_noun_forms_map_to_their_lemma(lexicon: TriggerLexicon, word: str, lemma: str) -> None:
    assert lexicon.lemma_of(word, pos="noun") == lemma


@pytest.mark.parametrize(
    "word", ["said", "says", "told", "stated", "added", "noted", "wrote", "reported", "the", ""]
)
def test_speech_verbs_and_other_words_are_not_triggers(lexicon: TriggerLexicon, word: str) -> None:
    assert lexicon.lemma_of(word, pos="verb") is None


def test_unknown_part_of_speech_gives_nothing(lexicon: TriggerLexicon) -> None:
    assert lexicon.lemma_of("attack", pos="adjective") is None
    assert lexicon.match("attack", pos="adjective") is None
    assert lexicon.lemmas("adjective") == frozenset()


@pytest.mark.parametrize(
    ("lemma", "forms"),
    [
        ("ban", {"ban", "bans", "banned", "banning"}),
        ("impose", {"impose", "imposes", "imposed", "imposing"}),
        ("deny", {"deny", "denies", "denied", "denying"}),
        ("agree", {"agree", "agrees", "agreed", "agreeing"}),
        ("veto", {"veto", "vetoes", "vetos", "vetoed", "vetoing"}),
        ("fight", {"fight", "fights", "fought", "fighting"}),
        ("offer", {"offer", "offers", "offered", "offering"}),
        ("call for", {"call for", "calls for", "called for", "calling for"}),
    ],
)
def test_inflect_verb(irregular, lemma: str, forms: set[str]) -> None:
    assert inflect_verb(lemma, irregular) == forms


def test_inflect_verb_generates_both_spellings_when_stress_is_unknown(irregular) -> None:
    forms = set().union(*(inflect_verb(verb, irregular) for verb in ("admit", "cancel", "travel")))
    assert {"admitted", "cancelled", "canceled", "travelled", "traveled"} <= forms


@pytest.mark.parametrize(
    ("noun", "plurals"),
    [
        ("attack", {"attacks"}),
        ("clash", {"clashes"}),
        ("rally", {"rallies"}),
        ("embargo", {"embargoes", "embargos"}),
        ("crisis", {"crises"}),
        ("air strike", {"air strikes"}),
    ],
)
def test_pluralize(noun: str, plurals: set[str]) -> None:
    assert pluralize(noun) == plurals


# ------------------------------------------------------------------------------------ matching
@pytest.mark.parametrize(
    ("lemma", "pos", "particles", "complement", "expected"),
    [
        ("request", "verb", (), "military support from russia", "0232"),
        ("request", "verb", (), "humanitarian aid for the displaced", "0233"),
        ("request", "noun", (), "for military assistance", "0232"),
        ("impose", "verb", (), "a state of emergency", "1724"),
        ("declare", "verb", (), "martial law in the province", "1724"),
        ("impose", "verb", (), "a night curfew", "1723"),
        ("impose", "verb", (), "sanctions on five officials", "163"),
        ("sanction", "verb", (), "five officials", "163"),
        ("accuse", "verb", (), "the army of war crimes", "1124"),
        ("accuse", "verb", (), "the minister of corruption", "1121"),
        ("deny", "verb", (), "the allegations", "016"),
        ("reject", "verb", (), "the accusations as baseless", "016"),
        ("agree", "verb", {"to"}, "a ceasefire", "0871"),
        ("agree", "verb", (), "to hold talks next month", "036"),
        ("call", "verb", {"off"}, "the talks", "164"),
        ("call", "verb", {"for"}, "the release of all hostages", "0253"),
        ("urge", "verb", (), "israel to allow humanitarian aid into gaza", "0255"),
        ("demand", "verb", (), "the withdrawal of russian troops", "106"),
        ("demand", "verb", (), "an immediate ceasefire", "107"),
        ("threaten", "verb", (), "to impose sanctions", "1312"),
        ("threaten", "verb", (), "to use nuclear weapons", "1385"),
        ("pledge", "verb", (), "$50 million in reconstruction aid", "0331"),
        ("offer", "verb", (), "to mediate between the two sides", "039"),
        ("meet", "verb", {"with"}, "the foreign minister", "040"),
        ("visit", "verb", (), "kyiv", "042"),
        ("sign", "verb", (), "a defence agreement", "057"),
        ("shell", "verb", (), "the town", "194"),
        ("carry", "verb", {"out"}, "airstrikes on rebel positions", "195"),
        ("strike", "noun", (), "hunger", "142"),
        ("protest", "verb", {"against"}, "the new tax law", "1412"),
        ("release", "verb", (), "two journalists", "0841"),
        ("expel", "verb", (), "two diplomats", "161"),
        ("massacre", "noun", (), "of villagers", "202"),
    ],
)
def test_match_codes(lexicon: TriggerLexicon, lemma, pos, particles, complement, expected) -> None:
    match = lexicon.match(lemma, pos=pos, particles=particles, complement=complement)
    assert match is not None and match.cameo == expected, match


@pytest.mark.parametrize(
    ("lemma", "pos", "particles", "complement", "family"),
    [
        ("request", "verb", (), "a special session of the un security council", "02"),
        ("accuse", "verb", (), "the opposition", "112"),
        ("call", "verb", {"for"}, "a ceasefire", "02"),
        ("appeal", "verb", {"for"}, "calm", "02"),
        ("attack", "noun", (), "", "19"),
        ("attack", "verb", (), "government positions", "19"),
        ("agree", "verb", (), "a ceasefire", ("08", "03")),
        ("condemn", "verb", (), "the attack", "111"),
        ("protest", "noun", (), "", "14"),
        ("arrest", "verb", (), "dozens of protesters", "17"),
    ],
)
def test_match_families(lexicon: TriggerLexicon, lemma, pos, particles, complement, family) -> None:
    match = lexicon.match(lemma, pos=pos, particles=particles, complement=complement)
    assert match is not None and match.cameo.startswith(family), match


@pytest.mark.parametrize(
    ("lemma", "pos", "particles", "complement"),
    [
        ("call", "verb", (), "a ceasefire"),  # "call" is a trigger only with for/on/upon/off/up
        ("release", "verb", (), "a statement on the talks"),
        ("announce", "verb", (), "that he would run again"),
        ("speak", "verb", {"to"}, "reporters in geneva"),
        ("say", "verb", (), "anything"),
    ],
)
def test_no_match(lexicon: TriggerLexicon, lemma, pos, particles, complement) -> None:
    assert lexicon.match(lemma, pos=pos, particles=particles, complement=complement) is None


def test_match_result_names_its_rule(lexicon: TriggerLexicon) -> None:
    match = lexicon.match("request", pos="verb", complement="military aid")
    assert isinstance(match, TriggerMatch)
    assert match.lemma == "request"
    assert match.rule.startswith("triggers:") and "request" in match.rule and "military aid" in match.rule


def test_complement_case_does_not_matter(lexicon: TriggerLexicon) -> None:
    upper = lexicon.match("request", pos="verb", complement="Military Support from Russia")
    assert upper is not None and upper.cameo == "0232"


def test_noun_head_counts_as_complement(lexicon: TriggerLexicon) -> None:
    # the caller passes the modifiers only: "military" + head "aid"
    match = lexicon.match("aid", pos="noun", complement="military")
    assert match is not None and match.cameo == "072"


def test_particle_rules_are_tried_first(lexicon: TriggerLexicon) -> None:
    rules = lexicon.rules("call", pos="verb")
    with_particle = [bool(rule.particles) for rule in rules]
    assert with_particle == sorted(with_particle, reverse=True)


# ------------------------------------------------------------------------------------ the data file
def _trigger_rows() -> list[list[str]]:
    lines = (DATA / "triggers.tsv").read_text(encoding="utf-8").splitlines()
    assert lines[0] == HEADER.rstrip("\n")
    return [line.split("\t") for line in lines[1:] if line.strip()]


def test_trigger_file_is_large_and_every_row_loads(lexicon: TriggerLexicon) -> None:
    rows = _trigger_rows()
    assert len(rows) >= 600
    assert len(lexicon) == len(rows)
    assert all(len(row) == 6 for row in rows)


def test_every_code_is_a_cameo_code_with_a_valid_root() -> None:
    for row in _trigger_rows():
        code = row[4]
        assert code.isdigit() and 2 <= len(code) <= 4, row
        assert 1 <= int(code[:2]) <= 20, row


def test_every_cameo_root_has_triggers() -> None:
    roots = {row[4][:2] for row in _trigger_rows()}
    assert roots == {f"{n:02d}" for n in range(1, 21)}


def test_codes_exist_in_the_cameo_table() -> None:
    table = DATA / "cameo.tsv"
    if not table.is_file():
        pytest.skip("cameo.tsv not present")
    known = {
        line.split("\t", 1)[0]
        for line in table.read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    }
    unknown = {row[4] for row in _trigger_rows()} - known
    assert not unknown


def test_plain_010_statement_is_never_a_trigger_code() -> None:
    assert all(row[4] not in ("01", "010") for row in _trigger_rows())


def test_no_rule_is_shadowed_by_an_earlier_catch_all(lexicon: TriggerLexicon) -> None:
    shadowed = []
    for pos in ("verb", "noun"):
        for lemma in lexicon.lemmas(pos):
            earlier = []
            for rule in lexicon.rules(lemma, pos=pos):
                for other in earlier:
                    catch_all = other.pattern is None and (
                        not other.particles or (rule.particles and rule.particles <= other.particles)
                    )
                    same = other.particles == rule.particles and other.pattern == rule.pattern
                    if catch_all or same:
                        shadowed.append((rule.rule_id, other.rule_id))
                        break
                earlier.append(rule)
    assert not shadowed


def test_speech_verbs_need_an_object_or_particle_to_be_triggers(lexicon: TriggerLexicon, cues: Cues) -> None:
    for verb in cues.speech_verbs:
        for rule in lexicon.rules(verb, pos="verb"):
            assert rule.pattern is not None or rule.particles, rule.rule_id


@pytest.mark.parametrize(
    "verb", ["say", "tell", "state", "add", "note", "comment", "explain", "write", "quote", "report"]
)
def test_plain_speech_verbs_have_no_rules(lexicon: TriggerLexicon, verb: str) -> None:
    assert verb not in lexicon.lemmas("verb")


def test_irregular_verbs_of_the_lexicon_are_listed(lexicon: TriggerLexicon, irregular) -> None:
    for verb in ("fight", "strike", "seek", "withdraw", "take", "hold", "meet", "shoot", "freeze", "break"):
        assert verb in lexicon.lemmas("verb") and verb in irregular


def test_no_two_trigger_lemmas_share_a_standard_form(lexicon: TriggerLexicon, irregular) -> None:
    owners: dict[str, set[str]] = {}
    for lemma in lexicon.lemmas("verb"):
        for form in inflect_verb(lemma, irregular):
            owners.setdefault(form, set()).add(lemma)
    clashes = {form: lemmas for form, lemmas in owners.items() if len(lemmas) > 1}
    assert not clashes


# ------------------------------------------------------------------------------------ malformed files
def _write(tmp_path: Path, text: str, name: str = "triggers.tsv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("row", "problem"),
    [
        ("attack\tverb\t\t\t999\tnote", "CAMEO"),
        ("attack\tverb\t\t\t19a\tnote", "CAMEO"),
        ("attack\tverb\t\t\t1\tnote", "CAMEO"),
        ("attack\tverb\t\t\t00\tnote", "CAMEO"),
        ("attack\tadverb\t\t\t190\tnote", "pos"),
        ("Attack\tverb\t\t\t190\tnote", "lemma"),
        ("call for\tverb\t\t\t020\tnote", "lemma"),
        ("attack\tverb\tFor\t\t190\tnote", "particle"),
        ("attack\tverb\t\t(unclosed\t190\tnote", "pattern"),
        ("attack\tverb\t\t\\bTanks\\b\t190\tnote", "lowercase"),
        ("attack\tverb\t190", "fields"),
    ],
)
def test_malformed_trigger_rows_name_file_and_line(tmp_path: Path, row: str, problem: str) -> None:
    path = _write(tmp_path, HEADER + "shell\tverb\t\t\t194\tartillery\n" + row + "\n")
    with pytest.raises(LexiconError, match=rf"triggers\.tsv:3: .*{problem}"):
        TriggerLexicon.load(path)


def test_bad_header_is_rejected(tmp_path: Path) -> None:
    path = _write(tmp_path, "lemma\tcode\nattack\t190\n")
    with pytest.raises(LexiconError, match=r"triggers\.tsv:1:"):
        TriggerLexicon.load(path)


def test_missing_file_is_a_lexicon_error(tmp_path: Path) -> None:
    with pytest.raises(LexiconError):
        TriggerLexicon.load(tmp_path / "absent.tsv")


def test_small_hand_written_lexicon(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        HEADER
        + "call\tverb\t\t\\bphone\\b\t041\tphone call\n"
        + "call\tverb\tfor|on\t\\bceasefire\\b\t0256\tceasefire\n"
        + "call\tverb\tfor\t\t020\n"  # the note column may be left out
        + "strike\tnoun\t\t\\bhunger\\b\t142\t\n",
    )
    lexicon = TriggerLexicon.load(path)
    assert len(lexicon) == 4
    assert lexicon.match("call", pos="verb", particles={"on"}, complement="a ceasefire").cameo == "0256"
    assert lexicon.match("call", pos="verb", particles={"for"}, complement="calm").cameo == "020"
    assert lexicon.match("call", pos="verb", complement="by phone").cameo == "041"
    assert lexicon.match("call", pos="verb", particles={"on"}, complement="calm") is None
    assert lexicon.match("strike", pos="noun", complement="hunger").rule == "triggers:5 strike"
    assert lexicon.match("strike", pos="noun", complement="") is None
    assert lexicon.lemma_of("calling", pos="verb") == "call"
    assert lexicon.lemma_of("strikes", pos="noun") == "strike"
    assert lexicon.lemmas("verb") == frozenset({"call"})


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("lemma\tpast\tparticiple\nfight\tfought\n", 2),
        ("lemma\tpast\tparticiple\nfight\tFought\tfought\n", 2),
        ("lemma\tpast\tparticiple\nfight\tfought\tfought\nfight\tfought\tfought\n", 3),
    ],
)
def test_malformed_irregular_verbs(tmp_path: Path, text: str, line: int) -> None:
    path = _write(tmp_path, text, "irregular_verbs.tsv")
    with pytest.raises(LexiconError, match=rf"irregular_verbs\.tsv:{line}:"):
        load_irregular_verbs(path)


# ------------------------------------------------------------------------------------ cues
def test_cues_have_every_list(cues: Cues) -> None:
    for key in CUE_KEYS:
        values = getattr(cues, key)
        assert isinstance(values, frozenset) and values, key
        assert all(value == value.lower() for value in values), key


@pytest.mark.parametrize(
    ("field", "word"),
    [
        ("speech_forms", "said"),
        ("speech_forms", "told"),
        ("speech_forms", "claims"),
        ("speech_forms", "wrote"),
        ("request_forms", "urged"),
        ("request_forms", "called for"),
        ("request_forms", "demanding"),
        ("future_forms", "will"),
        ("future_forms", "planned"),
        ("future_forms", "is going to"),
        ("negation_forms", "refused"),
        ("negation_forms", "n't"),
        ("denial_forms", "denied"),
        ("denial_forms", "rejects"),
    ],
)
def test_cue_forms_are_inflected(cues: Cues, field: str, word: str) -> None:
    assert word in getattr(cues, field)


def test_cue_lists_hold_the_expected_words(cues: Cues) -> None:
    assert {"say", "tell", "claim", "announce"} <= cues.speech_verbs
    assert {"allegedly", "reportedly"} <= cues.hedge_words
    assert {"false flag", "propaganda"} <= cues.dispute_phrases
    assert "according to" in cues.attribution_phrases
    assert {"not", "never", "no"} <= cues.negation_words


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("speech_verbs: [say\n", 2),  # not YAML (the parser notices at the end of the input)
        ("- say\n", 1),  # not a mapping
        ("speech_verbs:\n  - say\nmood_words:\n  - happy\n", 3),  # unknown key
        ("speech_verbs: say\n", 1),  # not a list
        ("speech_verbs:\n  - say\n  - no\n", 3),  # a boolean, not a string
    ],
)
def test_malformed_cues_name_file_and_line(tmp_path: Path, text: str, line: int) -> None:
    path = _write(tmp_path, text, "cues.yaml")
    with pytest.raises(LexiconError, match=rf"cues\.yaml:{line}:"):
        Cues.load(path)


def test_cues_with_a_missing_key(tmp_path: Path) -> None:
    path = _write(tmp_path, "speech_verbs:\n  - say\n", "cues.yaml")
    with pytest.raises(LexiconError, match="missing keys"):
        Cues.load(path)
