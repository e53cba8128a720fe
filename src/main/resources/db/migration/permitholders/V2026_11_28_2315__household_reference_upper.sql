-- References are unique regardless of case (COA writes them in capitals, people type them as they like),
-- also when two registrations race; the same index serves the search by the start of a reference.
CREATE UNIQUE INDEX household_reference_upper_ux ON household (upper(reference) text_pattern_ops);
