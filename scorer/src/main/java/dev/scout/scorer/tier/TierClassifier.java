package dev.scout.scorer.tier;

import dev.scout.model.Account;
import dev.scout.scorer.ScoredProfile;

import java.util.Optional;

/** Names a profile's tier and band from its follower count; "unknown" when the platform hides the count. Thread-safe. */
public final class TierClassifier {

    /** @return the band, or empty when followers are hidden */
    public Optional<FollowerBand> band(Account account) {
        return account.followers().isPresent() ? FollowerBand.of(account.followers().getAsLong()) : Optional.empty();
    }

    public ScoredProfile.Tier tier(Optional<FollowerBand> band) {
        return band.map(b -> new ScoredProfile.Tier(b.tier(), b.key()))
                .orElseGet(() -> new ScoredProfile.Tier("unknown", "unknown"));
    }
}
