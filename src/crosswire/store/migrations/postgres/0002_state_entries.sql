-- crosswire store, schema version 2: the cross-article stages' large dictionaries, entry by
-- entry (stories/state.py, `SpilledDict`): a stage keeps only recently used entries in
-- memory and reads the others from here, so the driver's memory does not grow with the
-- archive. `space` names the stage and its dictionary; keys and values are pickled.

CREATE TABLE state_entries (
    space TEXT NOT NULL,
    key BYTEA NOT NULL,
    value BYTEA NOT NULL,
    PRIMARY KEY (space, key)
);

-- Multi-valued entries that only grow (`SpilledBuckets`: LSH band -> the articles in it),
-- one row per member, so adding one writes one row.
CREATE TABLE state_members (
    space TEXT NOT NULL,
    key BYTEA NOT NULL,
    member TEXT NOT NULL,
    PRIMARY KEY (space, key, member)
);
