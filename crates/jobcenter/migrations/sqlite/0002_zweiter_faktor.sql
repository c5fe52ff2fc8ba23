-- Second factor (MFA-1 … MFA-24, MFA-50, MFA-61): session stages, TOTP,
-- passkeys with their WebAuthn ceremonies, recovery codes, known browsers.

ALTER TABLE accounts ADD COLUMN webauthn_user_id TEXT;
ALTER TABLE accounts ADD COLUMN passkey_offer_dismissed BIGINT NOT NULL DEFAULT 0;

-- 'second_factor': password right, factor not yet given;
-- 'setup': password right, the account has no factor yet (the gate);
-- 'complete': fully signed in at the session's level.
ALTER TABLE sessions ADD COLUMN stage TEXT NOT NULL DEFAULT 'complete';

CREATE TABLE totp_factors (
    account_id TEXT PRIMARY KEY,
    secret_sealed TEXT NOT NULL,
    account_label TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    last_step BIGINT NOT NULL DEFAULT 0,
    failed_count BIGINT NOT NULL DEFAULT 0,
    locked_until BIGINT NOT NULL DEFAULT 0
);

-- A key being set up belongs to one login (session), never to the account:
-- whoever else knows the password must not see the key the owner confirms.
CREATE TABLE totp_pending (
    session_hash TEXT PRIMARY KEY,
    account_id TEXT NOT NULL,
    secret_sealed TEXT NOT NULL,
    account_label TEXT NOT NULL,
    created_at BIGINT NOT NULL
);

CREATE TABLE passkeys (
    id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL,
    credential_id TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    passkey_json TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    last_used_at BIGINT
);
CREATE INDEX passkeys_account ON passkeys (account_id);

CREATE TABLE webauthn_ceremonies (
    id_hash TEXT PRIMARY KEY,
    account_id TEXT,
    kind TEXT NOT NULL,
    state_json TEXT NOT NULL,
    data TEXT NOT NULL DEFAULT '',
    expires_at BIGINT NOT NULL
);

CREATE TABLE recovery_codes (
    id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL,
    code_hash TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    used_at BIGINT
);
CREATE INDEX recovery_codes_account ON recovery_codes (account_id);

CREATE TABLE known_browsers (
    account_id TEXT NOT NULL,
    browser_hash TEXT NOT NULL,
    first_seen_at BIGINT NOT NULL,
    PRIMARY KEY (account_id, browser_hash)
);
