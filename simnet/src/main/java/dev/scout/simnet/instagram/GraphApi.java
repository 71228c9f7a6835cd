package dev.scout.simnet.instagram;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scout.model.Platform;
import dev.scout.simnet.http.LiveChanges;
import dev.scout.simnet.http.RateDecision;
import dev.scout.simnet.http.RateLimitStyle;
import dev.scout.simnet.http.Route;
import dev.scout.simnet.http.SimRequest;
import dev.scout.simnet.http.SimResponse;
import dev.scout.simnet.population.Population;
import dev.scout.simnet.population.SimAccount;
import dev.scout.simnet.population.SimPost;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A simulated Instagram Graph host (Instagram API with Facebook Login) serving the population's Instagram accounts
 * through Business Discovery in the documented shapes (reference platforms-and-scale-out.md §1.2–§1.9):
 * {@code GET /vNN.N/{scout-ig-user-id}?fields=business_discovery.username(H){…,media.limit(N){…}}}, paging by
 * {@code media.after(CURSOR)} with cursors and no next URL, {@code like_count} omitted where the owner hides likes,
 * colon-less {@code +0000} timestamps, 110/2207013 for personal and unknown accounts, {@code X-App-Usage} on every
 * answer and code 4 once the hourly budget is spent. Hashtag search answers code 10 (the demo app has no Instagram
 * Public Content Access). Requires {@code Authorization: Bearer} with the demo token and refuses any call carrying
 * {@code access_token} in its URL, counting it, so a token leak into URLs shows up in the demo. Thread-safe.
 */
public final class GraphApi implements Route {
    /** The scout's own professional account id the demo config uses. */
    public static final String SCOUT_IG_USER_ID = "17841400000000001";
    /** The access token the demo config uses (fictional). */
    public static final String DEMO_TOKEN = "EAAsimulated-demo-token";

    private static final Pattern VERSIONED = Pattern.compile("/v\\d{1,3}\\.\\d{1,3}/(.+)");
    private static final Pattern DISCOVERY = Pattern.compile("business_discovery\\.username\\(([^)]*)\\)\\{(.*)}",
            Pattern.DOTALL);
    private static final Pattern MEDIA = Pattern.compile("media((?:\\.(?:limit|after)\\([^)]*\\))*)\\{");
    private static final Pattern LIMIT = Pattern.compile("\\.limit\\((\\d{1,4})\\)");
    private static final Pattern AFTER = Pattern.compile("\\.after\\(([^)]*)\\)");
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxx")
            .withZone(ZoneOffset.UTC);
    private static final int DEFAULT_LIMIT = 25;

    private final Population population;
    private final ObjectMapper mapper;
    private final LiveChanges changes;
    private final AppUsage usage;
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong discoveryCalls = new AtomicLong();
    private final AtomicLong tokenInUrl = new AtomicLong();
    private final AtomicLong unauthenticated = new AtomicLong();
    private final Set<String> looked = ConcurrentHashMap.newKeySet();

    public GraphApi(Population population, ObjectMapper mapper, LiveChanges changes, int callsPerHour, Clock clock) {
        this.population = population;
        this.mapper = mapper;
        this.changes = changes;
        this.usage = new AppUsage(callsPerHour, clock);
    }

    /** Budget and headers are handled by the route itself (Meta reports percentages, not remaining counts). */
    public static RateLimitStyle rateLimitStyle() {
        return new RateLimitStyle() {
            @Override
            public boolean applies(String path) {
                return false;
            }

            @Override
            public SimResponse decorate(SimResponse response, RateDecision decision) {
                return response;
            }

            @Override
            public SimResponse rejection(RateDecision decision) {
                return response;
            }

            private final SimResponse response = fault();
        };
    }

    /** Graph's temporary error (code 2). */
    public static SimResponse fault() {
        return error(500, 2, Optional.empty(), "An unexpected error has occurred. Please retry your request later.");
    }

    public GraphStats stats() {
        return new GraphStats(calls.get(), discoveryCalls.get(), looked.size(), usage.highestReported(),
                usage.overLimit(), tokenInUrl.get(), unauthenticated.get());
    }

    @Override
    public SimResponse handle(SimRequest r) {
        Matcher versioned = VERSIONED.matcher(r.path());
        if (!versioned.matches()) {
            return SimResponse.json(404, "{\"error\":{\"message\":\"Unknown path components: " + r.path()
                    .replaceAll("[^A-Za-z0-9/._-]", "") + "\",\"type\":\"OAuthException\",\"code\":2500}}");
        }
        calls.incrementAndGet();
        if (r.param("access_token").isPresent()) {
            tokenInUrl.incrementAndGet();
            return error(400, 190, Optional.empty(), "(simulator) access_token in the URL: send it in the"
                    + " Authorization header so it cannot reach logs or stored URLs");
        }
        if (!r.header("Authorization").map(("Bearer " + DEMO_TOKEN)::equals).orElse(false)) {
            unauthenticated.incrementAndGet();
            return error(400, 190, Optional.empty(), "Invalid OAuth access token - Cannot parse access token");
        }
        int pct = usage.record();
        if (pct > 100) {
            return withUsage(error(400, 4, Optional.empty(), "(#4) Application request limit reached"), 100);
        }
        String node = versioned.group(1);
        SimResponse answer;
        if (node.equals("ig_hashtag_search") || node.endsWith("/recent_media") || node.endsWith("/top_media")) {
            answer = error(400, 10, Optional.empty(), "(#10) To use 'Instagram Public Content Access', your use of"
                    + " this endpoint must be reviewed and approved by Facebook.");
        } else if (!node.equals(SCOUT_IG_USER_ID)) {
            answer = error(400, 100, Optional.of(33), "Unsupported get request. Object with ID '" + node.replaceAll(
                    "[^A-Za-z0-9_]", "") + "' does not exist, cannot be loaded due to missing permissions, or does"
                    + " not support this operation");
        } else {
            answer = discovery(r.param("fields").orElse(""));
        }
        return withUsage(answer, pct);
    }

    private SimResponse discovery(String fields) {
        Matcher m = DISCOVERY.matcher(fields);
        if (!m.matches()) {
            return error(400, 100, Optional.empty(), "(#100) Tried accessing nonexisting field (fields)");
        }
        discoveryCalls.incrementAndGet();
        String username = m.group(1).toLowerCase(java.util.Locale.ROOT);
        looked.add(username);
        Optional<SimAccount> found = population.byHandle(Platform.INSTAGRAM, username);
        if (found.isEmpty() || found.get().flags().locked() || found.get().flags().suspended()) {
            // Personal and unknown accounts look the same through Business Discovery.
            return error(400, 110, Optional.of(2207013), "Invalid user id");
        }
        SimAccount a = found.get();
        String inner = m.group(2);
        ObjectNode root = mapper.createObjectNode();
        ObjectNode bd = root.putObject("business_discovery");
        if (inner.contains("followers_count")) {
            bd.put("username", a.username());
            bd.put("name", a.displayName());
            bd.put("biography", a.bio());
            a.website().ifPresent(w -> bd.put("website", w));
            bd.put("followers_count", changes.followers(a));
            bd.put("follows_count", a.following());
            bd.put("media_count", population.postsCount(a.index()));
        }
        Matcher media = MEDIA.matcher(inner);
        if (media.find()) {
            bd.set("media", media(a, media.group(1)));
        }
        bd.put("id", String.valueOf(17_841_401_000_000_000L + a.index()));
        root.put("id", SCOUT_IG_USER_ID);
        return SimResponse.json(200, root.toString());
    }

    private ObjectNode media(SimAccount a, String modifiers) {
        Matcher limitM = LIMIT.matcher(modifiers);
        int limit = limitM.find() ? Math.max(1, Integer.parseInt(limitM.group(1))) : DEFAULT_LIMIT;
        Matcher afterM = AFTER.matcher(modifiers);
        int offset = afterM.find() ? decodeCursor(afterM.group(1)) : 0;
        List<SimPost> originals = population.posts(a.index()).stream().filter(SimPost::isOriginal).toList();
        ObjectNode media = mapper.createObjectNode();
        ArrayNode data = media.putArray("data");
        int end = Math.min(originals.size(), offset + limit);
        boolean hidesLikes = Math.floorMod(a.index() * 2_654_435_761L, 100) < 15;
        for (int i = offset; i < end; i++) {
            data.add(InstagramCaptions.mediaJson(mapper, population, originals.get(i), hidesLikes, TIMESTAMP));
        }
        if (end > offset) {
            // Business Discovery paging: cursors only, no next URL (reference §1.4).
            media.putObject("paging").putObject("cursors").put("before", cursor(offset)).put("after", cursor(end));
        }
        return media;
    }

    private static String cursor(int offset) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("o:" + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static int decodeCursor(String cursor) {
        try {
            String s = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            return s.startsWith("o:") ? Math.max(0, Integer.parseInt(s.substring(2))) : 0;
        } catch (IllegalArgumentException e) {
            // An unreadable cursor starts from the top, as a fresh request would.
            return 0;
        }
    }

    private SimResponse withUsage(SimResponse response, int pct) {
        int shown = Math.min(pct, 100);
        return response.withHeader("X-App-Usage", "{\"call_count\":" + shown + ",\"total_time\":" + (shown / 2)
                + ",\"total_cputime\":" + (shown / 3) + "}");
    }

    private static SimResponse error(int status, int code, Optional<Integer> subcode, String message) {
        String sub = subcode.map(s -> ",\"error_subcode\":" + s).orElse("");
        return SimResponse.json(status, "{\"error\":{\"message\":\"" + message.replace("\"", "'")
                + "\",\"type\":\"OAuthException\",\"code\":" + code + sub + ",\"fbtrace_id\":\"SimTrace" + code + "\"}}");
    }
}
