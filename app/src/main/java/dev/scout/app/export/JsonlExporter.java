package dev.scout.app.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.scout.scorer.ScoredProfile;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;

/**
 * Writes one JSON object per line (UTF-8, {@code \n}) with the full verdict: every CSV column as a typed field
 * plus nested evidence (see {@link JsonlRecords}). Values are raw: no spreadsheet guard, since JSON consumers do
 * not evaluate formulas. Streams: constant memory. Not thread-safe.
 */
public final class JsonlExporter implements Exporter {

    private final JsonlRecords records = new JsonlRecords();
    private final ObjectWriter json = records.mapper().writer();
    private final ExportFile file = new ExportFile("JSONL");
    private Writer writer;

    @Override
    public void open(Path target, RunInfo run) {
        writer = file.open(target, run);
    }

    @Override
    public void write(ScoredProfile profile) {
        file.checkWritable();
        String line;
        try {
            line = json.writeValueAsString(records.toJson(profile, file.run()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("profile " + profile.account().id() + " could not be serialised to JSON", e);
        }
        try {
            writer.write(line);
            writer.write('\n');
        } catch (IOException e) {
            throw file.failed(e);
        }
        file.counted();
    }

    @Override
    public void close() {
        file.commit();
    }

    @Override
    public void abort() {
        file.abort(null);
    }

    @Override
    public long written() {
        return file.written();
    }
}
