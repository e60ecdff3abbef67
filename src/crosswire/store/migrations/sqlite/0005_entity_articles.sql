-- crosswire store, schema version 5: actor search and actor pages read one entity's mentions
-- (`SQLQueries.entity`, `actor_search`) instead of aggregating every mention of the store.
-- Keyed by entity and article, the index also counts an entity's articles on its own.

DROP INDEX IF EXISTS mentions_entity;
CREATE INDEX IF NOT EXISTS mentions_entity_article ON mentions (entity_id, article_id);
