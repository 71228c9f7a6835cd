package dev.scout.crawler.platform.web;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.scout.crawler.platform.ProfileLookup;
import dev.scout.crawler.platform.RecentPosts;
import dev.scout.crawler.platform.ResolvedProfile;
import dev.scout.crawler.testing.Fixtures;
import dev.scout.crawler.testing.SimpleTestFetcher;
import dev.scout.model.Account;
import dev.scout.model.Platform;
import dev.scout.model.ProfileRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

class WebPageClientTest {
    private WireMockServer server;
    private SimpleTestFetcher fetcher;
    private WebPageClient client;

    @BeforeEach
    void start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        fetcher = new SimpleTestFetcher();
        client = new WebPageClient(fetcher);
    }

    @AfterEach
    void stop() {
        fetcher.close();
        server.stop();
    }

    private ProfileLookup page(String path, String fixture) throws InterruptedException {
        server.stubFor(get(urlEqualTo(path)).willReturn(aResponse().withHeader("Content-Type", "text/html; charset=utf-8")
                .withBody(Fixtures.read("web/" + fixture))));
        return client.lookup(List.of(ref(path))).results().get(0);
    }

    private ProfileRef ref(String path) {
        return new ProfileRef(Platform.WEB, "http://127.0.0.1:" + server.port() + path);
    }

    @Test
    void readsAProfilePageFromLenientJsonLdWithItsPosts() throws Exception {
        ProfileLookup r = page("/linnea", "profile_jsonld.html");

        assertThat(r).isInstanceOf(ProfileLookup.Found.class);
        ResolvedProfile p = ((ProfileLookup.Found) r).profile();
        Account a = p.account();
        assertThat(a.id()).as("a canonical URL on another site is not taken: the id is the URL that served the page")
                .isEqualTo(ref("/linnea").id());
        assertThat(a.displayName()).isEqualTo("Linnea Berg 🌱");
        assertThat(a.handle()).isEqualTo("linnea");
        assertThat(a.bio()).startsWith("Vegan recipes & tofu experiments.");
        assertThat(a.followers()).hasValue(12_480);
        assertThat(a.postsCount()).hasValue(1843);
        assertThat(a.following()).isEmpty();
        assertThat(a.website()).contains("https://linnea.example");
        assertThat(a.hasAvatar()).isTrue();
        assertThat(a.createdAt()).contains(Instant.parse("2021-04-01T10:00:00Z"));
        assertThat(a.labels()).containsExactly("markup:json-ld");

        RecentPosts recent = client.recentPosts(p, 40);
        assertThat(recent.requests()).isZero();
        assertThat(recent.posts()).singleElement().satisfies(post -> {
            assertThat(post.text()).isEqualTo("Tofu scramble #vegan");
            assertThat(post.likes()).isEqualTo(640);
            assertThat(post.replies()).isEqualTo(31);
        });
    }

    @Test
    void aCanonicalUrlOnTheSiteThatServedThePageIsTheStableId() throws Exception {
        String canonical = "http://127.0.0.1:" + server.port() + "/linnea";
        server.stubFor(get(urlEqualTo("/linnea?utm_source=x")).willReturn(aResponse()
                .withHeader("Content-Type", "text/html; charset=utf-8")
                .withBody(Fixtures.read("web/profile_jsonld.html").replace("https://pix.example/linnea", canonical))));

        ProfileLookup r = client.lookup(List.of(ref("/linnea?utm_source=x"))).results().get(0);

        assertThat(((ProfileLookup.Found) r).profile().account().id()).isEqualTo("web:" + canonical);
    }

    @Test
    void resolvesGraphReferencesAndEveryInteractionTypeSpelling() throws Exception {
        Account a = ((ProfileLookup.Found) page("/u/ana", "profile_graph.html")).profile().account();

        assertThat(a.displayName()).isEqualTo("Ana");
        assertThat(a.followers()).hasValue(2310);
        assertThat(a.following()).hasValue(120);
        assertThat(a.postsCount()).as("negative count rejected").isEmpty();
        assertThat(a.id()).isEqualTo(ref("/u/ana").id());
    }

    @Test
    void fallsBackToMicrodata() throws Exception {
        Account a = ((ProfileLookup.Found) page("/bo", "profile_microdata.html")).profile().account();

        assertThat(a.displayName()).isEqualTo("Bo Lentil");
        assertThat(a.handle()).isEqualTo("bo_lentil");
        assertThat(a.followers()).hasValue(7400);
        assertThat(a.website()).contains("https://bo.example");
        assertThat(a.labels()).containsExactly("markup:microdata");
    }

    @Test
    void fallsBackToOpenGraphWithApproximateCounts() throws Exception {
        Account a = ((ProfileLookup.Found) page("/@cleo", "profile_opengraph.html")).profile().account();

        assertThat(a.handle()).isEqualTo("cleo@greens.example");
        assertThat(a.followers()).hasValue(4800);
        assertThat(a.following()).hasValue(310);
        assertThat(a.postsCount()).hasValue(1200);
        assertThat(a.labels()).containsExactly("markup:opengraph", "approximate-counts");
        assertThat(a.id()).isEqualTo(ref("/@cleo").id());
    }

    @Test
    void aNoindexPageIsSkipped() throws Exception {
        assertThat(page("/private", "profile_noindex.html")).isInstanceOfSatisfying(ProfileLookup.Skipped.class,
                s -> assertThat(s.reason()).contains("noindex"));
    }

    @Test
    void anXRobotsTagNoindexHeaderIsRespected() throws Exception {
        server.stubFor(get(urlEqualTo("/hdr")).willReturn(aResponse().withHeader("Content-Type", "text/html")
                .withHeader("X-Robots-Tag", "noindex").withBody(Fixtures.read("web/profile_jsonld.html"))));

        assertThat(client.lookup(List.of(ref("/hdr"))).results().get(0)).isInstanceOf(ProfileLookup.Skipped.class);
    }

    @Test
    void aPageWithoutProfileMarkupSaysWhatWasMissing() throws Exception {
        assertThat(page("/about", "plain.html")).isInstanceOfSatisfying(ProfileLookup.Missing.class,
                m -> assertThat(m.reason()).contains("no profile markup").contains("/about"));
    }

    @Test
    void instagramIsNotReadByDefault() throws Exception {
        ProfileLookup r = client.lookup(List.of(new ProfileRef(Platform.WEB, "https://www.instagram.com/linnea/")))
                .results().get(0);

        assertThat(r).isInstanceOfSatisfying(ProfileLookup.Skipped.class,
                s -> assertThat(s.reason()).contains("instagram.com forbids automated collection"));
        assertThat(fetcher.requests()).isZero();
    }

    @Test
    void aMissingPageIsReportedAsNotFound() throws Exception {
        server.stubFor(get(urlEqualTo("/gone")).willReturn(aResponse().withStatus(404)));

        assertThat(client.lookup(List.of(ref("/gone"))).results().get(0)).isInstanceOf(ProfileLookup.Missing.class);
    }

    @Test
    void abbreviatedCountsParse() {
        assertThat(MarkupFallbacks.abbreviated(java.util.regex.Pattern.compile("([\\d][\\d.,]*\\s*[KMB]?)\\s+Followers"),
                "12.5K Followers, 611 Following")).hasValue(12_500);
        assertThat(MarkupFallbacks.abbreviated(java.util.regex.Pattern.compile("([\\d][\\d.,]*\\s*[KMB]?)\\s+Posts"),
                "1,843 Posts")).hasValue(1843);
    }
}
