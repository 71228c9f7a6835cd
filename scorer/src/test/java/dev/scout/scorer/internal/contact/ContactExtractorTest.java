package dev.scout.scorer.internal.contact;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ContactExtractorTest {

    private final ContactExtractor extractor = new ContactExtractor();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Vegan cook. Business: hello@greenpan.example               | hello@greenpan.example",
            "collabs -> Sam.Green+pr@Mail.Example                        | Sam.Green+pr@mail.example",
            "contact: sam [at] green [dot] example                       | sam@green.example",
            "me (at) kitchen (dot) example                               | me@kitchen.example",
            "follow @sam@cooking.example for more                        | ''",
            "personal: a@b.example, business inquiries: biz@b.example     | biz@b.example",
            "=HYPERLINK(\"http://evil.example\")                          | ''",
            "not an email: a..b@x.example                                | ''",
            "‏hello@rtl.example‏                                          | hello@rtl.example",
            "no contact here                                             | ''",
    })
    void findsAPublicBusinessEmail(String bio, String expected) {
        assertThat(extractor.find(bio).orElse("")).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void hostileBiosFinishQuicklyWithoutStackOverflow() {
        String[] hostile = {"a@" + "a.".repeat(50_000) + "1", "a@" + "a-".repeat(50_000) + "!",
                "x".repeat(100_000) + "@" + "b".repeat(100_000), "@".repeat(100_000), "a@b.".repeat(20_000)};
        for (String bio : hostile) {
            org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(2),
                    () -> extractor.find(bio));
        }
        assertThat(extractor.find("mail me: shop@" + "a.".repeat(10) + "example.")).hasValue("shop@" + "a.".repeat(10) + "example");
    }
}
