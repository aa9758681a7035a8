-- P5 economic indicators: what each figure counts, its unit and checks, by edition (seeds/economic-indicators.ts).
CREATE TABLE indicator_editions (
  edition text PRIMARY KEY,
  effective_from date NOT NULL,
  source text NOT NULL,
  -- [{code, nameZh, nameEn, unit, definitionZh, decimals, min, max}]
  definitions jsonb NOT NULL
);

-- Each zone's report of a month: offered (PENDING) when the round is launched, then reported, returned
-- and resubmitted any number of times, and ACCEPTED once; only accepted figures count in the statistics.
CREATE TABLE indicator_reports (
  period text NOT NULL CHECK (period ~ '^\d{4}-(0[1-9]|1[0-2])$'),
  zone_code text NOT NULL,
  -- The month's first instant (China time): the statistics count a report in the month it reports.
  period_start timestamptz NOT NULL,
  status text NOT NULL CHECK (status IN ('PENDING', 'REVIEWING', 'RETURNED', 'ACCEPTED')),
  edition text NOT NULL REFERENCES indicator_editions (edition),
  -- {code: {value, unit}} as last reported.
  figures jsonb,
  note text,
  rounds integer NOT NULL DEFAULT 0,
  -- [{round, decision, reasons?, indicators?, note?, reviewer, at}]
  reviews jsonb NOT NULL DEFAULT '[]',
  due_at timestamptz,
  reported_by jsonb,
  reported_at timestamptz,
  accepted_by jsonb,
  accepted_at timestamptz,
  process_id text NOT NULL,
  offered_at timestamptz NOT NULL,
  PRIMARY KEY (period, zone_code)
);
CREATE INDEX indicator_reports_accepted ON indicator_reports (period_start) WHERE status = 'ACCEPTED';
