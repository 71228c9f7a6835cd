package dev.scout.demo.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ListRequestMixTest {

    @Test
    void theSameSeedGivesTheSameRequests() {
        assertThat(new ListRequestMix(3, 100_000).next(200)).isEqualTo(new ListRequestMix(3, 100_000).next(200));
    }

    @Test
    void coversEveryFilterSetTheDefaultOrderOtherSortsAndDeepPages() {
        List<ListRequestMix.ListRequest> requests = new ListRequestMix(18, 100_000).next(500);

        for (ListRequestMix.ListRequest f : ListRequestMix.FILTERS) {
            assertThat(requests).as(f.kind()).anySatisfy(r -> assertThat(r.kind()).startsWith(f.kind()));
        }
        assertThat(requests).anySatisfy(r -> assertThat(r.pathAndQuery()).contains("sort=score&dir=desc&page=1"));
        assertThat(requests).anySatisfy(r -> assertThat(r.pathAndQuery()).contains("sort=followers"));
        assertThat(requests).anySatisfy(r -> assertThat(r.kind()).endsWith("deep page"));
        assertThat(requests).allSatisfy(r -> assertThat(r.pathAndQuery()).startsWith("/candidates?").matches(".*page=\\d+$"));
        long firstPages = requests.stream().filter(r -> r.pathAndQuery().endsWith("&page=1")).count();
        assertThat(firstPages).isBetween(250L, 350L);
    }
}
