package dev.scout.crawler.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scout.crawler.http.FetchOutcome;
import dev.scout.crawler.http.FetchRequest;
import dev.scout.crawler.http.Fetcher;
import dev.scout.model.Platform;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * One adapter's door to the {@link Fetcher}: sends a GET, turns every non-success {@link FetchOutcome} into a
 * {@link PlatformException} naming platform, subject and URL, and parses JSON bodies. Counts the requests it
 * sends so the engine can report requests per funnel stage. Thread-safe.
 */
public final class PlatformHttp {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int SNIPPET = 160;

    private final Fetcher fetcher;
    private final Platform platform;
    private final AtomicLong requests = new AtomicLong();
    private final UnaryOperator<URI> redact;
    private final Map<String, String> credentials;
    private final Consumer<Function<String, Optional<String>>> responseHeaders;

    public PlatformHttp(Fetcher fetcher, Platform platform) {
        this(fetcher, platform, UnaryOperator.identity());
    }

    /** @param redact hides secrets (an API key) in URLs that end up in error messages */
    public PlatformHttp(Fetcher fetcher, Platform platform, UnaryOperator<URI> redact) {
        this(fetcher, platform, redact, Map.of(), headers -> { });
    }

    /**
     * @param redact          hides secrets in URLs that end up in error messages
     * @param credentials     headers sent with every request and kept out of URLs, cache keys and messages
     *                        ({@code Authorization: Bearer …}); see {@link FetchRequest#credentials()}
     * @param responseHeaders sees the headers (case-insensitive lookup) of every answer that arrives, success or
     *                        4xx, before it is turned into a result, e.g. to read usage headers; must be thread-safe
     */
    public PlatformHttp(Fetcher fetcher, Platform platform, UnaryOperator<URI> redact, Map<String, String> credentials,
                        Consumer<Function<String, Optional<String>>> responseHeaders) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.platform = Objects.requireNonNull(platform, "platform");
        this.redact = Objects.requireNonNull(redact, "redact");
        this.credentials = Map.copyOf(credentials);
        this.responseHeaders = Objects.requireNonNull(responseHeaders, "responseHeaders");
    }

    /** A successful response, body as received. */
    public record Response(URI url, FetchOutcome.Fetched fetched) {
        public Optional<String> header(String name) {
            return fetched.header(name);
        }

        public String bodyText() {
            return fetched.bodyText();
        }
    }

    /** A parsed JSON response plus its headers (for {@code Link}). */
    public record JsonResponse(URI url, JsonNode body, FetchOutcome.Fetched fetched) {
        public Optional<String> header(String name) {
            return fetched.header(name);
        }
    }

    /** Requests sent through this door so far (each call to {@code get*} counts once; the fetcher's retries do not). */
    public long requests() {
        return requests.get();
    }

    /** GETs {@code url} as JSON; throws with kind MALFORMED when the body is not JSON. */
    public JsonResponse getJson(URI url, String subject) throws PlatformException, InterruptedException {
        Response r = get(FetchRequest.json(url, subject), subject);
        URI shown = redact.apply(url);
        try {
            JsonNode node = MAPPER.readTree(r.fetched().body());
            if (node == null || node.isMissingNode()) {
                throw malformed(shown, subject, "empty body where JSON was expected", null);
            }
            return new JsonResponse(shown, node, r.fetched());
        } catch (JsonProcessingException e) {
            throw malformed(shown, subject, "malformed JSON (" + e.getOriginalMessage() + ") near: "
                    + snippet(r.bodyText()), e);
        } catch (java.io.IOException e) {
            throw malformed(shown, subject, "unreadable body: " + e.getMessage(), e);
        }
    }

    /** GETs {@code url} as HTML. */
    public Response getHtml(URI url, String subject) throws PlatformException, InterruptedException {
        return get(FetchRequest.html(url, subject), subject);
    }

    /** Parses a non-success body as JSON if it is JSON (YouTube and XRPC put the reason there); empty otherwise. */
    public static Optional<JsonNode> errorBody(byte[] body) {
        try {
            JsonNode n = MAPPER.readTree(body);
            return n != null && n.isObject() ? Optional.of(n) : Optional.empty();
        } catch (java.io.IOException e) {
            // An HTML error page from a proxy is normal here; the status alone then explains the rejection.
            return Optional.empty();
        }
    }

    public PlatformException malformed(URI url, String subject, String detail, Throwable cause) {
        return new PlatformException(platform, subject, url, PlatformException.Kind.MALFORMED, OptionalInt.empty(),
                detail, Optional.empty(), cause);
    }

    private Response get(FetchRequest plain, String subject) throws PlatformException, InterruptedException {
        FetchRequest request = credentials.isEmpty() ? plain : plain.withCredentials(credentials);
        requests.incrementAndGet();
        FetchOutcome outcome = fetcher.fetchAndWait(request);
        URI url = redact.apply(request.url());
        if (outcome instanceof FetchOutcome.Fetched f) {
            responseHeaders.accept(f::header);
            return new Response(request.url(), f);
        }
        if (outcome instanceof FetchOutcome.Rejected rj) {
            responseHeaders.accept(name -> headerOf(rj.headers(), name));
        }
        if (outcome instanceof FetchOutcome.NotModified nm) {
            return new Response(request.url(), nm.cached());
        }
        if (outcome instanceof FetchOutcome.Gone g) {
            throw new PlatformException(platform, subject, url, PlatformException.Kind.NOT_FOUND,
                    OptionalInt.of(g.status()), "not found (HTTP " + g.status() + ")", Optional.empty(), null);
        }
        if (outcome instanceof FetchOutcome.Rejected rj) {
            throw new PlatformException(platform, subject, url, PlatformException.Kind.REJECTED,
                    OptionalInt.of(rj.status()), "rejected with HTTP " + rj.status() + reasonOf(rj.body()),
                    Optional.empty(), null).withReasonCode(reasonCodeOf(rj.body()));
        }
        if (outcome instanceof FetchOutcome.RobotsDenied rd) {
            throw new PlatformException(platform, subject, url, PlatformException.Kind.DENIED,
                    "robots.txt does not allow it: " + rd.reason());
        }
        if (outcome instanceof FetchOutcome.AddressRefused ar) {
            throw new PlatformException(platform, subject, url, PlatformException.Kind.DENIED,
                    "address " + ar.address() + " refused: " + ar.reason());
        }
        FetchOutcome.Failed f = (FetchOutcome.Failed) outcome;
        if (f.kind() == FetchOutcome.FailureKind.RATE_LIMITED && f.retryAt().isPresent()) {
            // The host's pacing holds it past the wait cap (usage at its ceiling, a long pause): its quota is spent
            // until then, so the crawl parks the platform's remaining profiles instead of failing them one by one.
            throw new PlatformException(platform, subject, url, PlatformException.Kind.QUOTA_EXHAUSTED, f.status(),
                    "quota spent: " + f.cause(), f.retryAt(), null).withFetchFailure(f.kind());
        }
        throw new PlatformException(platform, subject, url, kindOf(f.kind()), f.status(),
                "fetch failed (" + f.kind() + " after " + f.attempts() + " attempt(s): " + f.cause() + ")",
                Optional.empty(), null).withFetchFailure(f.kind());
    }

    /**
     * A refusal of the answer itself (too large, wrong type, a redirect loop, an invalid URL) is permanent: the
     * same request gives the same answer. Everything else (I/O, timeouts, 5xx, 429, circuit open, robots.txt
     * unavailable, host too slow, cancelled) may work later.
     */
    private static PlatformException.Kind kindOf(FetchOutcome.FailureKind kind) {
        return switch (kind) {
            case TOO_LARGE, WRONG_CONTENT_TYPE -> PlatformException.Kind.MALFORMED;
            case TOO_MANY_REDIRECTS, INVALID_URL -> PlatformException.Kind.REJECTED;
            case IO, SERVER_ERROR, RATE_LIMITED, CIRCUIT_OPEN, TIMEOUT, CANCELLED, INTERNAL, ROBOTS_UNAVAILABLE,
                    HOST_TOO_SLOW, HOST_NOT_OWNED -> PlatformException.Kind.UNAVAILABLE;
        };
    }

    /** Pulls a human reason out of the common error bodies: {@code {"error":"…"}}, XRPC and Google shapes. */
    private static String reasonOf(byte[] body) {
        return errorBody(body).map(n -> {
            JsonNode err = n.get("error");
            if (err != null && err.isTextual()) {
                return ": " + err.asText() + Json.text(n, "message").map(m -> " - " + m).orElse("");
            }
            if (err != null && err.isObject()) {
                return ": " + Json.array(err, "errors").stream().findFirst()
                        .flatMap(e -> Json.text(e, "reason")).orElse(Json.textOr(err, "message", "error"));
            }
            return "";
        }).orElse("");
    }

    /**
     * The machine-readable reason: Google {@code error.errors[0].reason}; for Meta Graph errors ({@code error.type}
     * plus a numeric {@code error.code}) the code and subcode as {@code code/subcode} ({@code 110/2207013}) or
     * {@code code}; else a string {@code error}.
     */
    private static String reasonCodeOf(byte[] body) {
        return errorBody(body).map(n -> {
            JsonNode err = n.get("error");
            if (err != null && err.isObject()) {
                Optional<String> google = Json.array(err, "errors").stream().findFirst().flatMap(e -> Json.text(e, "reason"));
                if (google.isPresent()) {
                    return google.get();
                }
                JsonNode code = err.get("code");
                if (Json.text(err, "type").isPresent() && code != null && code.isIntegralNumber()) {
                    return code.asText() + Json.count(err, "error_subcode").stream().mapToObj(sc -> "/" + sc)
                            .findFirst().orElse("");
                }
                return "";
            }
            return err != null && err.isTextual() ? err.asText() : "";
        }).orElse("");
    }

    private static Optional<String> headerOf(Map<String, List<String>> headers, String name) {
        return headers.entrySet().stream()
                .filter(e -> e.getKey() != null && e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty())
                .map(e -> e.getValue().get(0))
                .findFirst();
    }

    private static String snippet(String body) {
        String oneLine = body.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= SNIPPET ? "'" + oneLine + "'" : "'" + oneLine.substring(0, SNIPPET) + "…'";
    }
}
