-- The fleet: many `scout worker` processes sharing one PostgreSQL store.
-- Numbered 50 so that it runs after the store's own migrations (V1..); the integrator may renumber it.
--
-- fleet_workers       one row per worker process: who it is, where it runs, when it last said it was alive.
-- fleet_host_leases   one row per host: which worker may send requests to it, until when, under which fencing
--                     token; and what the fleet has learned about the host's rate limit, kept across owners.
-- fleet_run_finish    which worker finishes (scores and writes the outputs of) a run; exactly one row per run.
-- frontier.host       the host a profile is fetched from (the crawler's host key), so that a worker claims only the
--                     profiles of hosts it leases; set by the fleet's frontier when it offers an entry.

CREATE TABLE fleet_workers (
    worker_id     text PRIMARY KEY,
    machine       text        NOT NULL,
    pid           bigint      NOT NULL,
    started_at    timestamptz NOT NULL,
    heartbeat_at  timestamptz NOT NULL,
    -- 'crawling' while its crawl engine runs, 'idle' between rounds; a run is finished only when no live worker crawls
    activity      text        NOT NULL DEFAULT 'idle' CHECK (activity IN ('crawling', 'idle')),
    stopped_at    timestamptz
);

-- Fencing tokens: every acquisition or takeover of a host lease draws the next value, so a later owner always holds a
-- larger token than any earlier one. Gaps are harmless.
CREATE SEQUENCE fleet_lease_token;

CREATE TABLE fleet_host_leases (
    host             text PRIMARY KEY,
    owner            text REFERENCES fleet_workers (worker_id) ON DELETE SET NULL,
    token            bigint      NOT NULL,
    lease_until      timestamptz NOT NULL,
    acquired_at      timestamptz NOT NULL,
    takeovers        bigint      NOT NULL DEFAULT 0,
    requests_sent    bigint      NOT NULL DEFAULT 0,
    -- the host's rate limit as last learned from its answers (headers, 429s); NULL until learned
    learned_rps      double precision CHECK (learned_rps IS NULL OR learned_rps > 0),
    learned_at       timestamptz
);

CREATE INDEX fleet_host_leases_owner ON fleet_host_leases (owner);

CREATE TABLE fleet_run_finish (
    run_id       bigint PRIMARY KEY,
    worker_id    text        NOT NULL,
    claimed_at   timestamptz NOT NULL,
    finished_at  timestamptz
);

ALTER TABLE frontier ADD COLUMN host text;
CREATE INDEX frontier_by_host ON frontier (host, state, next_fetch_at);
-- entries offered but not yet given a host (the offering worker died in between): found without a scan
CREATE INDEX frontier_without_host ON frontier (ref_id) WHERE host IS NULL;
