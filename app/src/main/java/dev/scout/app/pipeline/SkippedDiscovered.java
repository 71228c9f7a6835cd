package dev.scout.app.pipeline;

import dev.scout.model.ProfileRef;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Counts, by reason, the discovered (not seeded) profiles the crawl skipped in this run: they stay out of the
 * exports, so the run summary says how many were left out and why. Reasons that differ only in a profile's own
 * numbers or ids ("312 followers, below …", "same profile as bluesky:did:…") count as one. Thread-safe.
 */
final class SkippedDiscovered {
    /** Distinct reasons kept; further ones are counted under {@link #OTHER}. */
    static final int MAX_REASONS = 20;
    static final String OTHER = "other reasons";

    private static final Pattern FOLLOWER_COUNT = Pattern.compile("^[0-9][0-9,]* followers, ");
    private static final Pattern PARKED = Pattern.compile("^parked until \\S+ ");

    private final Set<String> seeds;
    private final Map<String, LongAdder> byReason = new ConcurrentHashMap<>();

    /** @param seeds ids of the seeded profiles, which get a row of their own and are not counted here */
    SkippedDiscovered(List<ProfileRef> seeds) {
        this.seeds = seeds.stream().map(ProfileRef::id).collect(Collectors.toUnmodifiableSet());
    }

    void skipped(ProfileRef ref, String reason) {
        if (seeds.contains(ref.id())) {
            return;
        }
        String key = category(reason);
        if (!byReason.containsKey(key) && byReason.size() >= MAX_REASONS) {
            key = OTHER;
        }
        byReason.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    /** Reason → profiles, most first (ties by reason). */
    Map<String, Long> byReason() {
        Map<String, Long> out = new LinkedHashMap<>();
        byReason.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue().sum()))
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    long total() {
        return byReason.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** One line for the terminal and the report; empty when nothing was skipped. */
    String summary() {
        Map<String, Long> reasons = byReason();
        if (reasons.isEmpty()) {
            return "";
        }
        return String.format(java.util.Locale.ROOT, "discovered profiles skipped (not in the exports): %,d — %s", total(),
                reasons.entrySet().stream().map(e -> String.format(java.util.Locale.ROOT, "%,d %s", e.getValue(), e.getKey()))
                        .collect(Collectors.joining("; ")));
    }

    /** The reason without what belongs to one profile. */
    static String category(String reason) {
        String r = FOLLOWER_COUNT.matcher(reason.strip()).replaceFirst("");
        if (r.startsWith("same profile as ")) {
            return "same profile as another id, already crawled in this run";
        }
        return PARKED.matcher(r).replaceFirst("parked ");
    }
}
