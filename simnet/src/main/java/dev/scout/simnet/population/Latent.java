package dev.scout.simnet.population;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The hidden truth about an account that the API never reveals directly; posts and counts are drawn from it.
 *
 * @param primaryNiche          the niche most posts are about; empty for generalists, audience and fake followers
 * @param nicheShare            share of original posts about the primary niche (0..1)
 * @param engagementRate        median per-post (likes + replies + shares) / displayed followers
 * @param sponsoredRate         share of original posts that are partnerships (0..1)
 * @param brands                population indexes of the partner brands
 * @param fakeKind              how the account games its numbers
 * @param boughtFollowerShare   share of displayed followers that were bought (0 unless {@link FakeKind#BOUGHT_FOLLOWERS})
 * @param postsPerDay           posting frequency
 */
public record Latent(
        Optional<Niche> primaryNiche,
        double nicheShare,
        double engagementRate,
        double sponsoredRate,
        List<Integer> brands,
        FakeKind fakeKind,
        double boughtFollowerShare,
        double postsPerDay) {

    public Latent {
        Objects.requireNonNull(primaryNiche, "primaryNiche");
        brands = List.copyOf(brands);
        Objects.requireNonNull(fakeKind, "fakeKind");
    }

    public boolean isFake() {
        return fakeKind != FakeKind.NONE;
    }
}
