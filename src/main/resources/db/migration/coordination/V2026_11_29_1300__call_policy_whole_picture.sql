-- The whole picture on the call list (issue 8): a municipality that carries its share is not called first.
ALTER TABLE call_policy ADD COLUMN effort_threshold INT NOT NULL DEFAULT 100;
ALTER TABLE call_policy ADD COLUMN effort_points INT NOT NULL DEFAULT 20;
