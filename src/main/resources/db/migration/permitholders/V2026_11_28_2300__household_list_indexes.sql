-- Indexes for the household lists and counts, measured with 200,000 households and 2,000,000 events
-- (bench/households.sh). Each replaces or adds one for a query the first indexes did not serve well.

-- Every list is sorted by (stage_due NULLS LAST, id). The partial index on stage_due served that only
-- when the filter itself required stage_due (the overdue list); the whole register and the "past 14
-- weeks" list sorted all their rows for each page. In full and with id it serves every list's first
-- page, and with persons and municipality_code the overdue counts (list and overview) read the index only.
CREATE INDEX household_due_order_ix ON household (stage_due, id) INCLUDE (persons, municipality_code);
DROP INDEX household_due_ix;

-- Households still waiting (not counted toward a quota) by permit date: the 14-week counts, index only.
CREATE INDEX household_waiting_ix ON household (permit_date) INCLUDE (persons, municipality_code)
    WHERE counted_on IS NULL;
DROP INDEX household_permit_ix;

-- A province's or municipality's overdue households: a range per municipality, counted from the index.
CREATE INDEX household_municipality_due_ix ON household (municipality_code, stage_due) INCLUDE (persons);

-- The weekly flow counts events by kind and week over half a year: with municipality and persons in
-- the index it reads no table rows (the timeline is never changed, so the index alone answers).
CREATE INDEX household_event_flow_ix ON household_event (kind, occurred_on) INCLUDE (municipality_code, persons);
DROP INDEX household_event_kind_ix;
