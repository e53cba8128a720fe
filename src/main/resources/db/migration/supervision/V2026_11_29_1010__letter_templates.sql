-- The letter templates a province keeps for the documents of a case (issue 7). A province without a row of its
-- own uses the default body shipped with the application; changing one is based on the version read.
CREATE TABLE letter_template (
    province_code  VARCHAR(4)    NOT NULL,
    kind           VARCHAR(40)   NOT NULL,
    body           TEXT          NOT NULL,
    version        INT           NOT NULL DEFAULT 0,
    changed_by     VARCHAR(80)   NOT NULL,
    changed_at     TIMESTAMPTZ   NOT NULL DEFAULT now(),
    PRIMARY KEY (province_code, kind),
    CHECK (kind IN ('WARNING_LETTER', 'INTENTION', 'SUBSTITUTION_DECISION')),
    CHECK (char_length(body) <= 20000)
);
