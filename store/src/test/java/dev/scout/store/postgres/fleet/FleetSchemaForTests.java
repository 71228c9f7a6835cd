package dev.scout.store.postgres.fleet;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Applies the fleet's migration ({@code db/postgresql/V50__fleet.sql}) as written, plus a frontier table shaped like
 * the store's, until the PostgreSQL store's own migrations run in these tests.
 */
final class FleetSchemaForTests {
    static final String FRONTIER = """
            CREATE TABLE frontier (
              ref_id        text PRIMARY KEY,
              platform      text NOT NULL,
              host          text NOT NULL,
              state         text NOT NULL CHECK (state IN ('pending','in_flight','done','failed','skipped')),
              attempts      integer NOT NULL DEFAULT 0,
              depth         integer NOT NULL DEFAULT 0,
              claimed_by    text,
              lease_until   timestamptz,
              next_fetch_at timestamptz NOT NULL DEFAULT '-infinity',
              updated_at    timestamptz NOT NULL DEFAULT now())""";

    private FleetSchemaForTests() {
    }

    static void apply(DataSource ds) throws SQLException, IOException {
        String migration;
        try (InputStream in = FleetSchemaForTests.class.getResourceAsStream("/db/postgresql/V50__fleet.sql")) {
            migration = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute(FRONTIER);
            st.execute(migration);
        }
    }
}
