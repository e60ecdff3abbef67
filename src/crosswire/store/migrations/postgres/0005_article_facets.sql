-- crosswire store, schema version 5: what each article's events are (type) and concern
-- (country), one row per article and value. Search facets and the type and country search
-- filters read these by article instead of going article -> event links -> events: over a
-- common word's 1,760 matches on a 10,000-article store that walk made 9,328 event lookups
-- and took 60 ms per facet on PostgreSQL. Rows are the story's: replaced with its events.
CREATE TABLE IF NOT EXISTS article_facets (
    article_id TEXT NOT NULL,
    kind TEXT NOT NULL,  -- 'type' or 'country'
    value TEXT NOT NULL,
    story_id TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS article_facets_article ON article_facets (article_id, kind, value);
CREATE INDEX IF NOT EXISTS article_facets_value ON article_facets (kind, value, article_id);
CREATE INDEX IF NOT EXISTS article_facets_story ON article_facets (story_id);
INSERT INTO article_facets (article_id, kind, value, story_id)
    SELECT DISTINCT ea.article_id, 'type', e.type, e.story_id
    FROM event_articles ea JOIN events e ON e.id = ea.event_id
    WHERE e.type IS NOT NULL AND e.story_id IS NOT NULL;
INSERT INTO article_facets (article_id, kind, value, story_id)
    SELECT DISTINCT ea.article_id, 'country', c.country, e.story_id
    FROM event_articles ea JOIN event_countries c ON c.event_id = ea.event_id
    JOIN events e ON e.id = ea.event_id
    WHERE e.story_id IS NOT NULL;
