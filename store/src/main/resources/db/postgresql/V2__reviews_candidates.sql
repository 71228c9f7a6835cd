-- The review app (scout serve): a scout's review of a profile, kept across runs and re-crawls (removed only by
-- forget), and the filterable facts of each verdict in a narrow table, so the candidate list filters, sorts and
-- pages 100,000 verdicts without reading their JSON. The same tables as the SQLite store's migration 6.
CREATE TABLE reviews (
  ref_id      text COLLATE "C" PRIMARY KEY,
  status      text NOT NULL CHECK (status IN ('shortlisted', 'rejected', 'undecided')),
  note        text NOT NULL,
  reviewer    text NOT NULL,
  reviewed_at bigint NOT NULL);

CREATE TABLE candidates (
  run_id          bigint NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  ref_id          text COLLATE "C" NOT NULL,
  platform        text NOT NULL,
  handle          text NOT NULL,
  display_name    text NOT NULL,
  niche           text NOT NULL,
  tier            text NOT NULL,
  grade           text NOT NULL,
  score           double precision NOT NULL,
  flagged         integer NOT NULL,
  suspicious      integer NOT NULL,
  followers       bigint,
  engagement_rate double precision,
  niche_share     double precision NOT NULL,
  est_price_usd   double precision,
  PRIMARY KEY (run_id, ref_id));
CREATE INDEX candidates_rank ON candidates (run_id, score DESC, ref_id);
CREATE INDEX candidates_by_ref ON candidates (ref_id);
