#!/usr/bin/env bash
# Assembles the conformance corpus (docs/CONFORMANCE.md) in DIR: every file corpus.tsv lists, byte for byte, at the
# commit it names, from GitHub (curl) or from local clones of the sources (--from-clones, a folder holding each
# repository under its own name, e.g. Mastodon.py/, as `git clone` leaves it). Then run the tests with
#   SCOUT_CONFORMANCE_DIR=DIR mvn -B -pl crawler -am test -Dtest='*Conformance*' -Dsurefire.failIfNoSpecifiedTests=false
set -euo pipefail

usage() {
  echo "usage: scripts/conformance/fetch.sh DIR [--from-clones FOLDER]" >&2
  exit 2
}
[ $# -eq 1 ] || [ $# -eq 3 ] || usage
dir="$1"
clones=""
if [ $# -eq 3 ]; then
  [ "$2" = "--from-clones" ] || usage
  clones="$3"
  [ -d "$clones" ] || { echo "fetch.sh: no folder $clones (give the folder your clones are in)" >&2; exit 2; }
fi
manifest="$(dirname "${BASH_SOURCE[0]}")/corpus.tsv"

count=0
while IFS=$'\t' read -r folder repo commit path; do
  case "$folder" in ''|'#'*) continue ;; esac
  target="$dir/$folder/${path#tests/}"
  mkdir -p "$(dirname "$target")"
  if [ -n "$clones" ]; then
    clone="$clones/${repo#*/}"
    git -C "$clone" show "$commit:$path" > "$target.part" || {
      rm -f "$target.part"
      echo "fetch.sh: $clone has no $path at commit $commit (fetch that commit: git -C $clone fetch origin $commit)" >&2
      exit 1
    }
  else
    url="https://raw.githubusercontent.com/$repo/$commit/$path"
    curl -fsSL --retry 3 -o "$target.part" "$url" || {
      rm -f "$target.part"
      echo "fetch.sh: could not download $url (no network, or the file moved: see docs/CONFORMANCE.md)" >&2
      exit 1
    }
  fi
  mv "$target.part" "$target"
  count=$((count + 1))
done < "$manifest"
echo "fetch.sh: $count files in $dir"
