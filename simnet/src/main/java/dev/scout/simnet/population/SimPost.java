package dev.scout.simnet.population;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One generated post, status or repost, with the latent facts the scorer tries to recover.
 *
 * @param id            platform-neutral id, unique in the population and increasing with {@code createdAt}
 * @param authorIndex   index of the author in {@link Population#accounts()}
 * @param createdAt     when it was posted
 * @param segments      the text; empty for a repost
 * @param likes         likes / favourites
 * @param replies       replies
 * @param shares        boosts / reposts
 * @param niche         the niche the post is about, empty for off-topic posts
 * @param sponsored     true when the post is a paid or gifted partnership (disclosed or only hinted at)
 * @param brandIndex    the partner brand's account index when sponsored
 * @param inReplyTo     for a reply: the post id it answers
 * @param repostOf      for a repost/boost: the reposted post id
 * @param pinned        pinned to the profile
 */
public record SimPost(
        long id,
        int authorIndex,
        Instant createdAt,
        List<Segment> segments,
        long likes,
        long replies,
        long shares,
        Optional<Niche> niche,
        boolean sponsored,
        Optional<Integer> brandIndex,
        Optional<Long> inReplyTo,
        Optional<Long> repostOf,
        boolean pinned) {

    public SimPost {
        Objects.requireNonNull(createdAt, "createdAt");
        segments = List.copyOf(segments);
        Objects.requireNonNull(niche, "niche");
        Objects.requireNonNull(brandIndex, "brandIndex");
        Objects.requireNonNull(inReplyTo, "inReplyTo");
        Objects.requireNonNull(repostOf, "repostOf");
    }

    public boolean isRepost() {
        return repostOf.isPresent();
    }

    public boolean isReply() {
        return inReplyTo.isPresent();
    }

    /** An original post: neither a repost nor a reply. */
    public boolean isOriginal() {
        return !isRepost() && !isReply();
    }

    public long engagements() {
        return likes + replies + shares;
    }

    /** Hashtags of the post, as typed. */
    public List<String> hashtags() {
        return segments.stream().filter(Segment.Hashtag.class::isInstance)
                .map(s -> ((Segment.Hashtag) s).tag()).toList();
    }
}
