package dev.scout.app.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scout.app.export.AtomicOutput;
import dev.scout.app.export.ExportException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Which profiles a run has already pushed, persisted after every batch in a small JSON file so a push cut short by
 * an outage resumes where it stopped. Layout: {@code {"format":1,"runs":{"<run id>":{"done":[ids],
 * "failed":{id:{"category":…,"message":…}},"updated_at":"…"}}}}; other runs' entries are kept untouched.
 * The file is replaced atomically. Not thread-safe.
 */
final class ProgressStore {

    private final Path file;
    private final String runId;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final ObjectNode root;
    private final Set<String> done = new LinkedHashSet<>();
    private final Map<String, RecordFailure> failed = new LinkedHashMap<>();

    private ProgressStore(Path file, String runId, Clock clock, ObjectNode root) {
        this.file = file;
        this.runId = runId;
        this.clock = clock;
        this.root = root;
        JsonNode run = root.path("runs").path(runId);
        run.path("done").forEach(id -> done.add(id.asText()));
        run.path("failed").properties().forEach(e -> failed.put(e.getKey(),
                new RecordFailure(e.getKey(), e.getValue().path("category").asText(), e.getValue().path("message").asText())));
    }

    /** Loads {@code file} (absent means nothing pushed yet); throws PROGRESS_FILE when it is unreadable. */
    static ProgressStore load(Path file, String runId, Clock clock) {
        ObjectMapper reader = new ObjectMapper();
        if (!Files.exists(file)) {
            ObjectNode root = reader.createObjectNode().put("format", 1);
            root.putObject("runs");
            return new ProgressStore(file, runId, clock, root);
        }
        try {
            JsonNode node = reader.readTree(file.toFile());
            if (node == null || !node.isObject() || !node.path("runs").isObject()) {
                throw new HubSpotException(HubSpotException.Kind.PROGRESS_FILE, -1, null,
                        "HubSpot progress file " + file + " is not a Scout progress file (no \"runs\" object); "
                                + "move it away to start the push from the beginning (upserts are idempotent)");
            }
            return new ProgressStore(file, runId, clock, (ObjectNode) node);
        } catch (IOException e) {
            throw new HubSpotException(HubSpotException.Kind.PROGRESS_FILE, -1, null,
                    "cannot read HubSpot progress file " + file + ": " + e.getMessage()
                            + "; fix or move it away to start the push from the beginning (upserts are idempotent)", e);
        }
    }

    boolean isDone(String scoutId) {
        return done.contains(scoutId);
    }

    int doneCount() {
        return done.size();
    }

    void markDone(Collection<String> ids) {
        done.addAll(ids);
        ids.forEach(failed::remove);
    }

    void markFailed(Collection<RecordFailure> failures) {
        failures.forEach(f -> failed.put(f.scoutId(), f));
    }

    /** Writes the file atomically. */
    void save() {
        ObjectNode run = ((ObjectNode) root.get("runs")).putObject(runId);
        ArrayNode ids = run.putArray("done");
        done.forEach(ids::add);
        ObjectNode failures = run.putObject("failed");
        failed.values().forEach(f -> failures.putObject(f.scoutId()).put("category", f.category()).put("message", f.message()));
        run.put("updated_at", clock.instant().toString());
        try {
            AtomicOutput out = AtomicOutput.create(file);
            try {
                out.stream().write(json.writeValueAsBytes(root));
                out.commit();
            } catch (IOException e) {
                out.discard(e);
                throw e;
            }
        } catch (ExportException | IOException e) {
            throw new HubSpotException(HubSpotException.Kind.PROGRESS_FILE, -1, null,
                    "cannot write HubSpot progress file " + file + ": " + e.getMessage()
                            + "; check the output folder is writable", e);
        }
    }
}
