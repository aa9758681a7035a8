-- P3: the FTZ's registry of market entities, their licences on commitment and their tax affairs;
-- the credit records that P3 (revocations) and P4 (recognised penalties) both write; the penalty
-- cases a revocation opens for P4.

CREATE TABLE entities (
  uscc text PRIMARY KEY,
  name text NOT NULL,
  -- The zone (county code) of the residence: the county that consents, taxes and supervises.
  zone_code text NOT NULL,
  -- {divisionCode, address}; business addresses are [{divisionCode?, address}], kept apart.
  residence jsonb NOT NULL,
  business_addresses jsonb NOT NULL,
  business_scope text NOT NULL,
  -- Name and masked identifiers only; the full personal data stays in encrypted workflow payloads.
  legal_representative jsonb NOT NULL,
  -- The window that accepted the application (无差别化受理: it may be another zone's).
  accepted_by text NOT NULL,
  status text NOT NULL CHECK (status IN ('REGISTERED', 'DEREGISTERED')),
  process_id text NOT NULL,
  registered_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX entities_zone ON entities (zone_code, registered_at);

-- Tax registration (made with the registration) and the office that holds the entity now.
CREATE TABLE tax_registrations (
  uscc text PRIMARY KEY REFERENCES entities (uscc),
  registered_at timestamptz NOT NULL,
  office text NOT NULL,
  transfer_status text NOT NULL CHECK (transfer_status IN ('NONE', 'REQUESTED', 'APPROVED', 'CONFIRMED')),
  transfer_to text,
  requested_at timestamptz,
  approved_at timestamptz,
  confirmed_at timestamptz
);

-- A licence item granted on commitment, and the verification of that commitment.
CREATE TABLE licences (
  id text PRIMARY KEY,
  uscc text NOT NULL REFERENCES entities (uscc),
  zone_code text NOT NULL,
  power_code text NOT NULL,
  -- The entrusted power it was granted under: agreement and version (the authority rule's answer).
  agreement_id text NOT NULL,
  agreement_version integer NOT NULL,
  variant text NOT NULL CHECK (variant IN ('conditionsMet', 'conditionsByDate')),
  commitment text NOT NULL,
  conditions_due date,
  status text NOT NULL CHECK (status IN ('GRANTED', 'GRANTED_PENDING', 'REVOKED')),
  verification_status text NOT NULL CHECK (verification_status IN ('PENDING', 'COMPLIANT', 'RECTIFYING', 'REVOKED')),
  enforcement_org text NOT NULL,
  verification_due timestamptz NOT NULL,
  verified_at timestamptz,
  verified_on_time boolean,
  rectification_due timestamptz,
  revoked_at timestamptz,
  process_id text NOT NULL,
  granted_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX licences_entity ON licences (uscc);
CREATE INDEX licences_verification ON licences (enforcement_org, verification_status, verification_due);

-- A credit record against an entity: a breached commitment (P3) or a recognised penalty (P4).
CREATE TABLE credit_records (
  id text PRIMARY KEY,
  uscc text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('commitment-breach', 'penalty')),
  grade text CHECK (grade IN ('minor', 'general', 'serious')),
  reason text NOT NULL,
  -- While ACTIVE, the entity may not use the notification-commitment route.
  bars_commitment boolean NOT NULL,
  source_process_id text NOT NULL,
  recorded_at timestamptz NOT NULL,
  publication_from date,
  publication_until date,
  repair_eligible_from date,
  status text NOT NULL CHECK (status IN ('ACTIVE', 'REPAIRED', 'WITHDRAWN', 'ENDED')),
  ended_at timestamptz,
  end_reason text
);
CREATE INDEX credit_records_entity ON credit_records (uscc, status);

-- A penalty case a revocation opened; the penalty-report process that handles it links itself here.
CREATE TABLE penalty_cases (
  id text PRIMARY KEY,
  uscc text NOT NULL,
  zone_code text NOT NULL,
  enforcement_org text NOT NULL,
  reason text NOT NULL,
  licence_id text,
  source_process_id text NOT NULL,
  opened_at timestamptz NOT NULL,
  status text NOT NULL CHECK (status IN ('OPEN', 'LINKED', 'CLOSED')),
  penalty_process_id text
);

-- The market access negative list (市场准入负面清单), versioned by edition: a business scope that
-- touches a prohibited entry is refused; a restricted one needs the normal licence route.
CREATE TABLE negative_list_items (
  edition text NOT NULL,
  code text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('prohibited', 'restricted')),
  title text NOT NULL,
  keywords text[] NOT NULL,
  PRIMARY KEY (edition, code)
);
