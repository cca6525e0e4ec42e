-- Survey links, responses and the authority's reproducible satisfaction sample (issue 5).

ALTER TABLE survey_invitations ADD COLUMN revoked_at timestamp with time zone;

ALTER TABLE survey_answers ALTER COLUMN function DROP NOT NULL;

ALTER TABLE survey_samples ADD COLUMN population_ids uuid[] NOT NULL DEFAULT '{}';
ALTER TABLE survey_samples ALTER COLUMN population_ids DROP DEFAULT;
ALTER TABLE survey_samples ADD COLUMN completed_at timestamp with time zone;
ALTER TABLE survey_samples ADD COLUMN completed_by character varying(100);

ALTER TABLE survey_sample_answers ADD COLUMN contact_method integer NOT NULL DEFAULT 1;
ALTER TABLE survey_sample_answers ALTER COLUMN contact_method DROP DEFAULT;

DROP INDEX ix_survey_invitations_enterprise_id;

CREATE UNIQUE INDEX ix_survey_invitations_enterprise_id_year ON survey_invitations (enterprise_id, year) WHERE revoked_at IS NULL;
