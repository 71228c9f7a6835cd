package dev.scout.scorer.authenticity;

import java.util.List;
import java.util.Set;

/**
 * Fits a {@link ClassifierModel}: weighted logistic regression with an L2 penalty on the weights (not the intercept),
 * by Newton's method. Each feature is centred on its mean over the rows where it is known; an unknown feature (NaN)
 * counts as the mean, so it adds nothing to the log-odds, as {@link ClassifierModel} reads it. Deterministic; used by
 * {@code scout bench classifier} to refit the shipped constants and to cross-validate them. Stateless, thread-safe.
 */
public final class LogisticFit {

    /** One labelled account: its inputs ({@link ClassifierModel#inputs}), label and weight. */
    public record Row(double[] x, boolean fake, double weight) {
    }

    private static final int ITERATIONS = 50;

    private final double lambda;

    /** @param lambda the L2 penalty on the weights, ≥ 0 */
    public LogisticFit(double lambda) {
        if (!(lambda >= 0)) {
            throw new IllegalArgumentException("lambda must be >= 0 (got " + lambda + ")");
        }
        this.lambda = lambda;
    }

    /** Fits the rows on every feature; {@code source} says where they came from. Throws when {@code rows} is empty. */
    public ClassifierModel fit(List<Row> rows, String source) {
        return fit(rows, source, Set.of());
    }

    /**
     * As {@link #fit(List, String)}, with the features in {@code leftOut} held at weight 0 and mean 0, so the model
     * does not use them (a feature that did not help one platform's model in cross-validation).
     */
    public ClassifierModel fit(List<Row> rows, String source, Set<ClassifierModel.Feature> leftOut) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("no rows to fit");
        }
        int k = ClassifierModel.SIZE;
        double[] means = new double[k];
        boolean[] used = new boolean[k];
        for (int j = 0; j < k; j++) {
            used[j] = !leftOut.contains(ClassifierModel.Feature.values()[j]);
            if (!used[j]) {
                continue;
            }
            double sum = 0;
            int n = 0;
            for (Row r : rows) {
                if (!Double.isNaN(r.x()[j])) {
                    sum += r.x()[j];
                    n++;
                }
            }
            means[j] = n == 0 ? 0 : sum / n;
        }
        int m = k + 1; // the intercept is the last coefficient
        double[][] z = new double[rows.size()][m];
        for (int i = 0; i < rows.size(); i++) {
            double[] x = rows.get(i).x();
            for (int j = 0; j < k; j++) {
                z[i][j] = !used[j] || Double.isNaN(x[j]) ? 0 : x[j] - means[j];
            }
            z[i][k] = 1;
        }
        double[] b = new double[m];
        for (int it = 0; it < ITERATIONS; it++) {
            double[] gradient = new double[m];
            double[][] hessian = new double[m][m];
            for (int i = 0; i < rows.size(); i++) {
                Row r = rows.get(i);
                double p = sigmoid(dot(b, z[i]));
                double g = r.weight() * (p - (r.fake() ? 1 : 0));
                double h = r.weight() * p * (1 - p);
                for (int a = 0; a < m; a++) {
                    gradient[a] += g * z[i][a];
                    for (int c = 0; c < m; c++) {
                        hessian[a][c] += h * z[i][a] * z[i][c];
                    }
                }
            }
            for (int a = 0; a < k; a++) {
                gradient[a] += lambda * b[a];
                hessian[a][a] += used[a] ? lambda : 1; // a left-out feature's column is 0: its step stays 0
            }
            double[] step = solve(hessian, gradient);
            double largest = 0;
            for (int a = 0; a < m; a++) {
                b[a] -= step[a];
                largest = Math.max(largest, Math.abs(step[a]));
            }
            if (largest < 1e-10) {
                break;
            }
        }
        double[] weights = new double[k];
        System.arraycopy(b, 0, weights, 0, k);
        return new ClassifierModel(b[k], weights, means, source);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    /** Solves {@code a x = y} by Gaussian elimination with partial pivoting; {@code a} is small and positive definite. */
    static double[] solve(double[][] a, double[] y) {
        int n = y.length;
        double[][] m = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, m[i], 0, n);
            m[i][n] = y[i];
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
                    pivot = r;
                }
            }
            double[] t = m[col];
            m[col] = m[pivot];
            m[pivot] = t;
            if (Math.abs(m[col][col]) < 1e-300) {
                throw new ArithmeticException("singular system: a feature has no variation and no penalty");
            }
            for (int r = col + 1; r < n; r++) {
                double f = m[r][col] / m[col][col];
                for (int c = col; c <= n; c++) {
                    m[r][c] -= f * m[col][c];
                }
            }
        }
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = m[i][n];
            for (int c = i + 1; c < n; c++) {
                s -= m[i][c] * x[c];
            }
            x[i] = s / m[i][i];
        }
        return x;
    }
}
