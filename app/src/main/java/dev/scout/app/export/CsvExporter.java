package dev.scout.app.export;

import dev.scout.app.console.TerminalText;
import dev.scout.scorer.ScoredProfile;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;

/**
 * Writes one RFC 4180 row per profile (UTF-8, CRLF, quoted where needed), with the header {@link Columns#names()}.
 * Free-text cells are cleaned by the terminal's rule ({@link TerminalText#clean}: no NUL, ESC, other control or
 * bidi-override characters; line breaks become spaces), stripped, then neutralised with {@link FormulaGuard}; numeric, boolean and timestamp cells are written
 * as formatted by their {@link ColumnKind}; unknown values are empty cells. Streams: constant memory.
 * Not thread-safe.
 */
public final class CsvExporter implements Exporter {

    private static final char BOM = '\uFEFF';

    private final boolean byteOrderMark;
    private final ExportFile file = new ExportFile("CSV");
    private CSVPrinter printer;

    /** @param byteOrderMark start the file with a UTF-8 BOM, which Excel needs to detect UTF-8 */
    public CsvExporter(boolean byteOrderMark) {
        this.byteOrderMark = byteOrderMark;
    }

    @Override
    public void open(Path target, RunInfo run) {
        Writer writer = file.open(target, run);
        try {
            if (byteOrderMark) {
                writer.write(BOM);
            }
            printer = CSVFormat.RFC4180.builder().get().print(writer);
            printer.printRecord(Columns.names());
        } catch (IOException e) {
            throw file.failed(e);
        }
    }

    @Override
    public void write(ScoredProfile profile) {
        file.checkWritable();
        try {
            for (ColumnSpec column : Columns.ALL) {
                String cell = column.text(profile, file.run());
                printer.print(column.kind().isFreeText() ? FormulaGuard.neutralise(TerminalText.clean(cell).strip()) : cell);
            }
            printer.println();
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
