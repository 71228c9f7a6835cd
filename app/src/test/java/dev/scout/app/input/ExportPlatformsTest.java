package dev.scout.app.input;

import dev.scout.model.Platform;
import dev.scout.model.ProfileSnapshot;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Exports from other tools name Instagram, Threads, TikTok, X (or Twitter) and Twitch profiles. */
class ExportPlatformsTest {

    private final List<ProfileSnapshot> profiles = new ArrayList<>();
    private final List<LineError> errors = new ArrayList<>();

    private void read(String line) throws IOException {
        new ProfileJsonReader(Instant.parse("2026-11-25T00:00:00Z")).read(new ByteArrayInputStream(line.getBytes(StandardCharsets.UTF_8)), profiles::add,
                errors::add);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"platform\":\"instagram\",\"handle\":\"@Ana.Cooks\"}  | instagram:ana.cooks | INSTAGRAM",
            "{\"platform\":\"threads\",\"handle\":\"ana.cooks\"}     | threads:ana.cooks   | THREADS",
            "{\"platform\":\"tiktok\",\"handle\":\"@AnaCooks\"}      | tiktok:anacooks     | TIKTOK",
            "{\"platform\":\"twitter\",\"handle\":\"@ana_cooks\"}    | x:ana_cooks         | X",
            "{\"platform\":\"x\",\"handle\":\"ana_cooks\"}           | x:ana_cooks         | X",
            "{\"platform\":\"twitch\",\"handle\":\"Ana_Streams\"}    | twitch:ana_streams  | TWITCH",
            "{\"id\":\"twitter:Ana_Cooks\"}                          | x:ana_cooks         | X",
            "{\"id\":\"instagram:Ana.Cooks\"}                        | instagram:ana.cooks | INSTAGRAM",
    })
    void readsIdsAndHandlesOfExportOnlyPlatforms(String line, String id, Platform platform) throws IOException {
        read(line);
        assertThat(errors).isEmpty();
        assertThat(profiles).singleElement().satisfies(p -> {
            assertThat(p.account().ref().id()).isEqualTo(id);
            assertThat(p.account().ref().platform()).isEqualTo(platform);
        });
    }

    @Test
    void aUserNameAgainstThePlatformsRulesIsReportedForThatLine() throws IOException {
        read("{\"platform\":\"x\",\"handle\":\"far_too_long_for_x_names\"}");
        assertThat(profiles).isEmpty();
        assertThat(errors).singleElement().asString().contains("handle").contains("not a valid x user name");
    }

    @Test
    void aFollowerWithoutIdOrHandleLendsNoDigitsToTheClassifier() throws IOException {
        read("{\"id\":\"instagram:ana\",\"follower_sample\":[{\"followers\":3,\"following\":900},"
                + "{\"handle\":\"maya48001\",\"followers\":3}]}");
        assertThat(errors).isEmpty();
        var sample = profiles.get(0).followerSample().orElseThrow();
        assertThat(sample.get(0).handle()).isEmpty();
        assertThat(sample.get(1).handle()).isEqualTo("maya48001");
    }
}
