"""Arrow types of the export tables: the Parquet schema, and the column order of CSV files.

Nested fields keep their structure in Parquet (structs and lists, readable as such by
pandas, DuckDB, Spark); CSV writes them as JSON text. A column that rows carry but that is
not declared here (a field added later) is written as JSON text in both.
"""

from __future__ import annotations

import pyarrow as pa

TEXT, INT, BOOL = pa.string(), pa.int64(), pa.bool_()
TEXTS = pa.list_(TEXT)
ACTOR = pa.struct([("entity_id", TEXT), ("name", TEXT), ("country", TEXT), ("sector", TEXT)])
SPEAKER = pa.struct([("entity_id", TEXT), ("name", TEXT)])
PLACE = pa.struct([("name", TEXT), ("country", TEXT)])
CITE = pa.struct([("text", TEXT), ("url", TEXT), ("outlet", TEXT)])
MENTION_FIELDS = [
    ("article_id", TEXT),
    ("sentence", TEXT),
    ("start", INT),
    ("end", INT),
    ("trigger", TEXT),
    ("section", TEXT),
    ("attributed_to", SPEAKER),
]
VALUE = pa.struct([("value", TEXT), ("article_ids", TEXTS)])

SCHEMAS: dict[str, pa.Schema] = {
    "articles": pa.schema(
        [
            ("id", TEXT), ("url", TEXT), ("path", TEXT), ("outlet", TEXT), ("title", TEXT),
            ("published", TEXT), ("published_inferred", BOOL),
            ("inferred_from_story", TEXT), ("inferred_from_text", TEXT), ("language", TEXT),
            ("duplicate_of", TEXT), ("cites", pa.list_(CITE)), ("captions", TEXTS),
            ("text", TEXT),
        ]
    ),
    "entities": pa.schema(
        [
            ("id", TEXT), ("name", TEXT), ("type", TEXT), ("country", TEXT), ("sector", TEXT),
            ("aliases", TEXTS), ("roles", TEXTS), ("article_ids", TEXTS),
        ]
    ),
    "times": pa.schema(
        [
            ("article_id", TEXT), ("text", TEXT), ("start", INT), ("end", INT),
            ("type", TEXT), ("value", TEXT),
        ]
    ),
    "events": pa.schema(
        [
            ("id", TEXT), ("story_id", TEXT), ("type", TEXT), ("mode", TEXT), ("cameo", TEXT),
            ("source", ACTOR), ("target", ACTOR), ("participants", pa.list_(ACTOR)),
            ("location", PLACE), ("date", TEXT), ("date_from", TEXT), ("negated", BOOL),
            ("modality", TEXT), ("article_ids", TEXTS), ("n_sources", INT),
            ("mentions", pa.list_(pa.struct(MENTION_FIELDS))),
        ]
    ),
    "stories": pa.schema(
        [
            ("id", TEXT), ("title", TEXT), ("article_ids", TEXTS), ("first_date", TEXT),
            ("last_date", TEXT),
            ("brief", pa.list_(pa.struct([("text", TEXT), ("article_ids", TEXTS)]))),
            (
                "contradictions",
                pa.list_(
                    pa.struct(
                        [("event_id", TEXT), ("field", TEXT), ("values", pa.list_(VALUE))]
                    )
                ),
            ),
            (
                "timeline",
                pa.list_(
                    pa.struct(
                        [
                            ("event_id", TEXT), ("date", TEXT), ("what", TEXT),
                            ("n_sources", INT), ("article_ids", TEXTS),
                        ]
                    )
                ),
            ),
        ]
    ),
    "quotes": pa.schema(
        [
            ("article_id", TEXT), ("speaker", SPEAKER), ("text", TEXT), ("start", INT),
            ("end", INT),
        ]
    ),
    "event_mentions": pa.schema([("event_id", TEXT), *MENTION_FIELDS]),
}  # fmt: skip


def columns(table: str) -> list[str]:
    """The declared columns of `table`, in file order."""
    return list(SCHEMAS[table].names)
