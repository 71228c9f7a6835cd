package dev.scout.crawler.platform;

import dev.scout.model.Account;

import java.util.List;

/** Accounts read from the first pages of a profile's follower (or following) list, and the requests spent. */
public record FollowerSample(List<Account> followers, int requests) {
    public FollowerSample {
        followers = List.copyOf(followers);
    }
}
