-- The office directory ("Ihre Dienststelle vor Ort", POR-6), loaded by
-- `jobcenter admin import-dienststellen FILE` (docs/DIENSTSTELLEN.md).
-- One row per loaded directory: the whole checked file as JSON (each node
-- reads the newest once and keeps it parsed), and the postcode index the
-- lookup uses. An import replaces both in one transaction.
CREATE TABLE directory_versions (
    id TEXT PRIMARY KEY,
    directory_json TEXT NOT NULL,
    jobcenters INTEGER NOT NULL,
    offices INTEGER NOT NULL,
    postcodes INTEGER NOT NULL,
    loaded_at BIGINT NOT NULL
);

-- A postcode and a jobcenter responsible for it; `area` names the part
-- when several jobcenters share the postcode ('' when it is the only one).
CREATE TABLE directory_postcodes (
    version_id TEXT NOT NULL REFERENCES directory_versions (id) ON DELETE CASCADE,
    postcode TEXT NOT NULL CHECK (length(postcode) = 5),
    jobcenter_id TEXT NOT NULL,
    area TEXT NOT NULL,
    PRIMARY KEY (version_id, postcode, jobcenter_id)
);
