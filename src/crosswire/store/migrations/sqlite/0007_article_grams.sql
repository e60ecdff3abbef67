-- crosswire store, schema version 7: a second full-text index for text in scripts written
-- without spaces between words (Chinese, Japanese, Korean, Thai ...; store/grams.py): their
-- runs as overlapping character pairs, one row per article that has such text, keyed by the
-- article's seq. Written with the article; articles already stored are indexed as this
-- migration runs. Combining marks are part of a token (a Thai vowel sign belongs to its
-- consonant); titles weigh more than text, as in articles_fts.
CREATE VIRTUAL TABLE IF NOT EXISTS article_grams USING fts5 (
    title, text,
    tokenize = "unicode61 categories 'L* N* Co M*' remove_diacritics 2"
);
