package dev.scout.config.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RenderTest {

    @Test
    void escapesControlAndBidiCharacters() {
        assertThat(Render.text("a\u202Eb\nc\u200Bd")).isEqualTo("'a\\u202eb\\u000ac\\u200bd'");
    }

    @Test
    void keepsEmojiAndOtherScripts() {
        assertThat(Render.clean("🌱 véganisme عربى")).isEqualTo("🌱 véganisme عربى");
    }

    @Test
    void cutsVeryLongValues() {
        assertThat(Render.clean("x".repeat(500))).hasSize(81).endsWith("…");
    }
}
