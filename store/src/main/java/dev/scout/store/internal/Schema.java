package dev.scout.store.internal;

import java.sql.SQLException;
import java.util.List;

/**
 * The store's schema as an ordered list of migrations. The file's {@code PRAGMA user_version} is the number of
 * migrations applied; opening applies the missing ones in one transaction. Migrations are append-only: never edit
 * one that has shipped, add the next.
 */
public final class Schema {

    /** One step from version {@code version - 1} to {@code version}. */
    public record Migration(int version, String description, List<String> statements) {
    }

    public static final List<Migration> MIGRATIONS = List.of(
            new Migration(1, "frontier, snapshots, posts, runs, scores", List.of(
                    """
                    CREATE TABLE frontier (
                      ref_id        TEXT PRIMARY KEY NOT NULL,
                      platform      TEXT NOT NULL,
                      state         TEXT NOT NULL CHECK (state IN ('pending','in_flight','done','failed','skipped')),
                      reason        TEXT,
                      attempts      INTEGER NOT NULL DEFAULT 0,
                      depth         INTEGER NOT NULL,
                      via           TEXT NOT NULL,
                      claimed_by    TEXT,
                      lease_until   INTEGER,
                      next_fetch_at INTEGER NOT NULL,
                      updated_at    INTEGER NOT NULL)""",
                    "CREATE INDEX frontier_due ON frontier (state, depth, next_fetch_at)",
                    "CREATE INDEX frontier_lease ON frontier (state, lease_until)",
                    """
                    CREATE TABLE snapshots (
                      id              INTEGER PRIMARY KEY,
                      ref_id          TEXT NOT NULL,
                      crawled_at      INTEGER NOT NULL,
                      followers       INTEGER,
                      following       INTEGER,
                      posts_count     INTEGER,
                      engagement_rate REAL,
                      json            TEXT)""",
                    "CREATE INDEX snapshots_by_ref ON snapshots (ref_id, crawled_at)",
                    """
                    CREATE TABLE posts (
                      ref_id     TEXT NOT NULL,
                      post_id    TEXT NOT NULL,
                      created_at INTEGER NOT NULL,
                      likes      INTEGER NOT NULL,
                      replies    INTEGER NOT NULL,
                      shares     INTEGER NOT NULL,
                      views      INTEGER,
                      repost     INTEGER NOT NULL,
                      url        TEXT NOT NULL,
                      text       TEXT,
                      first_seen INTEGER NOT NULL,
                      last_seen  INTEGER NOT NULL,
                      PRIMARY KEY (ref_id, post_id)) WITHOUT ROWID""",
                    """
                    CREATE TABLE runs (
                      id          INTEGER PRIMARY KEY AUTOINCREMENT,
                      config_hash TEXT NOT NULL,
                      version     TEXT NOT NULL,
                      started_at  INTEGER NOT NULL,
                      finished_at INTEGER,
                      status      TEXT NOT NULL CHECK (status IN ('running','completed','failed','interrupted')),
                      counters    TEXT NOT NULL DEFAULT '{}')""",
                    """
                    CREATE TABLE scores (
                      run_id  INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
                      ref_id  TEXT NOT NULL,
                      score   REAL NOT NULL,
                      flagged INTEGER NOT NULL,
                      json    TEXT NOT NULL,
                      PRIMARY KEY (run_id, ref_id)) WITHOUT ROWID""",
                    "CREATE INDEX scores_rank ON scores (run_id, score DESC, ref_id)",
                    "CREATE INDEX scores_by_ref ON scores (ref_id)")),
            new Migration(2, "HTTP validators; full snapshot JSON kept for the newest snapshot of each profile only", List.of(
                    """
                    CREATE TABLE http_validators (
                      url           TEXT PRIMARY KEY NOT NULL,
                      ref_id        TEXT NOT NULL,
                      etag          TEXT,
                      last_modified TEXT,
                      body_sha256   TEXT,
                      fetched_at    INTEGER NOT NULL)""",
                    "CREATE INDEX http_validators_by_ref ON http_validators (ref_id)",
                    // Version 1 kept the JSON of every snapshot; history needs only the counts, and the JSON of a
                    // 100,000-profile crawl is gigabytes. Keep it for the newest snapshot of each profile.
                    """
                    UPDATE snapshots SET json = NULL WHERE json IS NOT NULL AND id <> (
                      SELECT s2.id FROM snapshots s2 WHERE s2.ref_id = snapshots.ref_id
                      ORDER BY s2.crawled_at DESC, s2.id DESC LIMIT 1)""",
                    "CREATE INDEX snapshots_latest ON snapshots (ref_id) WHERE json IS NOT NULL")),
            new Migration(3, "HTTP responses with a validator, kept for conditional requests in later runs", List.of(
                    // key: SHA-256 of Accept + URL, so that an API key in a query string never reaches the file.
                    """
                    CREATE TABLE http_responses (
                      key          TEXT PRIMARY KEY NOT NULL,
                      ref_id       TEXT NOT NULL,
                      status       INTEGER NOT NULL,
                      content_type TEXT NOT NULL,
                      headers      TEXT NOT NULL,
                      body_gzip    BLOB NOT NULL,
                      body_bytes   INTEGER NOT NULL,
                      fetched_at   INTEGER NOT NULL)""",
                    "CREATE INDEX http_responses_by_ref ON http_responses (ref_id)")),
            new Migration(4, "drop http_validators: the stored responses carry their own validators", List.of(
                    "DROP INDEX http_validators_by_ref",
                    "DROP TABLE http_validators")),
            // SQLite cannot change a CHECK constraint in place: the table is rebuilt (the documented 12-step way;
            // StoreFile turns foreign keys on only after migrating, so dropping the old table cascades nothing).
            new Migration(5, "runs: the reason a run ended, and the usage_error end", List.of(
                    """
                    CREATE TABLE runs_new (
                      id          INTEGER PRIMARY KEY AUTOINCREMENT,
                      config_hash TEXT NOT NULL,
                      version     TEXT NOT NULL,
                      started_at  INTEGER NOT NULL,
                      finished_at INTEGER,
                      status      TEXT NOT NULL
                                  CHECK (status IN ('running','completed','failed','interrupted','usage_error')),
                      counters    TEXT NOT NULL DEFAULT '{}',
                      reason      TEXT)""",
                    """
                    INSERT INTO runs_new (id, config_hash, version, started_at, finished_at, status, counters)
                      SELECT id, config_hash, version, started_at, finished_at, status, counters FROM runs""",
                    "DROP TABLE runs",
                    "ALTER TABLE runs_new RENAME TO runs")),
            // The review app (scout serve) filters and sorts 100,000 verdicts a page at a time. The scores table keeps
            // each verdict as JSON of several KB, and a column added to it would sit after that JSON in every record,
            // so the filterable facts get a narrow table of their own, filled from the JSON already stored.
            new Migration(6, "reviews by profile; candidates: the filterable facts of each verdict", List.of(
                    """
                    CREATE TABLE reviews (
                      ref_id      TEXT PRIMARY KEY NOT NULL,
                      status      TEXT NOT NULL CHECK (status IN ('shortlisted','rejected','undecided')),
                      note        TEXT NOT NULL,
                      reviewer    TEXT NOT NULL,
                      reviewed_at INTEGER NOT NULL)""",
                    """
                    CREATE TABLE candidates (
                      run_id          INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
                      ref_id          TEXT NOT NULL,
                      platform        TEXT NOT NULL,
                      handle          TEXT NOT NULL,
                      display_name    TEXT NOT NULL,
                      niche           TEXT NOT NULL,
                      tier            TEXT NOT NULL,
                      grade           TEXT NOT NULL,
                      score           REAL NOT NULL,
                      flagged         INTEGER NOT NULL,
                      suspicious      INTEGER NOT NULL,
                      followers       INTEGER,
                      engagement_rate REAL,
                      niche_share     REAL NOT NULL,
                      est_price_usd   REAL,
                      PRIMARY KEY (run_id, ref_id)) WITHOUT ROWID""",
                    // Covering: the list's filters, sorts, counts and deep pages read this index alone, in score
                    // order, without a lookup into the table per row (at 100,000 verdicts a filtered count went from
                    // about a second to tens of milliseconds on a loaded machine).
                    """
                    CREATE INDEX candidates_rank ON candidates (run_id, score DESC, ref_id, platform, niche, tier, grade,
                      flagged, suspicious, followers, engagement_rate, niche_share, est_price_usd, handle, display_name)""",
                    "CREATE INDEX candidates_by_ref ON candidates (ref_id)",
                    """
                    INSERT INTO candidates (run_id, ref_id, platform, handle, display_name, niche, tier, grade, score,
                                            flagged, suspicious, followers, engagement_rate, niche_share, est_price_usd)
                      SELECT run_id, ref_id, substr(ref_id, 1, instr(ref_id, ':') - 1),
                             coalesce(json_extract(json, '$.account.handle'), ref_id),
                             coalesce(json_extract(json, '$.account.displayName'), ''),
                             coalesce(json_extract(json, '$.niche.target'), ''),
                             coalesce(json_extract(json, '$.tier.name'), ''),
                             coalesce(json_extract(json, '$.engagement.grade'), ''),
                             score, flagged,
                             coalesce(json_extract(json, '$.authenticity.suspicious'), 0),
                             json_extract(json, '$.account.followers'),
                             json_extract(json, '$.engagement.rate'),
                             coalesce(json_extract(json, '$.niche.share'), 0),
                             json_extract(json, '$.cost.estPriceUsd')
                      FROM scores""")));

    /** The newest schema this program knows. */
    public static final int CURRENT = MIGRATIONS.size();

    private Schema() {
    }

    /**
     * Applies the migrations after {@code from} in one transaction (all or nothing) and sets {@code user_version}.
     * The caller has checked that {@code from <= CURRENT}.
     */
    public static void migrate(Sql sql, int from) throws SQLException {
        if (from >= CURRENT) {
            return;
        }
        sql.exec("BEGIN IMMEDIATE");
        try {
            // Re-read under the write lock: another process may have migrated meanwhile.
            int now = (int) sql.queryLong("PRAGMA user_version");
            for (Migration m : MIGRATIONS) {
                if (m.version() > now) {
                    for (String statement : m.statements()) {
                        sql.exec(statement);
                    }
                }
            }
            sql.exec("PRAGMA user_version = " + CURRENT);
            sql.exec("COMMIT");
        } catch (SQLException | RuntimeException e) {
            try {
                sql.exec("ROLLBACK");
            } catch (SQLException rollbackFailure) {
                e.addSuppressed(rollbackFailure);
            }
            throw e;
        }
    }
}
