package dev.scout.app.pipeline;

import dev.scout.crawler.engine.CrawlAbortedException;
import dev.scout.store.StoreException;
import dev.scout.store.postgres.fleet.FleetException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures make a fleet worker reconnect (and wait) rather than stop. */
class FleetJobReconnectTest {
    private static final String DB = "postgresql://scout@db.example:5432/scout";

    @Test
    void aLostStoreConnectionDeepInsideACrawlFailureMeansReconnect() {
        StoreException lost = new StoreException(DB, StoreException.Kind.UNREACHABLE, "lost the connection");
        assertThat(FleetJob.connectionLost(new CrawlAbortedException("the crawl stopped", lost))).isTrue();
    }

    @Test
    void anUnreachableFleetTableMeansReconnect() {
        assertThat(FleetJob.connectionLost(new FleetException(FleetException.Kind.UNAVAILABLE, "cannot renew", null)))
                .isTrue();
    }

    @Test
    void otherStoreAndFleetFailuresStopTheWorker() {
        assertThat(FleetJob.connectionLost(new StoreException(DB, StoreException.Kind.ACCESS_DENIED, "refused"))).isFalse();
        assertThat(FleetJob.connectionLost(new FleetException(FleetException.Kind.FAILED, "syntax", null))).isFalse();
        assertThat(FleetJob.connectionLost(new IllegalStateException("bug"))).isFalse();
    }
}
