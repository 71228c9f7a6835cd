package dev.scout.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pins the exact text of every configuration problem a user can meet. Each document breaks one rule and must
 * produce exactly the one line given, nothing more.
 */
class ConfigErrorMessagesTest {
    private static final String M = Yaml.MINIMAL;
    private static final String NICHE = "niche: {name: n, hashtags: [vegan]}\n";

    static Stream<Arguments> cases() {
        return Stream.of(
                // niche
                of("seeds: [mastodon:ana@fika.example]\n",
                        "niche.name: is required: name the niche you are scouting (e.g. plant-based cooking)"),
                of("niche: {name: '  '}\nseeds: [mastodon:ana@fika.example]\n",
                        "niche.name: must not be empty (got '  ')"),
                of("niche: {name: n, hashtags: ['#plant based']}\nseeds: [mastodon:ana@fika.example]\n",
                        "niche.hashtags[0]: must be a hashtag of letters, digits and _ only (no spaces or punctuation) (got '#plant based')"),
                of("niche: {name: n, keywords: [tofu, ' ']}\nseeds: [mastodon:ana@fika.example]\n",
                        "niche.keywords[1]: must not be empty (got ' ')"),
                of("niche: {name: n, keywords: tofu}\nseeds: [mastodon:ana@fika.example]\n",
                        "niche.keywords: must be a list (write [a, b] or one '- item' per line) (got 'tofu')"),
                of("niche: {name: n, taxonomy: [Plant Based]}\nseeds: [mastodon:ana@fika.example]\n",
                        "niche.taxonomy[0]: must be a niche id in lower-case words joined by dashes (e.g. plant-based-cooking) (got 'Plant Based')"),
                of("niche: [a]\nseeds: [mastodon:ana@fika.example]\n",
                        "niche: must be a mapping of keys to values (got a list)"),
                // seeds and where to start
                of("niche: {name: n}\n",
                        "seeds: at least one seed or one niche.hashtags entry is needed, or Scout has nowhere to start"),
                of("niche: {name: n}\nseeds: [not a seed]\n",
                        "seeds[0]: is not a profile URL or a recognised handle (use https://host/@user, mastodon:user@host, bluesky:HANDLE, youtube:UC…, instagram:HANDLE, threads:HANDLE or an https:// profile page) (got 'not a seed')"),
                of("niche: {name: n}\nseeds: [https://www.instagram.com/p/DAbCdEfGhIj/]\n",
                        "seeds[0]: points to instagram.com, whose terms forbid automated collection; Scout does not scrape it by default. Use the platform's official API, or set platforms.web.allowRestrictedSites with platforms.web.restrictedSitesAcceptedBy to opt in (use https://host/@user, mastodon:user@host, bluesky:HANDLE, youtube:UC…, instagram:HANDLE, threads:HANDLE or an https:// profile page) (got 'https://www.instagram.com/p/DAbCdEfGhIj/')"),
                of("niche: {name: n}\nseeds: [https://www.instagram.com/someone]\n",
                        "seeds[0]: is a instagram profile but platforms.instagram.enabled is false (enable the platform or remove the seed) (got 'https://www.instagram.com/someone')"),
                of("niche: {name: n}\nseeds: [instagram:someone]\nplatforms: {instagram: {enabled: true}}\n",
                        "platforms.instagram.accessToken: is required when platforms.instagram.enabled is true (write accessToken: ${IG_ACCESS_TOKEN}; docs/CONFIG.md says how to get one)",
                        "platforms.instagram.igUserId: is required when platforms.instagram.enabled is true: the numeric id of your own professional Instagram account, on whose behalf Business Discovery is called"),
                of("niche: {name: n}\nseeds: [instagram:someone]\nplatforms: {instagram: {enabled: true, accessToken: t, igUserId: me, graphVersion: '25', usageCeilingPct: 120}}\n",
                        "platforms.instagram.igUserId: must be the numeric id of your own professional Instagram account (GET /me/accounts?fields=instagram_business_account) (got 'me')",
                        "platforms.instagram.graphVersion: must be a version such as v26.0 (got '25')",
                        "platforms.instagram.usageCeilingPct: must be between 1 and 100 (got 120)"),
                // crawl.usageCeiling shipped briefly with issue 14's first merge; the ceiling is per Meta platform
                of("niche: {name: n}\nseeds: [mastodon:ana@fika.example]\ncrawl: {usageCeiling: 70}\n",
                        "crawl.usageCeiling: was replaced by platforms.instagram.usageCeilingPct and platforms.threads.usageCeilingPct (the only hosts that report usage percentages); move the value there (got '70')"),
                of("niche: {name: n}\nseeds: [bluesky:ana.bsky.social]\n",
                        "seeds[0]: is a bluesky profile but platforms.bluesky.enabled is false (enable the platform or remove the seed) (got 'bluesky:ana.bsky.social')"),
                of(NICHE,
                        "platforms.mastodon.instances: is empty, so the niche hashtags cannot be searched and there are no seeds: add an instance (e.g. - url: https://mastodon.social), enable Bluesky, or add seeds"),
                of(M + "platforms: {mastodon: {enabled: false}}\n",
                        "seeds[0]: is a mastodon profile but platforms.mastodon.enabled is false (enable the platform or remove the seed) (got 'mastodon:ana@fika.example')"),
                of(NICHE + "seeds: [https://blog.example/about]\nplatforms: {mastodon: {enabled: false}, web: {enabled: false}}\n",
                        "seeds[0]: is a web profile but platforms.web.enabled is false (enable the platform or remove the seed) (got 'https://blog.example/about')",
                        "platforms: at least one platform must be enabled"),
                // platforms
                of(M + "platforms: {mastodon: {instances: [{domain: fika.example}]}}\n",
                        "platforms.mastodon.instances[0].url: is required: the instance's base URL, e.g. https://mastodon.social"),
                of(M + "platforms: {mastodon: {instances: [{url: 'ftp://fika.example'}]}}\n",
                        "platforms.mastodon.instances[0].url: must be an http:// or https:// URL (got 'ftp://fika.example')"),
                of(M + "platforms: {mastodon: {instances: ['https:///nohost']}}\n",
                        "platforms.mastodon.instances[0].url: must be a URL with a host name (got 'https:///nohost')"),
                of(M + "platforms: {mastodon: {instances: [{url: 'https://fika.example/?a=1'}]}}\n",
                        "platforms.mastodon.instances[0].url: must be a base URL without ?query or #fragment (got 'https://fika.example/?a=1')"),
                of(M + "platforms: {mastodon: {instances: [{url: 'https://admin:hunter2@fika.example'}]}}\n",
                        "platforms.mastodon.instances[0].url: must not contain a user name or password"),
                of(M + "platforms: {mastodon: {instances: [{url: 'https://fika .example'}]}}\n",
                        "platforms.mastodon.instances[0].url: is not a valid URL (Illegal character in authority) (got 'https://fika .example')"),
                of(M + "platforms: {mastodon: {instances: [{url: 'http://127.0.0.1:8080', domain: 'fika example'}]}}\n",
                        "platforms.mastodon.instances[0].domain: must be a host name such as mastodon.social (the part after @ in handles) (got 'fika example')"),
                of(M + "platforms: {mastodon: {instances: [https://fika.example, {url: 'http://127.0.0.1:1', domain: fika.example}]}}\n",
                        "platforms.mastodon.instances[1]: serves the same handle domain as platforms.mastodon.instances[0]; list each domain once (got 'fika.example')"),
                of(M + "platforms: {mastodon: {requestsPerSecond: 0}}\n",
                        "platforms.mastodon.requestsPerSecond: must be > 0 (got 0)"),
                of(M + "platforms: {mastodon: {instances: [{url: 'https://fika.example', requestsPerSecond: -1.5}]}}\n",
                        "platforms.mastodon.instances[0].requestsPerSecond: must be > 0 (got -1.5)"),
                of(M + "platforms: {mastodon: {enabled: maybe}}\n",
                        "platforms.mastodon.enabled: must be true or false (got 'maybe')"),
                of(M + "platforms: {bluesky: {enabled: yes}}\n",
                        "platforms.bluesky.enabled: must be true or false (got 'yes')"),
                of(M + "platforms: {youtube: {enabled: true}}\n",
                        "platforms.youtube.apiKey: is required when platforms.youtube.enabled is true (write apiKey: ${YOUTUBE_API_KEY})"),
                of(M + "platforms: {youtube: {dailyQuotaUnits: 0}}\n",
                        "platforms.youtube.dailyQuotaUnits: must be >= 1 (got 0)"),
                of(M + "platforms: {bluesky: {baseUrl: public.api.bsky.app}}\n",
                        "platforms.bluesky.baseUrl: must be an http:// or https:// URL (got 'public.api.bsky.app')"),
                of(M + "platforms: {web: {allowRestrictedSites: true}}\n",
                        "platforms.web.restrictedSitesAcceptedBy: is required when allowRestrictedSites is true: name the person who accepted responsibility for reading sites whose terms forbid it"),
                // crawl
                of(M + "crawl: {postsPerProfile: 0}\n", "crawl.postsPerProfile: must be between 1 and 200 (got 0)"),
                of(M + "crawl: {postsPerProfile: 201}\n", "crawl.postsPerProfile: must be between 1 and 200 (got 201)"),
                of(M + "crawl: {postsPerProfile: 2.5}\n", "crawl.postsPerProfile: must be a whole number (got 2.5)"),
                of(M + "crawl: {maxProfiles: lots}\n", "crawl.maxProfiles: must be a whole number (got 'lots')"),
                of(M + "crawl: {maxProfiles: '500'}\n", "crawl.maxProfiles: must be a whole number (got '500')"),
                of(M + "crawl: {maxProfiles: 99999999999999999999999}\n", "crawl.maxProfiles: is too large (got 99999999999999999999999)"),
                of(M + "crawl: {maxProfiles: 3000000000}\n", "crawl.maxProfiles: must be at most 2147483647 (got 3000000000)"),
                of(M + "crawl: {maxProfiles: [1]}\n", "crawl.maxProfiles: must be a whole number (got a list)"),
                of(M + "crawl: {userAgent: curl}\n",
                        "crawl.userAgent: must start with a product token (e.g. MyScout/1.0) and include a contact URL or email, so site owners can reach you (got 'curl')"),
                of(M + "crawl: {userAgent: \"Bot/1 (+https://x.example)\\r\\nX-Evil: 1\"}\n",
                        "crawl.userAgent: must be one line of printable ASCII (it is sent as an HTTP header) (got 'Bot/1 (+https://x.example)\\u000d\\u000aX-Evil: 1')"),
                of(M + "crawl: {maxInFlightPerHost: 0}\n", "crawl.maxInFlightPerHost: must be >= 1 (got 0)"),
                of(M + "crawl: {maxInFlightPerHost: 8, maxInFlightTotal: 4}\n",
                        "crawl.maxInFlightTotal: must be >= crawl.maxInFlightPerHost (8) (got 4)"),
                of(M + "crawl: {connectTimeout: 10}\n",
                        "crawl.connectTimeout: must be a duration with a unit: 500ms, 10s, 5m, 2h or 7d (got 10)"),
                of(M + "crawl: {readTimeout: 10 seconds}\n",
                        "crawl.readTimeout: must be a duration with a unit: 500ms, 10s, 5m, 2h or 7d (got '10 seconds')"),
                of(M + "crawl: {readTimeout: 0s}\n", "crawl.readTimeout: must be longer than 0 (got 0s)"),
                of(M + "crawl: {refreshAfter: 99999999999999999999d}\n", "crawl.refreshAfter: is too long (got '99999999999999999999d')"),
                of(M + "crawl: {refreshAfter: 366d}\n", "crawl.refreshAfter: must be at most 365d (got 366d)"),
                of(M + "crawl: {cacheSize: 99999999999GiB}\n", "crawl.cacheSize: is too large (got '99999999999GiB')"),
                of(M + "crawl: {readTimeout: 2m, callTimeout: 90s}\n",
                        "crawl.callTimeout: must be at least crawl.connectTimeout and crawl.readTimeout (2m) (got 90s)"),
                of(M + "crawl: {maxBodySize: 5MB}\n",
                        "crawl.maxBodySize: must be a size with a unit: 512KiB, 5MiB or 1GiB (got '5MB')"),
                of(M + "crawl: {maxBodySize: 100B}\n", "crawl.maxBodySize: must be at least 1KiB (got 100B)"),
                of(M + "crawl: {maxRedirects: 21}\n", "crawl.maxRedirects: must be between 0 and 20 (got 21)"),
                of(M + "crawl: {followerSampleSize: 401}\n", "crawl.followerSampleSize: must be between 0 and 400 (got 401)"),
                of(M + "crawl: {retry: {maxAttempts: 0}}\n", "crawl.retry.maxAttempts: must be between 1 and 10 (got 0)"),
                of(M + "crawl: {retry: {initialBackoff: 5s, maxBackoff: 1s}}\n",
                        "crawl.retry.maxBackoff: must be at least crawl.retry.initialBackoff (5s) (got 1s)"),
                of(M + "crawl: {retry: {initialBackoff: 5s, maxTotalDelay: 1500ms}}\n",
                        "crawl.retry.maxTotalDelay: must be at least crawl.retry.initialBackoff (5s) (got 1500ms)"),
                of(M + "crawl: {circuitBreaker: {failureRateThreshold: 0}}\n",
                        "crawl.circuitBreaker.failureRateThreshold: must be between 1 and 100 (got 0)"),
                of(M + "crawl: {circuitBreaker: {minimumCalls: 0}}\n", "crawl.circuitBreaker.minimumCalls: must be >= 1 (got 0)"),
                // discovery
                of(M + "discovery: {depth: 6}\n", "discovery.depth: must be between 0 and 5 (got 6)"),
                of(M + "discovery: {maxProfiles: 0}\n", "discovery.maxProfiles: must be >= 1 (got 0)"),
                of(M + "discovery: {hashtagPages: 101}\n", "discovery.hashtagPages: must be between 0 and 100 (got 101)"),
                // scoring
                of(M + "scoring: {followers: {min: -5}}\n", "scoring.followers.min: must be >= 0 (got -5)"),
                of(M + "scoring: {followers: {min: 5000, max: 5000}}\n",
                        "scoring.followers.max: must be greater than scoring.followers.min (5000) (got 5000)"),
                of(M + "scoring: {niche: {minShare: 1.5}}\n", "scoring.niche.minShare: must be between 0 and 1 (got 1.5)"),
                of(M + "scoring: {engagement: {minGrade: abov-average}}\n",
                        "scoring.engagement.minGrade: must be one of average, above-average, high (did you mean 'above-average'?) (got 'abov-average')"),
                of(M + "scoring: {engagement: {minGrade: stellar}}\n",
                        "scoring.engagement.minGrade: must be one of average, above-average, high (got 'stellar')"),
                of(M + "scoring: {sponsorship: {maxShare: -0.1}}\n", "scoring.sponsorship.maxShare: must be between 0 and 1 (got -0.1)"),
                of(M + "scoring: {sponsorship: {maxDistinctBrands: -1}}\n", "scoring.sponsorship.maxDistinctBrands: must be >= 0 (got -1)"),
                of(M + "scoring: {authenticity: {minAudienceRealPct: 101}}\n",
                        "scoring.authenticity.minAudienceRealPct: must be between 0 and 100 (got 101)"),
                of(M + "scoring: {weights: {engagement: -1}}\n", "scoring.weights.engagement: must be >= 0 (got -1)"),
                of(M + "scoring: {weights: {engagement: 0, niche: 0, sponsorship: 0, authenticity: 0}}\n",
                        "scoring.weights: must not all be 0"),
                of(M + "scoring: {pricing: {mastodn: {nano: {min: 1, max: 2}}}}\n",
                        "scoring.pricing.mastodn: unknown platform (did you mean 'mastodon'?)"),
                of(M + "scoring: {pricing: {mastodon: {giga: {min: 1, max: 2}}}}\n",
                        "scoring.pricing.mastodon.giga: unknown tier (expected one of: nano, micro, mid, macro, mega)"),
                of(M + "scoring: {pricing: {mastodon: {nano: {min: 300, max: 200}}}}\n",
                        "scoring.pricing.mastodon.nano.max: must be >= scoring.pricing.mastodon.nano.min (300) (got 200)"),
                of(M + "scoring: {pricing: {mastodon: {nano: {min: 300}}}}\n",
                        "scoring.pricing.mastodon.nano.max: is required: a price range needs both min and max (US dollars per post)"),
                // output, store, hubspot
                of(M + "output: {formats: [csv, jsonlines]}\n",
                        "output.formats[1]: must be one of csv, jsonl, report, hubspot (got 'jsonlines')"),
                of(M + "output: {formats: [csv, jsnl]}\n",
                        "output.formats[1]: must be one of csv, jsonl, report, hubspot (did you mean 'jsonl'?) (got 'jsnl')"),
                of(M + "output: {formats: []}\n", "output.formats: must name at least one of csv, jsonl, report, hubspot"),
                of(M + "output: {dir: ''}\n", "output.dir: must not be empty (got '')"),
                of(M + "output: {csvBom: 1}\n", "output.csvBom: must be true or false (got 1)"),
                of(M + "store: [a.db]\n", "store: must be a single value, not a list (got a list)"),
                of(M + "output: {formats: [csv, hubspot]}\n",
                        "hubspot.token: environment variable HUBSPOT_TOKEN is not set (set it, or write ${HUBSPOT_TOKEN:-default} to give a default)"),
                of(M + "hubspot: {token: ''}\n", "hubspot.token: must not be empty"),
                of(M + "hubspot: {objectType: Contacts}\n",
                        "hubspot.objectType: must be a HubSpot object type such as contacts, or a custom object id such as 2-1234567 (got 'Contacts')"),
                of(M + "hubspot: {idProperty: Scout-Id}\n",
                        "hubspot.idProperty: must be a HubSpot internal property name: lower-case letters, digits and _ (got 'Scout-Id')"),
                of(M + "hubspot: {requestsPer10s: 251}\n", "hubspot.requestsPer10s: must be between 1 and 250 (got 251)"),
                of(M + "hubspot: {baseUrl: 'https://api.hubapi.com#x'}\n",
                        "hubspot.baseUrl: must be a base URL without ?query or #fragment (got 'https://api.hubapi.com#x')"),
                // document shape and unknown keys
                of("- a\n- b\n", "(top level): must be a mapping of keys to values (got a list)"),
                of(M + "crawl: {postsPerProfil: 20}\n", "crawl.postsPerProfil: unknown key (did you mean 'postsPerProfile'?)"),
                of(M + "crawl: {retry: {maxAttemps: 2}}\n", "crawl.retry.maxAttemps: unknown key (did you mean 'maxAttempts'?)"),
                of(M + "outptu: {dir: x}\n", "outptu: unknown key (did you mean 'output'?)"),
                of(M + "scoring: {followers: {\"m\\u202Ein\": 10}}\n",
                        "scoring.followers.m\\u202ein: unknown key (did you mean 'min'?)"),
                of(M + "scoring: {followers: {minimum: 10}}\n", "scoring.followers.minimum: unknown key (expected one of: min, max)"),
                of(M + "platforms: {mastodon: {instances: [{url: 'https://fika.example', rps: 2}]}}\n",
                        "platforms.mastodon.instances[0].rps: unknown key (expected one of: url, domain, requestsPerSecond)"));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("cases")
    void reportsExactlyThisProblem(String yaml, String[] expected) {
        ConfigException e = catchThrowableOfType(ConfigException.class,
                () -> Yaml.loader().load(yaml, "scout.yaml"));

        assertThat(e).as("expected a ConfigException for:\n%s", yaml).isNotNull();
        assertThat(e.problems()).extracting(ConfigProblem::toString).containsExactly(expected);
    }

    private static Arguments of(String yaml, String... expected) {
        return Arguments.of(yaml, expected);
    }
}
