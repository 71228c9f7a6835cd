package dev.scout.crawler.http;

import java.util.List;

/** Fetcher settings broke one or more rules; {@link #problems()} lists each with its key, value and rule. */
public final class InvalidFetcherSettingsException extends IllegalArgumentException {
    private final List<String> problems;

    public InvalidFetcherSettingsException(List<String> problems) {
        super("invalid crawl settings:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
