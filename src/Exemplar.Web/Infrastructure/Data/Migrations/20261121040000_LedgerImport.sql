-- Ledger import/export: progress, counts and the file's hash on import jobs; an index to find the rows an
-- import wrote (ledger_entries.import_job_id exists since 20261121020000_Ledger). An import is audited once
-- (operation 台账.批量导入, with file name, SHA-256 and counts), and each entry it wrote carries its job id.
-- Existing job rows get zeros; the defaults are dropped so the schema equals the EF model.

ALTER TABLE import_jobs
    ADD COLUMN total_bytes bigint,
    ADD COLUMN processed_bytes bigint NOT NULL DEFAULT 0,
    ADD COLUMN total_rows bigint,
    ADD COLUMN error_count bigint NOT NULL DEFAULT 0,
    ADD COLUMN warning_count bigint NOT NULL DEFAULT 0,
    ADD COLUMN notice_count bigint NOT NULL DEFAULT 0,
    ADD COLUMN sha256 character varying(64),
    ADD COLUMN encoding character varying(30),
    ADD COLUMN updated_at timestamp with time zone NOT NULL DEFAULT now();

ALTER TABLE import_jobs
    ALTER COLUMN processed_bytes DROP DEFAULT,
    ALTER COLUMN error_count DROP DEFAULT,
    ALTER COLUMN warning_count DROP DEFAULT,
    ALTER COLUMN notice_count DROP DEFAULT,
    ALTER COLUMN updated_at DROP DEFAULT;

CREATE INDEX ix_ledger_entries_import_job_id ON ledger_entries (import_job_id);
