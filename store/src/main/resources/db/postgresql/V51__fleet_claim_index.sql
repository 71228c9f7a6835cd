-- A fleet worker's claim reads, per host it holds, the first due pending entries in frontier order. Without this
-- index that was a scan and sort of every pending entry of those hosts on each claim: 80 ms at 20,000 profiles, and
-- at 100,000 a single worker's sixteen crawl threads queued for pooled connections until one gave up.
CREATE INDEX frontier_pending_by_host ON frontier (host, depth, next_fetch_at) WHERE state = 'pending';
