-- "Bescheide und Nachweise" (POR-3, OKO-3, SGB X § 37 Abs. 2a): a document
-- staff publish for a client. The PDF lives in object storage under
-- `bescheide/` (encrypted like uploads: object_key, envelope). The title is
-- sealed. Delivery is 'online' (made available for retrieval, the client
-- told by mail without content) or 'post' (the print queue). The first
-- retrieval after an authenticated login is the "Abruf": its day gives the
-- announcement (announced_on, ISO date) and, for a Bescheid, the deadline for
-- an objection (objection_until). Not retrieved within the period: posted
-- (posted_at, post_reason). A kind that needs four eyes waits as 'freigabe'
-- until a second member releases it (released_by, released_at); every
-- document passes through 'freigabe', the others in the same transaction.
CREATE TABLE decisions (
    id TEXT PRIMARY KEY,
    client_id TEXT NOT NULL REFERENCES clients (id),
    office_id TEXT NOT NULL REFERENCES offices (id),
    kind TEXT NOT NULL CHECK (kind IN ('bescheid', 'nachweis', 'schreiben')),
    title_sealed TEXT NOT NULL,
    document_date TEXT NOT NULL,
    level TEXT NOT NULL CHECK (level IN ('substantiell', 'hoch')),
    object_key TEXT NOT NULL UNIQUE,
    envelope TEXT NOT NULL,
    bytes BIGINT NOT NULL CHECK (bytes > 0),
    sha256 TEXT NOT NULL,
    published_by TEXT REFERENCES staff (account_id),
    published_at BIGINT NOT NULL,
    delivery TEXT NOT NULL CHECK (delivery IN ('freigabe', 'online', 'post')),
    released_by TEXT REFERENCES staff (account_id),
    released_at BIGINT,
    notified_at BIGINT,
    retrieved_at BIGINT,
    retrieved_by TEXT REFERENCES accounts (id) ON DELETE SET NULL,
    retrieved_power_of_attorney_id TEXT REFERENCES powers_of_attorney (id),
    announced_on TEXT,
    objection_until TEXT,
    posted_at BIGINT,
    post_reason TEXT CHECK (post_reason IN ('ohne_einwilligung', 'nicht_abgerufen'))
);
CREATE INDEX decisions_client_recent ON decisions (client_id, published_at, id);
-- The retrieval period's sweep walks only what is still waiting.
CREATE INDEX decisions_waiting ON decisions (notified_at) WHERE retrieved_at IS NULL AND posted_at IS NULL AND delivery = 'online';

-- A letter in the print queue may be a published document (printed from
-- its PDF).
ALTER TABLE print_queue ADD COLUMN decision_id TEXT REFERENCES decisions (id);
