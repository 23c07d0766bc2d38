-- Schema 1: documents, one table per record kind, failures and runs.
--
-- Record ids are unique only within a document, so every record table is keyed
-- by (doc_id, id). Scalar fields a user filters on are columns; `data` holds the
-- whole record (dataclasses.asdict) so nothing is lost and the typed record can
-- be rebuilt. `ord` keeps the records in the order the extractor gave them.
-- Offsets are character offsets into documents.text; *_char columns are the
-- record's evidence offsets. Timestamps are UTC.

CREATE SEQUENCE runs_id_seq START 1;

CREATE TABLE runs (
    id                INTEGER PRIMARY KEY DEFAULT nextval('runs_id_seq'),
    started_at        TIMESTAMP NOT NULL,
    finished_at       TIMESTAMP,
    status            VARCHAR NOT NULL,        -- running, finished, aborted
    eventwire_version VARCHAR,
    versions          JSON,                    -- eventwire and every extractor
    model             JSON,                    -- package, name, version, digest
    settings          JSON,
    summary           JSON
);

CREATE TABLE documents (
    id            VARCHAR PRIMARY KEY,         -- derived from the text: same text, same id
    origin        VARCHAR NOT NULL,
    title         VARCHAR,
    author        VARCHAR,
    dateline      VARCHAR,
    published     VARCHAR,
    source        VARCHAR,
    url           VARCHAR,
    language      VARCHAR,
    text          VARCHAR NOT NULL,
    headings      JSON,
    captions      JSON,
    blocks        JSON,
    author_span   JSON,
    dateline_span JSON,
    extractors    JSON,                        -- name -> version that produced the records
    run_id        INTEGER,
    stored_at     TIMESTAMP NOT NULL
);

CREATE TABLE people (
    doc_id      VARCHAR NOT NULL,
    id          VARCHAR NOT NULL,
    ord         INTEGER NOT NULL,
    name        VARCHAR,
    role        VARCHAR,
    affiliation VARCHAR,
    nationality VARCHAR,
    mentions    INTEGER,
    data        JSON NOT NULL,
    PRIMARY KEY (doc_id, id)
);

CREATE TABLE organizations (
    doc_id   VARCHAR NOT NULL,
    id       VARCHAR NOT NULL,
    ord      INTEGER NOT NULL,
    name     VARCHAR,
    kind     VARCHAR,
    country  VARCHAR,
    mentions INTEGER,
    data     JSON NOT NULL,
    PRIMARY KEY (doc_id, id)
);

CREATE TABLE places (
    doc_id        VARCHAR NOT NULL,
    id            VARCHAR NOT NULL,
    ord           INTEGER NOT NULL,
    name          VARCHAR,
    geonameid     BIGINT,
    lat           DOUBLE,
    lon           DOUBLE,
    country_code  VARCHAR,
    admin1        VARCHAR,
    feature_code  VARCHAR,
    geo_precision INTEGER,
    metonym       BOOLEAN,
    confidence    DOUBLE,
    mentions      INTEGER,
    data          JSON NOT NULL,
    PRIMARY KEY (doc_id, id)
);

CREATE TABLE events (
    doc_id           VARCHAR NOT NULL,
    id               VARCHAR NOT NULL,
    ord              INTEGER NOT NULL,
    plover_type      VARCHAR,
    plover_mode      VARCHAR,
    status           VARCHAR,
    cameo_code       VARCHAR,
    acled_event_type VARCHAR,
    actors           VARCHAR,                  -- source and target names, for filtering
    place_id         VARCHAR,
    date             VARCHAR,
    confidence       DOUBLE,
    start_char       INTEGER,
    end_char         INTEGER,
    evidence         VARCHAR,
    produced_by      VARCHAR,
    data             JSON NOT NULL,
    PRIMARY KEY (doc_id, id)
);

CREATE TABLE quotes (
    doc_id       VARCHAR NOT NULL,
    id           VARCHAR NOT NULL,
    ord          INTEGER NOT NULL,
    kind         VARCHAR,
    speaker_id   VARCHAR,
    speaker_name VARCHAR,
    channel      VARCHAR,
    start_char   INTEGER,
    end_char     INTEGER,
    text         VARCHAR,
    data         JSON NOT NULL,
    PRIMARY KEY (doc_id, id)
);

CREATE TABLE counts (
    doc_id      VARCHAR NOT NULL,
    id          VARCHAR NOT NULL,
    ord         INTEGER NOT NULL,
    kind        VARCHAR,
    value_low   BIGINT,
    value_high  BIGINT,
    approximate BOOLEAN,
    vague       VARCHAR,
    qualifier   VARCHAR,
    object      VARCHAR,
    start_char  INTEGER,
    end_char    INTEGER,
    evidence    VARCHAR,
    data        JSON NOT NULL,
    PRIMARY KEY (doc_id, id)
);

CREATE SEQUENCE failures_id_seq START 1;

CREATE TABLE failures (
    id        INTEGER PRIMARY KEY DEFAULT nextval('failures_id_seq'),
    run_id    INTEGER,
    origin    VARCHAR NOT NULL,
    record_id VARCHAR,
    code      VARCHAR NOT NULL,
    message   VARCHAR NOT NULL,
    "at"      TIMESTAMP NOT NULL         -- when it failed (quoted: AT is a keyword)
);
