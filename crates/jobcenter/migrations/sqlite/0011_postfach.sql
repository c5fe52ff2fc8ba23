-- Mailboxes (POR-2). Work items learn the kinds of this wave at once
-- ('nachricht' now; publications, applications and appointment requests
-- next), so that this table need not be rebuilt again for each.
--
-- SQLite cannot change a CHECK, so work_items is rebuilt; its notes and log
-- reference it with ON DELETE CASCADE and foreign_keys is ON inside the
-- migration's transaction, so they are kept aside first, and rebuilt after
-- (same columns, constraints and indexes as in 0010).
CREATE TABLE work_item_notes_keep AS SELECT * FROM work_item_notes;
CREATE TABLE work_item_log_keep AS SELECT * FROM work_item_log;
DROP TABLE work_item_notes;
DROP TABLE work_item_log;

CREATE TABLE work_items_new (
    id TEXT PRIMARY KEY,
    client_id TEXT NOT NULL REFERENCES clients (id),
    office_id TEXT NOT NULL REFERENCES offices (id),
    kind TEXT NOT NULL CHECK (kind IN ('upload', 'nachricht', 'veroeffentlichung', 'antrag', 'termin')),
    subject_id TEXT NOT NULL,
    team TEXT NOT NULL CHECK (team IN ('service', 'leistung', 'vermittlung')),
    state TEXT NOT NULL CHECK (state IN ('eingegangen', 'in_bearbeitung', 'erledigt')),
    assignee TEXT REFERENCES staff (account_id),
    version BIGINT NOT NULL CHECK (version >= 1),
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    UNIQUE (kind, subject_id)
);
INSERT INTO work_items_new SELECT id, client_id, office_id, kind, subject_id, team, state, assignee, version, created_at, updated_at
    FROM work_items;
DROP TABLE work_items;
ALTER TABLE work_items_new RENAME TO work_items;
CREATE INDEX work_items_office_recent ON work_items (office_id, updated_at, id, team, state, assignee);
CREATE INDEX work_items_assignee_recent ON work_items (assignee, updated_at, id, state);
CREATE INDEX work_items_client ON work_items (client_id, created_at);

CREATE TABLE work_item_notes (
    id TEXT PRIMARY KEY,
    item_id TEXT NOT NULL REFERENCES work_items (id) ON DELETE CASCADE,
    author TEXT NOT NULL REFERENCES staff (account_id),
    body_sealed TEXT NOT NULL,
    at BIGINT NOT NULL
);
INSERT INTO work_item_notes SELECT id, item_id, author, body_sealed, at FROM work_item_notes_keep;
DROP TABLE work_item_notes_keep;
CREATE INDEX work_item_notes_item ON work_item_notes (item_id, at);

CREATE TABLE work_item_log (
    id TEXT PRIMARY KEY,
    item_id TEXT NOT NULL REFERENCES work_items (id) ON DELETE CASCADE,
    action TEXT NOT NULL,
    from_state TEXT NOT NULL,
    to_state TEXT NOT NULL,
    by_staff TEXT REFERENCES staff (account_id),
    assignee TEXT,
    at BIGINT NOT NULL
);
INSERT INTO work_item_log SELECT id, item_id, action, from_state, to_state, by_staff, assignee, at FROM work_item_log_keep;
DROP TABLE work_item_log_keep;
CREATE INDEX work_item_log_item ON work_item_log (item_id, at);

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
