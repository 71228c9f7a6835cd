package dev.scout.model;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SeedParserTest {

    private final SeedParser parser = new SeedParser();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "https://mastodon.social/@ana,              mastodon:ana@mastodon.social",
            "https://Mastodon.Social/@ana,              mastodon:ana@mastodon.social",
            "https://fika.example/@ana@oat.example,     mastodon:ana@oat.example",
            "@ana@fika.example,                         mastodon:ana@fika.example",
            "ana@fika.example,                          mastodon:ana@fika.example",
            "mastodon:ana@fika.example,                 mastodon:ana@fika.example",
            "https://bsky.app/profile/linnea.bsky.social, bluesky:linnea.bsky.social",
            "bluesky:Linnea.bsky.social,                bluesky:linnea.bsky.social",
            "bluesky:did:plc:abc123xyz,                 bluesky:did:plc:abc123xyz",
            "https://www.youtube.com/@BakeWithMe,       youtube:@bakewithme",
            "https://www.youtube.com/channel/UCabcdefghijklmnopqrstuv, youtube:UCabcdefghijklmnopqrstuv",
            "youtube:UCabcdefghijklmnopqrstuv,          youtube:UCabcdefghijklmnopqrstuv",
            "youtube:@bakewithme,                       youtube:@bakewithme",
            "https://pages.example/u/ana,               web:https://pages.example/u/ana",
            "web:https://pages.example/u/ana,           web:https://pages.example/u/ana",
            "https://medium.com/@ana,                   web:https://medium.com/@ana",
            "http://127.0.0.1:8080/@ana,                mastodon:ana@127.0.0.1:8080",
            "instagram:Ana.Cooks,                       instagram:ana.cooks",
            "ig:@ana_cooks,                             instagram:ana_cooks",
            "threads:ana.cooks,                         threads:ana.cooks",
            "tiktok:@AnaCooks,                          tiktok:anacooks",
            "x:AnaCooks,                                x:anacooks",
            "twitter:@ana_cooks,                        x:ana_cooks",
            "twitch:Ana_Streams,                        twitch:ana_streams"
    })
    void parsesWhatAScoutPastes(String seed, String expectedId) {
        assertThat(parser.parse(seed).id()).isEqualTo(expectedId);
    }

    @ParameterizedTest
    @ValueSource(strings = {"instagram:ana cooks", "x:name-with-dash", "x:sixteen_chars_xx", "tiktok:a",
            "twitch:ab", "threads:"})
    void rejectsUserNamesOutsideThePlatformsRulesNamingThePlatform(String seed) {
        assertThatThrownBy(() -> parser.parse(seed))
                .isInstanceOf(InvalidSeedException.class)
                .hasMessageContaining("seed '" + seed + "'")
                .hasMessageContaining("user name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"just some words", "ftp://files.example/@ana", "youtube:not a channel", "bluesky:!!", ""})
    void rejectsUnrecognisedSeedsNamingTheSeedAndTheAcceptedForms(String seed) {
        assertThatThrownBy(() -> parser.parse(seed))
                .isInstanceOf(InvalidSeedException.class)
                .hasMessageContaining("seed '" + seed + "'")
                .hasMessageContaining("Accepted forms")
                .hasMessageContaining("https://bsky.app/profile/HANDLE");
    }

    @Test
    void refusesInstagramPagesAndTikTokUnlessOptedIn() {
        assertThatThrownBy(() -> parser.parse("https://www.instagram.com/p/DAbCdEfGhIj/"))
                .isInstanceOf(InvalidSeedException.class)
                .hasMessageContaining("instagram.com")
                .hasMessageContaining("terms forbid automated collection");
        assertThat(new SeedParser(true).parse("https://www.tiktok.com/@ana").platform()).isEqualTo(Platform.WEB);
    }

    @ParameterizedTest
    @ValueSource(strings = {"instagram:Linnea.Bakes", "ig:@linnea.bakes", "https://www.instagram.com/linnea.bakes/",
            "https://instagram.com/Linnea.Bakes"})
    void instagramHandlesAndProfileUrlsBecomeGraphApiReferences(String seed) {
        assertThat(parser.parse(seed)).isEqualTo(new ProfileRef(Platform.INSTAGRAM, "linnea.bakes"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"threads:linnea.bakes", "threads:@Linnea.Bakes", "https://www.threads.net/@linnea.bakes",
            "https://www.threads.com/@linnea.bakes"})
    void threadsHandlesAndProfileUrlsBecomeThreadsApiReferences(String seed) {
        assertThat(parser.parse(seed)).isEqualTo(new ProfileRef(Platform.THREADS, "linnea.bakes"));
    }

    @Test
    void rejectsInstagramHandlesWithCharactersInstagramDoesNotAllow() {
        assertThatThrownBy(() -> parser.parse("instagram:linnea-bakes"))
                .isInstanceOf(InvalidSeedException.class)
                .hasMessageContaining("not a valid instagram user name");
    }

    @Test
    void idsRoundTrip() {
        ProfileRef ref = parser.parse("@ana@fika.example");
        assertThat(ProfileRef.parseId(ref.id())).isEqualTo(ref);
        assertThat(ref.mastodonUser()).isEqualTo("ana");
        assertThat(ref.mastodonHost()).isEqualTo("fika.example");
    }
}
