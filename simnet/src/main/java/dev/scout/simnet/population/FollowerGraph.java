package dev.scout.simnet.population;

import dev.scout.model.Platform;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Chooses the followers each account's follower list shows (newest first). Lists are capped because the
 * population is far smaller than the displayed counts; the cap still spans several API pages.
 *
 * <p>Organic accounts are followed by the audience pool (mostly real people, about 5% mass followers) plus ~2%
 * stray fakes; accounts that bought followers show their bought share drawn from the fake-follower pool.
 */
final class FollowerGraph {

    static final int CREATOR_CAP = 200;
    static final int SMALL_CAP = 40;

    private FollowerGraph() {
    }

    static Map<Integer, List<Integer>> build(List<Draft> drafts, long seed) {
        Map<Platform, List<Integer>> audience = new HashMap<>();
        Map<Platform, List<Integer>> fakes = new HashMap<>();
        for (Draft d : drafts) {
            if (d.kind == AccountKind.AUDIENCE) {
                audience.computeIfAbsent(d.platform, k -> new ArrayList<>()).add(d.index);
            } else if (d.kind == AccountKind.FAKE_FOLLOWER) {
                fakes.computeIfAbsent(d.platform, k -> new ArrayList<>()).add(d.index);
            }
        }
        Map<Integer, List<Integer>> out = new HashMap<>();
        for (Draft d : drafts) {
            if (d.platform == Platform.WEB || d.suspended) {
                out.put(d.index, List.of());
                continue;
            }
            RandomGenerator rng = new SplittableRandom(seed * 0x2545F4914F6CDD1DL + d.index);
            List<Integer> real = audience.getOrDefault(d.platform, List.of());
            List<Integer> fake = fakes.getOrDefault(d.platform, List.of());
            boolean big = d.kind == AccountKind.CREATOR || d.kind == AccountKind.GENERALIST || d.kind == AccountKind.BRAND;
            int wanted = (int) Math.min(d.followers, big ? CREATOR_CAP : SMALL_CAP);
            double fakeShare = d.fakeKind == FakeKind.BOUGHT_FOLLOWERS ? d.boughtShare : d.kind == AccountKind.FAKE_FOLLOWER ? 0.5 : 0.02;
            int fakeCount = Math.min(fake.size(), (int) Math.round(wanted * fakeShare));
            int realCount = Math.min(real.size(), wanted - fakeCount);
            Set<Integer> chosen = new LinkedHashSet<>();
            pick(rng, fake, fakeCount, d.index, chosen);
            pick(rng, real, realCount, d.index, chosen);
            List<Integer> list = new ArrayList<>(chosen);
            shuffle(list, rng);
            out.put(d.index, List.copyOf(list));
        }
        return out;
    }

    private static void pick(RandomGenerator rng, List<Integer> pool, int count, int self, Set<Integer> into) {
        int target = into.size() + count;
        int attempts = 0;
        while (into.size() < target && attempts < count * 20) {
            int candidate = pool.get(rng.nextInt(pool.size()));
            if (candidate != self) {
                into.add(candidate);
            }
            attempts++;
        }
    }

    private static void shuffle(List<Integer> list, RandomGenerator rng) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            Integer tmp = list.get(i);
            list.set(i, list.get(j));
            list.set(j, tmp);
        }
    }
}
