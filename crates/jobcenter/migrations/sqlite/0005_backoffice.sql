-- Back office (ADM-1 … ADM-5, MFA-70): one-time access data issued by
-- staff after an ID check ("Einmal-Zugangsdaten"). The account's password
-- is replaced by a random one; it opens one login (which then has to set up
-- a new factor at the gate) until it expires. Setting a password removes
-- the row.
CREATE TABLE one_time_passwords (
    account_id TEXT PRIMARY KEY,
    issued_by TEXT NOT NULL,
    issued_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at BIGINT
);

CREATE INDEX staff_office ON staff (office_id);
CREATE INDEX clients_office ON clients (office_id);
CREATE INDEX print_queue_client ON print_queue (client_id, created_at);
