#!/usr/bin/env python3
"""Cross-validated comparison of account-classifier variants on the training parts only (BENCHMARKS.md, "Account
classifier", "How the model was chosen").

Usage: python3 scripts/datasets/classifier_variants.py DIR
  DIR holds NAME.jsonl + NAME.labels.tsv written by convert.py (instagram-kaggle, instagram-srf, twibot22-sample).

A re-implementation of LogisticFit (L2 λ = 1 on the weights, Newton's method, features centred on their known
mean, unknown = NaN = mean, each set equal weight and fake/genuine balanced within it) with its own 5-fold draw, so
its figures differ from `scout bench classifier`'s by a few hundredths. Held-out parts are never read. For each
variant: out-of-fold MCC per set, and how often the 75 % audience gate is decided wrongly on out-of-fold samples of
80 accounts with 0-40 % fakes (FakeShare's posterior mean), plus the bias of the "% real" estimate. Needs numpy.
"""
import json
import math
import random
import sys
from collections import Counter

import numpy as np

SETS = ["instagram-kaggle", "twibot22-sample", "instagram-srf"]
GRID = np.linspace(0, 1, 401)


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
            rows.append({"ds": name, "fake": fake, "p": p})
    return rows


def features(p, extra):
    fo, fi, po = p.get("followers"), p.get("following"), p.get("posts_count")
    lf = math.log1p(fo) if fo is not None else math.nan
    lg = math.log1p(fi) if fi is not None else math.nan
    x = [lf, lg, math.nan, math.nan, 0.0, math.nan, max(0.0, lg - lf), math.nan]
    if po is not None:
        x[2], x[7] = math.log1p(po), (1.0 if po == 0 else 0.0)
    bio = p.get("bio", "")
    x[3] = math.nan if bio is None else (1.0 if not bio.strip() else 0.0)
    x[4] = 0.0 if p.get("has_avatar", True) else 1.0
    h = p["handle"].lstrip("@")
    x[5] = sum(c.isdigit() for c in h) / len(h) if h else math.nan
    return x + [f(p, x) for f in extra]


def fit(rows, lam=1.0):
    X = np.array([r["x"] for r in rows], float)
    means = np.nan_to_num(np.nanmean(X, axis=0))
    Z = np.hstack([np.where(np.isnan(X), 0, X - means), np.ones((len(X), 1))])
    y = np.array([r["fake"] for r in rows], float)
    c = Counter((r["ds"], r["fake"]) for r in rows)
    w = np.array([len(rows) / len(c) / c[(r["ds"], r["fake"])] for r in rows])
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


def out_of_fold(rows, fitter):
    rnd = random.Random(42)
    fold = [rnd.randrange(5) for _ in rows]
    probs = [0.0] * len(rows)
    for k in range(5):
        model = fitter([r for r, f in zip(rows, fold) if f != k])
        held = [i for i, f in enumerate(fold) if f == k]
        for i, p in zip(held, model([rows[i] for i in held])):
            probs[i] = p
    return probs


def pooled(rows):
    m = fit(rows)
    return lambda rs: predict(m, rs)


def per_platform(rows):
    by = {}
    for r in rows:
        by.setdefault(r["p"]["id"].split(":")[0], []).append(r)
    models = {k: fit(v) for k, v in by.items()}
    return lambda rs: np.array([predict(models[r["p"]["id"].split(":")[0]], [r])[0] for r in rs])


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


VARIANTS = [
    ("one pooled model", [], pooled),
    ("pooled + following > 10x followers", [ratio10], pooled),
    ("pooled + Instagram term", [ig], pooled),
    ("pooled + Instagram term + Instagram x excess following", [ig, lambda p, x: ig(p, x) * x[6]], pooled),
    ("one model per platform (shipped)", [], per_platform),
]


def main(argv):
    if len(argv) != 2:
        sys.stderr.write(__doc__)
        return 2
    base = [r for s in SETS for r in load(argv[1], s)]
    for name, extra, fitter in VARIANTS:
        rows = [dict(r, x=features(r["p"], extra)) for r in base]
        probs = out_of_fold(rows, fitter)
        cells = []
        for s in SETS:
            idx = [i for i, r in enumerate(rows) if r["ds"] == s]
            m = mcc([rows[i]["fake"] for i in idx], [probs[i] >= 0.5 for i in idx])
            g = gate(rows, probs, s)
            cells.append("%s CV MCC %.3f, gate wrong %4.1f%% (bias %+5.1f)" % (s, m, g[0], g[1]))
        print(name + "\n  " + "\n  ".join(cells))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
