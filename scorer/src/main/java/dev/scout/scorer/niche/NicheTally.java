package dev.scout.scorer.niche;

import dev.scout.scorer.ScoredProfile;
import dev.scout.scorer.internal.text.PostText;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Niche fit of one profile, counted post by post: feed each analysed post's text to {@link #add}, then read the
 * verdict with {@link #result}. Counts live in int arrays indexed by the matcher's hit ids, so a post costs no
 * collection and no boxing. Not thread-safe: one per thread, {@link #reset} between profiles.
 */
public final class NicheTally {

    private static final int TOP_NICHES = 3;
    private static final int TERMS_PER_NICHE = 5;
    private static final int EVIDENCE_TERMS = 10;
    private static final int TARGET = 0;

    private final NicheMatcher matcher;
    private final String targetName;
    /** Posts that contain each hit. */
    private final int[] postsWithHit;
    /** Hits seen so far, in order of first sight: the only entries of {@link #postsWithHit} above zero. */
    private int[] touched = new int[16];
    private int touchedCount;
    private final int[] postsMatched;
    /** The post number (from 1) that last counted for each niche, so a niche counts once per post. */
    private final int[] lastPost;
    private int posts;
    private final int[] found;

    NicheTally(NicheMatcher matcher, String targetName) {
        this.matcher = matcher;
        this.targetName = targetName;
        this.postsWithHit = new int[matcher.hitCount()];
        this.found = new int[matcher.hitCount()];
        this.postsMatched = new int[matcher.niches().size()];
        this.lastPost = new int[matcher.niches().size()];
    }

    /** Forgets every post counted so far, so the tally (and its arrays) can serve the next profile. */
    public void reset() {
        for (int k = 0; k < touchedCount; k++) {
            postsWithHit[touched[k]] = 0;
        }
        touchedCount = 0;
        Arrays.fill(postsMatched, 0);
        Arrays.fill(lastPost, 0);
        posts = 0;
    }

    /** Counts one analysed post. */
    public void add(PostText post) {
        posts++;
        int n = matcher.match(post, found);
        for (int k = 0; k < n; k++) {
            int hit = found[k];
            int niche = matcher.nicheOf(hit);
            if (lastPost[niche] != posts) {
                lastPost[niche] = posts;
                postsMatched[niche]++;
            }
            if (postsWithHit[hit]++ == 0) {
                if (touchedCount == touched.length) {
                    touched = Arrays.copyOf(touched, touchedCount * 2);
                }
                touched[touchedCount++] = hit;
            }
        }
    }

    /** The profile's niche fit, with the target niche's terms in {@code bio} as evidence too. */
    public ScoredProfile.Niche result(PostText bio) {
        double share = posts == 0 ? 0 : (double) postsMatched[TARGET] / posts;
        List<String> evidence = new ArrayList<>();
        for (int hit : ranked(TARGET, EVIDENCE_TERMS)) {
            int count = postsWithHit[hit];
            evidence.add(matcher.evidencePrefix(hit) + count + (count == 1 ? " post" : " posts"));
        }
        int n = matcher.match(bio, found);
        for (int k = 0; k < n; k++) {
            NicheMatcher.Hit hit = matcher.hit(found[k]);
            if (hit.niche() == TARGET) {
                evidence.add("bio '" + hit.term() + "'");
            }
        }
        List<ScoredProfile.NicheMatch> top = new ArrayList<>(TOP_NICHES);
        for (int niche : topNiches()) {
            List<String> terms = new ArrayList<>(TERMS_PER_NICHE);
            for (int hit : ranked(niche, TERMS_PER_NICHE)) {
                terms.add(matcher.hit(hit).term());
            }
            top.add(new ScoredProfile.NicheMatch(matcher.label(niche),
                    (double) postsMatched[niche] / posts, terms));
        }
        return new ScoredProfile.Niche(share, targetName, top, evidence);
    }

    /** Taxonomy niches (not the target) found in any post: most posts first, then by niche id; at most three. */
    private int[] topNiches() {
        int[] order = new int[postsMatched.length];
        int n = 0;
        for (int i = 1; i < postsMatched.length; i++) {
            if (postsMatched[i] > 0) {
                int at = n++;
                while (at > 0 && before(i, order[at - 1])) {
                    order[at] = order[at - 1];
                    at--;
                }
                order[at] = i;
            }
        }
        return Arrays.copyOf(order, Math.min(TOP_NICHES, n));
    }

    private boolean before(int a, int b) {
        return postsMatched[a] != postsMatched[b] ? postsMatched[a] > postsMatched[b]
                : matcher.nicheBefore(a, b);
    }

    /** The niche's terms by posts containing them (most first), then alphabetically; at most {@code limit}. */
    private int[] ranked(int niche, int limit) {
        int[] order = new int[touchedCount];
        int n = 0;
        for (int k = 0; k < touchedCount; k++) {
            int hit = touched[k];
            if (matcher.nicheOf(hit) == niche) {
                int at = n++;
                while (at > 0 && termBefore(hit, order[at - 1])) {
                    order[at] = order[at - 1];
                    at--;
                }
                order[at] = hit;
            }
        }
        return Arrays.copyOf(order, Math.min(limit, n));
    }

    private boolean termBefore(int a, int b) {
        return postsWithHit[a] != postsWithHit[b] ? postsWithHit[a] > postsWithHit[b]
                : matcher.termBefore(a, b);
    }
}
