package dev.scout.simnet.mastodon;

import dev.scout.simnet.http.BadRequestException;
import dev.scout.simnet.http.SimRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToLongFunction;

/**
 * Mastodon's id-based pagination (reference §1.5): {@code max_id}, {@code since_id}, {@code min_id}, {@code limit}
 * clamped to the endpoint's maximum, and a {@code Link} header whose {@code rel="next"} appears only when the page
 * is full and carries the request's filter parameters.
 */
final class Paging {

    private static final Set<String> CURSORS = Set.of("max_id", "since_id", "min_id");

    record Page<T>(List<T> items, int limit) {
    }

    private Paging() {
    }

    /** Slices a newest-first list by the request's cursors. */
    static <T> Page<T> slice(List<T> newestFirst, ToLongFunction<T> id, SimRequest r, int defaultLimit, int maxLimit) {
        int limit = Math.max(1, Math.min(maxLimit, r.intParam("limit").orElse(defaultLimit)));
        Optional<Long> maxId = cursor(r, "max_id");
        Optional<Long> sinceId = cursor(r, "since_id");
        Optional<Long> minId = cursor(r, "min_id");
        List<T> eligible = new ArrayList<>();
        for (T t : newestFirst) {
            long v = id.applyAsLong(t);
            if (maxId.isPresent() && v >= maxId.get() || sinceId.isPresent() && v <= sinceId.get()
                    || minId.isPresent() && v <= minId.get()) {
                continue;
            }
            eligible.add(t);
        }
        List<T> page;
        if (minId.isPresent()) {
            // min_id pages forward in time: the items just above min_id, still returned newest first.
            page = eligible.subList(Math.max(0, eligible.size() - limit), eligible.size());
        } else {
            page = eligible.subList(0, Math.min(limit, eligible.size()));
        }
        return new Page<>(List.copyOf(page), limit);
    }

    /** The {@code Link} header for a page, or empty when the page is empty. */
    static <T> Optional<String> link(String url, SimRequest r, Page<T> page, ToLongFunction<T> id) {
        if (page.items().isEmpty()) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        if (page.items().size() >= page.limit()) {
            long last = id.applyAsLong(page.items().get(page.items().size() - 1));
            parts.add("<" + withParams(url, r, "max_id", last) + ">; rel=\"next\"");
        }
        long first = id.applyAsLong(page.items().get(0));
        parts.add("<" + withParams(url, r, "min_id", first) + ">; rel=\"prev\"");
        return Optional.of(String.join(", ", parts));
    }

    private static String withParams(String url, SimRequest r, String cursor, long value) {
        StringBuilder sb = new StringBuilder(url).append('?');
        for (Map.Entry<String, List<String>> e : r.query().entrySet()) {
            if (CURSORS.contains(e.getKey())) {
                continue;
            }
            for (String v : e.getValue()) {
                sb.append(encode(e.getKey())).append('=').append(encode(v)).append('&');
            }
        }
        return sb.append(cursor).append('=').append(value).toString();
    }

    private static Optional<Long> cursor(SimRequest r, String name) {
        Optional<String> v = r.param(name).filter(s -> !s.isBlank());
        if (v.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(v.get().trim()));
        } catch (NumberFormatException e) {
            throw new BadRequestException(name, v.get(), "must be an id this server issued");
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
