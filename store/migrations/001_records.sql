-- Identity: organisations, users and their roles.
CREATE TABLE organizations (
  id text PRIMARY KEY,
  name_zh text NOT NULL,
  name_en text NOT NULL,
  kind text NOT NULL,
  county_code text,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
  id text PRIMARY KEY,
  username text NOT NULL UNIQUE,
  org_id text NOT NULL REFERENCES organizations (id),
  roles text[] NOT NULL,
  password_hash text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Reference data, versioned by validity dates.
CREATE TABLE divisions (
  code text PRIMARY KEY,
  name_zh text NOT NULL,
  name_en text NOT NULL,
  level text NOT NULL CHECK (level IN ('city', 'county')),
  parent_code text,
  valid_from date NOT NULL,
  valid_to date
);

CREATE TABLE calendar_years (
  year integer PRIMARY KEY,
  holidays text[] NOT NULL,
  workdays text[] NOT NULL,
  provisional boolean NOT NULL,
  source text NOT NULL
);

-- Policy configuration: a value per key, optionally narrowed to one scope (a county code).
CREATE TABLE policies (
  key text NOT NULL,
  scope text NOT NULL DEFAULT '*',
  value jsonb NOT NULL,
  PRIMARY KEY (key, scope)
);

-- One row per workflow step that wrote records: a retried step finds its first result here.
CREATE TABLE step_results (
  key text PRIMARY KEY,
  result jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- The task ledger: every pending human step of every process.
CREATE TABLE tasks (
  id text PRIMARY KEY,
  process_id text NOT NULL,
  process_type text NOT NULL,
  action text NOT NULL,
  org_id text NOT NULL,
  role text NOT NULL,
  title_zh text NOT NULL,
  title_en text NOT NULL,
  due_at timestamptz,
  status text NOT NULL CHECK (status IN ('open', 'done', 'cancelled')),
  context jsonb NOT NULL DEFAULT '{}',
  opened_at timestamptz NOT NULL,
  closed_at timestamptz,
  closed_by jsonb
);
CREATE INDEX tasks_inbox ON tasks (org_id, status, due_at);
CREATE INDEX tasks_process ON tasks (process_id);

-- What happened, who did it and when: the readable timeline of every process.
CREATE TABLE process_events (
  process_id text NOT NULL,
  chain_id text NOT NULL,
  seq integer NOT NULL,
  process_type text NOT NULL,
  at timestamptz NOT NULL,
  kind text NOT NULL,
  actor jsonb,
  data jsonb NOT NULL DEFAULT '{}',
  PRIMARY KEY (process_id, chain_id, seq)
);

-- Memorandum versions, as drafted, returned, signed or superseded.
CREATE TABLE memoranda (
  chain_id text NOT NULL,
  version integer NOT NULL,
  process_id text NOT NULL,
  county_code text NOT NULL,
  content jsonb NOT NULL,
  status text NOT NULL CHECK (status IN ('draft', 'returned', 'signed', 'superseded', 'void')),
  drafted_by jsonb NOT NULL,
  drafted_at timestamptz NOT NULL,
  signatures jsonb NOT NULL DEFAULT '{}',
  PRIMARY KEY (chain_id, version)
);

-- The zone registry.
CREATE TABLE zones (
  code text PRIMARY KEY,
  name text NOT NULL,
  status text NOT NULL CHECK (status IN ('ACTIVE_PENDING_BODY', 'ACTIVE', 'SUSPENDED', 'TERMINATED')),
  memorandum_version integer NOT NULL,
  area_km2 numeric NOT NULL,
  boundary jsonb NOT NULL,
  body jsonb,
  org_id text,
  process_id text NOT NULL,
  established_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);

-- Reminders and escalations sent to organisations.
CREATE TABLE notifications (
  id bigserial PRIMARY KEY,
  process_id text NOT NULL,
  org_id text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('reminder', 'escalation')),
  message text NOT NULL,
  at timestamptz NOT NULL
);
CREATE INDEX notifications_org ON notifications (org_id, at);
