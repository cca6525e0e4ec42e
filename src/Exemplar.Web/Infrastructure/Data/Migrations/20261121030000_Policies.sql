-- Dates an administrator sets for programmes whose text states none (Beijing). Audited by the application.
CREATE TABLE policy_settings (
    policy_id character varying(64) NOT NULL,
    effective_from date NOT NULL,
    set_by character varying(100) NOT NULL,
    set_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_policy_settings PRIMARY KEY (policy_id)
);
