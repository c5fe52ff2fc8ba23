-- Referential integrity: foreign keys and CHECK constraints on the tables of
-- 0001 … 0005 (the tables of 0010 carry theirs from the start). The same
-- constraints as sqlite/0009; tests/api/schema.rs compares both folders.
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
-- PostgreSQL adds the constraints to the tables as they are (each checks
-- the existing rows). Rows that a constraint would refuse are first removed
-- or anonymised the way the constraint would have done it had it existed
-- (orphans left by account deletions before this migration). A row that
-- still violates a constraint (only possible by hand-edited data: offices
-- and client records are never deleted) stops the migration instead of
-- being dropped silently. Constraint names are PostgreSQL's own defaults
-- (table_column_fkey / _check), as the inline constraints of later
-- migrations get them.

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
-- Orphans: what the constraints below would have done.
ALTER TABLE consents ALTER COLUMN account_id DROP NOT NULL;
ALTER TABLE online_consents ALTER COLUMN account_id DROP NOT NULL;
UPDATE consents SET account_id = NULL WHERE account_id NOT IN (SELECT id FROM accounts);
UPDATE online_consents SET account_id = NULL WHERE account_id NOT IN (SELECT id FROM accounts);
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

-- 2. The account's Konto data.
ALTER TABLE accounts ADD CONSTRAINT accounts_passkey_offer_dismissed_check CHECK (passkey_offer_dismissed IN (0, 1));

ALTER TABLE consents ADD CONSTRAINT consents_account_id_fkey FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE SET NULL;
ALTER TABLE consents ADD CONSTRAINT consents_kind_check CHECK (kind IN ('nutzungsbedingungen', 'einwilligung_email'));

ALTER TABLE email_tokens ADD CONSTRAINT email_tokens_account_id_fkey FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE;
ALTER TABLE email_tokens ADD CONSTRAINT email_tokens_purpose_check CHECK (purpose IN ('confirm', 'reset', 'change_email'));

ALTER TABLE totp_factors ADD CONSTRAINT totp_factors_account_id_fkey FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE;

-- session_hash has no foreign key: a login's session row is replaced when
-- the login completes, and purge_pending removes what is left after a day.
ALTER TABLE totp_pending ADD CONSTRAINT totp_pending_account_id_fkey FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE;

ALTER TABLE passkeys ADD CONSTRAINT passkeys_account_id_fkey FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE;

ALTER TABLE recovery_codes ADD CONSTRAINT recovery_codes_account_id_fkey FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE;

ALTER TABLE known_browsers ADD CONSTRAINT known_browsers_account_id_fkey FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE;

ALTER TABLE secure_app_devices ADD CONSTRAINT secure_app_devices_account_id_fkey
    FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE;
ALTER TABLE secure_app_devices ADD CONSTRAINT secure_app_devices_status_check CHECK (status IN ('pending', 'active'));

-- device_id has no foreign key: the device registers itself into the
-- linking before its own row is written (api.rs), and a rejected linking
-- keeps the id of the pending device that was removed.
ALTER TABLE secure_app_linkings ADD CONSTRAINT secure_app_linkings_account_id_fkey
    FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE;
ALTER TABLE secure_app_linkings ADD CONSTRAINT secure_app_linkings_state_check
    CHECK (state IN ('waiting', 'registered', 'confirmed', 'rejected'));

-- session_hash has no foreign key: a request outlives its login as
-- 'cancelled' (trigger of 0007).
ALTER TABLE secure_app_requests ADD CONSTRAINT secure_app_requests_account_id_fkey
    FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE;
ALTER TABLE secure_app_requests ADD CONSTRAINT secure_app_requests_device_id_fkey
    FOREIGN KEY (device_id) REFERENCES secure_app_devices (id) ON DELETE SET NULL;
ALTER TABLE secure_app_requests ADD CONSTRAINT secure_app_requests_state_check
    CHECK (state IN ('pending', 'approved', 'used', 'denied', 'cancelled'));

ALTER TABLE one_time_passwords ADD CONSTRAINT one_time_passwords_account_id_fkey
    FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE;

-- 3. Back office and portal.
ALTER TABLE staff ADD CONSTRAINT staff_account_id_fkey FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE;
ALTER TABLE staff ADD CONSTRAINT staff_office_id_fkey FOREIGN KEY (office_id) REFERENCES offices (id);
ALTER TABLE staff ADD CONSTRAINT staff_active_check CHECK (active IN (0, 1));

ALTER TABLE clients ADD CONSTRAINT clients_office_id_fkey FOREIGN KEY (office_id) REFERENCES offices (id);
ALTER TABLE clients ADD CONSTRAINT clients_pap_staff_id_fkey FOREIGN KEY (pap_staff_id) REFERENCES staff (account_id) ON DELETE SET NULL;

ALTER TABLE activation_codes ADD CONSTRAINT activation_codes_client_id_fkey FOREIGN KEY (client_id) REFERENCES clients (id) ON DELETE CASCADE;
ALTER TABLE activation_codes ADD CONSTRAINT activation_codes_used_by_account_fkey
    FOREIGN KEY (used_by_account) REFERENCES accounts (id) ON DELETE SET NULL;

ALTER TABLE profiles ADD CONSTRAINT profiles_account_id_fkey FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE;
ALTER TABLE profiles ADD CONSTRAINT profiles_client_id_fkey FOREIGN KEY (client_id) REFERENCES clients (id) ON DELETE CASCADE;
ALTER TABLE profiles ADD CONSTRAINT profiles_relation_check CHECK (relation IN ('self', 'representative', 'legal'));
ALTER TABLE profiles ADD CONSTRAINT profiles_is_default_check CHECK (is_default IN (0, 1));

ALTER TABLE sessions ADD CONSTRAINT sessions_account_id_fkey FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE;
ALTER TABLE sessions ADD CONSTRAINT sessions_profile_id_fkey FOREIGN KEY (profile_id) REFERENCES profiles (id) ON DELETE SET NULL;
ALTER TABLE sessions ADD CONSTRAINT sessions_level_check CHECK (level IN ('passwort', 'substantiell', 'hoch'));
ALTER TABLE sessions ADD CONSTRAINT sessions_stage_check CHECK (stage IN ('second_factor', 'setup', 'complete'));

ALTER TABLE communication_options ADD CONSTRAINT communication_options_client_id_fkey
    FOREIGN KEY (client_id) REFERENCES clients (id) ON DELETE CASCADE;
ALTER TABLE communication_options ADD CONSTRAINT communication_options_email_notify_check CHECK (email_notify IN (0, 1));
ALTER TABLE communication_options ADD CONSTRAINT communication_options_sms_notify_check CHECK (sms_notify IN (0, 1));

-- The client's legal record of Online-Kommunikation stays; who gave it
-- (account_id, nullable since the clean-up above) goes with the account.
ALTER TABLE online_consents ADD CONSTRAINT online_consents_client_id_fkey FOREIGN KEY (client_id) REFERENCES clients (id);
ALTER TABLE online_consents ADD CONSTRAINT online_consents_account_id_fkey
    FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE SET NULL;
ALTER TABLE online_consents ADD CONSTRAINT online_consents_action_check CHECK (action IN ('granted', 'revoked'));

ALTER TABLE record_access_log ADD CONSTRAINT record_access_log_client_id_fkey FOREIGN KEY (client_id) REFERENCES clients (id);

ALTER TABLE client_events ADD CONSTRAINT client_events_client_id_fkey FOREIGN KEY (client_id) REFERENCES clients (id);
ALTER TABLE client_events ADD CONSTRAINT client_events_actor_account_id_fkey
    FOREIGN KEY (actor_account_id) REFERENCES accounts (id) ON DELETE SET NULL;
ALTER TABLE client_events ADD CONSTRAINT client_events_actor_kind_check
    CHECK (actor_kind IN ('client', 'staff', 'representative', 'system'));

ALTER TABLE print_queue ADD CONSTRAINT print_queue_client_id_fkey FOREIGN KEY (client_id) REFERENCES clients (id);

-- 4. Anonymous registration feedback: a rating 1–5 (ACC-5).
ALTER TABLE registration_feedback ADD CONSTRAINT registration_feedback_rating_check CHECK (rating BETWEEN 1 AND 5);
