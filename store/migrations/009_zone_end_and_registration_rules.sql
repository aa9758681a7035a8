-- A zone's end carries through: since when it is suspended (cleared on resumption) and the day it
-- was terminated; the authority rule answers no from either day.
ALTER TABLE zones ADD COLUMN suspended_on date;
ALTER TABLE zones ADD COLUMN terminated_on date;

-- The negative list's editions: each in force from its date until a later one; the data names its source.
CREATE TABLE negative_list_editions (
  edition text PRIMARY KEY,
  title text NOT NULL,
  effective_from date NOT NULL,
  source text NOT NULL
);
-- A licence entry names the catalogue power that grants it, taken by the normal route.
ALTER TABLE negative_list_items ADD COLUMN power_code text;

-- Licences by the normal route (许可事项现场核查): the FTZ window reviews the application, local
-- enforcement checks on site, the window decides and issues a licence with its number and validity.
CREATE TABLE normal_licences (
  id text PRIMARY KEY,
  uscc text NOT NULL REFERENCES entities (uscc),
  zone_code text NOT NULL,
  power_code text NOT NULL,
  -- Why this item goes by the normal route: chosen, a restricted negative-list entry, a credit record.
  reason text NOT NULL CHECK (reason IN ('chosen', 'negative-list-restricted', 'commitment-barred')),
  because text NOT NULL,
  status text NOT NULL CHECK (status IN ('UNDER_REVIEW', 'ON_SITE_CHECK', 'AWAITING_DECISION', 'GRANTED', 'REFUSED')),
  enforcement_org text NOT NULL,
  review jsonb,
  on_site_check jsonb,
  decision jsonb,
  licence_number text,
  valid_from date,
  valid_until date,
  process_id text NOT NULL,
  applied_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX normal_licences_entity ON normal_licences (uscc);

-- Reform measures name their source; one that became a nationwide obligation is delisted from that
-- day (its record and the zones' decisions stay), and is offered no more.
ALTER TABLE reform_measures ADD COLUMN source text;
ALTER TABLE reform_measures ADD COLUMN delisted_on date;
ALTER TABLE reform_measures ADD COLUMN delisting_reason text;

-- How the FTZ itself holds each power (下放 devolved, 授权 authorised, 委托 entrusted), by which act and
-- from when: facts beside the catalogue, not part of a published version. A power the FTZ holds only
-- by 委托 cannot be entrusted onward to a zone.
CREATE TABLE power_holdings (
  power_code text NOT NULL,
  mode text NOT NULL CHECK (mode IN ('devolved', 'authorised', 'entrusted')),
  granted_by text NOT NULL,
  document text NOT NULL,
  valid_from date NOT NULL,
  PRIMARY KEY (power_code, valid_from)
);
