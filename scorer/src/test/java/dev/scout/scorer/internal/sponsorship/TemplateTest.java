package dev.scout.scorer.internal.sponsorship;

import dev.scout.scorer.internal.text.PostText;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The phrase syntax of {@code phrases.tsv}, one template against one text at a time. */
class TemplateTest {

    @ParameterizedTest(name = "{0} in \"{1}\"")
    @CsvSource(delimiter = '|', value = {
            // phrase                          | text                                    | matched text, or none
            "sponsored by                      | Sponsored by Lentilco                   | sponsored by",
            "sponsored by                      | unsponsored by design                   | none",
            "sponsored by                      | sponsored byproducts                    | none",
            "sponsorisé par                    | Sponsorisée par X, sponsorisé par Y     | sponsorise par",
            "thanks to {handle}                | Thanks to @spiceco@shop.example!        | thanks to @spiceco@shop.example",
            "thanks to {handle}                | thanks to my mum                        | none",
            "thanks {handle} for sending       | thanks  @panco for sending this         | thanks  @panco for sending",
            "thanks {handle} for sending       | thanks @panco for the gifted oats       | none",
            "thanks {handle} for sending       | thanks to @panco, for sending love      | none",
            "code {code}                       | Use code: VEGAN10 today                 | code: vegan10",
            "code {code}                       | use code below                          | none",
            "code {code}                       | code 10 works                           | none",
            "code {code}                       | code \"1234\" works                     | code \"1234",
            "{percent} off                     | now 15% off everything                  | 15% off",
            "{percent} off                     | now 15 % off everything                 | 15 % off",
            "{percent} off                     | now 150% off everything                 | none",
            "save {percent}                    | save 20 % today                         | save 20 %",
            "thanks to {any} for sponsoring    | Thanks to my friends at Beanery for sponsoring it | thanks to my friends at beanery for sponsoring",
            "thanks to {any} for sponsoring    | Thanks to my friends at Beanery for the oats | none",
            "^ad                               | [AD] brunch with maple syrup            | ad",
            "^ad                               | AD: brunch                              | ad",
            "^ad                               | Ad hoc dinner                           | none",
            "^ad                               | Bad: brunch                             | none",
    })
    void matchesAsTheTableHeaderDescribes(String phrase, String text, String expected) {
        Template t = Template.parse(phrase);
        PostText prepared = PostText.of(text);
        String lower = prepared.lower();
        String found = "none";
        for (int at = lower.indexOf(t.anchor()); at >= 0 && found.equals("none"); at = lower.indexOf(t.anchor(), at + 1)) {
            Template.Match m = t.matchAt(lower, prepared.folded(), at);
            if (m != null) {
                found = lower.substring(m.start(), m.end());
            }
        }
        assertThat(found).isEqualTo(expected);
    }
}
