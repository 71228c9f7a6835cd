package dev.scout.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The simulated creator site's public index page ({@code GET /}): the list of profile pages a scout would copy into
 * the seeds by hand.
 */
final class WebIndex {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Pattern PROFILE_LINK = Pattern.compile("href=\"([^\"]+/u/[^\"]+)\"");

    private final String baseUrl;

    /** @param baseUrl the site, e.g. {@code http://127.0.0.1:PORT} */
    WebIndex(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /**
     * The profile page URLs the index links to, in its order.
     *
     * @throws IllegalStateException when the index page cannot be read
     */
    List<String> profilePages() throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/")).timeout(TIMEOUT).GET().build();
        try {
            HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(TIMEOUT).build()
                    .send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the simulated site's index answered " + response.statusCode());
            }
            List<String> pages = new ArrayList<>();
            Matcher m = PROFILE_LINK.matcher(response.body());
            while (m.find()) {
                pages.add(m.group(1).replace("&amp;", "&"));
            }
            return pages;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the simulated site's index " + baseUrl + "/: " + e.getMessage(), e);
        }
    }
}
