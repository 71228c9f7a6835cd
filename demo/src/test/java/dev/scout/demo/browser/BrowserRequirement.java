package dev.scout.demo.browser;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Decides whether the browser tests run, skip or fail. With Chromium present they always run. Without it they skip
 * with a visible reason, except under {@code CI=true}, where a missing browser fails the build unless the CI script
 * said why it could not install one ({@value #NO_BROWSER_REASON}, set by {@code .ci/run} when {@code apt-get}
 * failed). Test helper.
 */
public final class BrowserRequirement {

    /** Set by {@code .ci/run} to the reason it could not install Chromium; the browser is then not expected. */
    public static final String NO_BROWSER_REASON = "SCOUT_NO_BROWSER_REASON";

    /** What to do, as a value so that the decision can be tested without a browser. */
    public sealed interface Decision {
        record Run(Path chromium) implements Decision {
        }

        record Skip(String reason) implements Decision {
        }

        record Fail(String reason) implements Decision {
        }
    }

    private BrowserRequirement() {
    }

    /** The Chromium binary, or a skip (JUnit abort) or a failure with the reason. */
    public static Path chromium() {
        Decision d = decide(HeadlessChromium.find(), System.getenv());
        if (d instanceof Decision.Run run) {
            return run.chromium();
        }
        if (d instanceof Decision.Fail fail) {
            throw new AssertionError(fail.reason());
        }
        Assumptions.abort(((Decision.Skip) d).reason());
        throw new IllegalStateException("unreachable: Assumptions.abort returned");
    }

    static Decision decide(Optional<Path> chromium, Map<String, String> env) {
        if (chromium.isPresent()) {
            return new Decision.Run(chromium.get());
        }
        String missing = "chromium not found (looked for /usr/bin/chromium and chromium, chromium-browser on PATH);"
                + " install it (Debian: apt-get install chromium) to run the browser tests";
        String ciReason = env.getOrDefault(NO_BROWSER_REASON, "").strip();
        if (!ciReason.isEmpty()) {
            return new Decision.Skip(missing + "; the CI script could not install it: " + ciReason);
        }
        if ("true".equalsIgnoreCase(env.getOrDefault("CI", ""))) {
            return new Decision.Fail("CI=true but " + missing + " (and " + NO_BROWSER_REASON
                    + " does not say why it is absent)");
        }
        return new Decision.Skip(missing);
    }
}
