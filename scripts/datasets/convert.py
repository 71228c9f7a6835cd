#!/usr/bin/env python3
"""Convert public labelled fake/genuine account sets into Scout's `score --input` JSONL plus labels.

Usage:
  python3 scripts/datasets/convert.py instagram-kaggle SRC_DIR OUT_DIR
      SRC_DIR holds train.csv and test.csv of the Kaggle "Instagram fake spammer genuine accounts" set
      (https://www.kaggle.com/datasets/free4ever1/instagram-fake-spammer-genuine-accounts).
  python3 scripts/datasets/convert.py twibot22-sample SRC_DIR OUT_DIR
      SRC_DIR holds user_sample.json (one Twitter user object a line) and label_sample.csv (id,label) of the
      1,000-user TwiBot-22 sample (github.com/Rising-Stars-by-Sunshine/Boen-ps2, data/).
  python3 scripts/datasets/convert.py instagram-srf SRC_DIR OUT_DIR
      SRC_DIR holds labelled_1000_inclprivate.csv of SRF Data's "Identifying a Large Number of Fake Followers on
      Instagram" (github.com/srfdata/2017-10-instagram-influencers, analysis/input/; CC BY-SA 4.0): 975 followers
      of Swiss Instagram influencers, labelled fake or real by hand.

Each writes OUT_DIR/<name>.jsonl (one profile a line, docs/INPUT.md) and OUT_DIR/<name>.labels.tsv
(id, label fake|genuine, split train|test). `scout bench classifier --data OUT_DIR` reads both.
Standard library only. The data itself is not in the repository (see docs/DATASETS.md for sources and licences).

Splits: the Kaggle set ships its own train/test files, kept as they are. TwiBot-22's and SRF's samples have none: an
account is held out when the first byte of SHA-1(id, or user name) is below 77 (about 30 %), so the split is stable
and needs no seed.
"""
import csv
import hashlib
import json
import os
import sys
from datetime import datetime, timezone

LETTERS = "abcdefghijklmnopqrstuvwxyz"


def letters_id(n):
    """A digit-free user name for row n (aaaa, aaab, ...), so ids add no digits of their own."""
    out = ""
    for _ in range(4):
        out = LETTERS[n % 26] + out
        n //= 26
    return out


def kaggle_handle(digit_share):
    """The Kaggle set gives only digits / length of the user name: a 30-character name with that share."""
    length = 30
    digits = max(0, min(length, round(float(digit_share) * length)))
    return "7" * digits + "u" * (length - digits)


def kaggle_display_name(r, handle):
    """The Kaggle set gives only the full name's word count, its share of digits and whether it equals the user
    name: a placeholder with those three properties (empty when it has no words)."""
    if r["name==username"].strip() == "1":
        return handle
    words = int(float(r["fullname words"]))
    if words == 0:
        return ""
    length = 8 * words
    digits = max(0, min(length, round(float(r["nums/length fullname"]) * length)))
    chars = "7" * digits + "n" * (length - digits)
    return " ".join(chars[k * 8:(k + 1) * 8] for k in range(words))


def instagram_kaggle(src, out):
    rows = []
    for split, name in (("train", "train.csv"), ("test", "test.csv")):
        with open(os.path.join(src, name), newline="", encoding="utf-8") as f:
            for r in csv.DictReader(f):
                rows.append((split, r))
    with open(os.path.join(out, "instagram-kaggle.jsonl"), "w", encoding="utf-8") as j, \
            open(os.path.join(out, "instagram-kaggle.labels.tsv"), "w", encoding="utf-8") as l:
        for i, (split, r) in enumerate(rows):
            pid = "instagram:kg" + split + letters_id(i)
            bio_len = int(float(r["description length"]))
            handle = kaggle_handle(r["nums/length username"])
            profile = {
                "id": pid,
                "handle": handle,
                "display_name": kaggle_display_name(r, handle),
                # Only the bio's length is published: a placeholder of that length stands in for it.
                "bio": "b" * bio_len,
                "followers": int(float(r["#followers"])),
                "following": int(float(r["#follows"])),
                "posts_count": int(float(r["#posts"])),
                "has_avatar": r["profile pic"].strip() == "1",
                "posts": [],
            }
            if r["external URL"].strip() == "1":  # only whether there is one is published
                profile["website"] = "https://site.example/"
            j.write(json.dumps(profile, separators=(",", ":")) + "\n")
            l.write("%s\t%s\t%s\n" % (pid, "fake" if r["fake"].strip() == "1" else "genuine", split))
    return len(rows)


def held_out(key):
    return hashlib.sha1(key.encode("utf-8")).digest()[0] < 77


def twibot22_sample(src, out):
    labels = {}
    with open(os.path.join(src, "label_sample.csv"), newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            labels[r["id"]] = r["label"].strip()
    n = 0
    with open(os.path.join(src, "user_sample.json"), encoding="utf-8") as users, \
            open(os.path.join(out, "twibot22-sample.jsonl"), "w", encoding="utf-8") as j, \
            open(os.path.join(out, "twibot22-sample.labels.tsv"), "w", encoding="utf-8") as l:
        for line in users:
            line = line.strip()
            if not line:
                continue
            u = json.loads(line)
            if u["id"] not in labels:
                continue
            m = u.get("public_metrics") or {}
            pid = "x:" + u["username"].lower()
            image = u.get("profile_image_url") or ""
            profile = {
                "id": pid,
                "handle": u["username"],
                "display_name": u.get("name") or "",
                "bio": u.get("description") or "",
                "followers": m.get("followers_count"),
                "following": m.get("following_count"),
                "posts_count": m.get("tweet_count"),
                "has_avatar": bool(image) and "default_profile_images" not in image,
                "bot": False,
                # TwiBot-22 was collected in early 2022; its files carry no per-user collection time.
                "crawled_at": "2022-03-01T00:00:00Z",
                "posts": [],
            }
            if u.get("url"):
                profile["website"] = u["url"]
            if u.get("created_at"):
                created = datetime.fromtimestamp(int(u["created_at"]) / 1000, tz=timezone.utc)
                profile["created_at"] = created.strftime("%Y-%m-%dT%H:%M:%SZ")
            j.write(json.dumps(profile, ensure_ascii=False, separators=(",", ":")) + "\n")
            label = "fake" if labels[u["id"]] == "bot" else "genuine"
            l.write("%s\t%s\t%s\n" % (pid, label, "test" if held_out(u["id"]) else "train"))
            n += 1
    return n


def instagram_srf(src, out):
    n = 0
    with open(os.path.join(src, "labelled_1000_inclprivate.csv"), newline="", encoding="utf-8") as f, \
            open(os.path.join(out, "instagram-srf.jsonl"), "w", encoding="utf-8") as j, \
            open(os.path.join(out, "instagram-srf.labels.tsv"), "w", encoding="utf-8") as l:
        for r in csv.DictReader(f):
            name = r["Username"].strip()
            pid = "instagram:" + name.lower()
            profile = {
                "id": pid,
                "handle": name,
                # The set publishes no bio: null says "not known", so the classifier counts it as neither present
                # nor empty (an empty string would be read as an empty bio, which is evidence).
                "bio": None,
                "followers": int(r["Number.of.followers"]),
                "following": int(r["Number.of.people.they.follow"]),
                "posts_count": int(r["Number.of.posts"]),
                "has_avatar": r["has_profile_picture"].strip().upper() == "TRUE",
                "posts": [],
            }
            j.write(json.dumps(profile, ensure_ascii=False, separators=(",", ":")) + "\n")
            # rating TRUE = judged fake by SRF Data's two labellers.
            label = "fake" if r["rating"].strip().upper() == "TRUE" else "genuine"
            l.write("%s\t%s\t%s\n" % (pid, label, "test" if held_out(name.lower()) else "train"))
            n += 1
    return n


CONVERTERS = {"instagram-kaggle": instagram_kaggle, "twibot22-sample": twibot22_sample,
              "instagram-srf": instagram_srf}


def main(argv):
    if len(argv) != 4 or argv[1] not in CONVERTERS:
        sys.stderr.write(__doc__)
        return 2
    src, out = argv[2], argv[3]
    os.makedirs(out, exist_ok=True)
    n = CONVERTERS[argv[1]](src, out)
    print("%s: %d profiles written to %s" % (argv[1], n, out))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
