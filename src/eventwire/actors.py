"""Actor resolution, the pipeline stage: find, resolve and merge the actors of an article.

:class:`ActorResolver` finds actor mentions in the spaCy parse — lexicon names (even where NER missed
them), unknown PERSON/ORG entities, and noun phrases headed by a sector term ("Ukrainian lawmakers",
"Russia's troops", "Pro-Russian separatist leaders") — resolves them with the
:class:`~eventwire.actor_lexicon.ActorLexicon` for the report's date, and merges the mentions of one
actor (full name then surname, one country, one IGO) into an :class:`~eventwire.model.Actor`. A
mention covers the whole noun phrase up to its head noun ("Kremlin spokesman Dmitry Peskov"), so the
events stage finds the actor from an argument's head.
"""

from __future__ import annotations

import dataclasses
import logging
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path
from types import MappingProxyType
from typing import NamedTuple

from .actor_lexicon import (
    ACT_SECTOR, ETHNIC_WORDS, LEADING_WORDS, MODIFIER_DEPS, NO_SECTOR, OPPONENT_WORDS, PATRON_WORDS,
    STATELESS_SECTORS, ActorInfo, ActorLexicon, _Hit, _Name, _Resolution, _clean_name, _country_of,
    resolve_actor, split_words, word_spans,
)  # fmt: skip
from .errors import ProcessingError
from .model import Actor, Article
from .stage import Stage

__all__ = ["ActorInfo", "ActorLexicon", "ActorResolver", "resolve_actor"]

logger = logging.getLogger(__name__)

#: Heads that make a country phrase an actor without naming a sector ("the Russian side").
COUNTRY_HEADS = frozenset({"side", "sides", "ally", "allies", "partner", "partners"})
NP_LEFT_DEPS = MODIFIER_DEPS | {"det", "predet", "quantmod", "punct", "case", "advmod"}
#: A capital in these roles stands for its government, as the actor ("Moscow said", "Moscow's
#: decision") or the other party ("accused Washington", "talks with Moscow"); elsewhere it is a place.
METONYMY_DEPS = frozenset({"nsubj", "nsubjpass", "poss", "agent"})
CAPITAL_TARGET_DEPS = frozenset({"dobj", "dative"})
CAPITAL_TARGET_PREPOSITIONS = frozenset({"with", "against", "by", "between", "on"})
#: A region in these roles is a party to an event ("Russia annexed Crimea"), not only a place.
REGION_ACTOR_DEPS = frozenset({"nsubj", "nsubjpass", "poss", "agent", "dobj"})
#: How much a name of a place counts towards the country a report is about (rebels with no country
#: of their own are coded with it): places count more than nationalities of people.
CONTEXT_WEIGHTS = MappingProxyType({"region": 3, "country": 2, "capital": 2, "demonym": 1})
ENTITY_LABELS = frozenset({"PERSON", "ORG"})
#: Words that may precede a known person's name inside a PERSON entity ("Mr Biden", "President Xi").
TITLE_WORDS = frozenset({
    "mr", "mrs", "ms", "dr", "sir", "dame", "lord", "lady", "madam", "president", "premier", "minister",
    "chancellor", "king", "queen", "prince", "general", "gen", "senator", "sen", "rep", "secretary", "pope",
})  # fmt: skip

#: The most named country is the report's country when it is named at least this many times as
#: often (weighted) as the next one.
HOME_DOMINANCE = 1.5
#: Words that say a group is not of the report's country.
FOREIGN_WORDS = frozenset({"western", "foreign", "international", "allied", "european", "arab", "african", "asian"})
#: Dependency labels of clauses: a conjunct of one is not a noun phrase.
CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "advcl", "relcl", "acl", "pcomp", "csubj"})
#: Heads of phrases that may name the leaders of a pair of people named before.
LEADER_HEADS = frozenset({"leaders", "heads", "chiefs"})
PAIR_WORDS = frozenset({"two", "both"})
#: Pronouns that point back to the most recent person, or group, at most this many sentences back.
PERSON_PRONOUNS = frozenset({"he", "him", "his", "she", "her"})
PLURAL_PRONOUNS = frozenset({"they", "them", "their"})
PRONOUN_SENTENCES = 2
#: Kinds of lexicon names that only say where a group is from.
PLACE_KINDS = frozenset({"country", "demonym", "capital", "region"})
#: Words before a name that make it a place, not the person of that surname ("in central Bolton").
PLACE_LOCATIVES = frozenset({"in", "near", "outside"})
AREA_DIRECTIONS = frozenset(
    {"central", "northern", "southern", "eastern", "western", "north", "south", "east", "west", "downtown", "rural",
     "greater", "northeastern", "northwestern", "southeastern", "southwestern", "suburban"}
)
#: Prepositions that attach a group to the place it belongs to ("the president of Armenia").
PLACE_PREPOSITIONS = frozenset({"of", "in", "from"})


class _Candidate(NamedTuple):
    """A stretch of tokens that may name an actor: a lexicon name, an unknown entity, a sector term."""

    start: int
    end: int
    name: _Name | None = None
    label: str | None = None  # PERSON/ORG for an entity the lexicon does not know
    sector: str | None = None

    def contains(self, i: int) -> bool:
        return self.start <= i < self.end


class _Context(NamedTuple):
    """The countries a report names, most named first, and the one it is about where that is clear."""

    countries: tuple[str, ...]
    home: str | None
    acts: frozenset[int] = frozenset()  # tokens of act nouns


class _Mention(NamedTuple):
    start: int  # tokens
    end: int
    head: int
    resolution: _Resolution
    refers: tuple[_Resolution, ...] = ()  # a mention of several actors ("the two rebel leaders")


class _Parse:
    """The parse as plain lists, read from the spaCy doc in one array copy (token objects are costly)."""

    def __init__(self, doc, text: str, lexicon: ActorLexicon, labels: dict[int, str]) -> None:
        from spacy.attrs import DEP, HEAD, IDX, LENGTH, SENT_START

        self.text = text
        matches = word_spans(text)
        self.words = [m.group() for m in matches]
        self.keys = [w.lower() for w in self.words]
        self.word_starts = [m.start() for m in matches]
        self.word_ends = [m.end() for m in matches]
        self.hits = lexicon.match(self.words, capitalised=True)
        self._hit_starts = [h.start for h in self.hits]
        rows = doc.to_array([HEAD, DEP, IDX, LENGTH, SENT_START]).tolist()
        # HEAD is the offset to the head, stored unsigned: a head to the left comes out as 2**64 - offset
        self.heads: list[int] = [i + (row[0] - 2**64 if row[0] >= 2**63 else row[0]) for i, row in enumerate(rows)]
        for label_id in {row[1] for row in rows}.difference(labels):
            labels[label_id] = doc.vocab.strings[label_id]
        self.deps: list[str] = [labels[row[1]] for row in rows]
        self.starts: list[int] = [row[2] for row in rows]
        self.ends: list[int] = [row[2] + row[3] for row in rows]
        self.sentence_of: list[int] = []  # the number of each token's sentence
        number = 0
        for i, row in enumerate(rows):
            number += i > 0 and row[4] == 1
            self.sentence_of.append(number)
        self._lefts: dict[int, list[int]] = {}
        self._rights: dict[int, list[int]] = {}
        for i, head in enumerate(self.heads):
            if head > i:
                self._lefts.setdefault(head, []).append(i)
            elif head < i:
                self._rights.setdefault(head, []).append(i)

    def lower(self, i: int) -> str:
        return self.text[self.starts[i] : self.ends[i]].lower()

    def is_punct(self, i: int) -> bool:
        return not any(c.isalnum() for c in self.text[self.starts[i] : self.ends[i]])

    def lefts(self, i: int) -> list[int]:
        return self._lefts.get(i, [])

    def prep_object(self, i: int) -> int | None:
        """The object of the first place preposition after ``i`` ("of" in "the president of Armenia")."""
        for prep in self._rights.get(i, ()):
            if self.deps[prep] == "prep" and self.lower(prep) in PLACE_PREPOSITIONS:
                return next((o for o in self._rights.get(prep, ()) if self.deps[o] == "pobj"), None)
        return None

    def left_edge(self, i: int) -> int:
        lefts = self._lefts.get(i)
        return self.left_edge(lefts[0]) if lefts else i  # the leftmost child's own left edge

    def tokens(self, start_char: int, end_char: int) -> tuple[int, int] | None:
        """The tokens covering characters ``[start_char, end_char)``."""
        start = bisect_right(self.starts, start_char) - 1
        end = bisect_left(self.ends, end_char) + 1
        return (max(start, 0), end) if end <= len(self.starts) and start < end else None

    def phrase_words(self, start: int, end: int) -> tuple[list[_Hit], list[str]]:
        """The lexicon hits and lower-case words of tokens ``[start, end)``, numbered from 0."""
        lo = bisect_left(self.word_starts, self.starts[start])
        hi = bisect_right(self.word_ends, self.ends[end - 1])
        hits = []
        for k in range(bisect_left(self._hit_starts, lo), len(self.hits)):
            hit = self.hits[k]
            if hit.start >= hi:
                break
            if hit.end <= hi:
                hits.append(_Hit(hit.start - lo, hit.end - lo, hit.names, hit.sector))
        return hits, self.keys[lo:hi]

    def phrase_text(self, start: int, end: int) -> str:
        return self.text[self.starts[start] : self.ends[end - 1]]

    def root(self, candidate: _Candidate) -> int:
        """The token of the candidate whose head lies outside it."""
        for i in range(candidate.start, candidate.end):
            if self.heads[i] == i or not candidate.contains(self.heads[i]):
                return i
        return candidate.end - 1

    def phrase_head(self, candidate: _Candidate) -> int:
        """The head noun of the candidate's phrase ("troops" for "Russian" in "Russian troops")."""
        i = self.root(candidate)
        for _ in range(6):
            if self.deps[i] not in MODIFIER_DEPS or self.heads[i] == i:
                break
            i = self.heads[i]
        return i

    def phrase_left(self, head: int, start: int) -> int:
        """The first token of the noun phrase of ``head`` (its left modifiers), at most ``start``."""
        return min([start, *(self.left_edge(c) for c in self.lefts(head) if self.deps[c] in NP_LEFT_DEPS)])

    def skip_leading(self, start: int, end: int) -> int:
        """Past determiners and punctuation at the start of a phrase."""
        while start < end - 1 and (self.lower(start) in LEADING_WORDS or self.is_punct(start) or self.deps[start] == "case"):
            start += 1
        return start

    def capital_role(self, i: int) -> str | None:
        """"government" where a capital stands for its government, as the actor ("Moscow said") or
        the other party of an event ("accused Washington", "talks with Moscow"); None where it is a
        place ("in Moscow")."""
        dep = self.deps[i]
        if dep in METONYMY_DEPS:
            return "government"
        if dep in CAPITAL_TARGET_DEPS or (dep == "pobj" and self.lower(self.heads[i]) in CAPITAL_TARGET_PREPOSITIONS):
            return "government"
        return None


class ActorResolver(Stage):
    """Find, resolve and merge the actors of an article."""

    name = "actors"
    requires = frozenset({"doc", "entities"})
    provides = frozenset({"actors"})

    def __init__(self, *, lexicon: ActorLexicon | None = None, extra_files: Sequence[str | Path] = ()) -> None:
        self.lexicon = lexicon if lexicon is not None else ActorLexicon.load(extra_files=extra_files)
        self._dependency_labels: dict[int, str] = {}  # spaCy string ids of dependency labels

    def __call__(self, article: Article) -> Article:
        if article.doc is None:
            raise ProcessingError(f"{article.doc_id}: the actors stage needs the spaCy doc (run the nlp stage first)")
        parse = _Parse(article.doc, article.text, self.lexicon, self._dependency_labels)
        candidates, context = self._candidates(article, parse)
        mentions = self._mentions(parse, candidates, context, article.meta.published)
        return article.replace(actors=_merge(article, parse, mentions))

    # --- finding ---------------------------------------------------------------------------------

    def _candidates(self, article: Article, parse: _Parse) -> tuple[list[_Candidate], _Context]:
        """Lexicon names, unknown PERSON/ORG entities and sector terms; and the countries of the
        report, most named first."""
        names: list[_Candidate] = []
        sectors: list[_Candidate] = []
        acts: set[int] = set()  # tokens of act nouns ("proposal", "air raids")
        countries: Counter[str] = Counter()
        for hit in parse.hits:
            tokens = parse.tokens(parse.word_starts[hit.start], parse.word_ends[hit.end - 1])
            if tokens is None:
                continue
            if hit.sector:
                if hit.sector not in (NO_SECTOR, ACT_SECTOR):
                    sectors.append(_Candidate(*tokens, sector=hit.sector))
                elif hit.sector == ACT_SECTOR:
                    acts.update(range(*tokens))
                continue
            name = self.lexicon.pick(hit.names, article.meta.published)
            if name.kind == "none":
                continue
            if name.kind == "actor" and hit.end - hit.start == 1 and _names_a_place_there(parse.text, *_char_span(parse, hit)):
                continue  # "gathered in central Bolton": the town, not John Bolton
            names.append(_Candidate(*tokens, name=name))
            patron = hit.start > 0 and parse.keys[hit.start - 1] in PATRON_WORDS | OPPONENT_WORDS | ETHNIC_WORDS
            if name.kind in CONTEXT_WEIGHTS and not patron:
                countries[_country_of(name)] += CONTEXT_WEIGHTS[name.kind]
        entities, covered = _unknown_entities(article, parse, names)
        taken = [c for k, c in enumerate(names) if k not in covered] + entities
        taken += _surnames_of_unknown_people(parse, taken)
        busy = _occupied(parse, taken)
        sectors = [c for c in sectors if not any(busy[c.start : c.end])]
        ranked = countries.most_common(2)
        # the report's country, given to groups and titled people with none of their own, where one
        # country clearly dominates the report
        home = ranked[0][0] if ranked and (len(ranked) == 1 or ranked[0][1] >= HOME_DOMINANCE * ranked[1][1]) else None
        context = tuple(c for c, _ in countries.most_common())
        return sorted(taken + sectors, key=lambda c: c.start), _Context(context, home, frozenset(acts))

    # --- resolving -------------------------------------------------------------------------------

    def _mentions(self, parse: _Parse, candidates: list[_Candidate], context: _Context, on: date | None):
        """One mention per noun phrase; the candidates that modify a phrase's head belong to it."""
        groups: dict[int, list[_Candidate]] = {}
        for candidate in candidates:
            groups.setdefault(parse.phrase_head(candidate), []).append(candidate)
        mentions: list[_Mention | None] = []
        for head, group in groups.items():
            owner = next((c for c in group if c.contains(head)), None)
            if owner is not None:
                mentions.extend(_split_by_country(parse, self._resolve_phrase(parse, head, owner, context, on), candidates))
            elif parse.lower(head) in COUNTRY_HEADS and any(c.name and c.name.kind in ("country", "demonym") for c in group):
                mentions.append(self._resolve_group(parse, head, head + 1, context, on))
            else:
                acting = head in context.acts
                mentions.extend(
                    self._standalone(parse, c, context, on) for c in group if _stands_alone(parse, c, acting=acting)
                )
                sector_ends = [c.end for c in group if c.sector and parse.deps[parse.root(c)] == "compound"]
                if sector_ends and all(c.sector or c.name and c.name.kind in PLACE_KINDS for c in group):
                    # "South Korean army officers", "Ukrainian government shelling"
                    mentions.extend(_split_by_country(parse, self._resolve_group(parse, head, max(sector_ends), context, on), candidates))
                for c in group:  # "the rebels' request": the possessor is a group
                    if c.sector and parse.deps[parse.root(c)] == "poss" and parse.root(c) == c.end - 1:
                        mentions.append(self._resolve_group(parse, c.end - 1, c.end, context, on))
        accepted: list[_Mention] = []
        busy = bytearray(len(parse.heads))
        for mention in sorted(filter(None, mentions), key=lambda m: (m.start - m.end, m.start)):
            if not any(busy[mention.start : mention.end]):  # the longer of two overlapping mentions
                accepted.append(mention)
                busy[mention.start : mention.end] = b"\x01" * (mention.end - mention.start)
        return _refer_back(parse, _link_appositions(parse, sorted(accepted, key=lambda m: m.start)))

    def _resolve_phrase(self, parse: _Parse, head: int, owner: _Candidate, context, on) -> _Mention | None:
        """The noun phrase headed by ``head``, which lies inside ``owner``."""
        left = parse.phrase_left(head, owner.start)
        if owner.label == "PERSON":
            return self._unknown_person(parse, head, owner, left, context, on)
        if owner.label == "ORG":
            return self._unknown_org(parse, head, owner, left, context, on)
        if owner.name is None:
            return self._resolve_group(parse, head, owner.end, context, on)
        kind = owner.name.kind
        if kind in ("actor", "igo"):
            start = parse.skip_leading(left, owner.end)
            return _Mention(start, owner.end, head, self.lexicon.describe(owner.name, on=on))
        if kind == "capital":
            role = parse.capital_role(head)
            if role is None:
                return None
            resolution = self.lexicon.describe(owner.name, on=on, metonymy=role == "government")
            return _Mention(owner.start, owner.end, head, resolution)
        if kind == "region" and parse.deps[head] not in REGION_ACTOR_DEPS:
            return None
        if kind in ("demonym", "country") and owner.start > 0 and parse.lower(owner.start - 1) in ETHNIC_WORDS:
            # "ethnic Albanians in Serbia": people of the country they live in
            country = self._country_after(parse, head, context, on) or context.home
            info = ActorInfo(_clean_name(parse.phrase_text(owner.start - 1, owner.end)), None, None, "CVL")
            resolution = _with_country(_Resolution(info, ("group", "CVL")), country) if country else None
            return _Mention(owner.start - 1, owner.end, head, resolution) if resolution else None
        return _Mention(owner.start, owner.end, head, self.lexicon.describe(owner.name, on=on))

    def _resolve_group(self, parse: _Parse, head: int, end: int, context: _Context, on) -> _Mention | None:
        """A phrase headed by a sector term ("Ukrainian lawmakers", "the two rebel leaders"); a group
        with no country of its own takes the report's ("authorities", "residents")."""
        left = parse.phrase_left(head, min(head, end - 1))
        resolution = self._resolve_span(parse, left, end, context, on)
        if resolution is None:
            return None
        if resolution.key[0] == "code" and resolution.info.country is None:
            if _conjoined_to_a_verb(parse, head):
                return None  # a misparse: "impose curfews ... as well as ban political parties"
            country = self._country_after(parse, head, context, on)
            if country and resolution.info.sector == "GOV" and on is not None:  # "the president of Ukraine"
                holder = self._resolve_span(parse, left, parse.prep_object(head) + 1, context, on)
                if holder is not None and holder.key[0] == "actor":
                    return _Mention(parse.skip_leading(left, end), end, head, holder)
            if country is None and not any(parse.lower(i) in FOREIGN_WORDS for i in range(left, end)):
                country = context.home  # not "Western diplomats" in a report on Russia
            if country and resolution.info.sector not in STATELESS_SECTORS:
                resolution = _with_country(resolution, country)
        if resolution.key[0] == "code" and resolution.info.country is None:
            # no country: "police" and "officials" of unknown allegiance are not one actor
            resolution = _Resolution(resolution.info, ("group", f"{resolution.info.code}/{parse.lower(head)}"))
        return _Mention(parse.skip_leading(left, end), end, head, resolution)

    def _country_after(self, parse: _Parse, head: int, context: _Context, on) -> str | None:
        """The country of a place after a group ("the president of Armenia", "security forces in
        Guinea"), if any."""
        place = parse.prep_object(head)
        if place is None:
            return None
        resolution = self._resolve_span(parse, parse.left_edge(place), place + 1, context, on)
        country = resolution.info.country if resolution else None
        return country if country != "IGO" else None

    def _resolve_span(self, parse: _Parse, start: int, end: int, context, on) -> _Resolution | None:
        if start >= end:
            return None
        hits, keys = parse.phrase_words(start, end)
        return self.lexicon.decide(hits, keys, parse.phrase_text(start, end), on=on, context=context.countries)

    def _unknown_person(self, parse: _Parse, head: int, owner: _Candidate, left: int, context, on) -> _Mention:
        """A person the lexicon does not know, coded from a title if any ("French diplomat X")."""
        name = parse.phrase_text(owner.start, owner.end)
        title = self._resolve_span(parse, left, owner.start, context, on)
        if title and title.key[0] == "code" and title.info.country is None and context.home and title.info.sector not in STATELESS_SECTORS:
            title = _with_country(title, context.home)  # "President Mugabe" in a report on Zimbabwe
        organisation = title is not None and title.key[0] == "actor" and not title.person  # "Hamas official X"
        title = title.info if title and (title.key[0] == "code" or organisation) else ActorInfo(name, None, None, None)
        info = ActorInfo(name, title.code, title.country, title.sector)
        key = ("person", " ".join(w.lower() for w in split_words(name)))
        return _Mention(parse.skip_leading(left, owner.end), owner.end, head, _Resolution(info, key, person=True))

    def _unknown_org(self, parse: _Parse, head: int, owner: _Candidate, left: int, context, on) -> _Mention:
        """An organisation the lexicon does not know: coded only when its name says what it is
        ("Ukraine's Foreign Ministry")."""
        name = _clean_name(parse.phrase_text(owner.start, owner.end))
        resolution = self._resolve_span(parse, left, owner.end, context, on)
        if resolution is None or resolution.key[0] not in ("actor", "igo"):
            known = resolution is not None and (resolution.info.sector or resolution.info.country)
            info = dataclasses.replace(resolution.info, name=name) if known else ActorInfo(name, None, None, None)
            resolution = _Resolution(info, ("org", name.lower()))
        return _Mention(parse.skip_leading(left, owner.end), owner.end, head, resolution)

    def _standalone(self, parse: _Parse, candidate: _Candidate, context, on) -> _Mention | None:
        """A name that modifies an ordinary noun but is an actor by itself ("Russia's decision")."""
        root = parse.root(candidate)
        if candidate.label == "PERSON":
            return self._unknown_person(parse, root, candidate, candidate.start, context, on)
        if candidate.label == "ORG":
            return self._unknown_org(parse, root, candidate, candidate.start, context, on)
        resolution = self.lexicon.describe(candidate.name, on=on, metonymy=candidate.name.kind == "capital")
        return _Mention(candidate.start, candidate.end, root, resolution) if resolution else None


def _split_by_country(parse: _Parse, mention: _Mention | None, candidates: list[_Candidate]) -> list[_Mention | None]:
    """"Hungarian and Romanian officials", "US and British forces": one group per country, each
    mention on its own nationality ("Hungarian", "Romanian officials")."""
    if mention is None or mention.resolution.key[0] != "code" or not mention.resolution.info.sector:
        return [mention]
    places = sorted(
        (c for c in candidates if c.name is not None and c.name.kind in ("country", "demonym") and mention.start <= c.start and c.end <= mention.end),
        key=lambda c: c.start,
    )
    if len(places) < 2 or not all(
        any(parse.deps[i] == "cc" or parse.lower(i) == "," for i in range(a.end, b.start)) for a, b in zip(places, places[1:])
    ):
        return [mention]
    sector = mention.resolution.info.sector
    split = []
    for k, place in enumerate(places):
        end = place.end if k < len(places) - 1 else mention.end
        info = ActorInfo(parse.phrase_text(place.start, end), None, None, sector)
        split.append(_Mention(place.start, end, mention.head if end == mention.end else place.end - 1, _with_country(_Resolution(info, ("code", sector)), place.name.target)))
    return split


def _with_country(resolution: _Resolution, country: str) -> _Resolution:
    """A sector-only resolution ("officials") given the report's country."""
    info = resolution.info
    code = country + (info.sector or "")
    return _Resolution(dataclasses.replace(info, code=code, country=country), ("code", code), resolution.person)


def _unknown_entities(article: Article, parse: _Parse, names: list[_Candidate]):
    """PERSON/ORG entities the lexicon does not cover, and the lexicon names inside them, which give
    way to the entity when they are only places ("George Washington", "Ukraine's Foreign Ministry")."""
    found: list[_Candidate] = []
    covered: set[int] = set()  # indices into names
    name_at: dict[int, int] = {i: k for k, c in enumerate(names) for i in range(c.start, c.end)}
    for entity in article.entities:
        tokens = parse.tokens(entity.start, entity.end) if entity.label in ENTITY_LABELS else None
        if tokens is None or " " not in entity.text and _names_a_place_there(parse.text, entity.start, entity.end):
            continue
        start, end = tokens
        while start < end - 1 and parse.lower(start) in LEADING_WORDS:
            start += 1
        overlapping = set(name_at[i] for i in range(start, end) if i in name_at)
        inside = [k for k in overlapping if start <= names[k].start and names[k].end <= end]
        if len(inside) < len(overlapping) or any(
            (names[k].start, names[k].end) == (start, end)
            or (names[k].name.kind in ("actor", "igo") and not _other_person(entity.label, parse, names[k], start, end))
            for k in inside
        ):
            continue
        covered.update(inside)
        found.append(_Candidate(start, end, label=entity.label))
    return found, covered


def _char_span(parse: _Parse, hit) -> tuple[int, int]:
    return parse.word_starts[hit.start], parse.word_ends[hit.end - 1]


def _names_a_place_there(text: str, start: int, end: int) -> bool:
    """Whether the one-word name at ``start:end`` stands after "in", "near" or "outside" (and words
    of direction: "in central"), where a name is a place, not the person of that surname ("in
    Bolton's memoir", a possessive, is still the person)."""
    if text.startswith(("'s", "’s"), end):
        return False
    words = text[max(0, start - 40) : start].lower().split()
    while words and words[-1] in AREA_DIRECTIONS:
        words.pop()
    return bool(words) and words[-1] in PLACE_LOCATIVES


def _other_person(label: str, parse: _Parse, name: _Candidate, start: int, end: int) -> bool:
    """Whether a PERSON entity names someone else than the known person inside it: "Hunter Biden"
    is not Joe Biden, but "Mr Biden" is."""
    if label != "PERSON" or name.name.kind != "actor" or name.name.target.kind != "person":
        return False
    own = set(split_words(name.name.target.name.lower()))  # "Dmitry Peskov Peskov" is still Peskov
    extra = [i for i in range(start, end) if not name.contains(i) and not parse.is_punct(i)]
    return any(parse.lower(i) not in TITLE_WORDS and parse.lower(i) not in own for i in extra)


def _surnames_of_unknown_people(parse: _Parse, taken: list[_Candidate]) -> list[_Candidate]:
    """Later mentions, by surname alone, of people the lexicon does not know and NER missed:
    "Marie Fontclaire ... Fontclaire said"."""
    surnames: dict[str, int] = {}
    for c in taken:
        if c.label == "PERSON" and c.end - c.start > 1:
            surname = parse.phrase_text(c.end - 1, c.end)
            if surname.istitle():
                surnames.setdefault(surname, parse.ends[c.end - 1])
    busy = _occupied(parse, taken)
    found = []
    for surname, after in surnames.items():
        for match in re.finditer(r"\b" + re.escape(surname) + r"\b", parse.text[after:]):
            tokens = parse.tokens(after + match.start(), after + match.end())
            if tokens and tokens[1] - tokens[0] == 1 and not busy[tokens[0]]:
                found.append(_Candidate(*tokens, label="PERSON"))
    return found


def _occupied(parse: _Parse, candidates: Iterable[_Candidate]) -> bytearray:
    """1 for each token inside one of the candidates."""
    busy = bytearray(len(parse.heads))
    for c in candidates:
        busy[c.start : c.end] = b"\x01" * (c.end - c.start)
    return busy


def _stands_alone(parse: _Parse, candidate: _Candidate, *, acting: bool = False) -> bool:
    """Whether a name that modifies an ordinary noun is an actor by itself ("NATO membership",
    "Russia's invasion", and before an act noun "an Indian proposal"), unlike "Russian gas" or
    "Ukraine crisis"."""
    if candidate.name is None:
        return candidate.label is not None
    kind = candidate.name.kind
    if acting and kind in ("country", "demonym", "capital") and parse.heads[parse.root(candidate)] == parse.phrase_head(candidate):
        return True
    return kind in ("actor", "igo") or (
        kind in ("country", "capital", "region") and parse.deps[parse.root(candidate)] == "poss"
    )


def _link_appositions(parse: _Parse, mentions: list[_Mention]) -> list[_Mention]:
    """"Dmitry Peskov, the Kremlin spokesman": the title phrase is another mention of the person."""
    by_head = {m.head: i for i, m in enumerate(mentions)}
    linked = list(mentions)
    for i, mention in enumerate(mentions):
        j = by_head.get(parse.heads[mention.head])
        if parse.deps[mention.head] != "appos" or j is None:
            continue
        a, b = linked[j], linked[i]
        person, other = (a, b) if a.resolution.person else (b, a) if b.resolution.person else (None, None)
        if person is None or other.resolution.person or other.resolution.info.sector is None:
            continue  # two people, or a bare place in apposition
        info = person.resolution.info
        if info.code is None:
            theirs = other.resolution.info
            info = dataclasses.replace(info, code=theirs.code, country=theirs.country, sector=theirs.sector)
        resolution = _Resolution(info, person.resolution.key, person=True)
        linked[j] = a._replace(resolution=resolution)
        linked[i] = b._replace(resolution=resolution)
    return linked


def _merge(article: Article, parse: _Parse, mentions: list[_Mention]) -> tuple[Actor, ...]:
    """One actor per key, in order of first mention; a lone surname joins an earlier full name."""
    surnames: dict[str, tuple[str, str]] = {}
    groups: dict[tuple[str, str], list[_Mention]] = {}
    for mention in mentions:
        for resolution in mention.refers or (mention.resolution,):
            key = resolution.key
            if key[0] in ("person", "org") and " " not in key[1] and key[1] in surnames:
                key = surnames[key[1]]
            elif key[0] == "person" and " " in key[1]:
                surnames.setdefault(key[1].rsplit(" ", 1)[1], key)
            groups.setdefault(key, []).append(mention)
    actors = []
    for number, group in enumerate(groups.values(), 1):
        info = next((m.resolution.info for m in group if m.resolution.info.code), group[0].resolution.info)
        spans = tuple(article.span(parse.starts[m.start], parse.ends[m.end - 1]) for m in group)
        actors.append(Actor(f"a{number}", info.name, info.code, info.country, info.sector, info.wikidata, spans))
    return tuple(actors)


# --- coreference inside a report ------------------------------------------------------------------


def _refer_back(parse: _Parse, mentions: list[_Mention]) -> list[_Mention]:
    """Mentions that point back to actors named before: "the two rebel leaders" and "the heads of the
    DPR and LPR" after "Denis Pushilin and Leonid Pasechnik", and pronouns ("he", "they"), which take
    the most recent compatible person or group of the same or the previous sentences. Rule-based and
    linear in the number of tokens."""
    taken = _occupied(parse, mentions)
    result: list[_Mention] = []
    pair: tuple[_Mention, _Mention] | None = None
    last_person: _Mention | None = None
    last_group: _Mention | None = None
    by_start = {m.start: m for m in mentions}
    for i in range(len(parse.heads)):
        mention = by_start.get(i)
        if mention is not None:
            if pair is not None and _names_the_pair(parse, mention, pair):
                mention = mention._replace(refers=(pair[0].resolution, pair[1].resolution))
            result.append(mention)
            conjuncts = _conjuncts(parse, mention, mentions)
            if mention.resolution.person:
                if len(conjuncts) == 1 and conjuncts[0].resolution.person:
                    pair = (mention, conjuncts[0])
                last_person = mention
            if conjuncts and parse.deps[mention.head] != "conj":  # "the EU, the US and Canada": they
                last_group = mention._replace(refers=tuple(m.resolution for m in (mention, *conjuncts)))
            elif not mention.resolution.person and (mention.refers or _is_plural_group(parse, mention)):
                last_group = mention
            continue
        if taken[i]:
            continue
        word = parse.lower(i)
        if word in LEADER_HEADS and pair is not None and _leads_the_pair(parse, i, pair, mentions):
            start = parse.skip_leading(parse.phrase_left(i, i), i + 1)
            result.append(_Mention(start, i + 1, i, pair[0].resolution, (pair[0].resolution, pair[1].resolution)))
            last_group = result[-1]
        elif word in PERSON_PRONOUNS and _near(parse, last_person, i):
            result.append(_Mention(i, i + 1, i, last_person.resolution, last_person.refers))
        elif word in PLURAL_PRONOUNS and _near(parse, last_group, i):
            result.append(_Mention(i, i + 1, i, last_group.resolution, last_group.refers))
    return result


def _conjoined_to_a_verb(parse: _Parse, i: int) -> bool:
    """Whether token ``i`` is a conjunct of a clause rather than of a noun phrase."""
    for _ in range(8):
        if parse.deps[i] != "conj" or parse.heads[i] == i:
            break
        i = parse.heads[i]
    return parse.deps[i] in CLAUSE_DEPS


def _near(parse: _Parse, mention: _Mention | None, i: int) -> bool:
    """Whether ``mention`` is in the sentence of token ``i`` or in one of the sentences before it."""
    return mention is not None and parse.sentence_of[i] - parse.sentence_of[mention.head] <= PRONOUN_SENTENCES


def _conjuncts(parse: _Parse, mention: _Mention, mentions: list[_Mention]) -> list[_Mention]:
    """The mentions coordinated after ``mention`` ("Leonid Pasechnik" after "Denis Pushilin and")."""
    found: list[_Mention] = []
    heads = {mention.head}
    for other in mentions:
        if other.start > mention.start and parse.deps[other.head] == "conj" and parse.heads[other.head] in heads:
            found.append(other)
            heads.add(other.head)
    return found


def _is_plural_group(parse: _Parse, mention: _Mention) -> bool:
    """A group named by a plural noun ("separatist forces"): what "they" may point back to."""
    return mention.resolution.key[0] in ("code", "group") and mention.resolution.info.sector is not None and (
        parse.lower(mention.head).endswith("s")
    )


def _same_side(info: ActorInfo, person: ActorInfo) -> bool:
    return info.sector == person.sector and info.country in (None, person.country)


def _names_the_pair(parse: _Parse, mention: _Mention, pair: tuple[_Mention, _Mention]) -> bool:
    """Whether a group mention is the pair of people named before ("the two rebel leaders")."""
    if mention.resolution.key[0] not in ("code", "group") or parse.lower(mention.head) not in LEADER_HEADS:
        return False
    if not any(parse.lower(c) in PAIR_WORDS for c in range(mention.start, mention.head)):
        return False
    info = mention.resolution.info
    return all(_same_side(info, p.resolution.info) for p in pair)


def _leads_the_pair(parse: _Parse, i: int, pair: tuple[_Mention, _Mention], mentions: list[_Mention]) -> bool:
    """Whether "heads"/"leaders" at ``i`` heads the two organisations of the pair ("the heads of the
    DPR and LPR")."""
    place = parse.prep_object(i)
    if place is None:
        return False
    led = [m for m in mentions if m.head == place or (parse.deps[m.head] == "conj" and parse.heads[m.head] == place)]
    return len(led) == 2 and all(_same_side(m.resolution.info, p.resolution.info) for m in led for p in pair)
