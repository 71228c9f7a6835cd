package dev.scout.app.cli;

import dev.scout.app.RunFailedException;
import dev.scout.app.pipeline.JobResult;
import dev.scout.scorer.ScoredProfile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Writes {@code demo-evaluation.txt}: every wrong flag and every missed true pick with the scorer's reasons, so
 * the demo's precision and recall can be audited line by line.
 */
final class DemoMistakes {
    private DemoMistakes() {
    }

    static void write(Path target, JobResult result, Set<String> truth) {
        // The job keeps the verdicts on the ground truth's ids and every flagged one; the rest are in the store.
        Map<String, ScoredProfile> byId = result.judged().stream()
                .collect(Collectors.toMap(p -> p.account().id(), Function.identity(), (a, b) -> a));
        List<String> lines = new ArrayList<>();
        lines.add("# Flagged but not a true pick (false positives)");
        result.judged().stream().filter(ScoredProfile::flagged).filter(p -> !truth.contains(p.account().id()))
                .forEach(p -> lines.add(p.account().id() + "\t" + p.reasons()));
        lines.add("");
        lines.add("# True picks not flagged (false negatives)");
        for (String id : new TreeSet<>(truth)) {
            ScoredProfile p = byId.get(id);
            if (p == null) {
                lines.add(id + "\tnever scored (not discovered, skipped or failed; see the store with 'scout status')");
            } else if (!p.flagged()) {
                lines.add(id + "\t" + p.reasons());
            }
        }
        try {
            Files.write(target, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RunFailedException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }
}
