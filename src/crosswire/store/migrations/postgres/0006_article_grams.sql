-- crosswire store on PostgreSQL, schema version 6: the second full-text index of sqlite/0007
-- (text in scripts written without spaces, as overlapping character pairs; store/grams.py):
-- one row per article that has such text. The 'simple' configuration: no stemming, no stop
-- words, each pair a lexeme. Titles weigh more than text (A and B), as in articles.search.
CREATE TABLE IF NOT EXISTS article_grams (
    seq BIGINT PRIMARY KEY REFERENCES articles (seq),
    grams TSVECTOR NOT NULL
);
CREATE INDEX IF NOT EXISTS article_grams_search ON article_grams USING GIN (grams);
