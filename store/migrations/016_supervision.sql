-- Supervision during and after operation (事中事后监管): inspection plans drawn 双随机 from a recorded
-- seed or targeted by risk signals, and each inspection with its result, published (一公开).

CREATE TABLE inspection_plans (
  process_id text PRIMARY KEY,
  zone_code text NOT NULL,
  selection text NOT NULL CHECK (selection IN ('random', 'targeted')),
  title text NOT NULL,
  -- The draw is reproducible from these: the seed, the generator, and the facts it drew from.
  seed text NOT NULL,
  algorithm text NOT NULL,
  -- {grade: {entities, drawn}} and the selection ratios in force for the plan.
  population jsonb NOT NULL,
  ratios jsonb NOT NULL,
  -- The facts drawn from: entities with grade, signals, last inspectors; the roster.
  facts jsonb NOT NULL,
  launched_by jsonb NOT NULL,
  drawn_at timestamptz NOT NULL,
  status text NOT NULL CHECK (status IN ('INSPECTING', 'CONCLUDED')),
  concluded_at timestamptz
);
CREATE INDEX inspection_plans_zone ON inspection_plans (zone_code, drawn_at);

CREATE TABLE inspections (
  id text PRIMARY KEY,
  process_id text NOT NULL REFERENCES inspection_plans (process_id),
  zone_code text NOT NULL,
  uscc text NOT NULL,
  entity_name text NOT NULL,
  grade text NOT NULL CHECK (grade IN ('A', 'B', 'C', 'D')),
  signals text[] NOT NULL DEFAULT '{}',
  -- User ids of the enforcement body's inspectors drawn for it.
  inspectors text[] NOT NULL,
  conflict text,
  enforcement_org text NOT NULL,
  status text NOT NULL CHECK (status IN ('DRAWN', 'RECTIFYING', 'REINSPECTING', 'COMPLIANT', 'PENALTY_CASE')),
  inspected_on date,
  findings text,
  rectify_by date,
  reinspected_on date,
  reinspection_findings text,
  penalty_case_id text,
  concluded_at timestamptz,
  -- 一公开: results are public from the step that records them.
  published_at timestamptz,
  drawn_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX inspections_entity ON inspections (uscc, concluded_at);
CREATE INDEX inspections_published ON inspections (published_at) WHERE published_at IS NOT NULL;
