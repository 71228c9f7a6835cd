package dev.scout.scorer.internal.sponsorship;

import dev.scout.scorer.internal.text.PostText;
import dev.scout.scorer.internal.text.TextFolding;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every matcher of the detector, built from one {@link PhraseTable}: hashtag rows are looked up whole in a map,
 * and the other rows are found by one {@link AnchorTrie} of their anchors (walked from each word start of
 * the caption for all of them at once), each anchor hit then checked by its {@link Template}. Immutable and thread-safe.
 */
final class PhraseMatcher {

    /** One match in a caption: the table row, where it stands in the lower-case text, and what it read. */
    record Found(PhraseTable.Phrase phrase, Template template, Template.Match match) {
    }

    private final Map<String, PhraseTable.Phrase> tags = new HashMap<>();
    private final List<PhraseTable.Phrase> textRows = new ArrayList<>();
    private final List<Template> templates = new ArrayList<>();
    private final AnchorTrie anchors;

    PhraseMatcher(PhraseTable table) {
        for (PhraseTable.Phrase p : table.phrases()) {
            if (p.pattern().startsWith("#")) {
                tags.putIfAbsent(TextFolding.foldLower(p.pattern().substring(1)), p); // the first row wins
            } else {
                textRows.add(p);
                templates.add(Template.parse(p.pattern()));
            }
        }
        anchors = new AnchorTrie(templates.stream().map(Template::anchor).toList());
    }

    /** The row of a whole hashtag (lower case, no {@code #}), or null. */
    PhraseTable.Phrase tag(String hashtag) {
        return tags.get(hashtag);
    }

    /**
     * The phrases of {@code text}, in the order they stand. Of matches of one kind that overlap, the one starting
     * first wins, and of those starting together the longest ("paid partnership with" over "paid partnership").
     */
    List<Found> find(PostText text) {
        List<Found> all = new ArrayList<>(0);
        String lower = text.lower();
        anchors.scan(lower, (row, end) -> {
            Template t = templates.get(row);
            Template.Match m = t.matchAt(lower, text.folded(), end - t.anchor().length());
            if (m != null) {
                all.add(new Found(textRows.get(row), t, m));
            }
        });
        if (all.size() < 2) {
            return all;
        }
        all.sort(Comparator.comparingInt((Found f) -> f.match().start())
                .thenComparing(f -> -f.match().end()));
        List<Found> kept = new ArrayList<>(all.size());
        int[] freeFrom = new int[SignalKind.values().length];
        for (Found f : all) {
            int kind = f.phrase().kind().ordinal();
            if (f.match().start() >= freeFrom[kind]) {
                kept.add(f);
                freeFrom[kind] = Math.max(f.match().end(), f.match().start() + 1);
            }
        }
        return kept;
    }
}
