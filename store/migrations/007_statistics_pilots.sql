-- P5: monthly statistics snapshots. A snapshot is written once and never changed: figures of a month
-- that move afterwards (a late record, a withdrawn penalty) appear as corrections in a later snapshot.
CREATE TABLE statistics_snapshots (
  -- The month, YYYY-MM, in China time.
  period text PRIMARY KEY CHECK (period ~ '^\d{4}-(0[1-9]|1[0-2])$'),
  -- Figures per unit as known when taken: {"<zone code>" | "ftz": {indicator: count}}.
  figures jsonb NOT NULL,
  -- Changes to earlier months' published figures found when taken: {"YYYY-MM": {unit: {indicator: delta}}}.
  corrections jsonb NOT NULL DEFAULT '{}',
  trigger text NOT NULL CHECK (trigger IN ('schedule', 'request')),
  taken_by jsonb,
  process_id text NOT NULL,
  taken_at timestamptz NOT NULL
);

-- P6: reform measures granted to the FTZ, which each zone adopts or declines.
CREATE TABLE reform_measures (
  code text PRIMARY KEY,
  title_zh text NOT NULL,
  title_en text NOT NULL,
  -- Who granted it to the FTZ (State Council, province…) and when.
  granted_by text NOT NULL,
  granted_on date NOT NULL,
  summary text,
  listed_by jsonb,
  listed_at timestamptz NOT NULL
);

-- Each zone's decision on a measure; PENDING from the moment it is offered.
CREATE TABLE pilot_decisions (
  measure_code text NOT NULL REFERENCES reform_measures (code),
  zone_code text NOT NULL,
  status text NOT NULL CHECK (status IN ('PENDING', 'ADOPTED', 'DECLINED')),
  decided_on date,
  note text,
  decided_by jsonb,
  process_id text NOT NULL,
  offered_at timestamptz NOT NULL,
  decided_at timestamptz,
  PRIMARY KEY (measure_code, zone_code)
);
CREATE INDEX pilot_decisions_zone ON pilot_decisions (zone_code, status)
