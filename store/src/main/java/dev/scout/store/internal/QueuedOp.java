package dev.scout.store.internal;

import java.util.concurrent.CompletableFuture;

/**
 * An operation waiting in the {@link WriteQueue}.
 *
 * @param op     the work
 * @param what   what it does, as a verb phrase for error messages ("store the snapshot of mastodon:ana@fika.example")
 * @param result completed after commit when a caller waits for it; null for write-behind operations
 */
record QueuedOp(SqlOp<?> op, String what, CompletableFuture<Object> result) {
    boolean waited() {
        return result != null;
    }
}
