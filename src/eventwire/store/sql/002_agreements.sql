-- Schema 2: agreements (named agreements, talks, processes, formats, zones) and which
-- events refer to them.
--
-- An agreements row is one Agreement record (records.py), keyed like every record
-- table by (doc_id, id); `data` holds the whole record. event_agreements links an
-- event to each agreement named in its sentence (Event.agreement_ids), so a query can
-- join events to agreements without reading JSON. Documents stored before schema 2
-- have no agreements and no links.

CREATE TABLE agreements (
    doc_id     VARCHAR NOT NULL,
    id         VARCHAR NOT NULL,
    ord        INTEGER NOT NULL,
    name       VARCHAR,
    kind       VARCHAR,                  -- agreement, ceasefire, talks, process, format, zone
    generic    BOOLEAN,
    countries  VARCHAR,                  -- ISO3 codes, comma-separated, for filtering
    mentions   INTEGER,
    start_char INTEGER,                  -- the sentence that first names it
    end_char   INTEGER,
    evidence   VARCHAR,
    data       JSON NOT NULL,
    PRIMARY KEY (doc_id, id)
);

CREATE TABLE event_agreements (
    doc_id       VARCHAR NOT NULL,
    event_id     VARCHAR NOT NULL,
    agreement_id VARCHAR NOT NULL,
    PRIMARY KEY (doc_id, event_id, agreement_id)
);
