-- Division data down to townships (乡镇/街道): each row names the edition it comes from, and an
-- edition names its source, so a newer edition can be laid beside an older one.
CREATE TABLE division_editions (
  edition text PRIMARY KEY,
  title text NOT NULL,
  as_of date NOT NULL,
  source text NOT NULL
);
ALTER TABLE divisions DROP CONSTRAINT divisions_level_check;
ALTER TABLE divisions ADD CONSTRAINT divisions_level_check CHECK (level IN ('city', 'county', 'township'));
ALTER TABLE divisions ADD COLUMN edition text REFERENCES division_editions (edition);
CREATE INDEX divisions_parent ON divisions (parent_code, level);

-- Parks (园区): named areas of a county a memorandum may draw into a zone ("1区+N园").
CREATE TABLE parks (
  id text PRIMARY KEY,
  county_code text NOT NULL REFERENCES divisions (code),
  name_zh text NOT NULL,
  name_en text NOT NULL,
  source text NOT NULL,
  -- Seeded for demonstration, not from an official list: said so wherever the park is shown.
  demo boolean NOT NULL,
  valid_from date NOT NULL,
  valid_to date
);

-- The area each signed memorandum version draws, and the day it applies from: membership of a
-- place on a day is decided by the latest version applying that day.
CREATE TABLE zone_areas (
  zone_code text NOT NULL,
  memorandum_version integer NOT NULL,
  effective_from date NOT NULL,
  township_codes text[] NOT NULL,
  park_ids text[] NOT NULL,
  area_km2 numeric NOT NULL,
  description text NOT NULL,
  process_id text NOT NULL,
  recorded_at timestamptz NOT NULL,
  PRIMARY KEY (zone_code, memorandum_version)
);

-- The city's approval (批复) the zone was launched under: 文号 and date.
ALTER TABLE zones ADD COLUMN approval jsonb;
