-- P4: penalty decisions local enforcement imposed under an entrusted power, reported (抄报) by the zone
-- and recognised (认可) by the FTZ; one row per decision, kept current by the penalty-report process.
CREATE TABLE penalties (
  decision_number text PRIMARY KEY,
  uscc text NOT NULL,
  zone_code text NOT NULL,
  enforcement_org text NOT NULL,
  power_code text NOT NULL,
  -- The agreement that put the power in force for the zone on the decision date (the authority rule).
  agreement_id text NOT NULL,
  violation text NOT NULL,
  legal_basis text NOT NULL,
  -- {kind: warning|fine|licenceRevocation|other, amount?, description?}
  penalty jsonb NOT NULL,
  grade text NOT NULL CHECK (grade IN ('minor', 'general', 'serious')),
  decided_on date NOT NULL,
  delivered_on date NOT NULL,
  case_id text,
  status text NOT NULL CHECK (status IN ('RECORDED', 'REPORTED', 'RETURNED', 'RECOGNISED', 'WITHDRAWN')),
  -- The first report; statistics count a penalty as reported in this month.
  reported_at timestamptz,
  recognised_at timestamptz,
  withdrawn_at timestamptz,
  withdrawal_reason text,
  -- Returns for correction so far.
  rounds integer NOT NULL DEFAULT 0,
  -- Time the case waited on each side: the zone (to report, to correct) and the FTZ (to review).
  zone_held_ms bigint NOT NULL DEFAULT 0,
  ftz_held_ms bigint NOT NULL DEFAULT 0,
  credit_record_id text,
  process_id text NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX penalties_zone ON penalties (zone_code, status);
CREATE INDEX penalties_entity ON penalties (uscc);
CREATE INDEX penalties_reported ON penalties (reported_at);

-- Each FTZ review of a penalty: round 1 is the first review, round n + 1 the review after n returns.
CREATE TABLE penalty_reviews (
  decision_number text NOT NULL REFERENCES penalties (decision_number),
  round integer NOT NULL,
  outcome text NOT NULL CHECK (outcome IN ('returned', 'recognised')),
  -- Reason codes of a return (domain/penalties.ts RETURN_REASONS); empty for a recognition.
  reasons jsonb NOT NULL DEFAULT '[]',
  note text,
  reviewed_at timestamptz NOT NULL,
  -- {userId, orgId}
  reviewer jsonb NOT NULL,
  PRIMARY KEY (decision_number, round)
);
CREATE INDEX penalty_reviews_month ON penalty_reviews (reviewed_at);
