package dev.scout.scorer.internal.sponsorship;

import dev.scout.scorer.internal.text.PostText;
import dev.scout.scorer.internal.text.TextFolding;

import java.util.ArrayList;
import java.util.Arrays;
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

    /** Where they stand, and of those starting together the longest first. */
    private static final Comparator<Found> IN_ORDER = Comparator.comparingInt((Found f) -> f.match().start())
            .thenComparingInt(f -> -f.match().end());
    private static final int KINDS = SignalKind.values().length;

    private final Map<String, PhraseTable.Phrase> tags = new HashMap<>();
    /** The rows that are not hashtags, and each one's template, by the trie's keyword index. */
    private final PhraseTable.Phrase[] textRows;
    private final Template[] templates;
    private final AnchorTrie anchors;

    PhraseMatcher(PhraseTable table) {
        List<PhraseTable.Phrase> rows = new ArrayList<>();
        for (PhraseTable.Phrase p : table.phrases()) {
            if (p.pattern().startsWith("#")) {
                tags.putIfAbsent(TextFolding.foldLower(p.pattern().substring(1)), p); // the first row wins
            } else {
                rows.add(p);
            }
        }
        textRows = rows.toArray(PhraseTable.Phrase[]::new);
        templates = rows.stream().map(p -> Template.parse(p.pattern())).toArray(Template[]::new);
        anchors = new AnchorTrie(Arrays.stream(templates).map(Template::anchor).toList());
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
        Collector found = new Collector(text);
        anchors.scan(text.lower(), text.words(), found);
        List<Found> all = found.all;
        if (all == null) {
            return List.of(); // most captions: no anchor, and no list allocated
        }
        if (all.size() < 2) {
            return all;
        }
        all.sort(IN_ORDER);
        List<Found> kept = new ArrayList<>(all.size());
        int[] freeFrom = new int[KINDS];
        for (Found f : all) {
            int kind = f.phrase().kind().ordinal();
            if (f.match().start() >= freeFrom[kind]) {
                kept.add(f);
                freeFrom[kind] = Math.max(f.match().end(), f.match().start() + 1);
            }
        }
        return kept;
    }

    /** Checks each anchor hit of one caption against its template; the list is made at the first match. */
    private final class Collector implements AnchorTrie.Hits {
        private final PostText text;
        private List<Found> all;

        Collector(PostText text) {
            this.text = text;
        }

        @Override
        public void hit(int row, int end) {
            Template t = templates[row];
            Template.Match m = t.matchAt(text.lower(), text.folded(), end - t.anchor().length());
            if (m != null) {
                if (all == null) {
                    all = new ArrayList<>(2);
                }
                all.add(new Found(textRows[row], t, m));
            }
        }
    }
}
