package dev.scout.crawler.testing;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * TEST ONLY: where the conformance corpus lives: platform answers recorded by other open-source projects against
 * real servers. It is not kept in this repository (see docs/CONFORMANCE.md): {@code SCOUT_CONFORMANCE_DIR} names it,
 * else the nearest {@code shared/conformance} above the working directory (the project's shared folder, which sits
 * beside every checkout and CI's clone). Tests skip, saying why, when it is absent.
 */
public final class ConformanceCorpus {
    private ConformanceCorpus() {
    }

    /** The recorded file {@code platform/name}; the calling test is skipped when the corpus or the file is absent. */
    public static Path file(String platform, String name) {
        Optional<Path> root = root();
        Assumptions.assumeTrue(root.isPresent(), "no conformance corpus: assemble one with"
                + " scripts/conformance/fetch.sh DIR and set SCOUT_CONFORMANCE_DIR=DIR (docs/CONFORMANCE.md)");
        Path file = root.get().resolve(platform).resolve(name);
        Assumptions.assumeTrue(Files.isRegularFile(file), "conformance corpus " + root.get()
                + " has no " + platform + "/" + name + ": assemble it again with scripts/conformance/fetch.sh");
        return file;
    }

    static Optional<Path> root() {
        String configured = System.getenv("SCOUT_CONFORMANCE_DIR");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(Files::isDirectory);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("conformance");
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
