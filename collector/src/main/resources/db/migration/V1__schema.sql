-- One schema for SQLite and PostgreSQL. Times are epoch milliseconds (BIGINT); ${identity} is the one
-- thing the two spell differently (see Dialect).

-- One row per redaction event; uid is the sender's idempotency key (log.record.uid).
CREATE TABLE events (
    id           ${identity},
    uid          TEXT    NOT NULL UNIQUE,
    occurred_at  BIGINT  NOT NULL,
    received_at  BIGINT  NOT NULL,
    fingerprint  TEXT    NOT NULL,
    rule         TEXT    NOT NULL,
    kind         TEXT,
    secret_name  TEXT,
    variant      TEXT,
    channel      TEXT,
    logger       TEXT,
    thread       TEXT,
    redactions   BIGINT  NOT NULL,
    seq          BIGINT,
    instance     TEXT,
    service      TEXT,
    host         TEXT,
    pid          BIGINT,
    pipeline     TEXT,
    job          TEXT,
    run_id       TEXT,
    run_url      TEXT,
    repository   TEXT,
    commit_sha   TEXT,
    branch       TEXT
);
CREATE INDEX events_fingerprint ON events (fingerprint, occurred_at);
CREATE INDEX events_occurred ON events (occurred_at);
CREATE INDEX events_secret ON events (repository, secret_name);
CREATE INDEX events_instance ON events (instance, seq);

-- One row per fingerprint: the exposed secret and what was done about it.
CREATE TABLE incidents (
    id              ${identity},
    fingerprint     TEXT    NOT NULL UNIQUE,
    rule            TEXT    NOT NULL,
    kind            TEXT,
    secret_name     TEXT,
    repository      TEXT,
    first_seen      BIGINT  NOT NULL,
    last_seen       BIGINT  NOT NULL,
    occurrences     BIGINT  NOT NULL,
    redactions      BIGINT  NOT NULL,
    state           TEXT    NOT NULL,
    state_by        TEXT    NOT NULL,
    state_at        BIGINT  NOT NULL,
    assignee        TEXT,
    owner           TEXT,
    sla_hours       INTEGER,
    reopened_count  INTEGER NOT NULL
);
CREATE INDEX incidents_state ON incidents (state);
CREATE INDEX incidents_owner ON incidents (owner);
CREATE INDEX incidents_last_seen ON incidents (last_seen);

-- Every change of state or assignee, with who and when.
CREATE TABLE incident_history (
    id           ${identity},
    incident_id  BIGINT  NOT NULL REFERENCES incidents (id),
    changed_at   BIGINT  NOT NULL,
    actor        TEXT    NOT NULL,
    field        TEXT    NOT NULL,
    old_value    TEXT,
    new_value    TEXT
);
CREATE INDEX incident_history_incident ON incident_history (incident_id, changed_at);
