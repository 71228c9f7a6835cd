#!/usr/bin/env bash
# Moves the implementation packages of `crawler` and `scorer` under `<module>.internal` (issue 17, item 5), as
# `store` and `config` already do, and rewrites every reference to them. Idempotent: it moves only what still
# stands in the old place and rewrites only names not yet rewritten, so it can be run again after a merge that
# brought new files into an old package.
#
# What it does, from the repository root (any directory inside the work tree will do):
#   1. for each package below, in every module's src/main/java and src/test/java: moves its files (git mv when
#      tracked, mv otherwise) from dev/scout/<module>/<pkg>/ to dev/scout/<module>/internal/<pkg>/, keeping any
#      sub-packages; a file that already exists at the destination is a conflict: the script stops and names it;
#   2. in every tracked or new (not ignored) text file except wip/ and this script: rewrites the dotted name
#      dev.scout.<module>.<pkg> (package and import lines, static imports, fully-qualified names in code, strings
#      and Javadoc, META-INF/services entries) and source paths .../src/{main,test}/java/dev/scout/<module>/<pkg>/;
#      resources (scorer's phrases.tsv, taxonomy.json, benchmarks.json) stay where they are: the code loads them
#      by absolute path;
#   3. renames META-INF/services files whose name is a moved interface.
# Then it lists any import of an internal package from app, demo, bench or store (PublicApiOnlyTest in app fails
# on them, except the exceptions documented there).
#
# The public API that stays put (what app, demo and store import):
#   crawler: bench, cache, discovery, engine, http, platform (and platform/*)
#   scorer:  the root package dev.scout.scorer, niche (the shipped taxonomy), authenticity (the account
#            classifier, which `scout bench classifier` fits)
#
# Usage: scripts/dev/move-internal.sh        (then: mvn -B -o -q -pl app,demo,bench -am test-compile)
set -euo pipefail

CRAWLER_PKGS=(guard metrics politeness resilience robots)
SCORER_PKGS=(contact cost engagement score sponsorship text tier)

root=$(git rev-parse --show-toplevel)
cd "$root"
self="scripts/dev/move-internal.sh"

moved=0
# move_package MODULE PKG: step 1 for one package, in every module (a test of another module may share it).
move_package() {
    local module=$1 pkg=$2 srcdir from to f rel dest
    for srcdir in */src/main/java */src/test/java; do
        from="$srcdir/dev/scout/$module/$pkg"
        to="$srcdir/dev/scout/$module/internal/$pkg"
        [ -d "$from" ] || continue
        while IFS= read -r -d '' f; do
            rel=${f#"$from"/}
            dest="$to/$rel"
            if [ -e "$dest" ]; then
                echo "move-internal: conflict: $f and $dest both exist; merge them by hand, then run again" >&2
                exit 1
            fi
            mkdir -p "$(dirname "$dest")"
            if git ls-files --error-unmatch -- "$f" >/dev/null 2>&1; then
                git mv -- "$f" "$dest"
            else
                mv -- "$f" "$dest"
            fi
            moved=$((moved + 1))
        done < <(find "$from" -type f -print0)
        find "$from" -depth -type d -empty -delete
    done
}

for p in "${CRAWLER_PKGS[@]}"; do move_package crawler "$p"; done
for p in "${SCORER_PKGS[@]}"; do move_package scorer "$p"; done

alt() { local IFS='|'; echo "$*"; }
crawler_re=$(alt "${CRAWLER_PKGS[@]}")
scorer_re=$(alt "${SCORER_PKGS[@]}")

# Step 2. The look-ahead keeps dev.scout.scorer.textual (if it ever exists) apart from dev.scout.scorer.text; a
# name already under internal does not match, which is what makes a second run a no-op.
rewrite='
  s/\bdev\.scout\.crawler\.('"$crawler_re"')(?![A-Za-z0-9_])/dev.scout.crawler.internal.$1/g;
  s/\bdev\.scout\.scorer\.('"$scorer_re"')(?![A-Za-z0-9_])/dev.scout.scorer.internal.$1/g;
  s{(src/(?:main|test)/java/dev/scout/crawler)/('"$crawler_re"')(?=/)}{$1/internal/$2}g;
  s{(src/(?:main|test)/java/dev/scout/scorer)/('"$scorer_re"')(?=/)}{$1/internal/$2}g;
'
pattern="dev[./]scout[./](crawler[./]($crawler_re)|scorer[./]($scorer_re))([^A-Za-z0-9_]|\$)"
rewritten=0
while IFS= read -r -d '' f; do
    case "$f" in wip/*|"$self") continue ;; esac
    [ -f "$f" ] || continue
    before=$(cksum < "$f")
    perl -i -pe "$rewrite" -- "$f"
    [ "$(cksum < "$f")" = "$before" ] || rewritten=$((rewritten + 1))
done < <({ git ls-files -z; git ls-files -z --others --exclude-standard; } \
    | xargs -0 grep -lIZE -- "$pattern" 2>/dev/null || true)

# Step 3. Service files named after a moved interface.
renamed=0
while IFS= read -r -d '' f; do
    name=$(basename "$f")
    new=$(printf '%s' "$name" | perl -pe "$rewrite")
    if [ "$new" != "$name" ]; then
        git mv -- "$f" "$(dirname "$f")/$new" 2>/dev/null || mv -- "$f" "$(dirname "$f")/$new"
        renamed=$((renamed + 1))
    fi
done < <(find . -path ./.git -prune -o -path '*/target' -prune -o -path '*/META-INF/services/*' -type f -print0)

echo "move-internal: moved $moved files, rewrote $rewritten files, renamed $renamed service files"

leaks=$(grep -rnE "dev\.scout\.(crawler|scorer)\.internal\." --include=*.java app/src demo/src bench/src store/src \
    2>/dev/null || true)
if [ -n "$leaks" ]; then
    echo "move-internal: these files outside crawler and scorer now name internal packages:"
    echo "$leaks"
fi
