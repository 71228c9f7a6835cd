package dev.scout.simnet.population;

import dev.scout.model.Platform;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A mutable account under construction; the generator freezes it into a {@link SimAccount}. Not thread-safe. */
final class Draft {
    int index;
    int personId;
    Platform platform;
    String username;
    String domain;
    Optional<String> did = Optional.empty();
    AccountKind kind;
    String displayName = "";
    String bio = "";
    Optional<String> website = Optional.empty();
    long followers;
    long following;
    Instant createdAt;
    boolean hasAvatar = true;
    Optional<Niche> primaryNiche = Optional.empty();
    List<Niche> mix = new ArrayList<>();
    double nicheShare;
    double engagementRate;
    double sponsoredRate;
    List<Integer> brands = new ArrayList<>();
    FakeKind fakeKind = FakeKind.NONE;
    /** A fake that shows one sign only (see {@link AccountFactory#makeFake}). */
    boolean subtleFake;
    /** A new creator with few posts. */
    boolean fewPosts;
    double boughtShare;
    double postsPerDay;
    boolean hostile;
    boolean bot;
    boolean locked;
    boolean suspended;
    Optional<Integer> movedTo = Optional.empty();
    boolean noindex;
    boolean indexable = true;
    boolean discoverable = true;
    boolean legacy;
    boolean noUnauthenticated;

    Draft copyAs(int newIndex, Platform newPlatform) {
        Draft d = new Draft();
        d.index = newIndex;
        d.personId = personId;
        d.platform = newPlatform;
        d.kind = kind;
        d.displayName = displayName;
        d.bio = bio;
        d.followers = followers;
        d.following = following;
        d.createdAt = createdAt;
        d.hasAvatar = hasAvatar;
        d.primaryNiche = primaryNiche;
        d.mix = new ArrayList<>(mix);
        d.nicheShare = nicheShare;
        d.engagementRate = engagementRate;
        d.sponsoredRate = sponsoredRate;
        d.fakeKind = fakeKind;
        d.subtleFake = subtleFake;
        d.fewPosts = fewPosts;
        d.boughtShare = boughtShare;
        d.postsPerDay = postsPerDay;
        d.hostile = hostile;
        d.bot = bot;
        return d;
    }

    SimAccount freeze() {
        Latent latent = new Latent(primaryNiche, nicheShare, engagementRate, sponsoredRate, brands, fakeKind,
                boughtShare, postsPerDay);
        Flags flags = new Flags(bot, locked, suspended, movedTo, noindex, indexable, discoverable, legacy,
                noUnauthenticated);
        return new SimAccount(index, personId, platform, username, domain, did, kind, displayName, bio, website,
                followers, following, createdAt, hasAvatar, latent, flags);
    }
}
