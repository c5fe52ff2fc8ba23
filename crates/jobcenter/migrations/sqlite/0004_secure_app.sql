-- Secure-App (MFA-30 … MFA-34): linked devices, the 4-minute linking
-- records, and the login approval requests with number matching. All of it
-- in the database, so an approval that reaches one node releases the
-- waiting page served by another.

-- A phone (or any device running the companion) linked to an account.
-- 'pending': registered with a linking token, not yet confirmed in the
-- portal (it can do nothing yet); 'active': confirmed, a way in.
-- public_key: the uncompressed SEC1 point of its P-256 key, base64url.
-- secret_hash: SHA-256 of the bearer secret the device received.
CREATE TABLE secure_app_devices (
    id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL,
    name TEXT NOT NULL,
    public_key TEXT NOT NULL,
    secret_hash TEXT NOT NULL,
    status TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    linked_at BIGINT,
    last_used_at BIGINT,
    -- Web Push subscription (optional; approvals never depend on it).
    push_endpoint TEXT,
    push_p256dh TEXT,
    push_auth TEXT
);
CREATE INDEX secure_app_devices_account ON secure_app_devices (account_id);

-- One set-up attempt: valid 4 minutes, bound to the login (session) that
-- started it. The token is stored as a hash (lookup) and sealed (so the
-- same session can show the link and QR code again).
-- state: 'waiting' → 'registered' (a device sent its key) → 'confirmed'
-- or 'rejected'.
CREATE TABLE secure_app_linkings (
    id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL,
    session_hash TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    token_sealed TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    state TEXT NOT NULL,
    device_id TEXT
);
CREATE INDEX secure_app_linkings_session ON secure_app_linkings (session_hash);

-- One login approval (MFA-33): bound to the partial login (session) that
-- created it, expires after 2 minutes, used once.
-- state: 'pending' → 'approved' → 'used', or 'denied'; 'cancelled' when
-- the same login asked again.
-- choices: the three numbers the app offers, comma-separated, in the order
-- shown; number: the one the browser shows.
CREATE TABLE secure_app_requests (
    id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL,
    session_hash TEXT NOT NULL,
    challenge TEXT NOT NULL,
    number BIGINT NOT NULL,
    choices TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    state TEXT NOT NULL,
    browser TEXT NOT NULL,
    ip TEXT NOT NULL,
    device_id TEXT,
    answered_at BIGINT,
    used_at BIGINT
);
CREATE INDEX secure_app_requests_session ON secure_app_requests (session_hash);
CREATE INDEX secure_app_requests_account ON secure_app_requests (account_id, state);
