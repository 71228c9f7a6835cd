package dev.scout.app.bench;

import dev.scout.scorer.authenticity.AccountClassifier;
import dev.scout.scorer.authenticity.AccountFeatures;
import dev.scout.scorer.authenticity.AudienceQuality;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The audience side of {@code scout bench classifier}: follower samples drawn from the labelled sets with a known
 * share of fakes, judged by {@link AudienceQuality} with the shipped models, and the genuine accounts those models
 * call suspicious. Seeded, so every run prints the same figures. Stateless.
 */
final class AudienceFigures {

    private AudienceFigures() {
    }

    /** Follower samples of {@link ClassifierBenchmark#SAMPLE} held-out accounts, fake share 0 to 90 %, assessed by AudienceQuality. */
    static List<ClassifierBenchmark.AudienceError> audience(List<ClassifierBenchmark.Labelled> test) {
        AudienceQuality quality = new AudienceQuality(new AccountClassifier(0.5));
        Map<String, List<ClassifierBenchmark.Labelled>> byDataset = new TreeMap<>();
        for (ClassifierBenchmark.Labelled r : test) {
            byDataset.computeIfAbsent(r.dataset(), d -> new ArrayList<>()).add(r);
        }
        List<ClassifierBenchmark.AudienceError> out = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(ClassifierBenchmark.FOLD_SEED);
        for (Map.Entry<String, List<ClassifierBenchmark.Labelled>> e : byDataset.entrySet()) {
            List<ClassifierBenchmark.Labelled> fakes =
                    e.getValue().stream().filter(ClassifierBenchmark.Labelled::fake).toList();
            List<ClassifierBenchmark.Labelled> real = e.getValue().stream().filter(r -> !r.fake()).toList();
            if (fakes.isEmpty() || real.isEmpty()) {
                continue;
            }
            double sum = 0;
            double max = 0;
            int n = 0;
            for (int tenth = 0; tenth < 10; tenth++) {
                int fakeCount = ClassifierBenchmark.SAMPLE * tenth / 10;
                for (int d = 0; d < ClassifierBenchmark.DRAWS; d++) {
                    List<AccountFeatures> sample = new ArrayList<>(ClassifierBenchmark.SAMPLE);
                    for (int i = 0; i < ClassifierBenchmark.SAMPLE; i++) {
                        List<ClassifierBenchmark.Labelled> from = i < fakeCount ? fakes : real;
                        sample.add(from.get(random.nextInt(from.size())).features());
                    }
                    double error = Math.abs(quality.realPct(sample) - 100.0 * (ClassifierBenchmark.SAMPLE - fakeCount) / ClassifierBenchmark.SAMPLE);
                    sum += error;
                    max = Math.max(max, error);
                    n++;
                }
            }
            out.add(new ClassifierBenchmark.AudienceError(e.getKey(), ClassifierBenchmark.SAMPLE, ClassifierBenchmark.DRAWS * 10, sum / n, max));
        }
        return out;
    }

    /** The audience gate on samples of {@link ClassifierBenchmark#GATE_SAMPLE} held-out accounts with 0–40 % fakes, per set. */
    static List<ClassifierBenchmark.GateError> gate(List<ClassifierBenchmark.Labelled> test) {
        AudienceQuality quality = new AudienceQuality(new AccountClassifier(0.5));
        List<ClassifierBenchmark.GateError> out = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(ClassifierBenchmark.FOLD_SEED);
        for (Map.Entry<String, List<ClassifierBenchmark.Labelled>> e : byDataset(test).entrySet()) {
            List<ClassifierBenchmark.Labelled> fakes =
                    e.getValue().stream().filter(ClassifierBenchmark.Labelled::fake).toList();
            List<ClassifierBenchmark.Labelled> real = e.getValue().stream().filter(r -> !r.fake()).toList();
            if (fakes.isEmpty() || real.isEmpty()) {
                continue;
            }
            int wrong = 0;
            int n = 0;
            double error = 0;
            for (int pct = 0; pct <= 40; pct += 5) {
                int fakeCount = Math.round(ClassifierBenchmark.GATE_SAMPLE * pct / 100f);
                double truth = 100.0 * (ClassifierBenchmark.GATE_SAMPLE - fakeCount) / ClassifierBenchmark.GATE_SAMPLE;
                for (int d = 0; d < ClassifierBenchmark.GATE_DRAWS; d++) {
                    List<AccountFeatures> sample = new ArrayList<>(ClassifierBenchmark.GATE_SAMPLE);
                    for (int i = 0; i < ClassifierBenchmark.GATE_SAMPLE; i++) {
                        List<ClassifierBenchmark.Labelled> from = i < fakeCount ? fakes : real;
                        sample.add(from.get(random.nextInt(from.size())).features());
                    }
                    double estimate = quality.realPct(sample);
                    wrong += (estimate >= ClassifierBenchmark.GATE_PCT) != (truth >= ClassifierBenchmark.GATE_PCT) ? 1 : 0;
                    error += Math.abs(estimate - truth);
                    n++;
                }
            }
            out.add(new ClassifierBenchmark.GateError(e.getKey(), ClassifierBenchmark.GATE_SAMPLE, n, (double) wrong / n, error / n));
        }
        return out;
    }

    /** Genuine accounts the shipped models call suspicious, under 30 followers and at 30–999, per set. */
    static List<ClassifierBenchmark.QuietGenuine> quiet(List<ClassifierBenchmark.Labelled> all) {
        AccountClassifier shipped = new AccountClassifier(0.5);
        List<ClassifierBenchmark.QuietGenuine> out = new ArrayList<>();
        for (Map.Entry<String, List<ClassifierBenchmark.Labelled>> e : byDataset(all).entrySet()) {
            long[] c = new long[4];
            for (ClassifierBenchmark.Labelled r : e.getValue()) {
                if (r.fake() || r.features().followers().isEmpty()) {
                    continue;
                }
                long followers = r.features().followers().getAsLong();
                int at = followers < 30 ? 0 : followers < 1000 ? 2 : -1;
                if (at >= 0) {
                    c[at]++;
                    c[at + 1] += shipped.isSuspicious(r.features()) ? 1 : 0;
                }
            }
            out.add(new ClassifierBenchmark.QuietGenuine(e.getKey(), c[0], c[1], c[2], c[3]));
        }
        return out;
    }

    private static Map<String, List<ClassifierBenchmark.Labelled>> byDataset(List<ClassifierBenchmark.Labelled> rows) {
        Map<String, List<ClassifierBenchmark.Labelled>> by = new TreeMap<>();
        for (ClassifierBenchmark.Labelled r : rows) {
            by.computeIfAbsent(r.dataset(), d -> new ArrayList<>()).add(r);
        }
        return by;
    }
}
