#!/usr/bin/env python3
"""Cross-validated comparison of account-classifier variants on the training parts only (BENCHMARKS.md, "Account
classifier", "How the model was chosen").

Usage: python3 scripts/datasets/classifier_variants.py DIR
  DIR holds NAME.jsonl + NAME.labels.tsv written by convert.py (instagram-kaggle, instagram-srf, twibot22-sample).

A re-implementation of LogisticFit (L2 λ = 1 on the weights, Newton's method, features centred on their known
mean, unknown = NaN = mean, each set equal weight and fake/genuine balanced within it) with its own 5-fold draw, so
its figures differ from `scout bench classifier`'s by a few hundredths. Held-out parts are never read. For each
variant: out-of-fold MCC per set, and how often the 75 % audience gate is decided wrongly on out-of-fold samples of
80 accounts with 0-40 % fakes (FakeShare's posterior mean), plus the bias of the "% real" estimate. For the
shipped variant also the decision cut that maximises MCC on the pooled Instagram out-of-fold predictions, and a
nested estimate of what choosing that cut is worth (the cut re-chosen on an inner 5-fold CV of each outer fold's
training rows). Needs numpy; takes a few minutes.
"""
import json
import math
import random
import sys
import warnings
from collections import Counter

import numpy as np

SETS = ["instagram-kaggle", "twibot22-sample", "instagram-srf"]
GRID = np.linspace(0, 1, 401)
RULE = 8  # index of the baseline-rule input (ClassifierModel.Feature.BASELINE_RULE)


def load(d, name):
    labels = {}
    for line in open(f"{d}/{name}.labels.tsv", encoding="utf-8"):
        pid, label, split = line.rstrip("\n").split("\t")
        labels[pid] = (label == "fake", split == "test")
    rows = []
    for line in open(f"{d}/{name}.jsonl", encoding="utf-8"):
        p = json.loads(line)
        fake, test = labels[p["id"]]
        if not test:  # training parts only
            p["ds_has_no_website"] = name == "instagram-srf"  # SRF publishes no website field
            rows.append({"ds": name, "fake": fake, "p": p})
    return rows


def baseline_rule(p):
    """TwoRuleBaseline.indicator: 1 when a rule fires, 0 when not and both counts are known, else unknown."""
    fo, fi, po, bio = p.get("followers"), p.get("following"), p.get("posts_count"), p.get("bio", "")
    ratio = fo is not None and fi is not None and (fo == 0 or fi > 10 * fo)
    empty = po is not None and po == 0 and bio is not None and not bio.strip()
    if ratio or empty:
        return 1.0
    return 0.0 if fo is not None and fi is not None else math.nan


def features(p, extra):
    """ClassifierModel.inputs (Feature order), then the variant's extra inputs."""
    fo, fi, po = p.get("followers"), p.get("following"), p.get("posts_count")
    lf = math.log1p(fo) if fo is not None else math.nan
    lg = math.log1p(fi) if fi is not None else math.nan
    x = [lf, lg, math.nan, math.nan, 0.0, math.nan, max(0.0, lg - lf), math.nan, baseline_rule(p)]
    if po is not None:
        x[2], x[7] = math.log1p(po), (1.0 if po == 0 else 0.0)
    bio = p.get("bio", "")
    x[3] = math.nan if bio is None else (1.0 if not bio.strip() else 0.0)
    x[4] = 0.0 if p.get("has_avatar", True) else 1.0
    h = p["handle"].lstrip("@")
    x[5] = sum(c.isdigit() for c in h) / len(h) if h else math.nan
    return x + [f(p, x) for f in extra]


def fit(rows, lam=1.0, balanced=True):
    X = np.array([r["x"] for r in rows], float)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        means = np.nan_to_num(np.nanmean(X, axis=0))  # a left-out (all-NaN) column: mean 0, weight 0
    Z = np.hstack([np.where(np.isnan(X), 0, X - means), np.ones((len(X), 1))])
    y = np.array([r["fake"] for r in rows], float)
    if balanced:  # each set equal weight, fake and genuine balanced within it (what LogisticFit is given)
        c = Counter((r["ds"], r["fake"]) for r in rows)
        w = np.array([len(rows) / len(c) / c[(r["ds"], r["fake"])] for r in rows])
    else:  # each set equal weight, its own share of fakes kept
        c = Counter(r["ds"] for r in rows)
        w = np.array([len(rows) / len(c) / c[r["ds"]] for r in rows])
    b, k = np.zeros(Z.shape[1]), Z.shape[1] - 1
    for _ in range(50):
        p = 1 / (1 + np.exp(-Z @ b))
        g = Z.T @ (w * (p - y))
        H = (Z * (w * p * (1 - p))[:, None]).T @ Z
        g[:k] += lam * b[:k]
        H[np.arange(k), np.arange(k)] += lam
        step = np.linalg.solve(H, g)
        b -= step
        if np.max(np.abs(step)) < 1e-10:
            break
    return b, means


def predict(model, rows):
    b, means = model
    X = np.array([r["x"] for r in rows], float)
    Z = np.hstack([np.where(np.isnan(X), 0, X - means), np.ones((len(X), 1))])
    return 1 / (1 + np.exp(-Z @ b))


def out_of_fold(rows, fitter, seed=42):
    rnd = random.Random(seed)
    fold = [rnd.randrange(5) for _ in rows]
    probs = [0.0] * len(rows)
    for k in range(5):
        model = fitter([r for r, f in zip(rows, fold) if f != k])
        held = [i for i, f in enumerate(fold) if f == k]
        for i, p in zip(held, model([rows[i] for i in held])):
            probs[i] = p
    return probs


def platform(r):
    return r["p"]["id"].split(":")[0]


def without(rows, cols):
    """The rows with the given inputs unknown, so the fit gives them weight 0 (LogisticFit's leftOut)."""
    return [dict(r, x=[math.nan if j in cols else v for j, v in enumerate(r["x"])]) for r in rows] if cols else rows


def pooled(rows):
    m = fit(rows)
    return lambda rs: predict(m, rs)


def per_platform(rows, left_out=None, balanced=True, model="lr"):
    left_out = left_out or {}
    by = {}
    for r in rows:
        by.setdefault(platform(r), []).append(r)
    if model == "lr":
        models = {k: fit(without(v, left_out.get(k, ())), balanced=balanced) for k, v in by.items()}
        return lambda rs: np.array([predict(models[platform(r)], without([r], left_out.get(platform(r), ())))[0]
                                    for r in rs])
    models = {k: grow(v, model) for k, v in by.items()}
    return lambda rs: np.array([tree_predict(models[platform(r)], r["x"]) for r in rs])


def grow(rows, depth):
    """A weighted CART tree (Gini) of the given depth; unknown values go to the heavier child."""
    X = np.array([r["x"] for r in rows], float)
    y = np.array([r["fake"] for r in rows], float)
    c = Counter((r["ds"], r["fake"]) for r in rows)
    w = np.array([len(rows) / len(c) / c[(r["ds"], r["fake"])] for r in rows])

    def node(idx, d):
        p = (w[idx] * y[idx]).sum() / w[idx].sum()
        best = None
        for j in range(X.shape[1]) if d > 0 else []:
            col = X[idx, j]
            known = ~np.isnan(col)
            vals = np.unique(col[known])
            cuts = (vals[:-1] + vals[1:]) / 2 if len(vals) <= 40 else np.quantile(col[known], np.linspace(.025, .975, 39))
            for t in cuts:
                unknown_left = w[idx][col <= t].sum() >= w[idx][col > t].sum()
                left = (col <= t) | (~known & unknown_left)
                wl, wr = w[idx][left].sum(), w[idx][~left].sum()
                if min(wl, wr) < 0.02 * w.sum():
                    continue
                pl, pr = (w[idx][left] * y[idx][left]).sum() / wl, (w[idx][~left] * y[idx][~left]).sum() / wr
                gini = wl * pl * (1 - pl) + wr * pr * (1 - pr)
                if best is None or gini < best[0]:
                    best = (gini, j, t, unknown_left, left)
        if best is None:
            return ("leaf", p)
        _, j, t, unknown_left, left = best
        return ("split", j, t, unknown_left, node(idx[left], d - 1), node(idx[~left], d - 1))

    return node(np.arange(len(rows)), depth)


def tree_predict(t, x):
    while t[0] == "split":
        _, j, cut, unknown_left, left, right = t
        t = left if (unknown_left if math.isnan(x[j]) else x[j] <= cut) else right
    return min(max(t[1], 0.01), 0.99)


def mcc(y, s):
    tp = sum(a and b for a, b in zip(y, s)); tn = sum(not a and not b for a, b in zip(y, s))
    fp = sum(not a and b for a, b in zip(y, s)); fn = sum(a and not b for a, b in zip(y, s))
    d = math.sqrt((tp + fp) * (tp + fn) * (tn + fp) * (tn + fn))
    return 0.0 if d == 0 else (tp * tn - fp * fn) / d


def fake_share(p):
    p = np.asarray(p)
    ll = np.log(np.maximum(1e-300, GRID[:, None] * p[None, :] + (1 - GRID[:, None]) * (1 - p[None, :]))).sum(1)
    w = np.exp(ll - ll.max())
    return (w * GRID).sum() / w.sum()


def gate(rows, probs, ds):
    fakes = [p for r, p in zip(rows, probs) if r["ds"] == ds and r["fake"]]
    real = [p for r, p in zip(rows, probs) if r["ds"] == ds and not r["fake"]]
    rnd, wrong, n, bias = random.Random(7), 0, 0, 0.0
    for pct in range(0, 45, 5):
        k = round(80 * pct / 100)
        for _ in range(60):
            est = 100 * (1 - fake_share([rnd.choice(fakes) for _ in range(k)] + [rnd.choice(real) for _ in range(80 - k)]))
            truth = 100 * (80 - k) / 80
            wrong += (est >= 75) != (truth >= 75)
            bias += est - truth
            n += 1
    return 100 * wrong / n, bias / n


def ig(p, x):
    return 1.0 if p["id"].startswith("instagram:") else 0.0


def ratio10(p, x):
    return 1.0 if p["following"] > 10 * p["followers"] or (p["followers"] == 0 and p["following"] > 0) else 0.0


def few_posts(p, n):
    return math.nan if p.get("posts_count") is None else (1.0 if p["posts_count"] < n else 0.0)


def name(p, what):
    """Display-name inputs (tried 2026-12-05, not taken): unknown where a set publishes no display name (SRF)."""
    if "display_name" not in p:
        return math.nan
    n, h = p["display_name"].strip(), p["handle"].lstrip("@")
    if what == "empty":
        return 1.0 if not n else 0.0
    if what == "same":
        return 1.0 if n.lower() == h.lower() else 0.0
    if what == "digits":
        return sum(c.isdigit() for c in n) / len(n) if n else 0.0
    return math.log1p(len(n.split()))


def website(p, x):
    """Has a website (not every platform shows one: Bluesky and Mastodon do not): unknown for SRF."""
    return math.nan if p["ds_has_no_website"] else (1.0 if p.get("website") else 0.0)


def even_prior(rows, probs):
    """Probabilities of a fit that kept each set's share of fakes, turned back into even-prior ones for FakeShare."""
    out = np.array(probs, float)
    for plat in {platform(r) for r in rows}:
        sets = {r["ds"] for r in rows if platform(r) == plat}
        prior = np.mean([np.mean([r["fake"] for r in rows if r["ds"] == s]) for s in sets])
        for i, r in enumerate(rows):
            if platform(r) == plat:
                odds = out[i] / (1 - out[i]) / (prior / (1 - prior))
                out[i] = odds / (1 + odds)
    return out


NO_RULE = {"instagram": {RULE}, "x": {RULE}}
X_NO_RULE = {"x": {RULE}}
SHIPPED = "per platform + rule, X without it (shipped)"
# (name, extra inputs after the rule (index 9 on), fitter, how to turn out-of-fold probabilities into even-prior ones)
VARIANTS = [
    ("one pooled model (no rule)", [], lambda rs: pooled(without(rs, {RULE})), None),
    ("pooled + following > 10x followers (no rule)", [ratio10], lambda rs: pooled(without(rs, {RULE})), None),
    ("pooled + Instagram term (no rule)", [ig], lambda rs: pooled(without(rs, {RULE})), None),
    ("pooled + Instagram term + Instagram x excess following (no rule)", [ig, lambda p, x: ig(p, x) * x[6]],
     lambda rs: pooled(without(rs, {RULE})), None),
    ("per platform, no rule (shipped until 2026-12-05 13:00)", [], lambda rs: per_platform(rs, NO_RULE), None),
    ("per platform + rule in every model", [], per_platform, None),
    (SHIPPED, [], lambda rs: per_platform(rs, X_NO_RULE), None),
    ("per platform + following > 10x only, X without it", [ratio10],
     lambda rs: per_platform(rs, {"instagram": {RULE}, "x": {RULE, 9}}), None),
    ("per platform, no rule, + excess x (posts < 10)", [lambda p, x: x[6] * few_posts(p, 10)],
     lambda rs: per_platform(rs, NO_RULE), None),
    ("per platform, no rule, + excess x (posts < 30)", [lambda p, x: x[6] * few_posts(p, 30)],
     lambda rs: per_platform(rs, NO_RULE), None),
    ("per platform, no rule, + excess x no posts", [lambda p, x: x[6] * x[7]], lambda rs: per_platform(rs, NO_RULE),
     None),
    ("per platform + rule + excess x (posts < 10), X without either", [lambda p, x: x[6] * few_posts(p, 10)],
     lambda rs: per_platform(rs, {"x": {RULE, 9}}), None),
    ("per platform, no rule, each set's own share of fakes", [],
     lambda rs: per_platform(rs, NO_RULE, balanced=False), even_prior),
    ("per platform + rule (X without), each set's own share of fakes", [],
     lambda rs: per_platform(rs, X_NO_RULE, balanced=False), even_prior),
    ("per platform + rule (X without) + display name empty", [lambda p, x: name(p, "empty")],
     lambda rs: per_platform(rs, X_NO_RULE), None),
    ("per platform + rule (X without) + display name = user name", [lambda p, x: name(p, "same")],
     lambda rs: per_platform(rs, X_NO_RULE), None),
    ("per platform + rule (X without) + display name's share of digits", [lambda p, x: name(p, "digits")],
     lambda rs: per_platform(rs, X_NO_RULE), None),
    ("per platform + rule (X without) + the three display-name inputs",
     [lambda p, x: name(p, "empty"), lambda p, x: name(p, "same"), lambda p, x: name(p, "digits")],
     lambda rs: per_platform(rs, X_NO_RULE), None),
    ("per platform + rule (X without) + log(1 + display-name words)", [lambda p, x: name(p, "words")],
     lambda rs: per_platform(rs, X_NO_RULE), None),
    ("per platform + rule (X without) + has a website (not on every platform)", [website],
     lambda rs: per_platform(rs, X_NO_RULE), None),
    ("per platform tree, depth 1", [], lambda rs: per_platform(rs, model=1), None),
    ("per platform tree, depth 2", [], lambda rs: per_platform(rs, model=2), None),
    ("per platform tree, depth 3", [], lambda rs: per_platform(rs, model=3), None),
]


def best_cut(rows, probs):
    """The cut in 0.05..0.95 with the largest MCC over the Instagram rows (the one nearest 0.5 on a tie)."""
    idx = [i for i, r in enumerate(rows) if platform(r) == "instagram"]
    y = [rows[i]["fake"] for i in idx]
    scored = [(mcc(y, [probs[i] >= c for i in idx]), -abs(c - 0.5), c) for c in np.arange(0.05, 0.951, 0.01)]
    return round(float(max(scored)[2]), 2)


def cut_choice(rows, fitter, probs):
    """MCC per Instagram set at the pooled-CV best cut, and nested: the cut re-chosen inside each outer fold."""
    cut = best_cut(rows, probs)
    rnd = random.Random(42)
    fold = [rnd.randrange(5) for _ in rows]  # the same draw as out_of_fold's
    nested = [False] * len(rows)
    cuts = []
    for k in range(5):
        inner = [r for r, f in zip(rows, fold) if f != k]
        c = best_cut(inner, out_of_fold(inner, fitter, seed=7))
        cuts.append(c)
        for i, f in enumerate(fold):
            if f == k:
                nested[i] = probs[i] >= (c if platform(rows[i]) == "instagram" else 0.5)
    out = []
    for s in (SETS[0], SETS[2]):
        idx = [i for i, r in enumerate(rows) if r["ds"] == s]
        y = [rows[i]["fake"] for i in idx]
        out.append("%s CV MCC at the best cut %.2f %.3f; nested (inner cuts %s) %.3f" % (
            s, cut, mcc(y, [probs[i] >= cut for i in idx]), "/".join("%.2f" % c for c in cuts),
            mcc(y, [nested[i] for i in idx])))
    return out


def main(argv):
    if len(argv) != 2:
        sys.stderr.write(__doc__)
        return 2
    base = [r for s in SETS for r in load(argv[1], s)]
    for s in SETS:
        rs = [r for r in base if r["ds"] == s]
        print("baseline on %s's training part: MCC %.3f" % (
            s, mcc([r["fake"] for r in rs], [baseline_rule(r["p"]) == 1 for r in rs])))
    for name, extra, fitter, even in VARIANTS:
        rows = [dict(r, x=features(r["p"], extra)) for r in base]
        probs = out_of_fold(rows, fitter)
        cells = []
        for s in SETS:
            idx = [i for i, r in enumerate(rows) if r["ds"] == s]
            m = mcc([rows[i]["fake"] for i in idx], [probs[i] >= 0.5 for i in idx])
            g = gate(rows, probs if even is None else even(rows, probs), s)
            cells.append("%s CV MCC %.3f, gate wrong %4.1f%% (bias %+5.1f)" % (s, m, g[0], g[1]))
        if name == SHIPPED:
            cells += cut_choice(rows, fitter, probs)
        print(name + "\n  " + "\n  ".join(cells), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
