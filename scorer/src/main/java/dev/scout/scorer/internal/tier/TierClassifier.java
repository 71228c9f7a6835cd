package dev.scout.scorer.internal.tier;

import dev.scout.model.Account;
import dev.scout.scorer.ScoredProfile;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** Names a profile's tier and band from its follower count; "unknown" when the platform hides the count. Thread-safe. */
public final class TierClassifier {

    private static final ScoredProfile.Tier UNKNOWN = new ScoredProfile.Tier("unknown", "unknown");
    /** One immutable record per band, shared by every result in it. */
    private final Map<FollowerBand, ScoredProfile.Tier> tiers = new EnumMap<>(FollowerBand.class);

    public TierClassifier() {
        for (FollowerBand b : FollowerBand.values()) {
            tiers.put(b, new ScoredProfile.Tier(b.tier(), b.key()));
        }
    }

    /** @return the band, or empty when followers are hidden */
    public Optional<FollowerBand> band(Account account) {
        return account.followers().isPresent() ? FollowerBand.of(account.followers().getAsLong()) : Optional.empty();
    }

    public ScoredProfile.Tier tier(Optional<FollowerBand> band) {
        return band.isPresent() ? tiers.get(band.get()) : UNKNOWN;
    }
}
