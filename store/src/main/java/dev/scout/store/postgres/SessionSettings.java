package dev.scout.store.postgres;

import java.time.Duration;

/**
 * Server settings every Scout connection to PostgreSQL asks for.
 *
 * <p>{@code idle_in_transaction_session_timeout}: a process paused inside a transaction (SIGSTOP, a long garbage
 * collection, a suspended VM) keeps that transaction's row locks for as long as the pause lasts, and another fleet
 * worker taking over its hosts waited on them, stalled, for as long (a fault test once waited 120 s). The server now
 * ends such a session after {@link #IDLE_IN_TRANSACTION_TIMEOUT}, rolling its transaction back; the paused process
 * finds its connection gone when it wakes and reconnects. Scout's own transactions never wait on the client that
 * long: a write batch runs its statements back to back and no read holds a transaction open.
 */
public final class SessionSettings {
    /** Shorter than a fleet lease (30 s by default), so a takeover never waits on the paused owner's locks. */
    public static final Duration IDLE_IN_TRANSACTION_TIMEOUT = Duration.ofSeconds(15);

    private SessionSettings() {
    }

    /**
     * The statement a pool runs on each new connection. A {@code SET} rather than the driver's startup
     * {@code options}, which connection poolers such as PgBouncer refuse by default.
     */
    public static String initSql() {
        return "SET idle_in_transaction_session_timeout = " + IDLE_IN_TRANSACTION_TIMEOUT.toMillis();
    }

    /** The same as the driver's startup {@code options}, with any timeout (for a plain data source, and tests). */
    public static String options(Duration idleInTransaction) {
        return "-c idle_in_transaction_session_timeout=" + idleInTransaction.toMillis();
    }
}
