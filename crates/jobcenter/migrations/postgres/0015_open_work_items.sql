-- The open views of the inbox ("Meine Aufgaben", the team's, the unassigned)
-- show only items not done, but most items of an office are done (70 % in
-- loadtest listen). Walking the indexes that hold every item, a page fetched
-- and discarded the done ones: PostgreSQL read 436 rows and 602 buffers for
-- the 51 of "Meine Aufgaben" (11 ms cold). These partial indexes hold only
-- open items (51 rows, 198 buffers, 0.7 ms; docs/BENCHMARKS.md). The
-- complete indexes stay for "Erledigt" and the assignee's foreign key.
CREATE INDEX work_items_open_assignee ON work_items (assignee, updated_at, id) WHERE state <> 'erledigt';
CREATE INDEX work_items_open_office ON work_items (office_id, updated_at, id, team, assignee) WHERE state <> 'erledigt';
