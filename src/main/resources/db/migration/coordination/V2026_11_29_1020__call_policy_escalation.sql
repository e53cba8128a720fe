-- An open supervision case of the province counts on the call list (issue 7).
ALTER TABLE call_policy ADD COLUMN escalation_points INT NOT NULL DEFAULT 15;
