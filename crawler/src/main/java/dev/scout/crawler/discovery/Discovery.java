package dev.scout.crawler.discovery;

import dev.scout.crawler.engine.Frontier;
import dev.scout.crawler.platform.Sighting;
import dev.scout.model.Account;
import dev.scout.model.ProfileRef;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Grows the frontier within bounds: at most {@code maxProfiles} profiles in total and {@code maxDepth} hops from a
 * seed or hashtag author, deduplicated by stable id. Mentions and reposted authors count only when seen in a niche
 * post. Thread-safe: offers are serialised so the cap holds exactly under concurrent workers.
 */
public final class Discovery {
    private final Frontier frontier;
    private final NicheTerms niche;
    private final int maxProfiles;
    private final int maxDepth;
    /**
     * Ids offered or learnt recently, so the same sighting does not reach the store again and again. Bounded: the
     * frontier itself ignores known ids and counts only new ones, so an id forgotten here costs one redundant offer.
     */
    private final RecentIds seen = new RecentIds(RecentIds.DEFAULT_CAPACITY);
    private long known;

    /** @param alreadyKnown profiles the frontier held before this run (a resumed crawl) */
    public Discovery(Frontier frontier, NicheTerms niche, int maxProfiles, int maxDepth, long alreadyKnown) {
        this.frontier = Objects.requireNonNull(frontier, "frontier");
        this.niche = Objects.requireNonNull(niche, "niche");
        this.maxProfiles = maxProfiles;
        this.maxDepth = maxDepth;
        this.known = alreadyKnown;
    }

    public NicheTerms niche() {
        return niche;
    }

    public int maxDepth() {
        return maxDepth;
    }

    /** Seeds enter at depth 0, in the order given. Returns how many were new. */
    public int offerSeeds(List<ProfileRef> seeds) {
        List<Frontier.Discovered> d = new ArrayList<>();
        for (ProfileRef r : seeds) {
            d.add(new Frontier.Discovered(r, 0, "seed"));
        }
        return offer(d);
    }

    /** Authors found on hashtag timelines enter at depth 0: the hashtag is as good a starting point as a seed. */
    public int offerTagAuthors(List<Sighting> authors) {
        List<Frontier.Discovered> d = new ArrayList<>();
        for (Sighting s : authors) {
            d.add(new Frontier.Discovered(s.ref(), 0, s.via()));
        }
        return offer(d);
    }

    /** Directory accounts whose bio speaks the niche's language enter at depth 0; the rest are not worth a lookup. */
    public int offerDirectoryAccounts(List<Account> listed) {
        List<Frontier.Discovered> d = new ArrayList<>();
        for (Account a : listed) {
            if (niche.matchesText(a.bio()) || niche.matchesText(a.displayName())) {
                d.add(new Frontier.Discovered(a.ref(), 0, "directory"));
            }
        }
        return offer(d);
    }

    /** Mentions and reposted authors seen in {@code from}'s niche posts, one hop deeper. */
    public int offerSightings(ProfileRef from, int fromDepth, List<Sighting> sightings) {
        if (fromDepth >= maxDepth) {
            return 0;
        }
        List<Frontier.Discovered> d = new ArrayList<>();
        for (Sighting s : sightings) {
            if (niche.matches(s.post()) && !s.ref().equals(from)) {
                d.add(new Frontier.Discovered(s.ref(), fromDepth + 1, s.via() + " in " + from.id()));
            }
        }
        return offer(d);
    }

    /** Followers of a strong candidate, one hop deeper. */
    public int offerFollowers(ProfileRef of, int ofDepth, List<Account> followers) {
        if (ofDepth >= maxDepth) {
            return 0;
        }
        List<Frontier.Discovered> d = new ArrayList<>();
        for (Account a : followers) {
            d.add(new Frontier.Discovered(a.ref(), ofDepth + 1, "follower of " + of.id()));
        }
        return offer(d);
    }

    /** Accounts a strong candidate follows, one hop deeper. */
    public int offerFollowing(ProfileRef of, int ofDepth, List<Account> following) {
        if (ofDepth >= maxDepth) {
            return 0;
        }
        List<Frontier.Discovered> d = new ArrayList<>();
        for (Account a : following) {
            d.add(new Frontier.Discovered(a.ref(), ofDepth + 1, "followed by " + of.id()));
        }
        return offer(d);
    }

    /** The new account of a profile that moved, at the moved profile's depth. */
    public int offerMovedTarget(ProfileRef target, int depth, ProfileRef movedFrom) {
        return offer(List.of(new Frontier.Discovered(target, depth, "moved from " + movedFrom.id())));
    }

    /**
     * Records a canonical id learnt from a lookup (a handle seed that resolved to a DID or channel id) so later
     * sightings of the same profile under that id are not offered again.
     */
    public void markKnown(ProfileRef canonical) {
        seen.add(canonical.id());
    }

    /** Profiles known in total (this run's offers plus what the frontier held before). */
    public synchronized long known() {
        return known;
    }

    private synchronized int offer(Collection<Frontier.Discovered> candidates) {
        List<Frontier.Discovered> fresh = new ArrayList<>();
        Map<String, Boolean> batch = new java.util.HashMap<>();
        for (Frontier.Discovered c : candidates) {
            if (known + fresh.size() >= maxProfiles) {
                break;
            }
            String id = c.ref().id();
            if (!seen.contains(id) && batch.putIfAbsent(id, Boolean.TRUE) == null) {
                fresh.add(c);
            }
        }
        if (fresh.isEmpty()) {
            return 0;
        }
        int added = frontier.offer(fresh);
        fresh.forEach(c -> seen.add(c.ref().id()));
        known += added;
        return added;
    }
}
