package dev.scout.app.serve;

import dev.scout.store.CandidateQuery;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ListParamsTest {

    private static ListParams parse(Map<String, String> q) {
        Map<String, List<String>> multi = new java.util.HashMap<>();
        q.forEach((k, v) -> multi.put(k, List.of(v)));
        return ListParams.parse(multi);
    }

    @Test
    void filtersBecomeTheStoreQueryForTheChosenPage() {
        CandidateQuery q = parse(Map.of("tier", "micro", "flagged", "yes", "suspicious", "no", "min_score", "40",
                "review", "unreviewed", "sort", "followers", "dir", "asc", "page", "3", "size", "20")).query(7);

        assertThat(q.runId()).isEqualTo(7);
        assertThat(q.tier()).hasValue("micro");
        assertThat(q.flagged()).hasValue(true);
        assertThat(q.suspicious()).hasValue(false);
        assertThat(q.minScore()).isEqualTo(OptionalDouble.of(40));
        assertThat(q.review()).isEqualTo(CandidateQuery.ReviewFilter.UNREVIEWED);
        assertThat(q.sort()).isEqualTo(CandidateQuery.Sort.FOLLOWERS);
        assertThat(q.descending()).isFalse();
        assertThat(q.offset()).isEqualTo(40);
        assertThat(q.limit()).isEqualTo(20);
    }

    @Test
    void linksKeepTheFiltersAndEncodeValues() {
        ListParams p = parse(Map.of("niche", "plant-based cooking & more", "tier", "nano", "page", "2"));

        assertThat(p.href(Map.of("page", "3"))).isEqualTo("/candidates?niche=plant-based+cooking+%26+more&tier=nano&page=3");
        assertThat(p.href(Map.of("page", ""))).isEqualTo("/candidates?niche=plant-based+cooking+%26+more&tier=nano");
    }

    @Test
    void badValuesAreRefusedNamingTheParameter() {
        for (var bad : List.of(Map.of("min_score", "101"), Map.of("flagged", "maybe"), Map.of("sort", "charm"),
                Map.of("page", "0"), Map.of("page", "99999999999"), Map.of("size", "5000"), Map.of("run", "x"),
                Map.of("dir", "up"))) {
            String name = bad.keySet().iterator().next();
            assertThatThrownBy(() -> parse(bad)).as(name).isInstanceOf(RequestRefused.class).hasMessageStartingWith(name);
        }
    }
}
