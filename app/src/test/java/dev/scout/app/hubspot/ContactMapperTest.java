package dev.scout.app.hubspot;

import dev.scout.app.export.ScoredProfileFixtures;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.OptionalDouble;

import static dev.scout.app.export.ScoredProfileFixtures.RUN;
import static org.assertj.core.api.Assertions.assertThat;

class ContactMapperTest {

    @Test
    void mapsColumnsToDocumentedPropertiesWithRawValues() {
        Map<String, String> p = ContactMapper.toInput(ScoredProfileFixtures.mastodon("ana", "cooking.example")
                .displayName("=Ana's kitchen").build(), RUN).properties();

        assertThat(p).containsEntry("scout_id", "mastodon:ana@cooking.example")
                .containsEntry("firstname", "=Ana's kitchen")
                .containsEntry("email", "hello@greenkitchen.example")
                .containsEntry("website", "https://greenkitchen.example/")
                .containsEntry("scout_engagement_rate", "0.0423")
                .containsEntry("scout_flagged", "true")
                .containsEntry("scout_brands", "OatCo; TofuWorks")
                .containsEntry("scout_crawled_at", Long.toString(ScoredProfileFixtures.CRAWLED_AT.toEpochMilli()))
                .containsEntry("scout_run_id", RUN.runId());
    }

    @Test
    void leavesOutUnknownValuesAndEmailsHubSpotWouldReject() {
        Map<String, String> p = ContactMapper.toInput(ScoredProfileFixtures.mastodon("ana", "cooking.example")
                .displayName("").contactEmail("not an email @ all").followers(null)
                .rate(OptionalDouble.empty()).build(), RUN).properties();

        assertThat(p).doesNotContainKeys("email", "scout_followers", "scout_engagement_rate")
                .containsEntry("firstname", "ana@cooking.example");
    }

    @Test
    void capsHugeText() {
        String huge = "x".repeat(100_000);
        Map<String, String> p = ContactMapper.toInput(ScoredProfileFixtures.mastodon("ana", "cooking.example")
                .displayName(huge).build(), RUN).properties();

        assertThat(p.get("firstname")).hasSize(ContactMapper.MAX_TEXT + 1).endsWith("…");
    }
}
