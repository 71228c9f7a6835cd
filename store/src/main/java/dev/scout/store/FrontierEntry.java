package dev.scout.store;

import dev.scout.crawler.engine.Frontier;
import dev.scout.model.ProfileRef;

import java.time.Instant;
import java.util.Optional;

/**
 * What the frontier knows about one profile: its state and the last reason given (why it was skipped, why it
 * failed, why it waits for a later run).
 *
 * @param state     the entry's state
 * @param reason    the last reason recorded; empty when none (a pending or done entry)
 * @param attempts  attempts made so far, over all runs
 * @param depth     0 for seeds and hashtag authors, more for profiles found through others
 * @param via       how it was found ({@code seed}, a hashtag, a followers list …)
 * @param updatedAt when the entry last changed
 */
public record FrontierEntry(ProfileRef ref, Frontier.EntryState state, Optional<String> reason, int attempts,
                            int depth, String via, Instant updatedAt) {
}
