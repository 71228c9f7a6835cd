package dev.scout.store.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import dev.scout.store.StoreException;
import dev.scout.store.StoreException.Kind;
import dev.scout.store.StoreOptions;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Opens a PostgreSQL store's server side: a small HikariCP pool with the credentials set as properties (never in
 * the URL it logs), then Flyway's versioned migrations from {@code classpath:db/postgresql}. Every failure to open is
 * a {@link StoreException} that names the masked URL and says what to do: server unreachable, credentials refused,
 * database missing, schema written by a newer Scout.
 */
final class PostgresDatabase {
    /** Where the migrations live (V1__store.sql …; the fleet's tables start at V50). */
    static final String MIGRATIONS = "classpath:db/postgresql";
    /** Connections: the writer's, plus spares for readers of server-side state (leases, workers). */
    private static final int POOL_SIZE = 4;

    private PostgresDatabase() {
    }

    /** A pool whose first connection succeeded, with the schema migrated; the caller closes it. */
    static HikariDataSource open(PostgresLocation where, StoreOptions options) {
        HikariDataSource pool = pool(where, options);
        try {
            migrate(pool, where);
            return pool;
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    private static HikariDataSource pool(PostgresLocation where, StoreOptions options) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("scout-store " + where.host() + ":" + where.port() + "/" + where.database());
        config.setJdbcUrl(where.jdbcUrl());
        config.setUsername(where.user());
        where.password().ifPresent(config::setPassword);
        config.setMaximumPoolSize(POOL_SIZE);
        config.setMinimumIdle(1);
        long timeout = Math.max(Duration.ofMillis(250).toMillis(), options.busyTimeout().toMillis());
        config.setConnectionTimeout(timeout);
        // Fail at open, not at the first write: the one place that can say "server down" or "wrong password" plainly.
        config.setInitializationFailTimeout(timeout);
        config.addDataSourceProperty("ApplicationName", "scout");
        config.setConnectionInitSql(SessionSettings.initSql());
        config.addDataSourceProperty("connectTimeout", String.valueOf(Math.max(1, timeout / 1000)));
        try {
            return new HikariDataSource(config);
        } catch (HikariPool.PoolInitializationException e) {
            throw openFailure(where, e);
        }
    }

    private static void migrate(HikariDataSource pool, PostgresLocation where) {
        Flyway flyway = Flyway.configure(PostgresDatabase.class.getClassLoader())
                .dataSource(pool)
                .locations(MIGRATIONS)
                .load();
        try {
            Optional<MigrationInfo> newer = Arrays.stream(flyway.info().applied())
                    .filter(m -> m.getState() == MigrationState.FUTURE_SUCCESS
                            || m.getState() == MigrationState.FUTURE_FAILED)
                    .reduce((a, b) -> b);
            if (newer.isPresent()) {
                throw new StoreException(where.masked(), Kind.NEWER_SCHEMA, "the PostgreSQL store " + where.masked()
                        + " was migrated by a newer Scout (schema version " + newer.get().getVersion() + ", this"
                        + " program knows up to " + newest(flyway) + "); upgrade Scout on this machine, or point"
                        + " 'store:' at another database. Nothing in it was changed.");
            }
            flyway.migrate();
        } catch (FlywayException e) {
            throw migrationFailure(where, e);
        }
    }

    private static String newest(Flyway flyway) {
        return Arrays.stream(flyway.info().all())
                .filter(m -> m.getState() != MigrationState.FUTURE_SUCCESS && m.getState() != MigrationState.FUTURE_FAILED)
                .map(m -> String.valueOf(m.getVersion())).reduce((a, b) -> b).orElse("none");
    }

    private static StoreException migrationFailure(PostgresLocation where, FlywayException e) {
        Optional<SQLException> sql = sqlCause(e);
        if (sql.isPresent() && PostgresDialect.isConnection(Objects.requireNonNullElse(sql.get().getSQLState(), ""))) {
            return openFailure(where, e);
        }
        return new StoreException(where.masked(), Kind.IO, "could not bring the PostgreSQL store " + where.masked()
                + " to this Scout's schema (" + e.getMessage() + "). The failed migration was rolled back;"
                + " check that user '" + where.user() + "' may create tables in database '" + where.database()
                + "', then run the command again.", e);
    }

    /** The failure to get a first connection, told apart by SQLSTATE. */
    static StoreException openFailure(PostgresLocation where, Exception e) {
        Optional<SQLException> sql = sqlCause(e);
        String state = sql.map(SQLException::getSQLState).orElse("");
        String detail = sql.map(s -> " (" + s.getMessage() + ")").orElse(" (" + e.getMessage() + ")");
        String url = where.masked();
        if (state.startsWith("28")) {
            return new StoreException(url, Kind.ACCESS_DENIED, "PostgreSQL at " + url + " refused user '"
                    + where.user() + "'" + detail + ". Check the user and password: in the URL"
                    + " (postgresql://user:password@host:port/database) or in the PGUSER and PGPASSWORD environment"
                    + " variables.", e);
        }
        if (state.equals("3D000")) {
            return new StoreException(url, Kind.NO_DATABASE, "PostgreSQL at " + url + " has no database '"
                    + where.database() + "'. Create it (createdb -h " + where.host() + " -p " + where.port() + " -U "
                    + where.user() + " " + where.database() + ") or correct the name in 'store:'.", e);
        }
        return new StoreException(url, Kind.UNREACHABLE, "cannot reach PostgreSQL at " + url + detail
                + ". Check that the server is running and accepts connections on " + where.host() + ":"
                + where.port() + " (pg_isready -h " + where.host() + " -p " + where.port() + "), and the host and"
                + " port in 'store:'.", e);
    }

    private static Optional<SQLException> sqlCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
