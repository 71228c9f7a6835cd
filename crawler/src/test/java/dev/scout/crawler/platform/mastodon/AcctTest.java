package dev.scout.crawler.platform.mastodon;

import dev.scout.model.ProfileRef;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Server-sent {@code acct} strings become profile ids and host names only when they are valid handles. */
class AcctTest {

    @ParameterizedTest
    @ValueSource(strings = {"ana", "@ana", "ana@fika.example", "Ana_B@Fika.Example", "ana.b-c@sub.fika.example",
            "ana@127.0.0.1:8443", "ana@xn--bcher-kva.example"})
    void validHandlesBecomeReferences(String acct) {
        assertThat(Acct.parse(acct, "home.example")).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"x@127.0.0.1\"><b>", "x@host/path", "x@host?q", "x@host#f", "x@ho st", "x@-host.example",
            "x@host..example", "x@.example", "x@host.example.", "x@host:0", "x@host:99999", "x@host:12ab", "x@",
            "a b@host.example", "<script>@host.example", "x@b\u00fccher.example", "x@host\u0000.example",
            "x@[::1]", "@"})
    void invalidHandlesAreRefused(String acct) {
        assertThat(Acct.parse(acct, "home.example")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ana", "@ana"})
    void aLocalHandleIsOnTheServingDomain(String acct) {
        assertThat(Acct.parse(acct, "fika.example")).contains(ProfileRef.mastodon("ana", "fika.example"));
    }
}
