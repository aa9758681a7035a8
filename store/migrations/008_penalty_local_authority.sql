-- P4 under local authority (四(三)1): a penalty names no entrusted power and no agreement. Rows filed
-- before keep theirs.
ALTER TABLE penalties ALTER COLUMN power_code DROP NOT NULL;
ALTER TABLE penalties ALTER COLUMN agreement_id DROP NOT NULL;
-- What the report adds to the decision and the zone body completes on a return: {entityName?, documents?}.
ALTER TABLE penalties ADD COLUMN report jsonb NOT NULL DEFAULT '{}';
-- The decision this one changes: its report was withdrawn by the enforcement body (变更), then this one filed.
ALTER TABLE penalties ADD COLUMN replaces text;
CREATE UNIQUE INDEX penalties_replaces ON penalties (replaces) WHERE replaces IS NOT NULL;
