package dev.scout.store.postgres.fleet;

import org.flywaydb.core.Flyway;

import javax.sql.DataSource;

/** The PostgreSQL store's own migrations, as {@code scout worker} applies them, on a test database. */
final class FleetSchemaForTests {
    private FleetSchemaForTests() {
    }

    static void apply(DataSource ds) {
        Flyway.configure(FleetSchemaForTests.class.getClassLoader())
                .dataSource(ds)
                .locations("classpath:db/postgresql")
                .load()
                .migrate();
    }
}
