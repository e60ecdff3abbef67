-- crosswire store, schema version 4: what the story list shows and filters on, written with each story
-- (store/cards.py), so a list page reads one page of rows instead of every story's events
-- and articles. Stories written before have `card` NULL: the store fills them in on open.

ALTER TABLE stories ADD COLUMN n_outlets INTEGER NOT NULL DEFAULT 0;
ALTER TABLE stories ADD COLUMN n_independent INTEGER NOT NULL DEFAULT 0;
ALTER TABLE stories ADD COLUMN n_events INTEGER NOT NULL DEFAULT 0;
ALTER TABLE stories ADD COLUMN n_contradictions INTEGER NOT NULL DEFAULT 0;
ALTER TABLE stories ADD COLUMN card TEXT;   -- JSON: outlets, top actors
CREATE INDEX stories_first_date ON stories (first_date);
CREATE INDEX stories_last_date ON stories (last_date);
CREATE INDEX stories_size ON stories (n_articles);
CREATE INDEX stories_sources ON stories (n_independent);

-- Which articles report an event (search facets, an article's events) ...
CREATE TABLE event_articles (
    event_id TEXT NOT NULL,
    article_id TEXT NOT NULL,
    PRIMARY KEY (event_id, article_id)
);
CREATE INDEX event_articles_article ON event_articles (article_id);

-- ... and which countries it concerns: its place's and its actors'.
CREATE TABLE event_countries (
    event_id TEXT NOT NULL,
    country TEXT NOT NULL,
    PRIMARY KEY (event_id, country)
);
CREATE INDEX event_countries_country ON event_countries (country);

-- Every alias and name an actor was recorded under, once each: actor filters match the
-- text given inside names (LIKE '%text%', which no index serves) against these few rows
-- rather than against every mention.
CREATE TABLE entity_names (
    entity_id TEXT NOT NULL,
    name TEXT NOT NULL,
    PRIMARY KEY (entity_id, name)
);
INSERT INTO entity_names (entity_id, name)
    SELECT entity_id, alias FROM mentions UNION SELECT entity_id, name FROM mentions;
CREATE INDEX articles_duplicate ON articles (duplicate_of);
