package dev.scout.crawler.engine;

import dev.scout.model.Platform;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** Counters one crawl run updates from many workers. Thread-safe. */
final class RunCounters {
    private final Map<FunnelStage, LongAdder> byStage = new EnumMap<>(FunnelStage.class);
    private final Map<Platform, LongAdder> byPlatform = new EnumMap<>(Platform.class);
    final LongAdder snapshots = new LongAdder();
    final LongAdder followerSamples = new LongAdder();
    final LongAdder parked = new LongAdder();

    RunCounters() {
        for (FunnelStage s : FunnelStage.values()) {
            byStage.put(s, new LongAdder());
        }
        for (Platform p : Platform.values()) {
            byPlatform.put(p, new LongAdder());
        }
    }

    void requests(Platform platform, FunnelStage stage, long n) {
        byStage.get(stage).add(n);
        byPlatform.get(platform).add(n);
    }

    Map<FunnelStage, Long> stages() {
        Map<FunnelStage, Long> m = new EnumMap<>(FunnelStage.class);
        byStage.forEach((k, v) -> m.put(k, v.sum()));
        return m;
    }

    Map<Platform, Long> platforms() {
        Map<Platform, Long> m = new EnumMap<>(Platform.class);
        byPlatform.forEach((k, v) -> m.put(k, v.sum()));
        return m;
    }
}
