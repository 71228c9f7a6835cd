package dev.scout.crawler.http;

import dev.scout.crawler.internal.politeness.TimeSource;
import okhttp3.Interceptor;
import okhttp3.Response;

import java.io.IOException;

/**
 * The last check before a request is written: its {@link HostPermit.Decision.Granted grant} holds for a limited time
 * after the permit was asked, and a process paused between the grant and the write must not send on it once that
 * time has passed (in a fleet, another worker may own the host by then). The grant travels on the request as a
 * {@link Grant} tag; this network interceptor runs once the connection is ready, right before the request's bytes
 * leave. Between this check and the write lies no database round trip, thread hand-off or connection set-up, only
 * a few method calls. Thread-safe.
 */
final class SendDeadline implements Interceptor {

    /** When the permit was asked (on {@code time}) and for how long its grant holds. */
    record Grant(TimeSource time, long askedAtNanos, long validNanos, String host) {

        boolean lapsed() {
            return time.nanoTime() - askedAtNanos >= validNanos;
        }
    }

    /** Thrown instead of writing a request whose grant lapsed; the fetcher ends it as not sent. */
    static final class LapsedException extends IOException {
        LapsedException(Grant grant, long lateNanos) {
            super("the permit to send to " + grant.host() + " lapsed " + lateNanos / 1_000_000
                    + " ms before the request could leave (was this process paused?); nothing was sent");
        }
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Grant grant = chain.request().tag(Grant.class);
        if (grant != null && grant.lapsed()) {
            long late = grant.time().nanoTime() - grant.askedAtNanos() - grant.validNanos();
            throw new LapsedException(grant, late);
        }
        return chain.proceed(chain.request());
    }
}
