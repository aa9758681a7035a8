-- The inbox in the order it is read (due first, undated last, newest first): an organisation's
-- first page comes off the index without sorting all its open tasks. tasks_inbox stays for now
-- (additive first); a later release drops it.
CREATE INDEX tasks_inbox_order ON tasks (org_id, status, due_at ASC NULLS LAST, opened_at DESC);
