-- Outside systems that call in (政务服务网 submitting applications, the tax system answering by
-- callback): every signed request is noted, accepted or refused with the reason. An accepted nonce is
-- never accepted again: a replayed request is refused even with a valid signature.
CREATE TABLE inbound_requests (
  id bigserial PRIMARY KEY,
  client text NOT NULL,
  nonce text,
  route text NOT NULL,
  outcome text NOT NULL CHECK (outcome IN ('accepted', 'refused')),
  reason text,
  received_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX inbound_requests_nonce ON inbound_requests (client, nonce) WHERE outcome = 'accepted';

-- An exchange answered later (the tax system's callback): what it said and when, beside the first answer.
ALTER TABLE outbox ADD COLUMN callback jsonb;
ALTER TABLE outbox ADD COLUMN callback_at timestamptz;

-- The 统一社会信用代码 of an organisation (a government organ's starts with 11): the credit platform's
-- 双公示 records name the deciding organ by it. Set by the operator; a record without it is not sent.
ALTER TABLE organizations ADD COLUMN uscc text;

-- Applications 政务服务网 submitted, by its case number (办件编号): one registration each, however often sent.
CREATE TABLE intake_applications (
  application_no text PRIMARY KEY,
  process_id text NOT NULL,
  accepted_at timestamptz NOT NULL DEFAULT now()
);
