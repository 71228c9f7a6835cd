package dev.scout.app.serve;

import dev.scout.app.export.ScoredProfileFixtures;
import dev.scout.model.ProfileRef;
import dev.scout.model.testing.MutableClock;
import dev.scout.scorer.ScoredProfile;
import dev.scout.store.ReviewStatus;
import dev.scout.store.SqliteStore;
import dev.scout.store.Store;
import okhttp3.Cookie;
import okhttp3.CookieJar;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The review app over a real store, driven over HTTP on 127.0.0.1 as a browser would. */
class ReviewServerTest {
    static final String HOSTILE_NAME = "<script>document.title='PWNED'</script>";
    static final ProfileRef HOSTILE = ProfileRef.mastodon("x\"><img src=x onerror=alert(1)>", "evil.example");
    private static final Pattern ROW = Pattern.compile("<tr data-profile=\"([^\"]+)\"");
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T18:00:00Z"));
    private Path file;
    private Store store;
    private ReviewServer server;
    private long runId;
    private final OkHttpClient http = new OkHttpClient.Builder().cookieJar(new MemoryCookies()).followRedirects(false).build();

    @BeforeEach
    void start() {
        file = dir.resolve("scout.db");
        store = SqliteStore.open(file);
        runId = store.startRun("cfg", "test");
        List<ScoredProfile> verdicts = new ArrayList<>();
        for (int i = 0; i < 130; i++) {
            verdicts.add(ScoredProfileFixtures.mastodon("cook" + i, "fika.example").score(i % 100 + 0.5)
                    .tier(i % 2 == 0 ? "micro" : "nano").flagged(i % 3 == 0).suspicious(i % 10 == 0).build());
        }
        verdicts.add(ScoredProfileFixtures.mastodon(HOSTILE.mastodonUser(), HOSTILE.mastodonHost())
                .displayName(HOSTILE_NAME).bio(HOSTILE_NAME).profileUrl("javascript:alert(1)")
                .website("javascript:alert(2)").brands(List.of(HOSTILE_NAME)).score(99.9).build());
        store.saveScores(runId, verdicts.iterator());
        store.finishRun(runId, dev.scout.store.RunInfo.RunStatus.COMPLETED, Map.of("scored", (long) verdicts.size()));
        server = ReviewServer.start(store, new ServeSettings("127.0.0.1", 0, java.util.Optional.empty()), clock,
                new SecureRandom());
    }

    @AfterEach
    void stop() {
        server.close();
        store.close();
    }

    private HttpUrl url(String pathAndQuery) {
        return HttpUrl.get("http://127.0.0.1:" + server.port() + pathAndQuery);
    }

    private Page get(String pathAndQuery) throws IOException {
        try (Response r = http.newCall(new Request.Builder().url(url(pathAndQuery)).build()).execute()) {
            return new Page(r.code(), r.body().string(), r.headers().toMultimap());
        }
    }

    private Page post(String path, Map<String, String> form, Map<String, String> headers) throws IOException {
        FormBody.Builder body = new FormBody.Builder();
        form.forEach(body::add);
        Request.Builder req = new Request.Builder().url(url(path)).post(body.build());
        headers.forEach(req::header);
        try (Response r = http.newCall(req.build()).execute()) {
            return new Page(r.code(), r.body().string(), r.headers().toMultimap());
        }
    }

    record Page(int status, String body, Map<String, List<String>> headers) {
        List<String> rows() {
            return ROW.matcher(body).results().map(m -> m.group(1)).toList();
        }

        String csrf() {
            Matcher m = CSRF.matcher(body);
            assertThat(m.find()).as("a csrf field in the page").isTrue();
            return m.group(1);
        }

        String header(String name) {
            return headers.getOrDefault(name.toLowerCase(java.util.Locale.ROOT), List.of("")).get(0);
        }
    }

    private String candidatePath(ProfileRef ref) {
        return "/candidate?run=" + runId + "&id=" + java.net.URLEncoder.encode(ref.id(), java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void listFiltersAndPagesWithoutLoadingEverything() throws IOException {
        Page first = get("/candidates?tier=micro&size=20");
        Page second = get("/candidates?tier=micro&size=20&page=2");
        Page last = get("/candidates?tier=micro&size=20&page=4");

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body()).contains("data-total=\"65\"").contains("id=\"filters\"").contains("id=\"next\"");
        assertThat(first.rows()).hasSize(20);
        assertThat(last.rows()).hasSize(5);
        Set<String> all = new HashSet<>(first.rows());
        all.addAll(second.rows());
        assertThat(all).hasSize(40);
        // even numbers are micro
        assertThat(all).allSatisfy(id -> assertThat(Integer.parseInt(id.replaceAll("\\D", "")) % 2).isZero());
        assertThat(get("/candidates?flagged=yes&suspicious=no&min_score=50&max_score=60").rows())
                .isNotEmpty().allSatisfy(id -> {
                    int i = Integer.parseInt(id.replaceAll("\\D", ""));
                    assertThat(i % 3).isZero();
                    assertThat(i % 10).isNotZero();
                    assertThat(i % 100).isBetween(50, 59);
                });
        assertThat(get("/candidates?sort=score&dir=asc&size=1").rows()).singleElement() // both score 0.5, the lowest
                .isIn("mastodon:cook0@fika.example", "mastodon:cook100@fika.example");
    }

    @Test
    void badFilterValueIsRefusedNamingTheParameter() throws IOException {
        Page page = get("/candidates?min_score=lots");
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.body()).contains("min_score must be a number");
    }

    @Test
    void reviewIsStoredAndKeptAfterTheServerRestarts() throws IOException {
        ProfileRef ref = ProfileRef.mastodon("cook4", "fika.example");
        String csrf = get(candidatePath(ref)).csrf();

        Page saved = post("/review", Map.of("csrf", csrf, "id", ref.id(), "run", String.valueOf(runId),
                "status", "shortlisted", "note", "great <b>fit</b> for OatCo", "reviewer", "Ana"), Map.of());

        assertThat(saved.status()).isEqualTo(303);
        assertThat(saved.header("Location")).contains("saved=1");
        server.close();
        store.close();
        store = SqliteStore.open(file);
        server = ReviewServer.start(store, new ServeSettings("127.0.0.1", 0, java.util.Optional.empty()), clock,
                new SecureRandom());
        Page after = get(candidatePath(ref));
        assertThat(after.body()).contains("data-status=\"shortlisted\"").contains("great &lt;b&gt;fit&lt;/b&gt; for OatCo")
                .contains("value=\"Ana\"");
        assertThat(get("/candidates?review=shortlisted").rows()).containsExactly(ref.id());
        assertThat(store.review(ref)).get().extracting(r -> r.status()).isEqualTo(ReviewStatus.SHORTLISTED);
    }

    @Test
    void stateChangesWithoutTheFormsTokenOrFromAnotherOriginAreRefused() throws IOException {
        ProfileRef ref = ProfileRef.mastodon("cook5", "fika.example");
        String csrf = get(candidatePath(ref)).csrf();
        Map<String, String> form = Map.of("id", ref.id(), "run", String.valueOf(runId), "status", "rejected",
                "note", "", "reviewer", "Mallory");

        Page noToken = post("/review", form, Map.of());
        Page wrongToken = post("/review", with(form, "csrf", csrf + "x"), Map.of());
        Page otherOrigin = post("/review", with(form, "csrf", csrf), Map.of("Origin", "http://evil.example"));
        Page crossSite = post("/review", with(form, "csrf", csrf), Map.of("Sec-Fetch-Site", "cross-site"));
        OkHttpClient noCookies = http.newBuilder().cookieJar(CookieJar.NO_COOKIES).build();
        int otherSession;
        try (Response r = noCookies.newCall(new Request.Builder().url(url("/review"))
                .post(new FormBody.Builder().add("csrf", csrf).add("id", ref.id()).add("run", String.valueOf(runId))
                        .add("status", "rejected").add("reviewer", "Mallory").build()).build()).execute()) {
            otherSession = r.code();
        }

        assertThat(List.of(noToken.status(), wrongToken.status(), otherOrigin.status(), crossSite.status(), otherSession))
                .containsOnly(403);
        assertThat(noToken.body()).contains("security token");
        assertThat(store.review(ref)).isEmpty();
        assertThat(post("/review", with(form, "csrf", csrf), Map.of("Origin", "http://127.0.0.1:" + server.port())).status())
                .isEqualTo(303);
    }

    private static Map<String, String> with(Map<String, String> form, String key, String value) {
        Map<String, String> m = new java.util.HashMap<>(form);
        m.put(key, value);
        return m;
    }

    @Test
    void withATokenEveryRequestMustCarryIt() throws IOException {
        server.close();
        String token = "0123456789abcdef0123";
        server = ReviewServer.start(store, ServeSettings.of("127.0.0.1", 0, Map.of(ServeSettings.TOKEN_ENV, token)), clock,
                new SecureRandom());

        assertThat(get("/candidates").status()).isEqualTo(401);
        assertThat(get("/assets/serve.css").status()).isEqualTo(401);
        assertThat(get("/candidates?token=wrong-token-0000000").status()).isEqualTo(401);
        try (Response r = http.newCall(new Request.Builder().url(url("/candidates"))
                .header("Authorization", "Bearer " + token).build()).execute()) {
            assertThat(r.code()).isEqualTo(200);
        }
        assertThat(get("/candidates?token=" + token).status()).isEqualTo(200);
        assertThat(get("/candidates").status()).as("the cookie set by ?token= is enough afterwards").isEqualTo(200);
    }

    @Test
    void withoutATokenOnlyLoopbackHostNamesAreAnswered() throws IOException {
        try (Response r = http.newCall(new Request.Builder().url(url("/candidates"))
                .header("Host", "rebind.evil.example:" + server.port()).build()).execute()) {
            assertThat(r.code()).isEqualTo(421);
        }
        try (Response r = http.newCall(new Request.Builder().url(url("/candidates"))
                .header("Host", "localhost:" + server.port()).build()).execute()) {
            assertThat(r.code()).isEqualTo(200);
        }
    }

    @Test
    void hostileProfileTextIsEscapedAndItsLinksAreNotMadeClickable() throws IOException {
        for (String path : List.of("/candidates", candidatePath(HOSTILE),
                "/compare?run=" + runId + "&id=" + java.net.URLEncoder.encode(HOSTILE.id(), java.nio.charset.StandardCharsets.UTF_8)
                        + "&id=mastodon:cook1@fika.example")) {
            Page page = get(path);
            assertThat(page.status()).as(path).isEqualTo(200);
            assertThat(page.body()).as(path).doesNotContain("<script>document").doesNotContain("<img src=x")
                    .doesNotContain("href=\"javascript:").contains("&lt;script&gt;document.title=&#39;PWNED&#39;");
        }
    }

    @Test
    void everyResponseCarriesAStrictContentSecurityPolicy() throws IOException {
        for (String path : List.of("/candidates", candidatePath(ProfileRef.mastodon("cook1", "fika.example")),
                "/assets/serve.js", "/nowhere", "/candidate?id=nonsense")) {
            Page page = get(path);
            assertThat(page.header("Content-Security-Policy")).as(path).contains("default-src 'none'")
                    .contains("script-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe");
            assertThat(page.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
        }
        assertThat(get("/candidates").body()).doesNotContain("<script>").doesNotContain("style=");
    }

    @Test
    void compareShowsTwoToFourCandidatesSideBySide() throws IOException {
        Page two = get("/compare?run=" + runId + "&id=mastodon:cook1@fika.example&id=mastodon:cook2@fika.example");
        Page one = get("/compare?run=" + runId + "&id=mastodon:cook1@fika.example");

        assertThat(two.status()).isEqualTo(200);
        assertThat(two.body()).contains("id=\"compare\"").contains("<th data-profile=\"mastodon:cook1@fika.example\"")
                .contains("<th data-profile=\"mastodon:cook2@fika.example\"");
        assertThat(one.status()).isEqualTo(400);
    }

    @Test
    void candidatePageShowsTheEvidenceAndTheGrowthPlot() throws IOException {
        Page page = get(candidatePath(ProfileRef.mastodon("cook1", "fika.example")));
        assertThat(page.body()).contains("id=\"review-form\"").contains("name=\"status\"").contains("name=\"note\"")
                .contains("name=\"reviewer\"").contains("use code VEGAN10").contains("id=\"niche-matches\"")
                .contains("id=\"signals\"").contains("id=\"cost\"").contains("href=\"https://fika.example/@cook1\"")
                .contains("growth");
        assertThat(get("/candidate?run=" + runId + "&id=mastodon:nobody@fika.example").status()).isEqualTo(404);
    }

    /** Cookies kept per host, as a browser does (enough for this app's Path=/ cookies). */
    private static final class MemoryCookies implements CookieJar {
        private final Map<String, Cookie> cookies = new java.util.concurrent.ConcurrentHashMap<>();

        @Override
        public void saveFromResponse(HttpUrl url, List<Cookie> list) {
            list.forEach(c -> cookies.put(c.name(), c));
        }

        @Override
        public List<Cookie> loadForRequest(HttpUrl url) {
            return List.copyOf(cookies.values());
        }
    }
}
