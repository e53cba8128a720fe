-- The table's letters to sets of municipalities (issue 10): templates kept with a version (a stale change is
-- refused), and every generated batch kept with its PDF, the template version and the municipalities addressed.
CREATE TABLE table_letter_template (
    id          BIGSERIAL     PRIMARY KEY,
    name        VARCHAR(200)  NOT NULL UNIQUE,
    subject     VARCHAR(300)  NOT NULL,
    body        TEXT          NOT NULL CHECK (char_length(body) <= 20000),
    version     INT           NOT NULL DEFAULT 0,
    changed_by  VARCHAR(80)   NOT NULL,
    changed_at  TIMESTAMPTZ   NOT NULL DEFAULT now()
);

CREATE TABLE table_letter_batch (
    id                BIGSERIAL     PRIMARY KEY,
    letter_date       DATE          NOT NULL,
    template_id       BIGINT        NOT NULL REFERENCES table_letter_template (id),
    template_name     VARCHAR(200)  NOT NULL,
    template_version  INT           NOT NULL,
    -- The municipality codes addressed, in the order of the letters, separated by commas.
    municipalities    TEXT          NOT NULL,
    letters           INT           NOT NULL CHECK (letters > 0),
    -- The province of every municipality addressed; null when they lie in several (then only national readers see it).
    province_code     VARCHAR(4),
    synthetic         BOOLEAN       NOT NULL,
    created_by        VARCHAR(80)   NOT NULL,
    created_at        TIMESTAMPTZ   NOT NULL DEFAULT now(),
    pdf               BYTEA         NOT NULL
);

CREATE INDEX table_letter_batch_province ON table_letter_batch (province_code, created_at DESC);

INSERT INTO table_letter_template (name, subject, body, changed_by) VALUES (
    'Oproep tot versnelling huisvesting vergunninghouders',
    'Oproep tot versnelling van de huisvesting van vergunninghouders in {{gemeente}}',
    'Geacht college,

De landelijke regietafel migratie en integratie volgt de huisvesting van vergunninghouders in alle gemeenten. Op {{datum}} staat de gemeente {{gemeente}} (provincie {{provincie}}) in het halfjaar {{periode}} als volgt.

De taakstelling is {{taakstelling}} vergunninghouders. Het saldo uit eerdere halfjaren is {{achterstand}} (een achterstand telt positief, een voorsprong negatief), zodat de gecorrigeerde taakstelling {{gecorrigeerde_taakstelling}} is. Tot nu toe zijn {{gehuisvest}} vergunninghouders gehuisvest: een realisatie van {{realisatie}}. Er resteert een tekort van {{tekort}}. De beoordeling staat op {{kleur}}.

In de azc''s worden vergunninghouders die een woning in uw gemeente zouden moeten krijgen, langer opgevangen dan nodig. Dat houdt opvangplekken bezet die nodig zijn voor nieuwe asielzoekers. In uw gemeente zijn nu {{opvangplekken_coa}} plaatsen op COA-locaties.

Wij vragen u de huisvesting van vergunninghouders te versnellen, bijvoorbeeld door een hoger toewijzingspercentage met de woningcorporaties af te spreken, tijdelijke locaties in te zetten of gebruik te maken van de Hotel- en Accommodatieregeling. Het coördinatiecentrum denkt graag met u mee en neemt binnenkort contact met u op.

Met vriendelijke groet,

De landelijke regietafel migratie en integratie',
    'system');
