package dev.scout.demo.browser;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The DevTools driver itself, against a two-page app on 127.0.0.1: a form posted and redirected (POST, 303, GET),
 * a select that submits on change, a page whose inline script the Content-Security-Policy refuses.
 */
class HeadlessChromiumTest {

    @TempDir
    static Path dir;

    private static HttpServer server;
    private static HeadlessChromium chromium;
    private static final AtomicReference<String> saved = new AtomicReference<>("(nothing)");

    @BeforeAll
    static void start() throws IOException {
        Path binary = BrowserRequirement.chromium();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", HeadlessChromiumTest::handle);
        server.start();
        chromium = HeadlessChromium.start(binary, dir);
    }

    @AfterAll
    static void stop() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
        if (server != null) {
            server.stop(0);
        }
    }

    private static String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Test
    void typesIntoAFormSubmitsItAndFollowsTheRedirectToThePageThatShowsIt() throws IOException {
        BrowserPage page = chromium.newPage(800, 600).open(base() + "/form");

        page.type("#note", "Good fit <b>really</b>");
        page.clickAndWait("button[type=submit]");

        assertThat(page.url()).isEqualTo(base() + "/form");
        assertThat(page.text("#saved")).isEqualTo("Good fit <b>really</b>");
        assertThat(page.reload().text("#saved")).isEqualTo("Good fit <b>really</b>");
        assertThat(page.problems()).isEmpty();
    }

    @Test
    void choosingAnOptionFiresTheChangeEventThePageListensTo() throws IOException {
        BrowserPage page = chromium.newPage(800, 600).open(base() + "/form");

        page.choose("#tier", "micro");
        page.waitUntil("document.querySelector('#chosen').textContent === 'micro'");

        assertThat(page.text("#chosen")).isEqualTo("micro");
    }

    @Test
    void recordsTheContentSecurityPolicyRefusingAnInlineScript() throws IOException {
        BrowserPage page = chromium.newPage(800, 600).open(base() + "/strict");

        page.waitUntil("document.readyState === 'complete'");

        assertThat(page.evaluate("window.__ran === true").asBoolean()).isFalse();
        assertThat(page.problems()).anySatisfy(p -> assertThat(p).contains("Content Security Policy"));
    }

    @Test
    void savesAScreenshotOfTheWholePage() throws IOException {
        BrowserPage page = chromium.newPage(800, 600).open(base() + "/form");
        Path png = dir.resolve("shots/form.png");

        page.screenshot(png);

        byte[] bytes = Files.readAllBytes(png);
        assertThat(bytes.length).isGreaterThan(1_000);
        assertThat(new String(bytes, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
    }

    @Test
    void clickingWhatIsNotThereNamesTheSelectorAndThePage() throws IOException {
        BrowserPage page = chromium.newPage(800, 600).open(base() + "/form");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> page.click("#missing"))
                .isInstanceOf(IOException.class).hasMessageContaining("#missing").hasMessageContaining("/form");
    }

    private static void handle(HttpExchange x) throws IOException {
        String path = x.getRequestURI().getPath();
        if ("POST".equals(x.getRequestMethod())) {
            String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            saved.set(URLDecoder.decode(body.substring(body.indexOf('=') + 1), StandardCharsets.UTF_8));
            x.getResponseHeaders().add("Location", "/form");
            x.sendResponseHeaders(303, -1);
            x.close();
            return;
        }
        String html = switch (path) {
            case "/form" -> "<!doctype html><title>form</title><form method=post action=/form>"
                    + "<input id=note name=note><button type=submit>Save</button></form>"
                    + "<p id=saved>" + escape(saved.get()) + "</p>"
                    + "<select id=tier><option value=''>any</option><option value=micro>micro</option></select>"
                    + "<p id=chosen></p><script src=/app.js></script>";
            case "/strict" -> "<!doctype html><title>strict</title><script>window.__ran = true;</script><p>strict</p>";
            case "/app.js" -> "document.getElementById('tier').addEventListener('change',"
                    + " e => { document.getElementById('chosen').textContent = e.target.value; });";
            default -> null;
        };
        if (html == null) {
            x.sendResponseHeaders(404, -1);
            x.close();
            return;
        }
        x.getResponseHeaders().add("Content-Type", path.endsWith(".js") ? "text/javascript" : "text/html; charset=utf-8");
        x.getResponseHeaders().add("Content-Security-Policy", "default-src 'none'; script-src 'self'; form-action 'self'");
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        x.sendResponseHeaders(200, bytes.length);
        x.getResponseBody().write(bytes);
        x.close();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
