package dev.scout.app.serve;

import dev.scout.app.UsageException;
import dev.scout.store.Store;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.util.JavalinBindException;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.security.SecureRandom;
import java.time.Clock;

/**
 * {@code scout serve}: the review app on embedded Jetty (through Javalin), over one {@link Store}.
 *
 * <p>Routes (stable: the browser tests and benchmark drive them):
 * <ul>
 *   <li>{@code GET /} → redirect to {@code /candidates}</li>
 *   <li>{@code GET /candidates?run&niche&platform&tier&flagged&min_score&max_score&grade&suspicious&review&sort&dir&page&size}
 *       — the list ({@link ListParams}; {@code form#filters}, {@code table#candidates}, rows {@code tr[data-profile]})</li>
 *   <li>{@code GET /candidate?run=R&id=ID} — one candidate ({@code form#review-form})</li>
 *   <li>{@code POST /review} (form {@code csrf, id, run, status, note, reviewer}) → 303 to the candidate</li>
 *   <li>{@code GET /compare?run=R&id=A&id=B…} — 2–4 candidates side by side ({@code table#compare})</li>
 *   <li>{@code GET /assets/serve.css}, {@code GET /assets/serve.js}, {@code GET /health} ({@code ok})</li>
 * </ul>
 *
 * <p>Every request passes {@link AccessGuard} (token or loopback Host) and gets {@link SecurityHeaders}; every POST
 * passes {@link CsrfGuard}. Request threads are a small named pool; the store is thread-safe. Close it to stop.
 */
public final class ReviewServer implements AutoCloseable {
    private static final int MAX_THREADS = 16;

    private final Javalin app;

    private ReviewServer(Javalin app) {
        this.app = app;
    }

    /**
     * Starts serving {@code store} as {@code settings} say; returns once the port is bound.
     *
     * @throws UsageException when the port is taken or the address cannot be bound
     */
    public static ReviewServer start(Store store, ServeSettings settings, Clock clock, SecureRandom random) {
        AccessGuard access = new AccessGuard(settings);
        CsrfGuard csrf = new CsrfGuard(random);
        ReviewRoutes routes = new ReviewRoutes(store, csrf, clock);
        QueuedThreadPool pool = new QueuedThreadPool(MAX_THREADS, 2);
        pool.setName("scout-serve");
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jetty.threadPool = pool;
            config.jetty.modifyHttpConfiguration(http -> http.setSendServerVersion(false));
            config.http.maxRequestSize = 64 * 1024;
            config.routes.before(ctx -> {
                SecurityHeaders.apply(ctx);
                access.check(ctx);
            });
            config.routes.get("/", ctx -> ctx.redirect("/candidates"));
            config.routes.get("/health", ctx -> ctx.contentType("text/plain; charset=utf-8").result("ok"));
            config.routes.get("/candidates", routes::list);
            config.routes.get("/candidate", routes::candidate);
            config.routes.post("/review", routes::review);
            config.routes.get("/compare", routes::compare);
            config.routes.get("/assets/serve.css", ctx -> ctx.contentType("text/css; charset=utf-8").result(ServeAssets.CSS));
            config.routes.get("/assets/serve.js", ctx -> ctx.contentType("text/javascript; charset=utf-8").result(ServeAssets.JS));
            config.routes.exception(RequestRefused.class, (e, ctx) -> page(ctx, e.status(), e.getMessage()));
            config.routes.exception(Exception.class, (e, ctx) -> page(ctx, 500,
                    "Scout could not answer: " + e.getClass().getSimpleName() + ": " + e.getMessage()));
            // Unmatched paths; a 404 page of our own (RequestRefused) is already HTML and stays.
            config.routes.error(404, ctx -> {
                String result = ctx.result();
                if (result == null || !result.startsWith("<!DOCTYPE")) {
                    page(ctx, 404, "There is no page at " + ctx.path() + ".");
                }
            });
        });
        try {
            app.start(settings.bind(), settings.port());
        } catch (JavalinBindException e) {
            throw new UsageException("cannot listen on " + settings.bind() + ":" + settings.port() + " (" + e.getMessage()
                    + "); is another program using the port? Choose another with --port", e);
        }
        return new ReviewServer(app);
    }

    private static void page(Context ctx, int status, String message) {
        SecurityHeaders.apply(ctx);
        ctx.status(status).html(Layout.error(status, message));
    }

    /** The port listened on (the one chosen when started with port 0). */
    public int port() {
        return app.port();
    }

    /** Stops listening and waits for requests in progress. Idempotent. */
    @Override
    public void close() {
        app.stop();
    }
}
