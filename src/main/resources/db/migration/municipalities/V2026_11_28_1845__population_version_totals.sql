-- A version never changes after its import, so its national total and count are stored with it
-- instead of being summed over its figures on every read.
ALTER TABLE population_version ADD COLUMN total BIGINT;
ALTER TABLE population_version ADD COLUMN municipality_count INT;

UPDATE population_version v
   SET total = (SELECT coalesce(sum(f.population), 0) FROM population_figure f WHERE f.version_id = v.id),
       municipality_count = (SELECT count(*) FROM population_figure f WHERE f.version_id = v.id);

ALTER TABLE population_version ALTER COLUMN total SET NOT NULL;
ALTER TABLE population_version ALTER COLUMN municipality_count SET NOT NULL;
