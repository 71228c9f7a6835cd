package dev.scout.app.serve;

import dev.scout.app.ExitCodes;
import dev.scout.app.ScoutCommand;
import dev.scout.app.UsageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class ServeSettingsTest {

    @Test
    void listensOnLoopbackWithoutATokenByDefault() {
        ServeSettings s = ServeSettings.of(null, 8080, Map.of());
        assertThat(s.bind()).isEqualTo("127.0.0.1");
        assertThat(s.token()).isEmpty();
    }

    @Test
    void anotherAddressWithoutATokenIsRefusedSayingWhatToSet() {
        assertThatThrownBy(() -> ServeSettings.of("0.0.0.0", 8080, Map.of()))
                .isInstanceOf(UsageException.class).hasMessageContaining("--bind 0.0.0.0")
                .hasMessageContaining(ServeSettings.TOKEN_ENV);
    }

    @Test
    void anotherAddressWithATokenIsAccepted() {
        ServeSettings s = ServeSettings.of("0.0.0.0", 8080, Map.of(ServeSettings.TOKEN_ENV, "0123456789abcdef"));
        assertThat(s.token()).hasValue("0123456789abcdef");
        assertThat(s.toString()).doesNotContain("0123456789abcdef");
    }

    @Test
    void aShortOrOddTokenIsRefused() {
        assertThatThrownBy(() -> ServeSettings.of(null, 8080, Map.of(ServeSettings.TOKEN_ENV, "secret")))
                .isInstanceOf(UsageException.class).hasMessageContaining("at least 16");
        assertThatThrownBy(() -> ServeSettings.of(null, 8080, Map.of(ServeSettings.TOKEN_ENV, "0123456789abcdef;x=1")))
                .isInstanceOf(UsageException.class).hasMessageContaining("only letters");
    }

    @Test
    void aBadPortIsRefused() {
        assertThatThrownBy(() -> ServeSettings.of(null, 70_000, Map.of())).hasMessageContaining("--port");
    }

    @Test
    void serveCommandRefusesAnotherAddressWithoutATokenWithExitCode2(@TempDir Path dir) {
        assumeTrue(System.getenv(ServeSettings.TOKEN_ENV) == null, ServeSettings.TOKEN_ENV + " is set in this environment");
        StringWriter err = new StringWriter();
        var cl = ScoutCommand.commandLine();
        cl.setOut(new PrintWriter(new StringWriter(), true));
        cl.setErr(new PrintWriter(err, true));

        int code = cl.execute("serve", "--bind", "0.0.0.0", "--store", dir.resolve("scout.db").toString());

        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains(ServeSettings.TOKEN_ENV);
    }
}
