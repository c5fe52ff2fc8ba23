-- Referential integrity: foreign keys and CHECK constraints on the tables of
-- 0001 … 0005 (the tables of 0010 carry theirs from the start). The same
-- constraints as postgres/0009; tests/api/schema.rs compares both folders.
--
-- What deleting an account does (ACC-12), as ON DELETE rules:
-- - CASCADE: the account's own Konto data (tokens, sessions, factors,
--   devices, one-time access, its profiles, its staff record).
-- - SET NULL: rows that are kept as a record of something that happened
--   but lose the link to the person: consents (which text version was
--   accepted when), the client's online-communication consents, the client's
--   history (actor), the Freischaltcode that was redeemed.
-- - No foreign key: audit_events.account_id (its rows are hash-chained and
--   must never change; the id stays as a pseudonym, X-3) and the columns
--   that log which staff member did something (record_access_log,
--   print_queue.printed_by, one_time_passwords.issued_by,
--   activation_codes.issued_by, clients.created_by): logs keep the id.
-- A client record belongs to the jobcenter, not to an account: what only
-- gives access to it (profiles, Freischaltcodes, communication options) goes
-- with it; its history (events, consents, access log, print queue) holds it
-- back (NO ACTION), so that deleting a record is a decision of its own.
--
-- SQLite cannot add a constraint to a table, so each table is rebuilt:
-- CREATE TABLE x_new with the constraints (same columns in the same order),
-- INSERT … SELECT, DROP TABLE x, rename, recreate its indexes. sqlx runs this
-- file in a transaction with foreign_keys = ON (which cannot be switched off
-- inside one), so: parents are rebuilt before their children (dropping a
-- table that a rebuilt child already references would delete through it),
-- and rows that a constraint would refuse are first removed or anonymised
-- the way the constraint would have done it had it existed (orphans left by
-- account deletions before this migration). A row that still violates a
-- constraint (only possible by hand-edited data: offices and client records
-- are never deleted) stops the migration instead of being dropped silently.

-- 1. Clean-up. Login state with a value the code never writes is dropped
-- (a new login makes it again); flags the code reads as "= 1" keep their
-- meaning.
DELETE FROM sessions WHERE level NOT IN ('passwort', 'substantiell', 'hoch') OR stage NOT IN ('second_factor', 'setup', 'complete');
DELETE FROM email_tokens WHERE purpose NOT IN ('confirm', 'reset', 'change_email');
DELETE FROM secure_app_linkings WHERE state NOT IN ('waiting', 'registered', 'confirmed', 'rejected');
DELETE FROM secure_app_requests WHERE state NOT IN ('pending', 'approved', 'used', 'denied', 'cancelled');
DELETE FROM secure_app_devices WHERE status NOT IN ('pending', 'active');
UPDATE accounts SET passkey_offer_dismissed = 0 WHERE passkey_offer_dismissed NOT IN (0, 1);
UPDATE staff SET active = 0 WHERE active NOT IN (0, 1);
UPDATE profiles SET is_default = 0 WHERE is_default NOT IN (0, 1);
UPDATE communication_options SET email_notify = 0 WHERE email_notify NOT IN (0, 1);
UPDATE communication_options SET sms_notify = 0 WHERE sms_notify NOT IN (0, 1);
-- Orphans: what the constraints below would have done (consents further
-- down, in their copy).
DELETE FROM email_tokens WHERE account_id NOT IN (SELECT id FROM accounts);
DELETE FROM sessions WHERE account_id NOT IN (SELECT id FROM accounts);
DELETE FROM totp_factors WHERE account_id NOT IN (SELECT id FROM accounts);
DELETE FROM totp_pending WHERE account_id NOT IN (SELECT id FROM accounts);
DELETE FROM passkeys WHERE account_id NOT IN (SELECT id FROM accounts);
DELETE FROM recovery_codes WHERE account_id NOT IN (SELECT id FROM accounts);
DELETE FROM known_browsers WHERE account_id NOT IN (SELECT id FROM accounts);
DELETE FROM secure_app_devices WHERE account_id NOT IN (SELECT id FROM accounts);
DELETE FROM secure_app_linkings WHERE account_id NOT IN (SELECT id FROM accounts);
DELETE FROM secure_app_requests WHERE account_id NOT IN (SELECT id FROM accounts);
DELETE FROM one_time_passwords WHERE account_id NOT IN (SELECT id FROM accounts);
DELETE FROM staff WHERE account_id NOT IN (SELECT id FROM accounts);
DELETE FROM profiles WHERE account_id NOT IN (SELECT id FROM accounts) OR client_id NOT IN (SELECT id FROM clients);
DELETE FROM activation_codes WHERE client_id NOT IN (SELECT id FROM clients);
DELETE FROM communication_options WHERE client_id NOT IN (SELECT id FROM clients);
UPDATE client_events SET actor_account_id = NULL WHERE actor_account_id NOT IN (SELECT id FROM accounts);
UPDATE activation_codes SET used_by_account = NULL WHERE used_by_account NOT IN (SELECT id FROM accounts);
UPDATE clients SET pap_staff_id = NULL WHERE pap_staff_id NOT IN (SELECT account_id FROM staff);
UPDATE sessions SET profile_id = NULL WHERE profile_id NOT IN (SELECT id FROM profiles);
UPDATE secure_app_requests SET device_id = NULL WHERE device_id NOT IN (SELECT id FROM secure_app_devices);

-- Triggers of 0007 on or into rebuilt tables go (a rename checks every
-- trigger of the schema) and come back at the end.
DROP TRIGGER sessions_withdraw_secure_app_request;

-- 2. Accounts (parent of everything below).
CREATE TABLE accounts_new (
    id TEXT PRIMARY KEY,
    email TEXT NOT NULL,
    email_lower TEXT NOT NULL UNIQUE,
    username TEXT,
    username_lower TEXT UNIQUE,
    password_hash TEXT,
    email_confirmed_at BIGINT,
    lang TEXT NOT NULL DEFAULT 'de',
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    webauthn_user_id TEXT,
    passkey_offer_dismissed BIGINT NOT NULL DEFAULT 0 CHECK (passkey_offer_dismissed IN (0, 1))
);
INSERT INTO accounts_new SELECT id, email, email_lower, username, username_lower, password_hash, email_confirmed_at, lang,
    created_at, updated_at, webauthn_user_id, passkey_offer_dismissed FROM accounts;
DROP TABLE accounts;
ALTER TABLE accounts_new RENAME TO accounts;
CREATE INDEX accounts_unconfirmed ON accounts (created_at) WHERE email_confirmed_at IS NULL;

-- 3. The account's Konto data.
-- Consents stay as the record of which text was accepted when (account_id
-- becomes nullable: anonymised when the account goes).
CREATE TABLE consents_new (
    id TEXT PRIMARY KEY,
    account_id TEXT REFERENCES accounts (id) ON DELETE SET NULL,
    kind TEXT NOT NULL CHECK (kind IN ('nutzungsbedingungen', 'einwilligung_email')),
    text_version TEXT NOT NULL,
    granted_at BIGINT NOT NULL,
    revoked_at BIGINT
);
-- (Orphans are anonymised here: the old column refuses NULL.)
INSERT INTO consents_new SELECT id, CASE WHEN account_id IN (SELECT id FROM accounts) THEN account_id END, kind, text_version,
    granted_at, revoked_at FROM consents;
DROP TABLE consents;
ALTER TABLE consents_new RENAME TO consents;
CREATE INDEX consents_account ON consents (account_id);

CREATE TABLE email_tokens_new (
    token_hash TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    purpose TEXT NOT NULL CHECK (purpose IN ('confirm', 'reset', 'change_email')),
    new_email TEXT,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at BIGINT
);
INSERT INTO email_tokens_new SELECT token_hash, account_id, purpose, new_email, created_at, expires_at, used_at FROM email_tokens;
DROP TABLE email_tokens;
ALTER TABLE email_tokens_new RENAME TO email_tokens;
CREATE INDEX email_tokens_account ON email_tokens (account_id);

CREATE TABLE totp_factors_new (
    account_id TEXT PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    secret_sealed TEXT NOT NULL,
    account_label TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    last_step BIGINT NOT NULL DEFAULT 0,
    failed_count BIGINT NOT NULL DEFAULT 0,
    locked_until BIGINT NOT NULL DEFAULT 0
);
INSERT INTO totp_factors_new SELECT account_id, secret_sealed, account_label, created_at, last_step, failed_count, locked_until
    FROM totp_factors;
DROP TABLE totp_factors;
ALTER TABLE totp_factors_new RENAME TO totp_factors;

-- session_hash has no foreign key: a login's session row is replaced when
-- the login completes, and purge_pending removes what is left after a day.
CREATE TABLE totp_pending_new (
    session_hash TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    secret_sealed TEXT NOT NULL,
    account_label TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
INSERT INTO totp_pending_new SELECT session_hash, account_id, secret_sealed, account_label, created_at FROM totp_pending;
DROP TABLE totp_pending;
ALTER TABLE totp_pending_new RENAME TO totp_pending;

CREATE TABLE passkeys_new (
    id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    credential_id TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    passkey_json TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    last_used_at BIGINT
);
INSERT INTO passkeys_new SELECT id, account_id, credential_id, name, passkey_json, created_at, last_used_at FROM passkeys;
DROP TABLE passkeys;
ALTER TABLE passkeys_new RENAME TO passkeys;
CREATE INDEX passkeys_account ON passkeys (account_id);

CREATE TABLE recovery_codes_new (
    id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    code_hash TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    used_at BIGINT
);
INSERT INTO recovery_codes_new SELECT id, account_id, code_hash, created_at, used_at FROM recovery_codes;
DROP TABLE recovery_codes;
ALTER TABLE recovery_codes_new RENAME TO recovery_codes;
CREATE INDEX recovery_codes_account ON recovery_codes (account_id);

CREATE TABLE known_browsers_new (
    account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    browser_hash TEXT NOT NULL,
    first_seen_at BIGINT NOT NULL,
    PRIMARY KEY (account_id, browser_hash)
);
INSERT INTO known_browsers_new SELECT account_id, browser_hash, first_seen_at FROM known_browsers;
DROP TABLE known_browsers;
ALTER TABLE known_browsers_new RENAME TO known_browsers;

CREATE TABLE secure_app_devices_new (
    id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    public_key TEXT NOT NULL,
    secret_hash TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'active')),
    created_at BIGINT NOT NULL,
    linked_at BIGINT,
    last_used_at BIGINT,
    push_endpoint TEXT,
    push_p256dh TEXT,
    push_auth TEXT
);
INSERT INTO secure_app_devices_new SELECT id, account_id, name, public_key, secret_hash, status, created_at, linked_at,
    last_used_at, push_endpoint, push_p256dh, push_auth FROM secure_app_devices;
DROP TABLE secure_app_devices;
ALTER TABLE secure_app_devices_new RENAME TO secure_app_devices;
CREATE INDEX secure_app_devices_account ON secure_app_devices (account_id);

-- device_id has no foreign key: the device registers itself into the
-- linking before its own row is written (api.rs), and a rejected linking
-- keeps the id of the pending device that was removed.
CREATE TABLE secure_app_linkings_new (
    id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    session_hash TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    token_sealed TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('waiting', 'registered', 'confirmed', 'rejected')),
    device_id TEXT
);
INSERT INTO secure_app_linkings_new SELECT id, account_id, session_hash, token_hash, token_sealed, created_at, expires_at, state,
    device_id FROM secure_app_linkings;
DROP TABLE secure_app_linkings;
ALTER TABLE secure_app_linkings_new RENAME TO secure_app_linkings;
CREATE INDEX secure_app_linkings_session ON secure_app_linkings (session_hash);

-- session_hash has no foreign key: a request outlives its login as
-- 'cancelled' (trigger below).
CREATE TABLE secure_app_requests_new (
    id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    session_hash TEXT NOT NULL,
    challenge TEXT NOT NULL,
    number BIGINT NOT NULL,
    choices TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('pending', 'approved', 'used', 'denied', 'cancelled')),
    browser TEXT NOT NULL,
    ip TEXT NOT NULL,
    device_id TEXT REFERENCES secure_app_devices (id) ON DELETE SET NULL,
    answered_at BIGINT,
    used_at BIGINT
);
INSERT INTO secure_app_requests_new SELECT id, account_id, session_hash, challenge, number, choices, created_at, expires_at, state,
    browser, ip, device_id, answered_at, used_at FROM secure_app_requests;
DROP TABLE secure_app_requests;
ALTER TABLE secure_app_requests_new RENAME TO secure_app_requests;
CREATE INDEX secure_app_requests_session ON secure_app_requests (session_hash);
CREATE INDEX secure_app_requests_account ON secure_app_requests (account_id, state);

CREATE TABLE one_time_passwords_new (
    account_id TEXT PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    issued_by TEXT NOT NULL,
    issued_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at BIGINT
);
INSERT INTO one_time_passwords_new SELECT account_id, issued_by, issued_at, expires_at, used_at FROM one_time_passwords;
DROP TABLE one_time_passwords;
ALTER TABLE one_time_passwords_new RENAME TO one_time_passwords;

-- 4. Back office and portal. Offices have no constraint to gain (the
-- parent stays as it is).
CREATE TABLE staff_new (
    account_id TEXT PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    display_name TEXT NOT NULL,
    office_id TEXT NOT NULL REFERENCES offices (id),
    roles TEXT NOT NULL,
    phone TEXT NOT NULL,
    active INTEGER NOT NULL CHECK (active IN (0, 1)),
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
INSERT INTO staff_new SELECT account_id, display_name, office_id, roles, phone, active, created_at, updated_at FROM staff;
DROP TABLE staff;
ALTER TABLE staff_new RENAME TO staff;
CREATE INDEX staff_office ON staff (office_id);

CREATE TABLE clients_new (
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
    office_id TEXT NOT NULL REFERENCES offices (id),
    pap_staff_id TEXT REFERENCES staff (account_id) ON DELETE SET NULL,
    created_by TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
INSERT INTO clients_new SELECT id, kundennummer, given_name, family_name, name_search, birth_date, street, postcode, city, bg_number,
    office_id, pap_staff_id, created_by, created_at, updated_at FROM clients;
DROP TABLE clients;
ALTER TABLE clients_new RENAME TO clients;
CREATE INDEX clients_name_search ON clients (name_search);
CREATE INDEX clients_office ON clients (office_id);

CREATE TABLE activation_codes_new (
    id TEXT PRIMARY KEY,
    client_id TEXT NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    code_hash TEXT NOT NULL UNIQUE,
    issued_by TEXT NOT NULL,
    issued_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at BIGINT,
    used_by_account TEXT REFERENCES accounts (id) ON DELETE SET NULL,
    voided_at BIGINT
);
INSERT INTO activation_codes_new SELECT id, client_id, code_hash, issued_by, issued_at, expires_at, used_at, used_by_account, voided_at
    FROM activation_codes;
DROP TABLE activation_codes;
ALTER TABLE activation_codes_new RENAME TO activation_codes;
CREATE INDEX activation_codes_client ON activation_codes (client_id);

CREATE TABLE profiles_new (
    id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    client_id TEXT NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    relation TEXT NOT NULL CHECK (relation IN ('self', 'representative', 'legal')),
    is_default INTEGER NOT NULL CHECK (is_default IN (0, 1)),
    valid_from BIGINT NOT NULL,
    valid_until BIGINT,
    created_at BIGINT NOT NULL,
    UNIQUE (account_id, client_id)
);
INSERT INTO profiles_new SELECT id, account_id, client_id, relation, is_default, valid_from, valid_until, created_at FROM profiles;
DROP TABLE profiles;
ALTER TABLE profiles_new RENAME TO profiles;
CREATE UNIQUE INDEX profiles_one_self_per_client ON profiles (client_id) WHERE relation = 'self';

-- Sessions after profiles (they point at the profile they act for).
CREATE TABLE sessions_new (
    id_hash TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    level TEXT NOT NULL CHECK (level IN ('passwort', 'substantiell', 'hoch')),
    auth_methods TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL,
    idle_expires_at BIGINT NOT NULL,
    absolute_expires_at BIGINT NOT NULL,
    ip TEXT NOT NULL,
    user_agent TEXT NOT NULL,
    stage TEXT NOT NULL DEFAULT 'complete' CHECK (stage IN ('second_factor', 'setup', 'complete')),
    profile_id TEXT REFERENCES profiles (id) ON DELETE SET NULL
);
INSERT INTO sessions_new SELECT id_hash, account_id, level, auth_methods, created_at, last_seen_at, idle_expires_at,
    absolute_expires_at, ip, user_agent, stage, profile_id FROM sessions;
DROP TABLE sessions;
ALTER TABLE sessions_new RENAME TO sessions;
CREATE INDEX sessions_account ON sessions (account_id);

CREATE TABLE communication_options_new (
    client_id TEXT PRIMARY KEY REFERENCES clients (id) ON DELETE CASCADE,
    email_notify INTEGER NOT NULL CHECK (email_notify IN (0, 1)),
    sms_notify INTEGER NOT NULL CHECK (sms_notify IN (0, 1)),
    mobile_number TEXT,
    updated_at BIGINT NOT NULL
);
INSERT INTO communication_options_new SELECT client_id, email_notify, sms_notify, mobile_number, updated_at FROM communication_options;
DROP TABLE communication_options;
ALTER TABLE communication_options_new RENAME TO communication_options;

-- The client's legal record of Online-Kommunikation stays; who gave it
-- (account_id, now nullable) goes with the account.
CREATE TABLE online_consents_new (
    id TEXT PRIMARY KEY,
    client_id TEXT NOT NULL REFERENCES clients (id),
    account_id TEXT REFERENCES accounts (id) ON DELETE SET NULL,
    action TEXT NOT NULL CHECK (action IN ('granted', 'revoked')),
    text_version TEXT NOT NULL,
    at BIGINT NOT NULL
);
INSERT INTO online_consents_new SELECT id, client_id, CASE WHEN account_id IN (SELECT id FROM accounts) THEN account_id END, action,
    text_version, at FROM online_consents;
DROP TABLE online_consents;
ALTER TABLE online_consents_new RENAME TO online_consents;
CREATE INDEX online_consents_client ON online_consents (client_id, at);

CREATE TABLE record_access_log_new (
    id TEXT PRIMARY KEY,
    client_id TEXT NOT NULL REFERENCES clients (id),
    staff_account_id TEXT NOT NULL,
    what TEXT NOT NULL,
    purpose TEXT NOT NULL,
    at BIGINT NOT NULL
);
INSERT INTO record_access_log_new SELECT id, client_id, staff_account_id, what, purpose, at FROM record_access_log;
DROP TABLE record_access_log;
ALTER TABLE record_access_log_new RENAME TO record_access_log;
CREATE INDEX record_access_log_client ON record_access_log (client_id, at);

CREATE TABLE client_events_new (
    id TEXT PRIMARY KEY,
    client_id TEXT NOT NULL REFERENCES clients (id),
    kind TEXT NOT NULL,
    actor_account_id TEXT REFERENCES accounts (id) ON DELETE SET NULL,
    actor_kind TEXT NOT NULL CHECK (actor_kind IN ('client', 'staff', 'representative', 'system')),
    at BIGINT NOT NULL,
    details TEXT NOT NULL
);
INSERT INTO client_events_new SELECT id, client_id, kind, actor_account_id, actor_kind, at, details FROM client_events;
DROP TABLE client_events;
ALTER TABLE client_events_new RENAME TO client_events;
CREATE INDEX client_events_client ON client_events (client_id, at);

CREATE TABLE print_queue_new (
    id TEXT PRIMARY KEY,
    client_id TEXT NOT NULL REFERENCES clients (id),
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    printed_at BIGINT,
    printed_by TEXT
);
INSERT INTO print_queue_new SELECT id, client_id, kind, title, created_at, printed_at, printed_by FROM print_queue;
DROP TABLE print_queue;
ALTER TABLE print_queue_new RENAME TO print_queue;
CREATE INDEX print_queue_open ON print_queue (created_at) WHERE printed_at IS NULL;
CREATE INDEX print_queue_client ON print_queue (client_id, created_at);

-- 5. Anonymous registration feedback: a rating 1–5 (ACC-5).
CREATE TABLE registration_feedback_new (
    id TEXT PRIMARY KEY,
    rating BIGINT NOT NULL CHECK (rating BETWEEN 1 AND 5),
    created_at BIGINT NOT NULL
);
INSERT INTO registration_feedback_new SELECT id, rating, created_at FROM registration_feedback;
DROP TABLE registration_feedback;
ALTER TABLE registration_feedback_new RENAME TO registration_feedback;

-- 6. The trigger of 0007 on sessions, as it was.
CREATE TRIGGER sessions_withdraw_secure_app_request AFTER DELETE ON sessions
BEGIN
    UPDATE secure_app_requests SET state = 'cancelled' WHERE session_hash = OLD.id_hash AND state = 'pending';
END;
