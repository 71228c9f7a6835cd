package dev.scout.app.input;

import dev.scout.model.Platform;
import dev.scout.model.ProfileSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProfileJsonReaderTest {

    private static final Instant RUN = Instant.parse("2026-11-25T00:00:00Z");

    private final List<ProfileSnapshot> profiles = new ArrayList<>();
    private final List<LineError> errors = new ArrayList<>();

    private ProfileJsonReader.Summary read(String input) throws IOException {
        return read(input.getBytes(StandardCharsets.UTF_8));
    }

    private ProfileJsonReader.Summary read(byte[] input) throws IOException {
        return new ProfileJsonReader(RUN, 4_000).read(new ByteArrayInputStream(input), profiles::add, errors::add);
    }

    private static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            out.writeBytes(part instanceof String text ? text.getBytes(StandardCharsets.UTF_8) : (byte[]) part);
        }
        return out.toByteArray();
    }

    @Test
    void lineOfInvalidUtf8IsReportedWithItsNumberAndTheOthersAreRead() throws IOException {
        ProfileJsonReader.Summary s = read(bytes("{\"id\":\"mastodon:a@b.example\"}\n",
                "{\"id\":\"mastodon:c@d.example\",\"bio\":\"caf", new byte[] {(byte) 0xC3, 0x28}, "\"}\n",
                "{\"id\":\"mastodon:e@f.example\",\"bio\":\"caf\u00e9 \ud83c\udf31\"}\n"));

        assertThat(profiles).extracting(ProfileSnapshot::id).containsExactly("mastodon:a@b.example", "mastodon:e@f.example");
        assertThat(profiles.get(1).account().bio()).isEqualTo("caf\u00e9 \ud83c\udf31");
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.reason()).isEqualTo("not valid UTF-8 (byte 40 of the line); save the file as UTF-8");
        });
        assertThat(s).isEqualTo(new ProfileJsonReader.Summary(3, 2, 1));
    }

    @Test
    void byteOrderMarkOnTheFirstLineIsAccepted() throws IOException {
        read(bytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "{\"id\":\"mastodon:a@b.example\"}\r\n"));

        assertThat(errors).isEmpty();
        assertThat(profiles).extracting(ProfileSnapshot::id).containsExactly("mastodon:a@b.example");
    }

    @ParameterizedTest(name = "depth {0}")
    @org.junit.jupiter.params.provider.ValueSource(ints = {200, 999, 1_001, 100_000})
    void deeplyNestedLineIsReportedAndSkipped(int depth) throws IOException {
        String deep = "[".repeat(depth) + "]".repeat(depth);
        ProfileJsonReader.Summary s = new ProfileJsonReader(RUN).read(new ByteArrayInputStream(bytes(
                "{\"id\":\"mastodon:deep@b.example\",\"bio\":" + deep + "}\n",
                "{\"id\":\"mastodon:next@b.example\",\"labels\":[" + deep + "]}\n",
                "{\"id\":\"mastodon:ok@b.example\"}\n")), profiles::add, errors::add);

        assertThat(profiles).extracting(ProfileSnapshot::id).containsExactly("mastodon:ok@b.example");
        assertThat(errors).extracting(LineError::line).containsExactly(1L, 2L);
        assertThat(errors).allSatisfy(e -> assertThat(e.reason()).matches(
                "(JSON nested too deeply.*|bio: must be a string.*|labels\\[0\\]: must be a string.*)"));
        assertThat(s).isEqualTo(new ProfileJsonReader.Summary(3, 1, 2));
    }

    @Test
    void readsAFullProfileLine() throws IOException {
        String line = """
                {"id":"mastodon:greenpan@cooking.example","display_name":"Green Pan","bio":"Vegan. hi@greenpan.example",\
                "followers":12000,"following":"400","posts_count":900,"created_at":"2023-01-01T00:00:00Z",\
                "has_avatar":true,"bot":false,"labels":[],"website":"https://greenpan.example","crawled_at":"2026-11-20T12:00:00Z",\
                "posts":[{"id":"1","url":"https://cooking.example/@greenpan/1","created_at":"2026-11-19T10:00:00Z",\
                "text":"Tofu #vegan","hashtags":["vegan"],"mentions":["oatly@brands.example"],"links":["https://amzn.to/x"],\
                "likes":250,"replies":20,"shares":30,"pinned":true,"labels":["paid-promotion"],"extra_field":"ignored"}],\
                "follower_sample":[{"handle":"fan@cooking.example","followers":120,"following":300,"posts_count":40},{"followers":3}],\
                "history":[{"observed_at":"2026-10-20T12:00:00Z","followers":11000,"engagement_rate":0.02}]}
                """;
        ProfileJsonReader.Summary s = read(line);

        assertThat(errors).isEmpty();
        assertThat(s).isEqualTo(new ProfileJsonReader.Summary(1, 1, 0));
        ProfileSnapshot p = profiles.get(0);
        assertThat(p.id()).isEqualTo("mastodon:greenpan@cooking.example");
        assertThat(p.account().followers()).hasValue(12_000);
        assertThat(p.account().following()).hasValue(400);
        assertThat(p.account().website()).hasValue("https://greenpan.example");
        assertThat(p.crawledAt()).isEqualTo(Instant.parse("2026-11-20T12:00:00Z"));
        assertThat(p.posts()).singleElement().satisfies(post -> {
            assertThat(post.engagements()).isEqualTo(300);
            assertThat(post.pinned()).isTrue();
            assertThat(post.platformLabels()).containsExactly("paid-promotion");
            assertThat(post.mentions()).containsExactly("oatly@brands.example");
        });
        assertThat(p.followerSample()).hasValueSatisfying(sample -> {
            assertThat(sample).hasSize(2);
            assertThat(sample.get(0).id()).isEqualTo("mastodon:fan@cooking.example");
            assertThat(sample.get(1).id()).isEqualTo("mastodon:follower-1");
        });
        assertThat(p.history()).singleElement().satisfies(h -> assertThat(h.followers()).isEqualTo(11_000));
    }

    @Test
    void minimalLineUsesDefaultsAndTheRunTime() throws IOException {
        read("{\"platform\":\"bluesky\",\"handle\":\"Cook.bsky.social\"}\n");

        assertThat(errors).isEmpty();
        ProfileSnapshot p = profiles.get(0);
        assertThat(p.account().platform()).isEqualTo(Platform.BLUESKY);
        assertThat(p.id()).isEqualTo("bluesky:cook.bsky.social");
        assertThat(p.crawledAt()).isEqualTo(RUN);
        assertThat(p.posts()).isEmpty();
        assertThat(p.followerSample()).isEmpty();
        assertThat(p.account().followers()).isEmpty();
    }

    @Test
    void nullBioIsUnknownWhileMissingOrEmptyBioIsEmpty() throws IOException {
        read("{\"id\":\"instagram:quiet.reader\",\"bio\":null}\n"
                + "{\"id\":\"instagram:no.bio\",\"bio\":\"\"}\n"
                + "{\"id\":\"instagram:left.out\"}\n");

        assertThat(errors).isEmpty();
        assertThat(profiles).extracting(p -> p.account().bioUnknown()).containsExactly(true, false, false);
        assertThat(profiles).extracting(p -> p.account().bio()).containsOnly("");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "{\"id\":\"mastodon:a@b.example\"                                   | malformed JSON: Unexpected end-of-input: expected close marker for Object",
            "[1,2]                                                               | not a JSON object",
            "{\"display_name\":\"x\"}                                           | id: is required (or give platform and handle)",
            "{\"handle\":\"x@y.example\"}                                       | platform: is required when there is no id",
            "{\"id\":\"myspace:tom\"}                                           | id: unknown platform 'myspace' (expected mastodon, bluesky, youtube, web, instagram, threads, tiktok, x (or twitter) or twitch)",
            "{\"id\":\"mastodon:a@b.example\",\"followers\":-3}                 | followers: must be a whole number >= 0 (got -3)",
            "{\"id\":\"mastodon:a@b.example\",\"followers\":1.5}                | followers: must be a whole number >= 0 (got 1.5)",
            "{\"id\":\"mastodon:a@b.example\",\"bio\":42}                       | bio: must be a string (got a number)",
            "{\"id\":\"mastodon:a@b.example\",\"posts\":{}}                     | posts: must be an array (got an object)",
            "{\"id\":\"mastodon:a@b.example\",\"posts\":[{\"id\":\"1\"}]}       | posts[0].created_at: is required",
            "{\"id\":\"mastodon:a@b.example\",\"posts\":[{\"id\":\"1\",\"created_at\":\"yesterday\"}]} | posts[0].created_at: not an ISO-8601 instant such as 2026-11-20T12:00:00Z (got 'yesterday')",
            "{\"id\":\"mastodon:a@b.example\",\"posts\":[{\"id\":\"1\",\"created_at\":\"2026-01-01T00:00:00Z\",\"hashtags\":[1]}]} | posts[0].hashtags[0]: must be a string (got a number)",
            "{\"id\":\"mastodon:a@b.example\",\"bot\":\"yes\"}                  | bot: must be true or false (got a string)",
            "{\"id\":\"mastodon:a@b.example\",\"history\":[{\"followers\":5}]}  | history[0].observed_at: is required",
    })
    void reportsBadLinesWithTheirReason(String line, String reason) throws IOException {
        read(line + "\n");
        assertThat(profiles).isEmpty();
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(1);
            assertThat(e.reason()).startsWith(reason);
        });
    }

    @Test
    void skipsBadLinesAndKeepsReadingWithCorrectLineNumbers() throws IOException {
        String input = "{\"id\":\"mastodon:a@b.example\"}\r\n"
                + "\r\n"
                + "not json\r\n"
                + "{\"id\":\"mastodon:c@d.example\",\"bio\":\"" + "x".repeat(5_000) + "\"}\n"
                + "{\"id\":\"mastodon:e@f.example\"}";
        ProfileJsonReader.Summary s = read(input);

        assertThat(profiles).extracting(ProfileSnapshot::id)
                .containsExactly("mastodon:a@b.example", "mastodon:e@f.example");
        assertThat(errors).extracting(LineError::line).containsExactly(3L, 4L);
        assertThat(errors.get(1).describe()).isEqualTo(
                "line 4: line is longer than 4,000 characters: split the profile's posts or raise the limit");
        assertThat(s).isEqualTo(new ProfileJsonReader.Summary(5, 2, 2));
    }

    @Test
    void hostileTextArrivesUnchangedForTheScorerToHandle() throws IOException {
        read("{\"id\":\"mastodon:a@b.example\",\"bio\":\"=HYPERLINK(\\\"http://evil.example\\\") \\u202Eevil\"}\n");
        assertThat(profiles.get(0).account().bio()).isEqualTo("=HYPERLINK(\"http://evil.example\") \u202Eevil");
    }

    @Test
    void streamsManyLinesOneAtATime() throws IOException {
        int n = 50_000;
        InputStream generated = new InputStream() {
            private int line;
            private byte[] current = new byte[0];
            private int pos;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] buf, int off, int len) {
                if (pos == current.length) {
                    if (line == n) {
                        return -1;
                    }
                    current = ("{\"id\":\"mastodon:u" + line++ + "@big.example\",\"followers\":1000,\"posts\":[{\"id\":\"1\","
                            + "\"created_at\":\"2026-11-01T00:00:00Z\",\"text\":\"tofu\",\"likes\":10}]}\n")
                            .getBytes(StandardCharsets.UTF_8);
                    pos = 0;
                }
                int k = Math.min(len, current.length - pos);
                System.arraycopy(current, pos, buf, off, k);
                pos += k;
                return k;
            }
        };
        long[] count = {0};
        ProfileJsonReader.Summary s = new ProfileJsonReader(RUN).read(generated, p -> count[0]++, errors::add);

        assertThat(errors).isEmpty();
        assertThat(count[0]).isEqualTo(n);
        assertThat(s.profiles()).isEqualTo(n);
    }
}
