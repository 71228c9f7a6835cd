package dev.scout.store.postgres.fleet;

import java.time.Instant;
import java.util.Optional;

/**
 * One worker's right to send requests to one host, until {@code leaseUntil}, under fencing token {@code token}
 * (larger than the token of every earlier holder of the host). {@code learnedLimit} is what the fleet had learned
 * about the host's rate limit when the lease was taken, so a new owner starts from it instead of from scratch.
 */
public record HostLease(String host, String owner, long token, Instant leaseUntil, Optional<LearnedLimit> learnedLimit) {
}
