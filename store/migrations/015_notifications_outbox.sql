-- Notifications reach their organisation: a new task is one too, each is read (or not) by its
-- organisation, and each knows the step that wrote it (what its deliveries are keyed by).
ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check;
ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check CHECK (kind IN ('reminder', 'escalation', 'task'));
ALTER TABLE notifications ADD COLUMN step_key text;
ALTER TABLE notifications ADD COLUMN read_at timestamptz;
ALTER TABLE notifications ADD COLUMN read_by text;
CREATE INDEX notifications_unread ON notifications (org_id) WHERE read_at IS NULL;
CREATE INDEX notifications_process ON notifications (process_id);

-- Where an organisation wants its notifications besides the console: an e-mail address, a chat
-- robot's webhook (DingTalk, WeCom). Data, set by the organisation's admin.
CREATE TABLE notification_channels (
  org_id text NOT NULL,
  channel text NOT NULL CHECK (channel IN ('email', 'webhook')),
  target text NOT NULL,
  enabled boolean NOT NULL DEFAULT true,
  updated_by text NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (org_id, channel)
);

-- What must leave the product, written in the step's transaction and delivered afterwards by
-- activities. The key is derived from the step (never the attempt): a message is written once and a
-- receiver can recognise a repeat by it.
CREATE TABLE outbox (
  id bigserial PRIMARY KEY,
  idempotency_key text NOT NULL UNIQUE,
  step_key text NOT NULL,
  process_id text NOT NULL,
  org_id text NOT NULL,
  channel text NOT NULL,
  target text NOT NULL,
  payload jsonb NOT NULL,
  notification_id bigint REFERENCES notifications (id),
  -- An exchange with an outside system: the process told of its answer (or its failure).
  reply_to text,
  status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SENT', 'FAILED')),
  attempts integer NOT NULL DEFAULT 0,
  last_error text,
  answer jsonb,
  created_at timestamptz NOT NULL,
  last_attempt_at timestamptz,
  sent_at timestamptz
);
CREATE INDEX outbox_step ON outbox (step_key);
CREATE INDEX outbox_process ON outbox (process_id);
CREATE INDEX outbox_unsent ON outbox (status) WHERE status <> 'SENT';
