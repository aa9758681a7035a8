-- Reform that flows up from the zones (issue 23): good practices proposed by a zone and evaluated by the
-- FTZ, enterprises' reform demands, and training sessions for zone staff.

-- A zone's good practice (好经验、好做法), as its process leaves it; accepted, it becomes a P6 measure.
CREATE TABLE reform_practices (
  process_id text PRIMARY KEY,
  zone_code text NOT NULL,
  title text NOT NULL,
  practice text,
  place text,
  started_on date,
  results text,
  status text NOT NULL CHECK (status IN ('PROPOSING', 'EVALUATING', 'ACCEPTED', 'DECLINED')),
  reasons text,
  note text,
  -- Reserved when the FTZ accepts it (activities/reform.ts), once per practice: the P6 measure's code.
  measure_code text UNIQUE,
  due_at timestamptz,
  launched_by jsonb NOT NULL,
  launched_at timestamptz NOT NULL,
  proposed_by jsonb,
  proposed_at timestamptz,
  decided_by jsonb,
  decided_at timestamptz
);
CREATE INDEX reform_practices_zone ON reform_practices (zone_code, status);

-- A measure that came from a zone's practice names it: the innovations report joins on these.
ALTER TABLE reform_measures ADD COLUMN origin_zone_code text;
ALTER TABLE reform_measures ADD COLUMN practice_process_id text;

-- An enterprise's reform demand (企业改革诉求): registered at a window, routed, answered. The contact's
-- name and phone stay in the sealed workflow payload; the registry keeps what the summary needs.
CREATE TABLE reform_demands (
  process_id text PRIMARY KEY,
  zone_code text NOT NULL,
  enterprise_name text NOT NULL,
  uscc text,
  category text NOT NULL,
  demand text NOT NULL,
  received_on date NOT NULL,
  window_org text NOT NULL,
  status text NOT NULL CHECK (status IN ('ROUTING', 'ANSWERING', 'ANSWERED')),
  responsible_org text,
  outcome text CHECK (outcome IN ('resolved', 'adopted', 'explained')),
  answer text,
  due_at timestamptz,
  registered_at timestamptz NOT NULL,
  routed_at timestamptz,
  answered_at timestamptz,
  answered_by jsonb
);
CREATE INDEX reform_demands_zone ON reform_demands (zone_code, received_on);

-- A training session held for zone staff (业务培训), and who attended by organisation.
CREATE TABLE training_sessions (
  id text PRIMARY KEY,
  held_on date NOT NULL,
  topic text NOT NULL,
  place text,
  hours numeric NOT NULL,
  organiser_org text NOT NULL,
  recorded_by jsonb NOT NULL,
  recorded_at timestamptz NOT NULL
);
CREATE TABLE training_attendance (
  session_id text NOT NULL REFERENCES training_sessions (id),
  org_id text NOT NULL,
  attendees integer NOT NULL CHECK (attendees > 0),
  -- [{personName}] when the organiser recorded names: personal data, masked for other readers.
  people jsonb,
  PRIMARY KEY (session_id, org_id)
);
CREATE INDEX training_attendance_org ON training_attendance (org_id);
