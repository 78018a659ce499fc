"""The exceptions eventwire raises, all rooted in :class:`EventwireError`.

::

    EventwireError
    ├── InputError            one document cannot be read; the batch goes on
    │   ├── BinaryInputError      the bytes are not text (NUL bytes, control characters)
    │   ├── DecodeError           the bytes are not valid text in any encoding we accept
    │   ├── EmptyDocumentError    nothing left after reading or cleaning
    │   ├── OversizedInputError   larger than the configured limit (``--max-bytes``)
    │   ├── TruncatedInputError   a compressed file ends early
    │   ├── MalformedRecordError  a JSON Lines record that is not valid JSON or lacks ``text``
    │   ├── NoArticleError        an HTML page with no article text in it
    │   ├── MissingInputError     a path that does not exist, a glob that matches nothing
    │   ├── UnreadableInputError  a file the operating system will not let us read
    │   └── CorruptInputError     a compressed stream that is damaged or not compressed at all
    ├── ProcessingError       a stage failed on one document (a bug, recorded, the batch goes on)
    ├── PipelineError         the pipeline cannot be built (stage order, unknown stage)
    ├── ModelError            the spaCy pipeline cannot be loaded
    ├── LexiconError          a data file (taxonomy, lexicon, user actors) is malformed
    └── StoreError            the event store cannot be opened, migrated or queried
        └── StoreLockedError      another process holds the store file (DuckDB: one writer per file)

Every :class:`InputError` carries a short machine-readable ``reason`` (``"binary"``, ``"empty"``...)
that is stored in the failures table next to the human message.
"""

from __future__ import annotations


class EventwireError(Exception):
    """Root of every error eventwire raises on purpose."""


class InputError(EventwireError):
    """A single document could not be read or cleaned."""

    reason = "input"


class BinaryInputError(InputError):
    reason = "binary"


class DecodeError(InputError):
    reason = "undecodable"


class EmptyDocumentError(InputError):
    reason = "empty"


class OversizedInputError(InputError):
    reason = "oversized"


class TruncatedInputError(InputError):
    reason = "truncated"


class MalformedRecordError(InputError):
    reason = "malformed-record"


class NoArticleError(InputError):
    reason = "no-article"


class ProcessingError(EventwireError):
    """A stage raised on one document."""

    reason = "processing"


class PipelineError(EventwireError):
    """The pipeline cannot be assembled as asked."""


class ModelError(EventwireError):
    """The spaCy model is not installed or cannot be loaded."""


class LexiconError(EventwireError):
    """A lexicon or taxonomy file is malformed."""


class StoreError(EventwireError):
    """The store cannot be opened, migrated or queried."""


class MissingInputError(InputError):
    reason = "missing"


class UnreadableInputError(InputError):
    reason = "unreadable"


class CorruptInputError(InputError):
    reason = "corrupt"


class StoreLockedError(StoreError):
    """Another process holds the store file (DuckDB lets one process at a time hold it for writing)."""
