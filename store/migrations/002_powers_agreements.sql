-- The power catalogue: versions, each listing every power ever published (delisted ones included).
CREATE TABLE catalog_versions (
  version integer PRIMARY KEY,
  status text NOT NULL CHECK (status IN ('PUBLISHED', 'SUPERSEDED')),
  effective_date date NOT NULL,
  note text,
  process_id text,
  published_by jsonb,
  published_at timestamptz NOT NULL
);

CREATE TABLE powers (
  version integer NOT NULL REFERENCES catalog_versions (version),
  code text NOT NULL,
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('licensing', 'penalty', 'inspection', 'other')),
  legal_basis text NOT NULL,
  commitment_applicable boolean NOT NULL,
  verification_days integer NOT NULL,
  status text NOT NULL CHECK (status IN ('listed', 'delisted')),
  PRIMARY KEY (version, code)
);

-- Delegation agreements between the FTZ and one zone's government.
CREATE TABLE agreements (
  id text PRIMARY KEY,
  zone_code text NOT NULL,
  status text NOT NULL CHECK (status IN ('NEGOTIATING', 'SIGNED', 'IN_FORCE', 'EXPIRED', 'TERMINATED')),
  current_version integer NOT NULL,
  start_date date NOT NULL,
  end_date date NOT NULL,
  announced_on date,
  announcement_ref text,
  terminated_on date,
  termination_reason text,
  process_id text NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX agreements_zone ON agreements (zone_code, status);

-- Every version drafted; a signed version pins its term and items.
CREATE TABLE agreement_versions (
  agreement_id text NOT NULL,
  version integer NOT NULL,
  status text NOT NULL CHECK (status IN ('draft', 'returned', 'signed')),
  content jsonb NOT NULL,
  start_date date NOT NULL,
  end_date date NOT NULL,
  signatures jsonb NOT NULL DEFAULT '{}',
  drafted_by jsonb NOT NULL,
  drafted_at timestamptz NOT NULL,
  PRIMARY KEY (agreement_id, version)
);

CREATE TABLE agreement_items (
  agreement_id text NOT NULL,
  version integer NOT NULL,
  power_code text NOT NULL,
  scope text NOT NULL CHECK (scope IN ('acceptance', 'review', 'decision')),
  -- Set when a newly published catalogue delists the power: the item stops authorising from that day.
  revoked_on date,
  revoked_by_catalog integer,
  PRIMARY KEY (agreement_id, version, power_code)
);
CREATE INDEX agreement_items_power ON agreement_items (power_code);
