CREATE TABLE carriers (
    id uuid NOT NULL,
    organization_id uuid NOT NULL,
    name character varying(200) NOT NULL,
    kind integer NOT NULL,
    jurisdiction_code character varying(12) NOT NULL,
    leading_industries text[] NOT NULL,
    primary_type integer NOT NULL,
    area numeric(14,2) NOT NULL,
    public_service_area numeric(14,2) NOT NULL,
    established_on date NOT NULL,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_carriers PRIMARY KEY (id),
    CONSTRAINT fk_carriers_jurisdictions_jurisdiction_code FOREIGN KEY (jurisdiction_code) REFERENCES jurisdictions (code) ON DELETE RESTRICT,
    CONSTRAINT fk_carriers_organizations_organization_id FOREIGN KEY (organization_id) REFERENCES organizations (id) ON DELETE RESTRICT
);

CREATE TABLE import_jobs (
    id uuid NOT NULL,
    carrier_id uuid NOT NULL,
    kind character varying(30) NOT NULL,
    file_name character varying(200) NOT NULL,
    status character varying(30) NOT NULL,
    processed_rows bigint NOT NULL,
    imported_rows bigint NOT NULL,
    errors text,
    started_by character varying(100) NOT NULL,
    started_at timestamp with time zone NOT NULL,
    finished_at timestamp with time zone,
    CONSTRAINT pk_import_jobs PRIMARY KEY (id),
    CONSTRAINT fk_import_jobs_carriers_carrier_id FOREIGN KEY (carrier_id) REFERENCES carriers (id) ON DELETE CASCADE
);

CREATE TABLE partner_agencies (
    id uuid NOT NULL,
    carrier_id uuid NOT NULL,
    name character varying(200) NOT NULL,
    agreement_from date NOT NULL,
    agreement_to date,
    services character varying(1000) NOT NULL,
    CONSTRAINT pk_partner_agencies PRIMARY KEY (id),
    CONSTRAINT fk_partner_agencies_carriers_carrier_id FOREIGN KEY (carrier_id) REFERENCES carriers (id) ON DELETE CASCADE
);

CREATE TABLE resident_enterprises (
    id uuid NOT NULL,
    carrier_id uuid NOT NULL,
    name character varying(200) NOT NULL,
    uscc character varying(18) NOT NULL,
    entry_date date NOT NULL,
    exit_date date,
    industry character varying(100) NOT NULL,
    in_leading_industry boolean NOT NULL,
    size_class integer NOT NULL,
    contact_name character varying(50),
    contact_phone character varying(30),
    CONSTRAINT pk_resident_enterprises PRIMARY KEY (id),
    CONSTRAINT fk_resident_enterprises_carriers_carrier_id FOREIGN KEY (carrier_id) REFERENCES carriers (id) ON DELETE CASCADE
);

CREATE TABLE service_staff (
    id uuid NOT NULL,
    carrier_id uuid NOT NULL,
    name character varying(50) NOT NULL,
    position character varying(100) NOT NULL,
    full_time boolean NOT NULL,
    education integer NOT NULL,
    title integer NOT NULL,
    mentor_certificate character varying(200),
    years_at_base numeric(5,1) NOT NULL,
    CONSTRAINT pk_service_staff PRIMARY KEY (id),
    CONSTRAINT fk_service_staff_carriers_carrier_id FOREIGN KEY (carrier_id) REFERENCES carriers (id) ON DELETE CASCADE
);

CREATE TABLE survey_samples (
    id uuid NOT NULL,
    carrier_id uuid NOT NULL,
    year integer NOT NULL,
    share_percent numeric(5,2) NOT NULL,
    seed bigint NOT NULL,
    population_count integer NOT NULL,
    population_date date NOT NULL,
    member_ids uuid[] NOT NULL,
    drawn_by character varying(100) NOT NULL,
    drawn_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_survey_samples PRIMARY KEY (id),
    CONSTRAINT fk_survey_samples_carriers_carrier_id FOREIGN KEY (carrier_id) REFERENCES carriers (id) ON DELETE CASCADE
);

CREATE TABLE ledger_entries (
    id uuid NOT NULL,
    carrier_id uuid NOT NULL,
    function integer NOT NULL,
    date date NOT NULL,
    place character varying(200) NOT NULL,
    form integer NOT NULL,
    topic integer NOT NULL,
    resident_ids uuid[] NOT NULL,
    other_names text[] NOT NULL,
    person_count integer NOT NULL,
    fee integer NOT NULL,
    partner_agency_id uuid,
    request_text character varying(2000),
    outcome_text character varying(2000),
    feedback character varying(2000),
    import_job_id uuid,
    CONSTRAINT pk_ledger_entries PRIMARY KEY (id),
    CONSTRAINT fk_ledger_entries_carriers_carrier_id FOREIGN KEY (carrier_id) REFERENCES carriers (id) ON DELETE CASCADE,
    CONSTRAINT fk_ledger_entries_partner_agencies_partner_agency_id FOREIGN KEY (partner_agency_id) REFERENCES partner_agencies (id) ON DELETE SET NULL
);

CREATE TABLE resident_year_figures (
    id uuid NOT NULL,
    enterprise_id uuid NOT NULL,
    year integer NOT NULL,
    employees integer NOT NULL,
    revenue_wan numeric(14,2) NOT NULL,
    patents_applied integer NOT NULL,
    patents_held integer NOT NULL,
    high_tech_recognitions integer NOT NULL,
    tech_sme_recognitions integer NOT NULL,
    other_outcomes integer NOT NULL,
    CONSTRAINT pk_resident_year_figures PRIMARY KEY (id),
    CONSTRAINT fk_resident_year_figures_resident_enterprises_enterprise_id FOREIGN KEY (enterprise_id) REFERENCES resident_enterprises (id) ON DELETE CASCADE
);

CREATE TABLE survey_invitations (
    id uuid NOT NULL,
    carrier_id uuid NOT NULL,
    enterprise_id uuid NOT NULL,
    year integer NOT NULL,
    token_hash character varying(64) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    answered_at timestamp with time zone,
    comment character varying(1000),
    CONSTRAINT pk_survey_invitations PRIMARY KEY (id),
    CONSTRAINT fk_survey_invitations_carriers_carrier_id FOREIGN KEY (carrier_id) REFERENCES carriers (id) ON DELETE CASCADE,
    CONSTRAINT fk_survey_invitations_resident_enterprises_enterprise_id FOREIGN KEY (enterprise_id) REFERENCES resident_enterprises (id) ON DELETE CASCADE
);

CREATE TABLE survey_sample_answers (
    id uuid NOT NULL,
    sample_id uuid NOT NULL,
    enterprise_id uuid NOT NULL,
    satisfied boolean NOT NULL,
    comment character varying(1000),
    recorded_by character varying(100) NOT NULL,
    recorded_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_survey_sample_answers PRIMARY KEY (id),
    CONSTRAINT fk_survey_sample_answers_survey_samples_sample_id FOREIGN KEY (sample_id) REFERENCES survey_samples (id) ON DELETE CASCADE
);

CREATE TABLE ledger_attachments (
    id uuid NOT NULL,
    entry_id uuid NOT NULL,
    file_name character varying(200) NOT NULL,
    content_type character varying(100) NOT NULL,
    size bigint NOT NULL,
    sha256 character varying(64) NOT NULL,
    uploaded_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_ledger_attachments PRIMARY KEY (id),
    CONSTRAINT fk_ledger_attachments_ledger_entries_entry_id FOREIGN KEY (entry_id) REFERENCES ledger_entries (id) ON DELETE CASCADE
);

CREATE TABLE survey_answers (
    id uuid NOT NULL,
    invitation_id uuid NOT NULL,
    function integer NOT NULL,
    satisfied boolean NOT NULL,
    CONSTRAINT pk_survey_answers PRIMARY KEY (id),
    CONSTRAINT fk_survey_answers_survey_invitations_invitation_id FOREIGN KEY (invitation_id) REFERENCES survey_invitations (id) ON DELETE CASCADE
);

CREATE TABLE ledger_attachment_contents (
    attachment_id uuid NOT NULL,
    content bytea NOT NULL,
    CONSTRAINT pk_ledger_attachment_contents PRIMARY KEY (attachment_id),
    CONSTRAINT fk_ledger_attachment_contents_ledger_attachments_attachment_id FOREIGN KEY (attachment_id) REFERENCES ledger_attachments (id) ON DELETE CASCADE
);

CREATE INDEX ix_carriers_jurisdiction_code ON carriers (jurisdiction_code);

CREATE INDEX ix_carriers_organization_id ON carriers (organization_id);

CREATE INDEX ix_import_jobs_carrier_id ON import_jobs (carrier_id);

CREATE INDEX ix_ledger_attachments_entry_id ON ledger_attachments (entry_id);

CREATE INDEX ix_ledger_entries_carrier_id_date ON ledger_entries (carrier_id, date);

CREATE INDEX ix_ledger_entries_partner_agency_id ON ledger_entries (partner_agency_id);

CREATE INDEX ix_partner_agencies_carrier_id ON partner_agencies (carrier_id);

CREATE UNIQUE INDEX ix_resident_enterprises_carrier_id_uscc ON resident_enterprises (carrier_id, uscc);

CREATE UNIQUE INDEX ix_resident_year_figures_enterprise_id_year ON resident_year_figures (enterprise_id, year);

CREATE INDEX ix_service_staff_carrier_id ON service_staff (carrier_id);

CREATE INDEX ix_survey_answers_invitation_id ON survey_answers (invitation_id);

CREATE INDEX ix_survey_invitations_carrier_id_year ON survey_invitations (carrier_id, year);

CREATE INDEX ix_survey_invitations_enterprise_id ON survey_invitations (enterprise_id);

CREATE UNIQUE INDEX ix_survey_invitations_token_hash ON survey_invitations (token_hash);

CREATE UNIQUE INDEX ix_survey_sample_answers_sample_id_enterprise_id ON survey_sample_answers (sample_id, enterprise_id);

CREATE INDEX ix_survey_samples_carrier_id ON survey_samples (carrier_id);
