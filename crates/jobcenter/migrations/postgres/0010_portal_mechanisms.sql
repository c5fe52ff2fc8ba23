-- The portal's shared mechanisms (DESIGN.md section 6) and "Datei hochladen"
-- (POR-4): powers of attorney (the rights a representative holds, REP-2),
-- the journal's representative column, idempotency keys of submitting
-- forms, work items for staff with their notes and log, and uploads with
-- their files in object storage. Same SQL for both engines; ids UUIDv7
-- TEXT, unix seconds, flags 0/1. New tables carry their foreign keys and
-- CHECK constraints from the start (the older tables get theirs in 0009).

-- A power of attorney that includes online representation (REP-1/2). The
-- representative's profile (relation 'representative') points at the
-- client; the rights are a comma-separated subset of the REP-2 list
-- (portal::handelnd::Recht). The feature that registers them (REP-1) adds
-- its own columns; this is what the access decision reads.
CREATE TABLE powers_of_attorney (
    id TEXT PRIMARY KEY,
    profile_id TEXT NOT NULL UNIQUE REFERENCES profiles (id) ON DELETE CASCADE,
    rights TEXT NOT NULL,
    valid_from BIGINT NOT NULL,
    valid_until BIGINT,
    created_at BIGINT NOT NULL,
    CHECK (valid_until IS NULL OR valid_until > valid_from)
);

-- The journal (portal::journal) records a representative's power of
-- attorney with each of their events (REP-3).
ALTER TABLE client_events ADD COLUMN power_of_attorney_id TEXT;
-- The Verlauf pages by (at, id) (journal::seite).
CREATE INDEX client_events_page ON client_events (client_id, at, id);

-- Idempotency keys of submitting forms: the first request with a key does
-- the work and stores where its answer is (location); a repeated one (a
-- double click, a resent form) is sent there instead of doing it again.
CREATE TABLE idempotency_keys (
    account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    idem_key TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    location TEXT,
    PRIMARY KEY (account_id, idem_key)
);
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);

-- Everything staff process (arbeit::Vorgangsart): one state machine, team,
-- assignee, optimistic version. subject_id points at the feature's row
-- (an upload now; messages, applications, appointment requests later).
CREATE TABLE work_items (
    id TEXT PRIMARY KEY,
    client_id TEXT NOT NULL REFERENCES clients (id),
    office_id TEXT NOT NULL REFERENCES offices (id),
    kind TEXT NOT NULL CHECK (kind IN ('upload')),
    subject_id TEXT NOT NULL,
    team TEXT NOT NULL CHECK (team IN ('service', 'leistung', 'vermittlung')),
    state TEXT NOT NULL CHECK (state IN ('eingegangen', 'in_bearbeitung', 'erledigt')),
    assignee TEXT REFERENCES staff (account_id),
    version BIGINT NOT NULL CHECK (version >= 1),
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    UNIQUE (kind, subject_id)
);
-- The inbox pages newest first by (updated_at, id): walked in that order
-- per office or per assignee; team, state and assignee are in the index so
-- that rows of other teams or states are passed over without reading the
-- table (docs/BENCHMARKS.md, "Lists at scale").
CREATE INDEX work_items_office_recent ON work_items (office_id, updated_at, id, team, state, assignee);
CREATE INDEX work_items_assignee_recent ON work_items (assignee, updated_at, id, state);
CREATE INDEX work_items_client ON work_items (client_id, created_at);

-- Internal notes of staff on a work item (never shown to the client);
-- the text is sealed like mail bodies.
CREATE TABLE work_item_notes (
    id TEXT PRIMARY KEY,
    item_id TEXT NOT NULL REFERENCES work_items (id) ON DELETE CASCADE,
    author TEXT NOT NULL REFERENCES staff (account_id),
    body_sealed TEXT NOT NULL,
    at BIGINT NOT NULL
);
CREATE INDEX work_item_notes_item ON work_item_notes (item_id, at);

-- Every transition of a work item: who took which action when.
CREATE TABLE work_item_log (
    id TEXT PRIMARY KEY,
    item_id TEXT NOT NULL REFERENCES work_items (id) ON DELETE CASCADE,
    action TEXT NOT NULL,
    from_state TEXT NOT NULL,
    to_state TEXT NOT NULL,
    by_staff TEXT REFERENCES staff (account_id),
    assignee TEXT,
    at BIGINT NOT NULL
);
CREATE INDEX work_item_log_item ON work_item_log (item_id, at);

-- "Datei hochladen" (POR-4): one sending with its topic and optional
-- message (sealed), and its files. A file's bytes live in object storage
-- (object_key), encrypted with a per-object key wrapped by the master key
-- (envelope, with the key id). The object is written before the row and a
-- sweep removes objects without a row after a grace period.
CREATE TABLE uploads (
    id TEXT PRIMARY KEY,
    client_id TEXT NOT NULL REFERENCES clients (id),
    topic TEXT NOT NULL CHECK (topic IN ('geldleistung', 'vermittlung', 'bildung_teilhabe')),
    message_sealed TEXT,
    actor_kind TEXT NOT NULL CHECK (actor_kind IN ('client', 'representative')),
    actor_account_id TEXT REFERENCES accounts (id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX uploads_client ON uploads (client_id, created_at);

CREATE TABLE upload_files (
    id TEXT PRIMARY KEY,
    upload_id TEXT NOT NULL REFERENCES uploads (id) ON DELETE CASCADE,
    position BIGINT NOT NULL CHECK (position >= 1),
    object_key TEXT NOT NULL UNIQUE,
    envelope TEXT NOT NULL,
    file_name TEXT NOT NULL,
    media_type TEXT NOT NULL CHECK (media_type IN ('application/pdf', 'image/jpeg', 'image/png', 'image/heic')),
    bytes BIGINT NOT NULL CHECK (bytes > 0),
    sha256 TEXT NOT NULL,
    pages BIGINT NOT NULL CHECK (pages >= 1),
    scan TEXT NOT NULL CHECK (scan IN ('ohne', 'ausstehend', 'sauber', 'befund')),
    UNIQUE (upload_id, position)
);
CREATE INDEX upload_files_scan ON upload_files (scan) WHERE scan = 'ausstehend';
