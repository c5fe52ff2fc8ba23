-- Portal and back office (PRF, OKO, POR-1, ADM-1 … ADM-5, MFA-70): offices,
-- staff, client records, Freischaltcodes, profiles, communication options,
-- online-communication consents, the staff access log, the print queue.
-- Same conventions as 0001: ids UUIDv7 TEXT, unix seconds, flags 0/1.

-- A jobcenter office (Dienststelle).
CREATE TABLE offices (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    street TEXT NOT NULL,
    postcode TEXT NOT NULL,
    city TEXT NOT NULL,
    phone TEXT NOT NULL,
    created_at BIGINT NOT NULL
);

-- Staff are Konto accounts with a staff record: they log in through the
-- same login (password, then TOTP or passkey; never without a factor).
-- roles: comma-separated subset of service,leistung,vermittlung,admin.
CREATE TABLE staff (
    account_id TEXT PRIMARY KEY,
    display_name TEXT NOT NULL,
    office_id TEXT NOT NULL,
    roles TEXT NOT NULL,
    phone TEXT NOT NULL,
    active INTEGER NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);

-- A client record (ADM-2). kundennummer as printed ("123A456789").
-- pap_staff_id: the staff account of the persönliche Ansprechperson.
CREATE TABLE clients (
    id TEXT PRIMARY KEY,
    kundennummer TEXT NOT NULL UNIQUE,
    given_name TEXT NOT NULL,
    family_name TEXT NOT NULL,
    name_search TEXT NOT NULL,
    birth_date TEXT NOT NULL,
    street TEXT NOT NULL,
    postcode TEXT NOT NULL,
    city TEXT NOT NULL,
    bg_number TEXT NOT NULL,
    office_id TEXT NOT NULL,
    pap_staff_id TEXT,
    created_by TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX clients_name_search ON clients (name_search);

-- Freischaltcodes (PRF-2): SHA-256 of the canonical code; one live code per
-- client (issuing a new one voids the old: voided_at).
CREATE TABLE activation_codes (
    id TEXT PRIMARY KEY,
    client_id TEXT NOT NULL,
    code_hash TEXT NOT NULL UNIQUE,
    issued_by TEXT NOT NULL,
    issued_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at BIGINT,
    used_by_account TEXT,
    voided_at BIGINT
);
CREATE INDEX activation_codes_client ON activation_codes (client_id);

-- Profiles an account may act for (PRF-5): its own client profile
-- (relation 'self', made by a Freischaltcode) and, later, the profiles it
-- represents ('representative', REP) or legally represents ('legal').
-- is_default marks the "Standardprofil" opened after login.
CREATE TABLE profiles (
    id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL,
    client_id TEXT NOT NULL,
    relation TEXT NOT NULL,
    is_default INTEGER NOT NULL,
    valid_from BIGINT NOT NULL,
    valid_until BIGINT,
    created_at BIGINT NOT NULL,
    UNIQUE (account_id, client_id)
);
CREATE UNIQUE INDEX profiles_one_self_per_client ON profiles (client_id) WHERE relation = 'self';

-- The profile a session acts for (NULL: "Privatperson ohne Profil").
ALTER TABLE sessions ADD COLUMN profile_id TEXT;

-- Kommunikationsoptionen of a client (PRF-6).
CREATE TABLE communication_options (
    client_id TEXT PRIMARY KEY,
    email_notify INTEGER NOT NULL,
    sms_notify INTEGER NOT NULL,
    mobile_number TEXT,
    updated_at BIGINT NOT NULL
);

-- Online-Kommunikation (OKO-2): append-only; the newest row per client is
-- the status. action: 'granted' | 'revoked'.
CREATE TABLE online_consents (
    id TEXT PRIMARY KEY,
    client_id TEXT NOT NULL,
    account_id TEXT NOT NULL,
    action TEXT NOT NULL,
    text_version TEXT NOT NULL,
    at BIGINT NOT NULL
);
CREATE INDEX online_consents_client ON online_consents (client_id, at);

-- Every staff view of a client record (ADM-5): who, what, when, why.
CREATE TABLE record_access_log (
    id TEXT PRIMARY KEY,
    client_id TEXT NOT NULL,
    staff_account_id TEXT NOT NULL,
    what TEXT NOT NULL,
    purpose TEXT NOT NULL,
    at BIGINT NOT NULL
);
CREATE INDEX record_access_log_client ON record_access_log (client_id, at);

-- Profile history (PRF-7) beside the account's audit chain: activation,
-- consents, access help, later documents and representatives' actions.
-- actor_kind: 'client' | 'staff' | 'representative' | 'system'.
CREATE TABLE client_events (
    id TEXT PRIMARY KEY,
    client_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    actor_account_id TEXT,
    actor_kind TEXT NOT NULL,
    at BIGINT NOT NULL,
    details TEXT NOT NULL
);
CREATE INDEX client_events_client ON client_events (client_id, at);

-- Letters for clients without online communication (OKO-3): the print queue.
CREATE TABLE print_queue (
    id TEXT PRIMARY KEY,
    client_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    printed_at BIGINT,
    printed_by TEXT
);
CREATE INDEX print_queue_open ON print_queue (created_at) WHERE printed_at IS NULL;

-- SMS go through a durable queue like mail (X-4); the body is encrypted.
CREATE TABLE sms_outbox (
    id TEXT PRIMARY KEY,
    to_number TEXT NOT NULL,
    body_sealed TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    next_attempt_at BIGINT NOT NULL,
    attempts BIGINT NOT NULL,
    lease_until BIGINT,
    sent_at BIGINT,
    dead_at BIGINT,
    last_error TEXT
);
CREATE INDEX sms_outbox_due ON sms_outbox (next_attempt_at) WHERE sent_at IS NULL AND dead_at IS NULL;
