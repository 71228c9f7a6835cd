package dev.scout.demo.browser;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class BrowserRequirementTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @Test
    void runsWheneverChromiumIsPresentEvenWhenCiSaidItWasNotExpected() {
        assertThat(BrowserRequirement.decide(Optional.of(CHROMIUM), Map.of("CI", "true",
                BrowserRequirement.NO_BROWSER_REASON, "apt-get failed")))
                .isEqualTo(new BrowserRequirement.Decision.Run(CHROMIUM));
        assertThat(BrowserRequirement.decide(Optional.of(CHROMIUM), Map.of()))
                .isEqualTo(new BrowserRequirement.Decision.Run(CHROMIUM));
    }

    @Test
    void failsUnderCiWhenChromiumIsMissingWithoutAReason() {
        assertThat(BrowserRequirement.decide(Optional.empty(), Map.of("CI", "true")))
                .isInstanceOfSatisfying(BrowserRequirement.Decision.Fail.class,
                        f -> assertThat(f.reason()).contains("CI=true").contains("apt-get install chromium"));
    }

    @Test
    void skipsUnderCiWithTheScriptsReasonWhenItCouldNotInstallChromium() {
        assertThat(BrowserRequirement.decide(Optional.empty(), Map.of("CI", "true",
                BrowserRequirement.NO_BROWSER_REASON, "apt-get install chromium failed (exit 100)")))
                .isInstanceOfSatisfying(BrowserRequirement.Decision.Skip.class,
                        s -> assertThat(s.reason()).contains("apt-get install chromium failed (exit 100)"));
    }

    @Test
    void skipsWithAVisibleReasonOutsideCi() {
        assertThat(BrowserRequirement.decide(Optional.empty(), Map.of()))
                .isInstanceOfSatisfying(BrowserRequirement.Decision.Skip.class,
                        s -> assertThat(s.reason()).contains("chromium not found"));
    }
}
