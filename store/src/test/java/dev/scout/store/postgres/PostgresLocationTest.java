package dev.scout.store.postgres;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PostgresLocationTest {

    @Test
    void credentialsInTheUrlWinAndThePasswordIsNeverShown() {
        PostgresLocation l = PostgresLocation.parse("postgresql://scout:p%40ss%2Bw0rd@db.example:6543/crawl?sslmode=require",
                Map.of("PGUSER", "other", "PGPASSWORD", "other-pw"));
        assertThat(l.user()).isEqualTo("scout");
        assertThat(l.password()).contains("p@ss+w0rd");
        assertThat(l.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:6543/crawl?sslmode=require");
        assertThat(l.masked()).isEqualTo("postgresql://scout:****@db.example:6543/crawl");
        assertThat(l.toString()).doesNotContain("p@ss").doesNotContain("w0rd");
    }

    @Test
    void missingCredentialsComeFromPgUserAndPgPassword() {
        PostgresLocation l = PostgresLocation.parse("postgres://db.example/crawl", Map.of("PGUSER", "scout",
                "PGPASSWORD", "from-env"));
        assertThat(l.user()).isEqualTo("scout");
        assertThat(l.password()).contains("from-env");
        assertThat(l.port()).isEqualTo(5432);
        assertThat(l.masked()).isEqualTo("postgresql://scout:****@db.example:5432/crawl");
    }

    @Test
    void withoutAnyCredentialsTheUserIsPostgresAndNoPasswordIsSent() {
        PostgresLocation l = PostgresLocation.parse("postgresql://127.0.0.1:5432/scout", Map.of());
        assertThat(l.user()).isEqualTo("postgres");
        assertThat(l.password()).isEmpty();
        assertThat(l.masked()).isEqualTo("postgresql://postgres@127.0.0.1:5432/scout");
    }

    @Test
    void passwordsInTheQueryAreDroppedRatherThanPassedOn() {
        PostgresLocation l = PostgresLocation.parse("postgresql://db.example/crawl?password=leak&user=x&ApplicationName=s",
                Map.of());
        assertThat(l.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:5432/crawl?ApplicationName=s");
    }

    @Test
    void badUrlsAreRefusedWithTheirPasswordMasked() {
        assertThatThrownBy(() -> PostgresLocation.parse("postgresql://scout:hunter2@db.example", Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("names no database")
                .hasMessageContaining("scout:****@").hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> PostgresLocation.parse("postgresql://scout:hun ter2@db.example/x", Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("hun ter2");
        assertThatThrownBy(() -> PostgresLocation.parse("mysql://db.example/x", Map.of()))
                .hasMessageContaining("not a PostgreSQL URL");
    }

    @Test
    void tellsServerUrlsFromFilePaths() {
        assertThat(PostgresLocation.isPostgres("postgresql://db.example/scout")).isTrue();
        assertThat(PostgresLocation.isPostgres("POSTGRES://db.example/scout")).isTrue();
        assertThat(PostgresLocation.isPostgres("scout.db")).isFalse();
        assertThat(PostgresLocation.isPostgres("postgresql.db")).isFalse();
    }
}
