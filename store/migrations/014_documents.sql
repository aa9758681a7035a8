-- Official documents (issue 18): each issuing organisation's 文号 prefix, a gap-free sequence per
-- organisation and year, the numbered acts with the record they print from, and files attached to steps.

-- A prefix per issuing organisation (营自贸发, 盖政发 …): data, with where it comes from.
CREATE TABLE document_prefixes (
  org_id text PRIMARY KEY,
  prefix text NOT NULL,
  source text NOT NULL,
  -- Not taken from a published document of that organisation: a placeholder for the demonstration.
  demo boolean NOT NULL
);

-- The last number issued per organisation and year. It is raised in the step's own transaction, so a
-- rolled-back step gives its number back and two steps never take the same one (the row lock orders them).
CREATE TABLE document_counters (
  org_id text NOT NULL,
  year integer NOT NULL,
  last integer NOT NULL CHECK (last > 0),
  PRIMARY KEY (org_id, year)
);

-- A numbered act: a signed memorandum or agreement, a recognition letter. `act` is everything its
-- printed document shows, fixed when the number is issued; `pdf` is kept once rendered.
CREATE TABLE documents (
  number text PRIMARY KEY,
  org_id text NOT NULL,
  year integer NOT NULL,
  seq integer NOT NULL,
  kind text NOT NULL CHECK (kind IN ('memorandum', 'agreement', 'recognition', 'approval')),
  ref text NOT NULL,
  process_id text NOT NULL,
  chain_id text NOT NULL,
  step_key text NOT NULL,
  title text NOT NULL,
  issued_at timestamptz NOT NULL,
  act jsonb NOT NULL,
  pdf bytea,
  pdf_sha256 text,
  UNIQUE (org_id, year, seq),
  -- One number per act, whatever retries a step takes.
  UNIQUE (process_id, chain_id, kind, ref)
);
CREATE INDEX documents_process ON documents (process_id);

-- Files attached to a process step, stored content-addressed (SHA-256) outside the database.
CREATE TABLE attachments (
  id text PRIMARY KEY,
  process_id text NOT NULL,
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  size_bytes integer NOT NULL,
  media_type text NOT NULL,
  file_name text NOT NULL,
  purpose text NOT NULL,
  step_ref text,
  uploaded_by jsonb NOT NULL,
  uploaded_at timestamptz NOT NULL
);
CREATE INDEX attachments_process ON attachments (process_id);
