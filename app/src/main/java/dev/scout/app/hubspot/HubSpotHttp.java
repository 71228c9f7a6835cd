package dev.scout.app.hubspot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Sends one HubSpot API request with the bearer token, paced by {@link RequestPacer}, retrying 429s (honouring
 * Retry-After, otherwise waiting for the next ten-second window) and 5xx/network failures (exponential backoff).
 * 401/403 become {@link HubSpotException.Kind#AUTH}; other statuses are returned to the caller. The token is only
 * ever put in the Authorization header. Not thread-safe.
 */
final class HubSpotHttp {

    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final OkHttpClient client;
    private final HubSpotSettings settings;
    private final RequestPacer pacer;
    private final Clock clock;
    private final ObjectMapper json;
    private long requests;
    private long rateLimited;

    HubSpotHttp(OkHttpClient client, HubSpotSettings settings, Clock clock, Pause pause, ObjectMapper json) {
        this.client = client;
        this.settings = settings;
        this.clock = clock;
        this.json = json;
        this.pacer = new RequestPacer(settings.requestsPerTenSeconds(), clock, pause);
    }

    /** A response: status and body text. */
    record Reply(int status, String body) {
    }

    long requests() {
        return requests;
    }

    long rateLimited() {
        return rateLimited;
    }

    /** Sends {@code method path} with an optional JSON body and returns the first non-retryable reply. */
    Reply send(String method, String path, Optional<JsonNode> body) {
        int limited = 0;
        int failures = 0;
        while (true) {
            acquire(method, path);
            requests++;
            Request request = request(method, path, body);
            try (Response response = client.newCall(request).execute()) {
                String text = response.body().string();
                int status = response.code();
                if (status == 429) {
                    rateLimited++;
                    limited++;
                    onRateLimited(method, path, text, response.header("Retry-After"), limited);
                    continue;
                }
                if (status >= 500) {
                    failures++;
                    onOutage(method, path, status, "HTTP " + status + " " + summary(text), failures, null);
                    continue;
                }
                if (status == 401 || status == 403) {
                    throw new HubSpotException(HubSpotException.Kind.AUTH, status, correlationId(text),
                            "HubSpot refused " + method + " " + path + " with " + status + " (" + summary(text) + "): check "
                                    + HubSpotToken.ENV + " is a valid private app token with the scopes "
                                    + settings.target().scopes());
                }
                return new Reply(status, text);
            } catch (IOException e) {
                if (Thread.currentThread().isInterrupted()) {
                    // OkHttp turns an interrupt into an IOException; stop instead of retrying, flag still set.
                    throw new HubSpotException(HubSpotException.Kind.UNAVAILABLE, -1, null,
                            "interrupted during " + method + " " + path, e);
                }
                failures++;
                onOutage(method, path, -1, e.getClass().getSimpleName() + ": " + e.getMessage(), failures, e);
            }
        }
    }

    private void acquire(String method, String path) {
        try {
            pacer.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HubSpotException(HubSpotException.Kind.UNAVAILABLE, -1, null,
                    "interrupted while waiting to send " + method + " " + path, e);
        }
    }

    private Request request(String method, String path, Optional<JsonNode> body) {
        RequestBody payload = null;
        if (body.isPresent()) {
            try {
                payload = RequestBody.create(json.writeValueAsBytes(body.get()), JSON);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a JSON tree always serialises", e);
            }
        }
        return new Request.Builder()
                .url(settings.baseUrl().toString().replaceAll("/+$", "") + path)
                .header("Authorization", "Bearer " + settings.token().reveal())
                .header("Accept", "application/json")
                .method(method, payload)
                .build();
    }

    private void onRateLimited(String method, String path, String body, String retryAfter, int attempt) {
        Optional<JsonNode> error = parse(body);
        String policy = error.map(e -> e.path("policyName").asText("")).orElse("");
        if (policy.equalsIgnoreCase("DAILY")) {
            throw new HubSpotException(HubSpotException.Kind.RATE_LIMITED, 429, correlationId(body),
                    "HubSpot's daily API limit is used up (" + summary(body) + "); try again after midnight in the "
                            + "account's time zone");
        }
        if (attempt > settings.maxRateLimitRetries()) {
            throw new HubSpotException(HubSpotException.Kind.RATE_LIMITED, 429, correlationId(body),
                    "HubSpot kept answering 429 to " + method + " " + path + " after " + settings.maxRateLimitRetries()
                            + " retries (" + summary(body) + "); lower hubspot.requestsPer10s or run again later");
        }
        pacer.backOffUntil(clock.instant().plus(retryAfter(retryAfter).orElse(RequestPacer.WINDOW)));
    }

    private void onOutage(String method, String path, int status, String what, int attempt, Throwable cause) {
        if (attempt > settings.maxOutageRetries()) {
            throw new HubSpotException(HubSpotException.Kind.UNAVAILABLE, status, null,
                    "HubSpot is unavailable: " + method + " " + path + " failed " + attempt + " times, last with " + what
                            + "; run the same command again later to resume", cause);
        }
        pacer.backOffUntil(clock.instant().plus(settings.outageBackoff().multipliedBy(1L << (attempt - 1))));
    }

    /** Retry-After as delta-seconds or an HTTP-date; empty when absent or unreadable. */
    private Optional<Duration> retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.strip();
        if (value.matches("\\d{1,6}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
        }
        try {
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration d = Duration.between(clock.instant(), at);
            return Optional.of(d.isNegative() ? Duration.ZERO : d);
        } catch (DateTimeParseException e) {
            // An unreadable header is treated as absent: wait for the next window instead.
            return Optional.empty();
        }
    }

    private Optional<JsonNode> parse(String body) {
        try {
            return Optional.ofNullable(json.readTree(body)).filter(JsonNode::isObject);
        } catch (JsonProcessingException e) {
            // Error bodies are informational; a proxy's HTML error page is still an error we report by status.
            return Optional.empty();
        }
    }

    private String correlationId(String body) {
        return parse(body).map(n -> n.path("correlationId").asText(null)).orElse(null);
    }

    /** HubSpot's message (and category) from an error body, shortened; the raw body start otherwise. */
    String summary(String body) {
        Optional<JsonNode> node = parse(body);
        String text = node.map(n -> {
            String category = n.path("category").asText(n.path("errorType").asText(""));
            String message = n.path("message").asText("");
            String id = n.path("correlationId").asText("");
            return (category.isEmpty() ? "" : category + ": ") + message + (id.isEmpty() ? "" : " [correlationId " + id + "]");
        }).orElse(body == null ? "" : body.strip());
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
