-- Mailboxes (POR-2). Work items learn the kinds of this wave at once
-- ('nachricht' now; publications, applications and appointment requests
-- next), so that SQLite's table need not be rebuilt again for each.
ALTER TABLE work_items DROP CONSTRAINT work_items_kind_check;
ALTER TABLE work_items ADD CONSTRAINT work_items_kind_check
    CHECK (kind IN ('upload', 'nachricht', 'veroeffentlichung', 'antrag', 'termin'));

-- "Leistungspostfach" and "Vermittlungspostfach" (POR-2): a thread per
-- concern, its messages in order (seq, unique per thread: two members
-- answering at once both get a place, the thread row's update serialises
-- them). Subject and bodies are sealed (crypto::SecretBox, bound to the
-- row id). The read state is a counter per side. A message by a
-- representative keeps the power of attorney it was sent under (REP-3).
CREATE TABLE mailbox_threads (
    id TEXT PRIMARY KEY,
    client_id TEXT NOT NULL REFERENCES clients (id),
    office_id TEXT NOT NULL REFERENCES offices (id),
    mailbox TEXT NOT NULL CHECK (mailbox IN ('leistung', 'vermittlung')),
    concern TEXT NOT NULL,
    subject_sealed TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    last_message_at BIGINT NOT NULL,
    client_unread BIGINT NOT NULL CHECK (client_unread >= 0),
    staff_unread BIGINT NOT NULL CHECK (staff_unread >= 0),
    messages BIGINT NOT NULL CHECK (messages >= 1)
);
CREATE INDEX mailbox_threads_client_recent ON mailbox_threads (client_id, mailbox, last_message_at, id);

CREATE TABLE mailbox_messages (
    id TEXT PRIMARY KEY,
    thread_id TEXT NOT NULL REFERENCES mailbox_threads (id) ON DELETE CASCADE,
    seq BIGINT NOT NULL CHECK (seq >= 1),
    from_staff BIGINT NOT NULL CHECK (from_staff IN (0, 1)),
    author_account_id TEXT REFERENCES accounts (id) ON DELETE SET NULL,
    author_name TEXT NOT NULL,
    power_of_attorney_id TEXT REFERENCES powers_of_attorney (id),
    body_sealed TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    UNIQUE (thread_id, seq)
);

-- When the client was last told by mail of a new message (PRF-6): answers
-- within the window after it make no further mail.
CREATE TABLE mailbox_notifications (
    client_id TEXT PRIMARY KEY REFERENCES clients (id),
    last_sent_at BIGINT NOT NULL
);
