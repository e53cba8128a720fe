-- The coordination table's meetings, their agenda, decisions and action items (issue 10).

CREATE TABLE meeting (
    id bigserial PRIMARY KEY,
    held_on date NOT NULL,
    kind text NOT NULL CHECK (kind IN ('REGULAR', 'EXTRA')),
    title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
    -- Kept to the table's members; municipalities and corporations see the other parts only.
    minutes text,
    synthetic boolean NOT NULL DEFAULT false,
    version int NOT NULL DEFAULT 0,
    created_by text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    changed_by text NOT NULL,
    changed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX meeting_held_on ON meeting (held_on);

-- Who took part, by organisation; person names optional (free text, no personal data beyond a name at the table).
CREATE TABLE meeting_participant (
    meeting_id bigint NOT NULL REFERENCES meeting ON DELETE CASCADE,
    position int NOT NULL,
    organisation text NOT NULL,
    persons text,
    PRIMARY KEY (meeting_id, position)
);

CREATE TABLE meeting_agenda_item (
    meeting_id bigint NOT NULL REFERENCES meeting ON DELETE CASCADE,
    position int NOT NULL,
    title text NOT NULL,
    note text,
    PRIMARY KEY (meeting_id, position)
);

CREATE TABLE meeting_decision (
    meeting_id bigint NOT NULL REFERENCES meeting ON DELETE CASCADE,
    number int NOT NULL CHECK (number >= 1),
    text text NOT NULL,
    PRIMARY KEY (meeting_id, number)
);

CREATE TABLE action_item (
    id bigserial PRIMARY KEY,
    meeting_id bigint NOT NULL REFERENCES meeting,
    what text NOT NULL CHECK (length(what) BETWEEN 1 AND 1000),
    owner_organisation text NOT NULL,
    owner_person text,
    due_on date NOT NULL,
    -- The latest status, a copy of the newest row of action_item_status for quick lists.
    status text NOT NULL CHECK (status IN ('OPEN', 'IN_PROGRESS', 'DONE', 'CANCELLED')),
    synthetic boolean NOT NULL DEFAULT false,
    version int NOT NULL DEFAULT 0,
    created_by text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX action_item_meeting ON action_item (meeting_id);
CREATE INDEX action_item_owner ON action_item (lower(owner_organisation));

-- Every status an item had, from which day: what was open on a past date is read from here, never from the
-- latest status, so that a report for that date can be made again with the same items.
CREATE TABLE action_item_status (
    id bigserial PRIMARY KEY,
    action_item_id bigint NOT NULL REFERENCES action_item ON DELETE CASCADE,
    status text NOT NULL CHECK (status IN ('OPEN', 'IN_PROGRESS', 'DONE', 'CANCELLED')),
    status_on date NOT NULL,
    changed_by text NOT NULL,
    changed_at timestamptz NOT NULL DEFAULT now(),
    note text
);
CREATE INDEX action_item_status_item ON action_item_status (action_item_id, status_on, id);

-- Figures an item is about: a municipality, an escalation case, a forecast or allocation scenario (by id).
CREATE TABLE action_item_link (
    action_item_id bigint NOT NULL REFERENCES action_item ON DELETE CASCADE,
    position int NOT NULL,
    kind text NOT NULL CHECK (kind IN ('MUNICIPALITY', 'ESCALATION_CASE', 'FORECAST_SCENARIO', 'ALLOCATION_SCENARIO')),
    target text NOT NULL,
    PRIMARY KEY (action_item_id, position)
);
