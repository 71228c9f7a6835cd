package dev.scout.scorer.internal.sponsorship;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class BrandCountsTest {

    @Test
    void ordersBrandsByPostsThenName() {
        BrandCounts counts = new BrandCounts();
        for (String b : List.of("oatly", "tofuco", "alpro", "tofuco", "oatly", "tofuco", "zeta")) {
            counts.add(b);
        }

        assertThat(counts.mostFrequentFirst()).containsExactly("tofuco", "oatly", "alpro", "zeta");
        assertThat(counts.count("oatly")).isEqualTo(2);
        assertThat(counts.count("unknown")).isZero();
    }

    @Test
    void givesNothingWhenNoBrandIsNamed() {
        assertThat(new BrandCounts().mostFrequentFirst()).isEmpty();
    }

    @Test
    void agreesWithAMapOnManyBrandsPastTheLinearLimit() {
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            BrandCounts counts = new BrandCounts();
            Map<String, Integer> oracle = new LinkedHashMap<>();
            int names = 1 + random.nextInt(60);
            for (int k = 0, n = random.nextInt(200); k < n; k++) {
                String brand = "b" + random.nextInt(names);
                counts.add(brand);
                oracle.merge(brand, 1, Integer::sum);
            }

            List<String> expected = new ArrayList<>(oracle.keySet());
            expected.sort((a, b) -> oracle.get(b) - oracle.get(a) != 0 ? oracle.get(b) - oracle.get(a)
                    : a.compareTo(b));
            assertThat(counts.mostFrequentFirst()).containsExactlyElementsOf(expected);
            for (int k = 0; k < names; k++) {
                assertThat(counts.count("b" + k)).isEqualTo(oracle.getOrDefault("b" + k, 0));
            }
        }
    }
}
