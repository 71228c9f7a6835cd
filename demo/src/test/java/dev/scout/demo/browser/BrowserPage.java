package dev.scout.demo.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One tab, driven the way a person would: load a URL, click, type, choose, submit, and wait for the page that
 * follows. Selectors are CSS; every wait ends after {@link HeadlessChromium#TIMEOUT} with an error naming what was
 * awaited. Records the console errors, uncaught exceptions and Content-Security-Policy refusals the page produced.
 * Not thread-safe. Test helper.
 */
public final class BrowserPage {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DevToolsConnection devtools;
    private final String session;
    private final List<String> problems = new java.util.concurrent.CopyOnWriteArrayList<>();

    private BrowserPage(DevToolsConnection devtools, String session) {
        this.devtools = devtools;
        this.session = session;
    }

    static BrowserPage attach(DevToolsConnection devtools, String session, int width, int height) throws IOException {
        BrowserPage page = new BrowserPage(devtools, session);
        devtools.subscribe("Runtime.exceptionThrown", session,
                p -> page.problems.add("uncaught: " + p.path("exceptionDetails").path("exception").path("description")
                        .asText(p.path("exceptionDetails").path("text").asText())));
        devtools.subscribe("Log.entryAdded", session, p -> {
            JsonNode e = p.path("entry");
            if ("error".equals(e.path("level").asText())) {
                page.problems.add(e.path("source").asText() + ": " + e.path("text").asText()
                        + (e.hasNonNull("url") ? " (" + e.get("url").asText() + ")" : ""));
            }
        });
        devtools.subscribe("Runtime.consoleAPICalled", session, p -> {
            if ("error".equals(p.path("type").asText())) {
                page.problems.add("console.error: " + p.path("args").toString());
            }
        });
        devtools.call(session, "Page.enable", null);
        devtools.call(session, "Runtime.enable", null);
        devtools.call(session, "Log.enable", null);
        devtools.call(session, "Emulation.setDeviceMetricsOverride", DevToolsConnection.params()
                .put("width", width).put("height", height).put("deviceScaleFactor", 1).put("mobile", false));
        return page;
    }

    /** Loads {@code url} and waits for its load event; fails on a network error (refused, DNS, …). */
    public BrowserPage open(String url) throws IOException {
        CompletableFuture<JsonNode> loaded = nextLoad();
        JsonNode r = devtools.call(session, "Page.navigate", DevToolsConnection.params().put("url", url));
        if (r.hasNonNull("errorText")) {
            throw new IOException("Chromium could not load " + url + ": " + r.get("errorText").asText());
        }
        DevToolsConnection.await(loaded, HeadlessChromium.TIMEOUT, "load " + url);
        return this;
    }

    /** Reloads the current page (as F5 does) and waits for its load event. */
    public BrowserPage reload() throws IOException {
        CompletableFuture<JsonNode> loaded = nextLoad();
        devtools.call(session, "Page.reload", DevToolsConnection.params().put("ignoreCache", true));
        DevToolsConnection.await(loaded, HeadlessChromium.TIMEOUT, "reload " + url());
        return this;
    }

    /** Clicks the first element matching {@code selector}, then waits for the page it leads to. */
    public BrowserPage clickAndWait(String selector) throws IOException {
        CompletableFuture<JsonNode> loaded = nextLoad();
        click(selector);
        DevToolsConnection.await(loaded, HeadlessChromium.TIMEOUT, "the page after clicking " + selector);
        return this;
    }

    /** Clicks the first element matching {@code selector} with a real mouse press and release at its centre. */
    public void click(String selector) throws IOException {
        JsonNode box = evaluate("(() => { const e = document.querySelector(" + quote(selector) + ");"
                + " if (!e) return null; e.scrollIntoView({block: 'center'}); const r = e.getBoundingClientRect();"
                + " return {x: r.left + r.width / 2, y: r.top + r.height / 2}; })()");
        if (box.isNull()) {
            throw new IOException("no element matches " + selector + " on " + url());
        }
        for (String type : List.of("mousePressed", "mouseReleased")) {
            devtools.call(session, "Input.dispatchMouseEvent", DevToolsConnection.params().put("type", type)
                    .put("x", box.path("x").asDouble()).put("y", box.path("y").asDouble())
                    .put("button", "left").put("clickCount", 1));
        }
    }

    /** Replaces the text of the field matching {@code selector} by typing {@code text} into it. */
    public void type(String selector, String text) throws IOException {
        JsonNode found = evaluate("(() => { const e = document.querySelector(" + quote(selector) + ");"
                + " if (!e) return false; e.focus(); e.select && e.select(); return true; })()");
        if (!found.asBoolean()) {
            throw new IOException("no field matches " + selector + " on " + url());
        }
        devtools.call(session, "Input.insertText", DevToolsConnection.params().put("text", text));
    }

    /** Chooses the option with value {@code value} in the select matching {@code selector}, firing its change event. */
    public void choose(String selector, String value) throws IOException {
        JsonNode ok = evaluate("(() => { const e = document.querySelector(" + quote(selector) + ");"
                + " if (!e || !Array.from(e.options).some(o => o.value === " + quote(value) + ")) return false;"
                + " e.value = " + quote(value) + "; e.dispatchEvent(new Event('input', {bubbles: true}));"
                + " e.dispatchEvent(new Event('change', {bubbles: true})); return true; })()");
        if (!ok.asBoolean()) {
            throw new IOException("no select " + selector + " with an option '" + value + "' on " + url());
        }
    }

    /** Waits until the JavaScript expression {@code condition} is truthy, polled in the page every 50 ms. */
    public void waitUntil(String condition) throws IOException {
        long ms = HeadlessChromium.TIMEOUT.toMillis();
        JsonNode r = evaluate("new Promise(done => { const end = Date.now() + " + ms + ";"
                + " const check = () => { let v = false; try { v = (" + condition + "); } catch (e) { v = false; }"
                + " if (v) done(true); else if (Date.now() > end) done(false); else setTimeout(check, 50); };"
                + " check(); })");
        if (!r.asBoolean()) {
            throw new IOException("still not true after " + HeadlessChromium.TIMEOUT.toSeconds() + " s on " + url()
                    + ": " + condition);
        }
    }

    /** The value of a JavaScript expression (awaited when it is a promise), as JSON. */
    public JsonNode evaluate(String expression) throws IOException {
        ObjectNode params = DevToolsConnection.params().put("expression", expression)
                .put("returnByValue", true).put("awaitPromise", true);
        JsonNode r = devtools.call(session, "Runtime.evaluate", params);
        if (r.has("exceptionDetails")) {
            throw new IOException("the page threw on " + expression + ": " + r.get("exceptionDetails"));
        }
        JsonNode value = r.path("result").path("value");
        return value.isMissingNode() ? JSON.nullNode() : value;
    }

    /** The visible text of the first element matching {@code selector}, or empty when none does. */
    public String text(String selector) throws IOException {
        return evaluate("(() => { const e = document.querySelector(" + quote(selector) + "); return e ? e.innerText : ''; })()")
                .asText();
    }

    /** The visible texts of every element matching {@code selector}, in document order. */
    public List<String> texts(String selector) throws IOException {
        List<String> out = new ArrayList<>();
        evaluate("Array.from(document.querySelectorAll(" + quote(selector) + "), e => e.innerText)").forEach(n -> out.add(n.asText()));
        return out;
    }

    /** How many elements match {@code selector}. */
    public int count(String selector) throws IOException {
        return evaluate("document.querySelectorAll(" + quote(selector) + ").length").asInt();
    }

    /** The page's serialised DOM after scripts ran. */
    public String html() throws IOException {
        return evaluate("document.documentElement.outerHTML").asText();
    }

    public String url() throws IOException {
        return evaluate("location.href").asText();
    }

    /** Console errors, uncaught exceptions and CSP refusals so far, oldest first. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** Saves a PNG of the whole page (beyond the window when it is longer), creating folders as needed. */
    public void screenshot(Path png) throws IOException {
        JsonNode size = evaluate("({w: document.documentElement.scrollWidth, h: document.documentElement.scrollHeight})");
        ObjectNode clip = DevToolsConnection.params().put("x", 0).put("y", 0)
                .put("width", size.path("w").asInt()).put("height", size.path("h").asInt()).put("scale", 1);
        ObjectNode params = DevToolsConnection.params().put("format", "png").put("captureBeyondViewport", true);
        params.set("clip", clip);
        String data = devtools.call(session, "Page.captureScreenshot", params).path("data").asText();
        Path absolute = png.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        Files.write(absolute, Base64.getDecoder().decode(data));
    }

    private CompletableFuture<JsonNode> nextLoad() {
        return devtools.next("Page.loadEventFired", session, p -> true);
    }

    /** A JavaScript string literal for {@code s} (JSON's quoting is valid JavaScript). */
    private static String quote(String s) {
        return JSON.getNodeFactory().textNode(s).toString();
    }
}
