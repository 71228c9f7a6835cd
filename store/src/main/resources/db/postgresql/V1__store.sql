-- Scout's store on PostgreSQL, version 1: the same tables as the SQLite store at its schema 5
-- (store/src/main/java/dev/scout/store/internal/Schema.java), so the shared queries run on both.
-- Times are epoch milliseconds (bigint), as in SQLite. Profile ids sort by bytes (COLLATE "C"), as in SQLite, so
-- keyset paging and "ordered by id" mean the same on both backends.
-- Append-only: never edit a migration that has shipped; add the next version (V2__..., below V50, which holds the
-- fleet tables).

CREATE TABLE frontier (
  ref_id        text COLLATE "C" PRIMARY KEY,
  platform      text NOT NULL,
  state         text NOT NULL CHECK (state IN ('pending', 'in_flight', 'done', 'failed', 'skipped')),
  reason        text,
  attempts      integer NOT NULL DEFAULT 0,
  depth         integer NOT NULL,
  via           text NOT NULL,
  claimed_by    text,
  lease_until   bigint,
  next_fetch_at bigint NOT NULL,
  updated_at    bigint NOT NULL);
CREATE INDEX frontier_due ON frontier (state, depth, next_fetch_at);
CREATE INDEX frontier_lease ON frontier (state, lease_until);

CREATE TABLE snapshots (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  ref_id          text COLLATE "C" NOT NULL,
  crawled_at      bigint NOT NULL,
  followers       bigint,
  following       bigint,
  posts_count     bigint,
  engagement_rate double precision,
  json            text);
CREATE INDEX snapshots_by_ref ON snapshots (ref_id, crawled_at);
-- The full JSON is kept on the newest snapshot of each profile only.
CREATE INDEX snapshots_latest ON snapshots (ref_id) WHERE json IS NOT NULL;

CREATE TABLE posts (
  ref_id     text COLLATE "C" NOT NULL,
  post_id    text COLLATE "C" NOT NULL,
  created_at bigint NOT NULL,
  likes      bigint NOT NULL,
  replies    bigint NOT NULL,
  shares     bigint NOT NULL,
  views      bigint,
  repost     integer NOT NULL,
  url        text NOT NULL,
  text       text,
  first_seen bigint NOT NULL,
  last_seen  bigint NOT NULL,
  PRIMARY KEY (ref_id, post_id));

CREATE TABLE runs (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  config_hash text NOT NULL,
  version     text NOT NULL,
  started_at  bigint NOT NULL,
  finished_at bigint,
  status      text NOT NULL CHECK (status IN ('running', 'completed', 'failed', 'interrupted', 'usage_error')),
  counters    text NOT NULL DEFAULT '{}',
  reason      text);

CREATE TABLE scores (
  run_id  bigint NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  ref_id  text COLLATE "C" NOT NULL,
  score   double precision NOT NULL,
  flagged integer NOT NULL,
  json    text NOT NULL,
  PRIMARY KEY (run_id, ref_id));
CREATE INDEX scores_rank ON scores (run_id, score DESC, ref_id);
CREATE INDEX scores_by_ref ON scores (ref_id);

-- key: SHA-256 of Accept + URL, so that an API key in a query string never reaches the database.
CREATE TABLE http_responses (
  key          text PRIMARY KEY,
  ref_id       text COLLATE "C" NOT NULL,
  status       integer NOT NULL,
  content_type text NOT NULL,
  headers      text NOT NULL,
  body_gzip    bytea NOT NULL,
  body_bytes   integer NOT NULL,
  fetched_at   bigint NOT NULL);
CREATE INDEX http_responses_by_ref ON http_responses (ref_id);
