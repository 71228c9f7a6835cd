package dev.scout.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretMaskingTest {
    private static final String TOKEN = "pat-na1-0123456789abcdef";
    private static final String API_KEY = "AIzaSyTOPSECRET";

    @Test
    void recordsNeverPrintSecrets() {
        ScoutConfig c = Yaml.loader().load(Yaml.MINIMAL + "output: {formats: [csv, hubspot]}\n"
                + "hubspot: {token: " + TOKEN + "}\n"
                + "platforms: {youtube: {enabled: true, apiKey: " + API_KEY + "}}\n", "scout.yaml");

        assertThat(c.toString()).doesNotContain(TOKEN).doesNotContain(API_KEY).contains("****");
        assertThat(c.hubspot().toString()).doesNotContain(TOKEN);
        assertThat(c.platforms().youtube().toString()).doesNotContain(API_KEY);
        assertThat(c.hubspot().token()).map(Secret::reveal).contains(TOKEN);
    }

    @Test
    void secretsWithEqualValuesAreEqualButPrintTheSame() {
        assertThat(Secret.of("a")).isEqualTo(Secret.of("a")).hasSameHashCodeAs(Secret.of("a"));
        assertThat(Secret.of("a")).isNotEqualTo(Secret.of("b"));
        assertThat(Secret.of("a")).hasToString("****");
    }

    @Test
    void problemsAboutASecretNeverShowItsValue() {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> Yaml.loader(Map.of("T", "  "))
                .load(Yaml.MINIMAL + "hubspot: {token: '${T}', objectType: 'Bad " + TOKEN + "'}\n"
                        + "platforms: {youtube: {apiKey: '${" + API_KEY + "'}}\n", "scout.yaml"));

        assertThat(e.problems()).extracting(ConfigProblem::toString).contains(
                "hubspot.token: must not be empty",
                "platforms.youtube.apiKey: has a ${ without a closing } (write $${ for a literal ${)");
        assertThat(e.getMessage()).doesNotContain(API_KEY);
    }

    @Test
    void yamlSyntaxErrorsDoNotQuoteTheLineThatHoldsASecret() {
        String yaml = Yaml.MINIMAL + "hubspot:\n  token: " + TOKEN + "\n   objectType: contacts\n";

        ConfigException e = catchThrowableOfType(ConfigException.class, () -> Yaml.loader().load(yaml, "scout.yaml"));

        assertThat(e.getMessage()).doesNotContain(TOKEN);
        assertThat(e.problems()).hasSize(1);
    }

    @Test
    void urlsWithCredentialsAreRejectedWithoutEchoingThem() {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> Yaml.loader()
                .load(Yaml.MINIMAL + "hubspot: {baseUrl: 'https://me:" + TOKEN + "@api.hubapi.example'}\n", "scout.yaml"));

        assertThat(e.getMessage()).doesNotContain(TOKEN).contains("hubspot.baseUrl: must not contain a user name or password");
    }
}
