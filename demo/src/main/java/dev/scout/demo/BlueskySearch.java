package dev.scout.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What a scout does by hand before a Bluesky crawl: types the niche into the public actor search
 * ({@code app.bsky.actor.searchActors}, open to anonymous clients) and takes the first accounts it lists. The demo
 * picks its Bluesky seeds this way, from what the network shows anyone, never from the simulator's hidden data.
 */
final class BlueskySearch {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final ObjectMapper mapper = new ObjectMapper();

    /** @param baseUrl the AppView, e.g. {@code http://127.0.0.1:PORT} */
    BlueskySearch(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** One account the search lists: its DID and its handle. */
    record Actor(String did, String handle) {
    }

    /**
     * The first {@code limit} accounts the search lists for {@code query}, in its order.
     *
     * @throws IllegalStateException when the search does not answer 200 with the documented JSON
     */
    List<Actor> firstActors(String query, int limit) throws InterruptedException {
        URI uri = URI.create(baseUrl + "/xrpc/app.bsky.actor.searchActors?q="
                + URLEncoder.encode(query, StandardCharsets.UTF_8) + "&limit=" + limit);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                .header("User-Agent", "ScoutBot/demo (+https://github.com/scout-oss/scout; scout@scout.example)").GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the simulated Bluesky search answered " + response.statusCode() + " for " + uri);
            }
            List<Actor> actors = new ArrayList<>();
            for (JsonNode actor : mapper.readTree(response.body()).path("actors")) {
                String did = actor.path("did").asText("");
                if (!did.isEmpty() && actors.size() < limit) {
                    actors.add(new Actor(did, actor.path("handle").asText("")));
                }
            }
            return actors;
        } catch (IOException e) {
            throw new IllegalStateException("the simulated Bluesky search failed for " + uri + ": " + e.getMessage(), e);
        }
    }
}
