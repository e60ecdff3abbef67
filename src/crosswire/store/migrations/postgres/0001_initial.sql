-- crosswire store on PostgreSQL, schema version 1: the same tables as the SQLite store
-- (sqlite/0001 and 0002), with full-text search as a generated tsvector column and a GIN index.
-- JSON documents are kept as text, byte for byte what the SQLite store holds.

CREATE TABLE articles (
    seq BIGSERIAL PRIMARY KEY,               -- input order: cross-article stages follow it
    id TEXT NOT NULL UNIQUE,
    path TEXT NOT NULL,
    url TEXT,
    outlet TEXT,
    title TEXT,
    published TEXT,
    published_inferred BOOLEAN NOT NULL DEFAULT FALSE,
    language TEXT,
    duplicate_of TEXT,
    text_hash TEXT NOT NULL,
    story_id TEXT,
    text TEXT NOT NULL,
    data TEXT NOT NULL,                      -- JSON: cites, captions
    -- Titles weigh more than body text in the ranking (weights A and B).
    search TSVECTOR GENERATED ALWAYS AS (
        setweight(to_tsvector('english', coalesce(title, '')), 'A')
        || setweight(to_tsvector('english', text), 'B')
    ) STORED
);
CREATE INDEX articles_story ON articles (story_id);
CREATE INDEX articles_published ON articles (published);
CREATE INDEX articles_search ON articles USING GIN (search);

CREATE TABLE analyses (
    article_id TEXT PRIMARY KEY REFERENCES articles (id),
    data TEXT NOT NULL                       -- JSON of model.Analysis
);

-- One row per actor mention: the entity table is their aggregation by entity_id.
CREATE TABLE mentions (
    seq BIGSERIAL PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles (id),
    entity_id TEXT NOT NULL,
    key TEXT NOT NULL,
    name TEXT NOT NULL,
    alias TEXT NOT NULL,
    type TEXT NOT NULL,
    country TEXT,
    sector TEXT,
    role TEXT,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL
);
CREATE INDEX mentions_entity ON mentions (entity_id);
CREATE INDEX mentions_article ON mentions (article_id);
CREATE INDEX mentions_alias ON mentions (lower(alias));

CREATE TABLE stories (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    first_date TEXT,
    last_date TEXT,
    n_articles INTEGER NOT NULL,
    data TEXT NOT NULL                       -- JSON of model.Story
);

CREATE TABLE events (
    id TEXT PRIMARY KEY,
    story_id TEXT REFERENCES stories (id),
    type TEXT NOT NULL,
    mode TEXT,
    cameo TEXT,
    date TEXT,
    modality TEXT NOT NULL,
    negated BOOLEAN NOT NULL,
    n_sources INTEGER NOT NULL,
    data TEXT NOT NULL                       -- JSON of model.Event
);
CREATE INDEX events_story ON events (story_id);
CREATE INDEX events_type ON events (type);
CREATE INDEX events_date ON events (date);

CREATE TABLE event_actors (
    event_id TEXT NOT NULL REFERENCES events (id),
    entity_id TEXT NOT NULL,
    role TEXT NOT NULL                       -- source, target, participant
);
CREATE INDEX event_actors_entity ON event_actors (entity_id);
CREATE INDEX event_actors_event ON event_actors (event_id);

CREATE TABLE errors (
    id BIGSERIAL PRIMARY KEY,
    path TEXT NOT NULL,
    record TEXT,
    reason TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE UNIQUE INDEX errors_once ON errors (path, COALESCE(record, ''), reason);

-- Serialised state of the incremental cross-article stages (duplicate index, clusterer).
CREATE TABLE state (
    name TEXT PRIMARY KEY,
    data BYTEA NOT NULL
);
