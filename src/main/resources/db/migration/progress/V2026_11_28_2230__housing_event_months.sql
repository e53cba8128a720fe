-- Permit holders housed per municipality and month as the housing events count them (a household
-- counts on the day it moves into a home or is placed under the HAR). Maintained by the progress
-- module from the permitholders module's HouseholdHoused events, in the same transaction.
CREATE SEQUENCE housing_event_revision;

CREATE TABLE housing_event_month (
    municipality_code VARCHAR(6) NOT NULL,
    month             DATE       NOT NULL CHECK (extract(day FROM month) = 1),
    persons           INT        NOT NULL CHECK (persons >= 0),
    households        INT        NOT NULL CHECK (households >= 0),
    -- Raised with every change, so that the progress monitor's cache sees any change on any node.
    revision          BIGINT     NOT NULL,
    PRIMARY KEY (municipality_code, month)
);

-- The number that counts per municipality and month: the housing events where a month has any,
-- COA's delivered figure otherwise.
CREATE VIEW realisation_counted AS
SELECT coalesce(e.municipality_code, m.municipality_code) AS municipality_code,
       coalesce(e.month, m.month)                         AS month,
       coalesce(e.persons, m.persons)                     AS persons,
       e.month IS NOT NULL                                AS from_events
FROM realisation_month m
FULL JOIN housing_event_month e ON e.municipality_code = m.municipality_code AND e.month = m.month;
