package dev.scout.scorer;

import dev.scout.model.ProfileSnapshot;

/**
 * Turns a profile snapshot into an explained verdict. Pure: no I/O, no clock (time comes from the snapshot),
 * deterministic, thread-safe.
 */
public interface Scorer {
    ScoredProfile score(ProfileSnapshot snapshot);
}
