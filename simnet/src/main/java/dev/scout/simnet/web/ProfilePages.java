package dev.scout.simnet.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scout.model.Platform;
import dev.scout.simnet.http.LiveChanges;
import dev.scout.simnet.http.RateDecision;
import dev.scout.simnet.http.RateLimitStyle;
import dev.scout.simnet.http.Route;
import dev.scout.simnet.http.SimRequest;
import dev.scout.simnet.http.SimResponse;
import dev.scout.simnet.population.AccountKind;
import dev.scout.simnet.population.Niche;
import dev.scout.simnet.population.Population;
import dev.scout.simnet.population.SimAccount;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A site of public profile pages ({@code GET /u/<slug>}) carrying schema.org {@code ProfilePage} JSON-LD
 * (reference §4): most pages inline, some as {@code @graph}, one with a trailing comma, a few OpenGraph-only, and
 * opted-out pages with {@code meta robots noindex}. {@code GET /} lists every profile. Thread-safe.
 */
public final class ProfilePages implements Route {

    private final Population population;
    private final PageRenderer renderer;
    private final Map<String, SimAccount> bySlug = new HashMap<>();
    private final Map<Integer, PageStyle> styles = new HashMap<>();
    private final List<SimAccount> pages;
    private final java.util.concurrent.atomic.AtomicReference<String> baseUrl = new java.util.concurrent.atomic.AtomicReference<>("");

    public ProfilePages(Population population, ObjectMapper mapper) {
        this(population, mapper, new LiveChanges());
    }

    /** @param changes follower changes made after start */
    public ProfilePages(Population population, ObjectMapper mapper, LiveChanges changes) {
        this.population = population;
        this.renderer = new PageRenderer(population, mapper, changes);
        this.pages = population.on(Platform.WEB);
        boolean commaAssigned = false;
        for (SimAccount a : pages) {
            bySlug.put(a.username(), a);
            PageStyle style;
            boolean demo = a.latent().primaryNiche().filter(Niche.demo()::equals).isPresent();
            if (!commaAssigned && !a.flags().noindex()) {
                style = PageStyle.TRAILING_COMMA;
                commaAssigned = true;
            } else if (!demo && a.kind() == AccountKind.CREATOR && a.index() % 4 == 0) {
                // OpenGraph-only pages carry no posts, so they are kept out of the demo niche.
                style = PageStyle.OPEN_GRAPH_ONLY;
            } else if (a.index() % 3 == 1) {
                style = PageStyle.GRAPH;
            } else {
                style = PageStyle.JSON_LD;
            }
            styles.put(a.index(), style);
        }
    }

    /** Records where the site is served, so pages can state their absolute URLs. */
    public void register(String url) {
        baseUrl.set(url);
    }

    /** Profile pages are not rate limited; the site only counts requests. */
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
                return SimResponse.text(429, "text/plain; charset=utf-8", "Too Many Requests").withHeader("Retry-After", "1");
            }
        };
    }

    public static SimResponse fault() {
        return SimResponse.text(503, "text/html; charset=utf-8", "<html><body>Service Unavailable</body></html>")
                .withHeader("Retry-After", "1");
    }

    @Override
    public SimResponse handle(SimRequest r) {
        String path = r.path();
        if (path.equals("/robots.txt")) {
            return SimResponse.text(200, "text/plain; charset=utf-8", "User-agent: *\nDisallow: /admin/\n");
        }
        if (path.equals("/") || path.isEmpty()) {
            return html(200, renderer.index(baseUrl.get(), pages));
        }
        if (path.startsWith("/u/")) {
            Optional<SimAccount> a = Optional.ofNullable(bySlug.get(path.substring(3)));
            if (a.isPresent()) {
                return html(200, renderer.page(baseUrl.get(), a.get(), styles.get(a.get().index())));
            }
        }
        return html(404, "<!DOCTYPE html><html><head><title>Not found</title></head><body><h1>Not found</h1></body></html>");
    }

    /** The style of an account's page (tests). */
    PageStyle styleOf(SimAccount a) {
        return styles.get(a.index());
    }

    Population population() {
        return population;
    }

    private static SimResponse html(int status, String body) {
        return SimResponse.text(status, "text/html; charset=utf-8", body);
    }
}
