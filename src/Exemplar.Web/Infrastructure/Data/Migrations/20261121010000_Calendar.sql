-- Calendar: holiday notices (working-day calendar), lead-time settings, demo designation facts,
-- notifications, sent reminder keys (unique: a reminder is never sent twice) and job leases.
-- Tables below are generated from the EF model (dotnet run --project src/Exemplar.Web -- --print-schema).

CREATE TABLE calendar_settings (
    id integer NOT NULL,
    policy_lapse_lead_days integer NOT NULL,
    reminder_lead_days integer[] NOT NULL,
    updated_by character varying(100),
    updated_at timestamp with time zone,
    CONSTRAINT pk_calendar_settings PRIMARY KEY (id)
);


CREATE TABLE holiday_notices (
    year integer NOT NULL,
    title character varying(200) NOT NULL,
    number character varying(100),
    notice_json jsonb NOT NULL,
    entered_by character varying(100) NOT NULL,
    entered_at timestamp with time zone NOT NULL,
    is_built_in boolean NOT NULL,
    CONSTRAINT pk_holiday_notices PRIMARY KEY (year)
);


CREATE TABLE job_leases (
    name character varying(100) NOT NULL,
    holder character varying(200),
    last_run_at timestamp with time zone,
    last_sent integer NOT NULL,
    CONSTRAINT pk_job_leases PRIMARY KEY (name)
);


CREATE TABLE sent_reminders (
    obligation_key character varying(300) NOT NULL,
    due_date date NOT NULL,
    lead_days integer NOT NULL,
    sent_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_sent_reminders PRIMARY KEY (obligation_key, due_date, lead_days)
);


CREATE TABLE demo_designations (
    id uuid NOT NULL,
    organization_id uuid NOT NULL,
    programme_id character varying(100) NOT NULL,
    announced_on date NOT NULL,
    change_completed_on date,
    jurisdiction_code character varying(12),
    CONSTRAINT pk_demo_designations PRIMARY KEY (id),
    CONSTRAINT fk_demo_designations_organizations_organization_id FOREIGN KEY (organization_id) REFERENCES organizations (id) ON DELETE CASCADE
);


CREATE TABLE notifications (
    id uuid NOT NULL,
    user_id uuid NOT NULL,
    title character varying(300) NOT NULL,
    body character varying(2000) NOT NULL,
    obligation_key character varying(300),
    created_at timestamp with time zone NOT NULL,
    read_at timestamp with time zone,
    CONSTRAINT pk_notifications PRIMARY KEY (id),
    CONSTRAINT fk_notifications_user_accounts_user_id FOREIGN KEY (user_id) REFERENCES user_accounts (id) ON DELETE CASCADE
);


CREATE INDEX ix_demo_designations_organization_id ON demo_designations (organization_id);

CREATE INDEX ix_notifications_user_id_read_at ON notifications (user_id, read_at);

