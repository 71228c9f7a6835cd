package dev.scout.crawler.engine;

import dev.scout.model.ProfileSnapshot;

/** Receives each profile snapshot as soon as it is complete, so nothing gathered is lost if the run dies later. Thread-safe. */
@FunctionalInterface
public interface SnapshotSink {
    void accept(ProfileSnapshot snapshot);
}
