package dev.scout.app.export;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExportFormatTest {

    @Test
    void parsesNamesAndCreatesTheMatchingExporter() {
        assertThat(ExportFormat.parse(" CSV ").newExporter(true)).isInstanceOf(CsvExporter.class);
        assertThat(ExportFormat.parse("jsonl").newExporter(false)).isInstanceOf(JsonlExporter.class);
        assertThat(ExportFormat.CSV.defaultFileName()).isEqualTo("candidates.csv");
    }

    @Test
    void unknownFormatListsTheValidOnes() {
        assertThatThrownBy(() -> ExportFormat.parse("xlsx"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'xlsx'")
                .hasMessageContaining("csv or jsonl");
    }
}
