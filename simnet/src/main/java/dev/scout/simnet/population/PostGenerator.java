package dev.scout.simnet.population;

import dev.scout.model.Platform;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Generates every account's timeline: originals first (niche, off-topic and partnership posts placed evenly so any
 * recent window shows the latent shares), then replies and boosts that point at other accounts' earlier posts.
 *
 * <p>Per-post engagement is the latent median rate times the displayed followers times log-normal noise
 * (σ 0.3; 0.05 for pods), with the noise re-centred so the median over the originals equals the latent rate up to
 * integer rounding.
 */
final class PostGenerator {

    private final List<Draft> drafts;
    private final Instant reference;
    private final long seed;
    private final Map<String, List<Integer>> peersByNiche = new HashMap<>();
    private final Map<Platform, List<Integer>> creatorsByPlatform = new HashMap<>();
    private final Map<Integer, List<SimPost>> posts = new HashMap<>();
    private final Map<String, Integer> mentionCursor = new HashMap<>();
    private final Set<Long> ids = new HashSet<>();
    private long sequence;

    PostGenerator(List<Draft> drafts, Instant reference, long seed) {
        this.drafts = drafts;
        this.reference = reference;
        this.seed = seed;
        for (Draft d : drafts) {
            boolean creator = d.kind == AccountKind.CREATOR && d.fakeKind == FakeKind.NONE && !d.suspended;
            if (creator) {
                d.primaryNiche.ifPresent(n -> peersByNiche.computeIfAbsent(key(d.platform, n), k -> new ArrayList<>()).add(d.index));
                creatorsByPlatform.computeIfAbsent(d.platform, k -> new ArrayList<>()).add(d.index);
            }
        }
    }

    Map<Integer, List<SimPost>> generate() {
        for (Draft d : drafts) {
            posts.put(d.index, originals(d, random(d.index, 1)));
        }
        for (Draft d : drafts) {
            if (d.platform != Platform.WEB) {
                addRepliesAndBoosts(d, random(d.index, 2));
            }
        }
        for (List<SimPost> list : posts.values()) {
            list.sort(Comparator.comparingLong(SimPost::id).reversed());
        }
        return posts;
    }

    private List<SimPost> originals(Draft d, RandomGenerator rng) {
        int n = switch (d.kind) {
            case CREATOR, GENERALIST -> d.fakeKind == FakeKind.BOT_LIKE ? 70 + rng.nextInt(20)
                    : d.fewPosts ? 14 + rng.nextInt(20) : 42 + rng.nextInt(25);
            case BRAND -> 20 + rng.nextInt(10);
            case AUDIENCE -> 2 + rng.nextInt(20);
            case FAKE_FOLLOWER -> rng.nextInt(4);
        };
        if (d.platform == Platform.WEB) {
            n = Math.min(n, 24);
        }
        boolean[] sponsored = spread(n, d.sponsoredRate, rng);
        int sponsoredCount = count(sponsored);
        if (sponsoredCount < d.brands.size()) {
            d.brands = new ArrayList<>(d.brands.subList(0, sponsoredCount));
        }
        double share = d.kind == AccountKind.GENERALIST ? 0.8 : d.nicheShare;
        double restShare = n == sponsoredCount ? 0 : Math.max(0, Math.min(1, (share * n - sponsoredCount) / (n - sponsoredCount)));
        // Generalists rotate through their niches, so no window of recent posts reaches the 30% niche gate.
        int rotation = d.mix.isEmpty() ? 0 : rng.nextInt(d.mix.size());
        int generalistPosts = 0;
        boolean[] nicheSlots = spread(n, restShare, rng);
        double[] noise = noise(n, blatantPod(d) ? 0.05 : 0.3, rng);
        int pinned = d.kind == AccountKind.CREATOR && n > 8 && rng.nextDouble() < 0.15 ? 5 + rng.nextInt(n - 5) : -1;

        List<SimPost> out = new ArrayList<>(n);
        Instant t = reference.minus(Duration.ofMinutes(30 + rng.nextInt(d.kind == AccountKind.CREATOR ? 1_200 : 4_000)));
        int brandCursor = 0;
        for (int i = 0; i < n; i++) {
            Optional<Niche> niche = Optional.empty();
            List<Segment> segments;
            Optional<Integer> brand = Optional.empty();
            boolean isSponsored = sponsored[i] && !d.brands.isEmpty();
            if (d.kind == AccountKind.AUDIENCE || d.kind == AccountKind.FAKE_FOLLOWER) {
                segments = PostText.offTopic(rng, false);
            } else if (d.kind == AccountKind.BRAND) {
                niche = Optional.of(d.mix.get(0));
                segments = PostText.niche(rng, niche.get(), Optional.empty(), false, false);
            } else if (isSponsored || nicheSlots[i] || i == 0 || d.fakeKind == FakeKind.BOT_LIKE) {
                Niche chosen = d.primaryNiche.isPresent() ? d.primaryNiche.get()
                        : d.mix.get((rotation + generalistPosts++) % d.mix.size());
                niche = Optional.of(chosen);
                if (isSponsored) {
                    int b = d.brands.get(brandCursor++ % d.brands.size());
                    brand = Optional.of(b);
                    List<Segment> s = new ArrayList<>(SponsorPhrasing.wrap(rng, PostText.body(rng, chosen), b,
                            drafts.get(b).displayName));
                    s.addAll(PostText.hashtags(rng, chosen, i == 0));
                    segments = s;
                } else {
                    segments = PostText.niche(rng, chosen, peer(d, chosen, rng), i == 0, d.hostile && rng.nextDouble() < 0.2);
                }
            } else {
                segments = PostText.offTopic(rng, d.hostile && rng.nextDouble() < 0.2);
            }
            long[] counts = engagement(d, noise[i], rng);
            out.add(new SimPost(nextId(t), d.index, t, segments, counts[0], counts[1], counts[2], niche,
                    brand.isPresent(), brand, Optional.empty(), Optional.empty(), i == pinned));
            t = t.minus(gap(d.postsPerDay, rng));
        }
        if (d.fewPosts && !out.isEmpty() && d.createdAt.isAfter(out.get(out.size() - 1).createdAt())) {
            // A new account's first post is not older than the account.
            d.createdAt = out.get(out.size() - 1).createdAt().minus(Duration.ofDays(1)).truncatedTo(java.time.temporal.ChronoUnit.DAYS);
        }
        return out;
    }

    private void addRepliesAndBoosts(Draft d, RandomGenerator rng) {
        List<SimPost> own = posts.get(d.index);
        if (own.size() < 2 || d.kind == AccountKind.FAKE_FOLLOWER || d.kind == AccountKind.BRAND) {
            return;
        }
        List<Integer> pool = creatorsByPlatform.getOrDefault(d.platform, List.of());
        if (pool.size() < 2) {
            return;
        }
        Instant newest = own.get(0).createdAt();
        Instant oldest = own.get(own.size() - 1).createdAt();
        long span = Math.max(1, Duration.between(oldest, newest).toSeconds());
        int replies = (int) Math.round(own.size() * (d.kind == AccountKind.AUDIENCE ? 0.2 : 0.07));
        int boosts = (int) Math.round(own.size() * 0.1);
        List<SimPost> added = new ArrayList<>();
        for (int i = 0; i < replies + boosts; i++) {
            Instant t = oldest.plusSeconds((long) (rng.nextDouble() * span));
            int other = pool.get(rng.nextInt(pool.size()));
            if (other == d.index) {
                continue;
            }
            Optional<SimPost> target = posts.get(other).stream()
                    .filter(p -> p.isOriginal() && p.createdAt().isBefore(t)).findFirst();
            if (target.isEmpty()) {
                continue;
            }
            if (i < replies) {
                long[] counts = engagement(d, rng.nextGaussian() * 0.3, rng);
                added.add(new SimPost(nextId(t), d.index, t, PostText.reply(rng, other), counts[0], counts[1], counts[2],
                        Optional.empty(), false, Optional.empty(), Optional.of(target.get().id()), Optional.empty(), false));
            } else {
                added.add(new SimPost(nextId(t), d.index, t, List.of(), 0, 0, 0, Optional.empty(), false,
                        Optional.empty(), Optional.empty(), Optional.of(target.get().id()), false));
            }
        }
        own.addAll(added);
    }

    private Optional<Integer> peer(Draft d, Niche niche, RandomGenerator rng) {
        if (rng.nextDouble() >= 0.15) {
            return Optional.empty();
        }
        List<Integer> peers = peersByNiche.getOrDefault(key(d.platform, niche), List.of());
        if (peers.size() < 2) {
            return Optional.empty();
        }
        // Round-robin over the niche's creators, so every one of them is mentioned by someone (discovery by mentions).
        int cursor = mentionCursor.merge(key(d.platform, niche), 1, Integer::sum);
        int p = peers.get(cursor % peers.size());
        return p == d.index ? Optional.of(peers.get((cursor + 1) % peers.size())) : Optional.of(p);
    }

    /** likes, replies, shares for one post. */
    private static long[] engagement(Draft d, double z, RandomGenerator rng) {
        long total = Math.round(d.engagementRate * d.followers * Math.exp(z));
        double replyShare = blatantPod(d) ? 0.33 : 0.08 + rng.nextDouble() * 0.06;
        double shareShare = blatantPod(d) ? 0.10 : 0.14 + rng.nextDouble() * 0.08;
        long replies = Math.round(total * replyShare);
        long shares = Math.round(total * shareShare);
        long likes = Math.max(0, total - replies - shares);
        return new long[] {likes, replies, shares};
    }

    /** A pod whose posts all get the same, reply-heavy engagement; a subtle pod's posts vary like anyone's. */
    private static boolean blatantPod(Draft d) {
        return d.fakeKind == FakeKind.ENGAGEMENT_POD && !d.subtleFake;
    }

    /** Marks about {@code rate·n} of {@code n} slots, evenly spaced from a random phase. */
    static boolean[] spread(int n, double rate, RandomGenerator rng) {
        boolean[] out = new boolean[n];
        double phase = rng.nextDouble();
        for (int i = 0; i < n; i++) {
            out[i] = Math.floor((i + 1) * rate + phase) - Math.floor(i * rate + phase) >= 1;
        }
        return out;
    }

    private static int count(boolean[] flags) {
        int c = 0;
        for (boolean f : flags) {
            c += f ? 1 : 0;
        }
        return c;
    }

    private static double[] noise(int n, double sigma, RandomGenerator rng) {
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = rng.nextGaussian() * sigma;
        }
        if (n > 0) {
            double[] sorted = z.clone();
            Arrays.sort(sorted);
            double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
            for (int i = 0; i < n; i++) {
                z[i] -= median;
            }
        }
        return z;
    }

    private static Duration gap(double postsPerDay, RandomGenerator rng) {
        double days = -Math.log(1 - rng.nextDouble()) / postsPerDay;
        return Duration.ofSeconds(Math.max(60, (long) (days * 86_400)));
    }

    private long nextId(Instant t) {
        long id;
        do {
            id = (t.toEpochMilli() << 16) | (sequence++ & 0xFFFF);
        } while (!ids.add(id));
        return id;
    }

    private RandomGenerator random(int index, int stream) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index * 31L + stream);
    }

    private static String key(Platform p, Niche n) {
        return p.key() + "/" + n.name();
    }
}
