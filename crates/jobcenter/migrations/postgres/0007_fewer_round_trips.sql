-- Fewer round trips on the login paths (docs/BENCHMARKS.md).
--
-- 1. The audit chain's head follows each new event by a trigger, so that
--    recording an event is two statements (advance the head, insert the
--    event) instead of three. The hash is still computed in Rust from the
--    head's last hash, read under the head's row lock.
CREATE FUNCTION audit_events_advance_head() RETURNS trigger AS $$
BEGIN
    UPDATE audit_head SET last_hash = NEW.hash WHERE id = 1;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER audit_events_advance_head AFTER INSERT ON audit_events
    FOR EACH ROW EXECUTE FUNCTION audit_events_advance_head();

-- 2. WebAuthn ceremonies travel sealed (AES-256-GCM) with the browser;
--    the database only remembers which ones were finished, so that each is
--    used once on every node. Starting a ceremony writes nothing.
DROP TABLE webauthn_ceremonies;
CREATE TABLE webauthn_used (
    id_hash TEXT PRIMARY KEY,
    expires_at BIGINT NOT NULL
);

-- 3. A login that ends (logout, expiry, completed another way: its session
--    row is deleted) withdraws its pending Secure-App request, so the phone
--    stops offering it, without a statement of its own on the login path.
CREATE FUNCTION sessions_withdraw_secure_app_request() RETURNS trigger AS $$
BEGIN
    UPDATE secure_app_requests SET state = 'cancelled' WHERE session_hash = OLD.id_hash AND state = 'pending';
    RETURN OLD;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER sessions_withdraw_secure_app_request AFTER DELETE ON sessions
    FOR EACH ROW EXECUTE FUNCTION sessions_withdraw_secure_app_request();
