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
 * the store's (times in epoch milliseconds, as the store keeps them), until the PostgreSQL store's own migrations run in these tests.
 */
final class FleetSchemaForTests {
    static final String FRONTIER = """
            CREATE TABLE frontier (
              ref_id        text PRIMARY KEY NOT NULL,
              platform      text NOT NULL,
              state         text NOT NULL CHECK (state IN ('pending','in_flight','done','failed','skipped')),
              reason        text,
              attempts      integer NOT NULL DEFAULT 0,
              depth         integer NOT NULL,
              via           text NOT NULL,
              claimed_by    text,
              lease_until   bigint,
              next_fetch_at bigint NOT NULL,
              updated_at    bigint NOT NULL)""";

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
