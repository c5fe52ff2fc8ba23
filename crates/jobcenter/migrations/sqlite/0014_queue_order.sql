-- The queues claim "ORDER BY next_attempt_at, id LIMIT 1". With the index
-- on next_attempt_at alone, rows of the same moment (a mass publication
-- queues 100 000 mails within seconds) had to be collected and sorted by
-- id on every claim: each claim grew with the queue (loadtest fanout,
-- docs/BENCHMARKS.md). The index now holds the whole order.
DROP INDEX outbox_due;
CREATE INDEX outbox_due ON outbox (next_attempt_at, id) WHERE sent_at IS NULL AND dead_at IS NULL;
DROP INDEX sms_outbox_due;
CREATE INDEX sms_outbox_due ON sms_outbox (next_attempt_at, id) WHERE sent_at IS NULL AND dead_at IS NULL;
