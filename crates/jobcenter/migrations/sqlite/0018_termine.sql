-- "Termine" (POR-5): slots staff publish for booking ("Termine
-- vereinbaren") and the clients' appointments. A booking counts the slot's
-- places with a conditional UPDATE (booked < capacity) in the booking's
-- transaction, so two clients never get the last place; the CHECK holds
-- it even against a faulty statement. `sequence` rises with every change
-- of an appointment (the calendar file's SEQUENCE, RFC 5545).
CREATE TABLE appointment_slots (
    id TEXT PRIMARY KEY,
    office_id TEXT NOT NULL REFERENCES offices (id),
    kind TEXT NOT NULL CHECK (kind IN ('vor_ort', 'telefon', 'video')),
    topic TEXT NOT NULL,
    starts_at BIGINT NOT NULL,
    minutes INTEGER NOT NULL CHECK (minutes BETWEEN 5 AND 480),
    capacity INTEGER NOT NULL CHECK (capacity BETWEEN 1 AND 50),
    booked INTEGER NOT NULL DEFAULT 0 CHECK (booked >= 0 AND booked <= capacity),
    team TEXT NOT NULL,
    staff_id TEXT REFERENCES staff (account_id),
    place TEXT NOT NULL,
    created_by TEXT NOT NULL REFERENCES staff (account_id),
    created_at BIGINT NOT NULL
);
CREATE INDEX appointment_slots_free ON appointment_slots (office_id, topic, starts_at);

CREATE TABLE appointments (
    id TEXT PRIMARY KEY,
    client_id TEXT NOT NULL REFERENCES clients (id),
    office_id TEXT NOT NULL REFERENCES offices (id),
    slot_id TEXT REFERENCES appointment_slots (id),
    kind TEXT NOT NULL CHECK (kind IN ('vor_ort', 'telefon', 'video')),
    topic TEXT NOT NULL,
    starts_at BIGINT NOT NULL,
    minutes INTEGER NOT NULL,
    place TEXT NOT NULL,
    staff_id TEXT REFERENCES staff (account_id),
    -- 'gebucht' (from a slot), 'eingeladen' (an invitation), 'bestaetigt'
    -- (the client confirmed it), 'verschiebung' (the client asked to move
    -- it: move_reason), 'abgesagt'.
    state TEXT NOT NULL CHECK (state IN ('gebucht', 'eingeladen', 'bestaetigt', 'verschiebung', 'abgesagt')),
    invited_by TEXT REFERENCES staff (account_id),
    purpose_sealed TEXT,
    move_reason_sealed TEXT,
    answer_sealed TEXT,
    video_link TEXT NOT NULL DEFAULT '',
    -- Staff record whether it took place (NULL: not recorded).
    attended INTEGER CHECK (attended IN (0, 1)),
    sequence INTEGER NOT NULL DEFAULT 0,
    booked_by TEXT REFERENCES accounts (id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    cancelled_at BIGINT,
    -- The sequence a reminder went out for, per channel: a changed date
    -- (a higher sequence) brings a new reminder, a cancelled one none.
    mail_reminded_seq INTEGER,
    sms_reminded_seq INTEGER
);
CREATE UNIQUE INDEX appointments_once_per_slot ON appointments (slot_id, client_id) WHERE state = 'gebucht';
CREATE INDEX appointments_client ON appointments (client_id, starts_at, id);
CREATE INDEX appointments_due ON appointments (starts_at) WHERE state <> 'abgesagt';

-- Reminder channels a client switched off from a reminder mail
-- (one click, no login).
CREATE TABLE appointment_reminder_optouts (
    client_id TEXT NOT NULL REFERENCES clients (id),
    channel TEXT NOT NULL CHECK (channel IN ('mail')),
    created_at BIGINT NOT NULL,
    PRIMARY KEY (client_id, channel)
);
