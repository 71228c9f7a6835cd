package dev.scout.config;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** {@code store: postgresql://…} and {@code store.url}: a PostgreSQL server instead of the SQLite file. */
class StoreServerConfigTest {

    @Test
    void theShortFormWithAUrlSelectsTheServer() {
        StoreConfig store = Yaml.minimalPlus("store: postgresql://scout@db.example:5432/scout\n").store();

        assertThat(store.url()).hasValueSatisfying(u -> assertThat(u.reveal())
                .isEqualTo("postgresql://scout@db.example:5432/scout"));
        assertThat(store.file()).isEmpty();
        assertThat(store.inMemory()).isFalse();
        assertThat(store.location()).isEqualTo("postgresql://scout@db.example:5432/scout");
    }

    @Test
    void theLongFormTakesAUrlWithRetentionAndThePasswordFromTheEnvironment() throws Exception {
        ScoutConfig c = Yaml.loader(Map.of("PGPW", "pa55"))
                .load(Yaml.MINIMAL + "store: {url: 'postgres://scout:${PGPW}@db.example/scout', postText: 30d}\n",
                        "scout.yaml");

        assertThat(c.store().location()).isEqualTo("postgres://scout:pa55@db.example/scout");
        assertThat(c.store().postText()).isEqualTo(PostTextRetention.dropAfterDays(30));
        assertThat(c.store().toString()).doesNotContain("pa55");
    }

    @Test
    void aBadUrlIsRefusedWithoutShowingIt() {
        ConfigException e = catchThrowableOfType(ConfigException.class,
                () -> Yaml.minimalPlus("store: {url: 'postgresql://scout:hunter2@/nodb'}\n"));

        assertThat(e.problems()).extracting(ConfigProblem::path).containsExactly("store.url");
        assertThat(e.getMessage()).contains("postgresql://[user@]host[:port]/database").doesNotContain("hunter2");
    }

    @Test
    void aFileAndAUrlTogetherAreRefused() {
        ConfigException e = catchThrowableOfType(ConfigException.class,
                () -> Yaml.minimalPlus("store: {file: a.db, url: 'postgresql://db.example/scout'}\n"));

        assertThat(e.problems()).extracting(ConfigProblem::path).containsExactly("store.url");
        assertThat(e.getMessage()).contains("store.file");
    }
}
