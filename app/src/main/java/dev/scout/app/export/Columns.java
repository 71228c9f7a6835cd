package dev.scout.app.export;

import dev.scout.scorer.ScoredProfile;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The export columns, in file order. This list is the contract with spreadsheets and CRMs: never remove or rename
 * a column, only add at the end (and update {@code docs/CRM.md}, which a test checks against this list).
 */
public final class Columns {

    /** Every column, in CSV order. */
    public static final List<ColumnSpec> ALL = List.of(
            col("id", ColumnKind.TEXT, "Stable profile id, `platform:value` (e.g. `mastodon:user@host`)",
                    "scout_id", "Scout_Id__c", p -> Optional.of(p.account().id())),
            col("platform", ColumnKind.TEXT, "mastodon, bluesky, youtube, web, instagram, threads, tiktok, x or twitch",
                    "scout_platform", "Scout_Platform__c", p -> Optional.of(p.account().platform().key())),
            col("handle", ColumnKind.TEXT, "What a person types to find the account",
                    "scout_handle", "Scout_Handle__c", p -> Optional.of(p.account().handle())),
            col("display_name", ColumnKind.TEXT, "Display name as the profile shows it",
                    "firstname", "LastName", p -> nonBlank(p.account().displayName())),
            col("profile_url", ColumnKind.TEXT, "Public web page of the profile",
                    "scout_profile_url", "Scout_Profile_URL__c", p -> nonBlank(p.account().profileUrl())),
            col("followers", ColumnKind.INTEGER, "Followers or subscribers; empty when hidden",
                    "scout_followers", "Scout_Followers__c", p -> opt(p.account().followers())),
            col("following", ColumnKind.INTEGER, "Accounts followed; empty where the platform has no such notion",
                    "scout_following", "Scout_Following__c", p -> opt(p.account().following())),
            col("posts_analyzed", ColumnKind.INTEGER, "Original posts used for engagement (reposts excluded)",
                    "scout_posts_analyzed", "Scout_Posts_Analyzed__c", p -> Optional.of((long) p.postsAnalyzed())),
            col("engagement_rate", ColumnKind.FRACTION, "Median (likes + replies + shares) / followers, as a fraction",
                    "scout_engagement_rate", "Scout_Engagement_Rate__c", p -> opt(p.engagement().rate())),
            col("niche_share", ColumnKind.FRACTION, "Fraction of analysed posts on the target niche",
                    "scout_niche_share", "Scout_Niche_Share__c", p -> Optional.of(p.niche().share())),
            col("sponsored_share", ColumnKind.FRACTION, "Fraction of analysed posts judged sponsored",
                    "scout_sponsored_share", "Scout_Sponsored_Share__c", p -> Optional.of(p.sponsorship().share())),
            col("brands", ColumnKind.TEXT_LIST, "Distinct brands seen, most frequent first, joined with `; `",
                    "scout_brands", "Scout_Brands__c", p -> Optional.of(p.sponsorship().brands())),
            col("score", ColumnKind.DECIMAL_1, "Overall score 0–100, one decimal",
                    "scout_score", "Scout_Score__c", p -> Optional.of(p.score())),
            col("flagged", ColumnKind.BOOLEAN, "true when every gate passed",
                    "scout_flagged", "Scout_Flagged__c", p -> Optional.of(p.flagged())),
            col("reasons", ColumnKind.TEXT, "Every gate in plain words, joined with `; `",
                    "scout_reasons", "Scout_Reasons__c", p -> nonBlank(p.reasons())),
            col("contact_email", ColumnKind.TEXT, "Public business email found on the profile",
                    "email", "Email", p -> p.contactEmail().filter(s -> !s.isBlank())),
            col("crawled_at", ColumnKind.TIMESTAMP, "When the profile's data was gathered (UTC)",
                    "scout_crawled_at", "Scout_Crawled_At__c", p -> Optional.of(p.crawledAt())),
            col("tier", ColumnKind.TEXT, "Follower tier: below-nano, nano, micro, mid, macro, mega, or unknown",
                    "scout_tier", "Scout_Tier__c", p -> nonBlank(p.tier().name())),
            col("engagement_grade", ColumnKind.TEXT, "low, average, above-average, high, or unknown within the band",
                    "scout_engagement_grade", "Scout_Engagement_Grade__c", p -> nonBlank(p.engagement().grade())),
            col("audience_real_pct", ColumnKind.DECIMAL_1, "Percent (0–100) of sampled followers judged real; empty without a sample",
                    "scout_audience_real_pct", "Scout_Audience_Real_Pct__c", p -> opt(p.authenticity().audienceRealPct())),
            col("suspicious", ColumnKind.BOOLEAN, "The account classifier judged the profile itself suspicious",
                    "scout_suspicious", "Scout_Suspicious__c", p -> Optional.of(p.authenticity().suspicious())),
            col("distinct_brands", ColumnKind.INTEGER, "Number of distinct brands",
                    "scout_distinct_brands", "Scout_Distinct_Brands__c", p -> Optional.of((long) p.sponsorship().brands().size())),
            col("est_price_usd", ColumnKind.USD, "Estimated price per post in US dollars",
                    "scout_est_price_usd", "Scout_Est_Price_USD__c", p -> opt(p.cost().estPriceUsd())),
            col("cost_per_engagement_usd", ColumnKind.USD_4, "Estimated price / expected engagements per post",
                    "scout_cost_per_engagement_usd", "Scout_Cost_Per_Engagement_USD__c", p -> opt(p.cost().costPerEngagementUsd())),
            col("niche_evidence", ColumnKind.TEXT_LIST, "Matched niche terms and where they were found, joined with `; `",
                    "scout_niche_evidence", "Scout_Niche_Evidence__c", p -> Optional.of(p.niche().evidence())),
            col("website", ColumnKind.TEXT, "Website the profile links to",
                    "website", "Scout_Website__c", p -> p.account().website().filter(s -> !s.isBlank())),
            new ColumnSpec("score_version", ColumnKind.TEXT, "Version of the scoring rules and tables",
                    "scout_score_version", "Scout_Score_Version__c", (p, r) -> nonBlank(p.scoreVersion())),
            new ColumnSpec("run_id", ColumnKind.TEXT, "Id of the run that produced the row",
                    "scout_run_id", "Scout_Run_Id__c", (p, r) -> Optional.of(r.runId())),
            new ColumnSpec("review_status", ColumnKind.TEXT, "A scout's decision in `scout serve`: shortlisted, rejected or undecided; empty when not reviewed",
                    "scout_review_status", "Scout_Review_Status__c",
                    (p, r) -> r.reviews().find(p.account().id()).map(v -> v.status().key())),
            new ColumnSpec("review_note", ColumnKind.TEXT, "The reviewer's note on that decision",
                    "scout_review_note", "Scout_Review_Note__c",
                    (p, r) -> r.reviews().find(p.account().id()).map(v -> v.note()).filter(s -> !s.isBlank())),
            new ColumnSpec("reviewed_at", ColumnKind.TIMESTAMP, "When the profile was last reviewed (UTC)",
                    "scout_reviewed_at", "Scout_Reviewed_At__c",
                    (p, r) -> r.reviews().find(p.account().id()).map(v -> v.reviewedAt())));

    private Columns() {
    }

    /** The CSV header names, in order. */
    public static List<String> names() {
        return ALL.stream().map(ColumnSpec::name).toList();
    }

    private static ColumnSpec col(String name, ColumnKind kind, String description, String hubspot, String salesforce,
                                  Function<ScoredProfile, Optional<?>> read) {
        BiFunction<ScoredProfile, RunInfo, Optional<?>> extractor = (p, r) -> read.apply(p);
        return new ColumnSpec(name, kind, description, hubspot, salesforce, extractor);
    }

    private static Optional<?> nonBlank(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s);
    }

    private static Optional<?> opt(OptionalDouble d) {
        return d.isPresent() ? Optional.of(d.getAsDouble()) : Optional.empty();
    }

    private static Optional<?> opt(OptionalLong l) {
        return l.isPresent() ? Optional.of(l.getAsLong()) : Optional.empty();
    }
}
