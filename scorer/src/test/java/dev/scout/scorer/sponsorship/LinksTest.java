package dev.scout.scorer.sponsorship;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
}
