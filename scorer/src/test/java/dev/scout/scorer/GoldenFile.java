package dev.scout.scorer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A golden file of the scorer's tests: one line per case, its name and the SHA-256 (first 16 bytes) of its text.
 * Running with {@code -Dgolden.write=true} rewrites the file from the current output — only ever from code whose
 * output is known good, never to make a failing test pass. {@code -Dgolden.dump=PREFIX} writes every case's text to
 * {@code PREFIX-<resource>}, so that the cases a deliberate change touches can be diffed and explained.
 */
public final class GoldenFile {

    private GoldenFile() {
    }

    /** Asserts that every case's text hashes as the resource says, case by case, with the new text on failure. */
    public static void assertMatches(Map<String, String> actual, String resource) throws IOException {
        String dump = System.getProperty("golden.dump");
        if (dump != null) { // every case's text, to diff a deliberate change against the code before it
            StringBuilder d = new StringBuilder();
            actual.forEach((k, v) -> d.append("=== ").append(k).append('\n').append(v).append('\n'));
            Files.write(Path.of(dump + "-" + resource.replace('/', '_')), d.toString().getBytes(StandardCharsets.UTF_8));
        }
        if (Boolean.getBoolean("golden.write")) {
            StringBuilder sb = new StringBuilder();
            actual.forEach((k, v) -> sb.append(k).append(' ').append(sha256(v)).append('\n'));
            Files.writeString(Path.of("src/test/resources", resource), sb.toString(), StandardCharsets.UTF_8);
        }
        Map<String, String> expected = new LinkedHashMap<>();
        try (InputStream in = GoldenFile.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as("golden file " + resource + " (create it with -Dgolden.write=true)").isNotNull();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    int space = line.indexOf(' ');
                    expected.put(line.substring(0, space), line.substring(space + 1));
                }
            }
        }
        assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
        for (Map.Entry<String, String> e : actual.entrySet()) {
            assertThat(sha256(e.getValue())).as("case %s changed; it is now:%n%s", e.getKey(), e.getValue())
                    .isEqualTo(expected.get(e.getKey()));
        }
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }
}
