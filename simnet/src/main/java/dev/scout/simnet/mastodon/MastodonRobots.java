package dev.scout.simnet.mastodon;

/** Mastodon's default {@code public/robots.txt} (reference §1.8): open to all but media proxy and interact pages, closed to AI crawlers. */
final class MastodonRobots {

    static final String TEXT = """
            # See http://www.robotstxt.org/robotstxt.html for documentation on how to use the robots.txt file

            User-agent: *
            Disallow: /media_proxy/
            Disallow: /interact/

            User-agent: GPTBot
            User-agent: ChatGPT-User
            User-agent: OAI-SearchBot
            User-agent: Amazonbot
            User-agent: Applebot
            User-agent: Applebot-Extended
            User-agent: CCBot
            User-agent: FacebookBot
            User-agent: Meta-ExternalAgent
            User-agent: Google-Extended
            User-agent: anthropic-ai
            User-agent: ClaudeBot
            User-agent: Claude-Web
            Disallow: /
            """;

    private MastodonRobots() {
    }
}
