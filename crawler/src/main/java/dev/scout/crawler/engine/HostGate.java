package dev.scout.crawler.engine;

import java.util.HashMap;
import java.util.Map;

/**
 * Caps how many workers wait on one host at once: when a host is paused (rate limit, circuit open) only that many
 * workers block on it and the others keep serving other hosts. Thread-safe.
 */
final class HostGate {
    private final int maxPerHost;
    private final Map<String, Integer> busy = new HashMap<>();

    HostGate(int maxPerHost) {
        this.maxPerHost = maxPerHost;
    }

    /** Takes a slot on {@code host} if one is free. */
    synchronized boolean tryEnter(String host) {
        int n = busy.getOrDefault(host, 0);
        if (n >= maxPerHost) {
            return false;
        }
        busy.put(host, n + 1);
        return true;
    }

    synchronized void leave(String host) {
        int n = busy.getOrDefault(host, 0);
        if (n <= 1) {
            busy.remove(host);
        } else {
            busy.put(host, n - 1);
        }
    }
}
