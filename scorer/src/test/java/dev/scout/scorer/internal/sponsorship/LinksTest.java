package dev.scout.scorer.internal.sponsorship;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Optional;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class LinksTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // url                                             | host                 | affiliate | brand
            "https://www.Oatly.example/recipes?x=1            | oatly.example        | false     | oatly",
            "https://amzn.to/3abc                             | amzn.to              | true      | ''",
            "https://a.co/d/3abc                              | a.co                 | true      | ''",
            "https://www.amazon.de/dp/B01?tag=koch-21          | amazon.de            | true      | ''",
            "https://www.amazon.co.uk/dp/B01                   | amazon.co.uk         | false     | amazon",
            "https://www.amazon.de/dp/B01                      | amazon.de            | false     | amazon",
            "https://shop.example.co.uk/p?aff=123              | shop.example.co.uk   | true      | ''",
            "https://brand.co.uk/p                             | brand.co.uk          | false     | brand",
            "https://abc.sjv.io/c/1/2                          | abc.sjv.io           | true      | ''",
            "https://bit.ly/x                                  | bit.ly               | false     | ''",
            "https://www.youtube.com/watch?v=1                 | youtube.com          | false     | ''",
            "https://user:pw@evil.example:8080/x               | evil.example         | false     | evil",
            "https://x.example/?ref=producthunt               | x.example            | false     | ''",
    })
    void readsHostAffiliateAndBrandAndNamesNoBrandForAnAffiliateLink(String url, String host, boolean affiliate, String brand) {
        assertThat(Links.host(url)).isEqualTo(host);
        assertThat(Links.affiliate(url).isPresent()).isEqualTo(affiliate);
        assertThat(Links.brand(url).orElse("")).isEqualTo(brand);
    }

    @Test
    void brandReadsTheSameLabelsAsSplittingTheHostOnDots() {
        Random random = new Random(5);
        String alphabet = "..aco.uknetbrg-x";
        for (int n = 0; n < 20_000; n++) {
            StringBuilder host = new StringBuilder();
            int length = 1 + random.nextInt(14);
            for (int i = 0; i < length; i++) {
                host.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String h = host.toString();
            assertThat(Links.brand("https://" + h + "/", h, false)).as(h).isEqualTo(brandBySplit(h));
        }
    }

    /** The former implementation, kept as the oracle. */
    private static Optional<String> brandBySplit(String host) {
        if (host.isEmpty() || Set.of("bit.ly", "tinyurl.com", "linktr.ee", "ow.ly", "t.co", "buff.ly", "is.gd",
                "rebrand.ly", "lnkd.in").contains(host)) {
            return Optional.empty();
        }
        String[] labels = host.split("\\.");
        if (labels.length < 2) {
            return Optional.empty();
        }
        String tld = labels[labels.length - 1];
        String second = labels[labels.length - 2];
        String label = labels.length >= 3 && tld.length() == 2 && Set.of("co", "com", "org", "net", "ac").contains(second)
                ? labels[labels.length - 3] : second;
        String key = Brands.key(label);
        return key.isEmpty() || Set.of("bit", "linktr", "x", "example").contains(key) ? Optional.empty() : Optional.of(key);
    }
}
