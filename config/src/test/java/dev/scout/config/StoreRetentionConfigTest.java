package dev.scout.config;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** {@code store.postText}: how long the store keeps raw post text, in the long form of the {@code store} key. */
class StoreRetentionConfigTest {

    @Test
    void theShortFormKeepsPostText() {
        StoreConfig store = Yaml.minimalPlus("store: a.db\n").store();

        assertThat(store.postText()).isEqualTo(PostTextRetention.keep());
        assertThat(store.file()).hasValueSatisfying(f -> assertThat(f.getFileName()).isEqualTo(Path.of("a.db")));
    }

    @Test
    void theLongFormNamesTheFileAndTheRetention() {
        assertThat(Yaml.minimalPlus("store: {file: a.db, postText: none}\n").store())
                .satisfies(s -> assertThat(s.postText()).isEqualTo(PostTextRetention.none()))
                .satisfies(s -> assertThat(s.file()).hasValueSatisfying(
                        f -> assertThat(f.getFileName()).isEqualTo(Path.of("a.db"))));
        assertThat(Yaml.minimalPlus("store: {postText: 30d}\n").store().postText())
                .isEqualTo(PostTextRetention.dropAfterDays(30));
        assertThat(Yaml.minimalPlus("store: {postText: KEEP}\n").store().postText()).isEqualTo(PostTextRetention.keep());
        assertThat(Yaml.minimalPlus("store: {file: ':memory:', postText: 7d}\n").store())
                .satisfies(s -> assertThat(s.inMemory()).isTrue())
                .satisfies(s -> assertThat(s.postText().days()).isEqualTo(7));
        assertThat(Yaml.minimalPlus("store: {postText: 30d}\n").store().file())
                .hasValueSatisfying(f -> assertThat(f.getFileName()).isEqualTo(Path.of(Defaults.STORE)));
    }

    @Test
    void aBadRetentionSaysWhatIsAllowedAndSuggestsTheClosest() {
        ConfigException typo = catchThrowableOfType(ConfigException.class, () -> Yaml.minimalPlus("store: {postText: kep}\n"));
        ConfigException zero = catchThrowableOfType(ConfigException.class, () -> Yaml.minimalPlus("store: {postText: 0d}\n"));
        ConfigException word = catchThrowableOfType(ConfigException.class,
                () -> Yaml.minimalPlus("store: {postText: forever}\n"));

        assertThat(typo.problems()).extracting(ConfigProblem::toString).containsExactly("store.postText: must be keep,"
                + " none, or a number of days such as 30d (the text of older posts is erased) (did you mean 'keep'?)"
                + " (got 'kep')");
        assertThat(zero.problems()).extracting(ConfigProblem::path).containsExactly("store.postText");
        assertThat(word.getMessage()).contains("store.postText").contains("forever").contains("30d");
    }

    @Test
    void anUnknownKeyUnderStoreGetsADidYouMean() {
        ConfigException e = catchThrowableOfType(ConfigException.class,
                () -> Yaml.minimalPlus("store: {file: a.db, postTxt: none}\n"));

        assertThat(e.getMessage()).contains("store.postTxt: unknown key (did you mean 'postText'?)");
    }
}
