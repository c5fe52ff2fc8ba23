-- Fewer round trips on the login paths (docs/BENCHMARKS.md).
--
-- 1. The audit chain's head follows each new event by a trigger, so that
--    recording an event is two statements (advance the head, insert the
--    event) instead of three. The hash is still computed in Rust from the
--    head's last hash, read under the head's row lock.
CREATE TRIGGER audit_events_advance_head AFTER INSERT ON audit_events
BEGIN
    UPDATE audit_head SET last_hash = NEW.hash WHERE id = 1;
END;

-- 2. WebAuthn ceremonies travel sealed (AES-256-GCM) with the browser;
--    the database only remembers which ones were finished, so that each is
--    used once on every node. Starting a ceremony writes nothing.
DROP TABLE webauthn_ceremonies;
CREATE TABLE webauthn_used (
    id_hash TEXT PRIMARY KEY,
    expires_at BIGINT NOT NULL
);
