#!/usr/bin/env python3
"""How often genuine accounts in the labelled sets show the default avatar or no bio, by follower count.

The simulator (simnet AccountFactory) draws its real accounts' avatar and bio rates from these figures, so that
its real people look like real people rather than like the scorer's idea of them. Standard library only.

usage: real_account_rates.py KAGGLE_DIR TWIBOT22_DIR
  KAGGLE_DIR   holds train.csv and test.csv of the Kaggle Instagram fake/genuine set (docs/DATASETS.md)
  TWIBOT22_DIR holds user_sample.json and label_sample.csv of the TwiBot-22 sample
"""
import csv
import json
import os
import sys

BANDS = ((0, 30), (30, 1000), (1000, None))


def kaggle(folder):
    rows = []
    for name in ("train.csv", "test.csv"):
        with open(os.path.join(folder, name), newline="") as f:
            rows += [r for r in csv.DictReader(f) if r["fake"] == "0"]
    n = len(rows)
    no_pic = sum(1 for r in rows if r["profile pic"] == "0")
    no_bio = sum(1 for r in rows if r["description length"] == "0")
    print(f"instagram-kaggle genuine: {n} accounts; default avatar {no_pic} ({no_pic / n:.1%}),"
          f" no bio {no_bio} ({no_bio / n:.1%})")


def twibot(folder):
    with open(os.path.join(folder, "label_sample.csv"), newline="") as f:
        labels = {r["id"]: r["label"] for r in csv.DictReader(f)}
    with open(os.path.join(folder, "user_sample.json")) as f:
        users = [json.loads(line) for line in f if line.strip()]
    humans = [u for u in users if labels.get(u["id"]) == "human"]
    for low, high in BANDS:
        band = [u for u in humans if u["public_metrics"]["followers_count"] >= low
                and (high is None or u["public_metrics"]["followers_count"] < high)]
        n = len(band)
        default = sum(1 for u in band if "default_profile" in (u.get("profile_image_url") or ""))
        no_bio = sum(1 for u in band if not (u.get("description") or "").strip())
        label = f"{low}-{high - 1}" if high else f">= {low}"
        print(f"twibot22-sample humans, {label} followers: {n} accounts; default avatar {default}"
              f" ({default / n:.1%}), no bio {no_bio} ({no_bio / n:.1%})")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    kaggle(sys.argv[1])
    twibot(sys.argv[2])
