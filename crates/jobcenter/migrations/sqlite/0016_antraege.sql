-- "Ihre Vorgänge" and the eServices as forms defined by data (APP-1 … APP-4).
--
-- A form definition (crates/formulare, docs/FORMULARE.md) is stored as the
-- operator loaded it; a version never changes once stored. At most one
-- version of a form is live; an application keeps the version it was
-- started with.
CREATE TABLE form_definitions (
    id TEXT PRIMARY KEY,
    form_key TEXT NOT NULL,
    version BIGINT NOT NULL CHECK (version > 0),
    state TEXT NOT NULL CHECK (state IN ('entwurf', 'live', 'archiviert')),
    document TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    loaded_at BIGINT NOT NULL,
    activated_at BIGINT,
    archived_at BIGINT,
    UNIQUE (form_key, version)
);
CREATE UNIQUE INDEX form_definitions_live ON form_definitions (form_key) WHERE state = 'live';

-- An application: a draft ('entwurf', kept until delete_after, a reminder
-- mail a week before: reminded_at) until it is sent ('gesendet': reference,
-- submitted_at, the work item); the answers are sealed (JSON). status is
-- what the client sees after sending; decision_id the Bescheid that decided
-- it.
CREATE TABLE applications (
    id TEXT PRIMARY KEY,
    client_id TEXT NOT NULL REFERENCES clients (id),
    office_id TEXT NOT NULL REFERENCES offices (id),
    definition_id TEXT NOT NULL REFERENCES form_definitions (id),
    started_by TEXT REFERENCES accounts (id) ON DELETE SET NULL,
    power_of_attorney_id TEXT REFERENCES powers_of_attorney (id) ON DELETE SET NULL,
    state TEXT NOT NULL CHECK (state IN ('entwurf', 'gesendet')),
    answers_sealed TEXT NOT NULL,
    reference TEXT UNIQUE,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    submitted_at BIGINT,
    delete_after BIGINT,
    reminded_at BIGINT,
    status TEXT CHECK (status IN ('eingegangen', 'in_bearbeitung', 'unterlagen_fehlen', 'entschieden', 'zurueckgezogen')),
    decision_id TEXT REFERENCES decisions (id),
    CHECK (state = 'entwurf' OR (reference IS NOT NULL AND submitted_at IS NOT NULL AND status IS NOT NULL))
);
CREATE INDEX applications_client_recent ON applications (client_id, updated_at, id);
CREATE INDEX applications_drafts ON applications (delete_after) WHERE state = 'entwurf';

-- The attachments of an application ("Nachweise"), in object storage under
-- `uploads/` like an upload's files; anhang names the definition's
-- attachment, request_id the document request it answers.
CREATE TABLE application_files (
    id TEXT PRIMARY KEY,
    application_id TEXT NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    anhang TEXT NOT NULL,
    request_id TEXT,
    file_name TEXT NOT NULL,
    media_type TEXT NOT NULL,
    bytes BIGINT NOT NULL CHECK (bytes > 0),
    sha256 TEXT NOT NULL,
    object_key TEXT NOT NULL UNIQUE,
    envelope TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX application_files_application ON application_files (application_id, created_at);

-- "Unterlagen nachfordern": which documents, by when (ISO date); answered
-- when the client sends them.
CREATE TABLE application_requests (
    id TEXT PRIMARY KEY,
    application_id TEXT NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    requested_by TEXT NOT NULL REFERENCES staff (account_id),
    text_sealed TEXT NOT NULL,
    due_on TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    answered_at BIGINT
);
CREATE INDEX application_requests_application ON application_requests (application_id, created_at);

-- The benefit period ("Bewilligungszeitraum", APP-4): set by staff from the
-- Bescheid; the reminder to file the Weiterbewilligungsantrag is sent once
-- per period end (benefit_reminded_for).
ALTER TABLE clients ADD COLUMN benefit_from TEXT;
ALTER TABLE clients ADD COLUMN benefit_until TEXT;
ALTER TABLE clients ADD COLUMN benefit_reminded_for TEXT;
