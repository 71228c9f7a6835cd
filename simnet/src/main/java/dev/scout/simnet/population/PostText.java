package dev.scout.simnet.population;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

/** Writes the text of niche, off-topic and reply posts, including the near-miss words a sloppy detector trips on. */
final class PostText {

    private static final List<String> OFF_TOPIC = List.of(
            "Rainy Sunday, reading on the sofa.", "Anyone else up far too early today?",
            "The cat has claimed my chair again.", "Finally cleaned the flat. Feels good.",
            "Train delayed, podcast recommendations welcome.", "Birthday dinner with old friends tonight.",
            "Quiet week, back with more soon.", "Sunset from the balcony, no filter.");

    /** Organic phrases that contain "ad"-like or brand-like strings but are not partnerships. */
    private static final List<List<Segment>> NEAR_MISSES = List.of(
            List.of(new Segment.Text(" Had to add extra garlic.")),
            List.of(new Segment.Text(" Totally ad hoc, no plan at all.")),
            List.of(new Segment.Text(" Not bad for a Tuesday.")),
            List.of(new Segment.Text(" What an "), new Segment.Hashtag("adventure")),
            List.of(new Segment.Text(" In my old "), new Segment.Hashtag("adidas"), new Segment.Text(" trainers, a fan for life.")),
            List.of(new Segment.Text(" Bad light, sorry about the photo.")),
            List.of(new Segment.Text(" Loaded it into the roasting pan, then added lemon.")));

    private static final List<String> REPLIES = List.of(
            "Thank you so much!", "Glad it worked for you.", "Good question, I will write it up.",
            "Ha, same here.", "Yes! Exactly this.", "Let me know how it goes.");

    private PostText() {
    }

    /**
     * A post about {@code niche}: one sentence, an optional mention of a peer, an occasional near-miss phrase, then
     * hashtags. With {@code leadTag} the post carries one of the niche's two headline tags (discovery relies on it).
     */
    static List<Segment> niche(RandomGenerator rng, Niche niche, Optional<Integer> peer, boolean leadTag,
                               boolean hostile) {
        List<Segment> out = new ArrayList<>(body(rng, niche));
        peer.ifPresent(p -> {
            out.add(new Segment.Text(rng.nextBoolean() ? " Inspired by " : " Thanks for the idea, "));
            out.add(new Segment.Mention(p));
            out.add(new Segment.Text("."));
        });
        if (rng.nextDouble() < 0.12) {
            out.addAll(NEAR_MISSES.get(rng.nextInt(NEAR_MISSES.size())));
        }
        if (hostile) {
            out.add(new Segment.Text(" " + HostileText.pick(rng)));
        }
        out.addAll(hashtags(rng, niche, leadTag));
        return out;
    }

    /** The sentence of a niche post, without hashtags; emoji first now and then (shifts Bluesky byte offsets). */
    static List<Segment> body(RandomGenerator rng, Niche niche) {
        String template = niche.templates().get(rng.nextInt(niche.templates().size()));
        String subject = niche.subjects().get(rng.nextInt(niche.subjects().size()));
        String sentence = String.format(Locale.ROOT, template, subject);
        if (rng.nextDouble() < 0.25) {
            sentence = "🌿 " + sentence;
        }
        return List.of(new Segment.Text(sentence));
    }

    static List<Segment> hashtags(RandomGenerator rng, Niche niche, boolean leadTag) {
        Set<String> tags = new LinkedHashSet<>();
        List<String> all = niche.hashtags();
        if (leadTag || rng.nextDouble() < 0.7) {
            tags.add(all.get(rng.nextInt(2)));
        }
        int extra = rng.nextInt(3);
        for (int i = 0; i < extra; i++) {
            tags.add(all.get(rng.nextInt(all.size())));
        }
        List<Segment> out = new ArrayList<>();
        for (String t : tags) {
            out.add(new Segment.Text(" "));
            // Authors type tags in CamelCase now and then; the API still reports them lower-cased.
            out.add(new Segment.Hashtag(rng.nextDouble() < 0.2 ? camel(t) : t));
        }
        return out;
    }

    static List<Segment> offTopic(RandomGenerator rng, boolean hostile) {
        List<Segment> out = new ArrayList<>();
        out.add(new Segment.Text(OFF_TOPIC.get(rng.nextInt(OFF_TOPIC.size()))));
        if (rng.nextDouble() < 0.25) {
            out.addAll(NEAR_MISSES.get(rng.nextInt(NEAR_MISSES.size())));
        }
        if (hostile) {
            out.add(new Segment.Text(" " + HostileText.pick(rng)));
        }
        return out;
    }

    static List<Segment> reply(RandomGenerator rng, int repliedTo) {
        return List.of(new Segment.Mention(repliedTo), new Segment.Text(" " + REPLIES.get(rng.nextInt(REPLIES.size()))));
    }

    private static String camel(String tag) {
        return Character.toUpperCase(tag.charAt(0)) + tag.substring(1);
    }
}
