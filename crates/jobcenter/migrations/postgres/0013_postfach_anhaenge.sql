-- Drafts and attachments of the mailboxes (POR-2). A draft keeps what a
-- client (or representative) is writing, attachments included, until it
-- is sent or thrown away. An attachment's bytes live in object storage
-- like an upload's (under `uploads/`, encrypted, envelope with key id);
-- it belongs to a draft until the message is sent, then to the message.
CREATE TABLE mailbox_drafts (
    id TEXT PRIMARY KEY,
    client_id TEXT NOT NULL REFERENCES clients (id),
    account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    mailbox TEXT NOT NULL CHECK (mailbox IN ('leistung', 'vermittlung')),
    concern TEXT NOT NULL,
    subject_sealed TEXT NOT NULL,
    body_sealed TEXT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX mailbox_drafts_client ON mailbox_drafts (client_id, account_id, updated_at);

CREATE TABLE mailbox_attachments (
    id TEXT PRIMARY KEY,
    client_id TEXT NOT NULL REFERENCES clients (id),
    message_id TEXT REFERENCES mailbox_messages (id) ON DELETE CASCADE,
    draft_id TEXT REFERENCES mailbox_drafts (id) ON DELETE CASCADE,
    file_name TEXT NOT NULL,
    media_type TEXT NOT NULL,
    bytes BIGINT NOT NULL CHECK (bytes > 0),
    sha256 TEXT NOT NULL,
    object_key TEXT NOT NULL UNIQUE,
    envelope TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    CHECK (message_id IS NOT NULL OR draft_id IS NOT NULL)
);
CREATE INDEX mailbox_attachments_message ON mailbox_attachments (message_id);
CREATE INDEX mailbox_attachments_draft ON mailbox_attachments (draft_id);
