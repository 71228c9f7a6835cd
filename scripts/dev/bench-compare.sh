#!/usr/bin/env bash
# Compares the scorer benchmark of the working tree with another commit, in one sitting: builds both benchmark jars,
# then runs JMH on one pinned core for each in turn, alternating, so that both see the same machine. The machines
# here change from session to session and drift within the hour, so this is the comparison that means something;
# a figure from another day does not.
#
#   scripts/dev/bench-compare.sh REF [ROUNDS] [CORE]     e.g. scripts/dev/bench-compare.sh f31bb46 3 1
#
# REF is any commit (the engine to compare with); ROUNDS (default 3) pairs of runs; CORE (default 1) the core both
# runs are pinned to. Each run is JMH -f 2 -wi 6 -w 5 -i 5 -r 3, about 1.5 minutes: on one core the compiler takes
# turns with the benchmark, so it warms up longer than elsewhere. Each line gives the JMH score and every measured
# iteration; compare the rounds in which both builds' iterations are steady. Needs taskset (util-linux).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
ref="${1:?usage: bench-compare.sh REF [ROUNDS] [CORE]}"
rounds="${2:-3}"
core="${3:-1}"
command -v taskset >/dev/null || { echo "bench-compare: taskset is needed (Debian package util-linux)" >&2; exit 2; }
git -C "$root" rev-parse --verify -q "$ref^{commit}" >/dev/null \
  || { echo "bench-compare: '$ref' is not a commit of this repository" >&2; exit 2; }

work="$(mktemp -d)"
trap 'git -C "$root" worktree remove --force "$work/ref" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

echo "bench-compare: building the working tree's benchmarks..." >&2
(cd "$root" && mvn -B -q -pl bench -am package -DskipTests) >&2
cp "$root/bench/target/benchmarks.jar" "$work/tree.jar"
echo "bench-compare: building $ref's benchmarks in a temporary worktree..." >&2
git -C "$root" worktree add --detach "$work/ref" "$ref" >/dev/null
(cd "$work/ref" && mvn -B -q -pl bench -am package -DskipTests) >&2
cp "$work/ref/bench/target/benchmarks.jar" "$work/ref.jar"

run() { # jar label
  local out score iterations
  out=$(taskset -c "$core" java -jar "$1" ScorerBenchmark -f 2 -wi 6 -w 5 -i 5 -r 3 2>&1) || true
  score=$(awk '/^ScorerBenchmark.scoreOneProfile /{print $4, $5, $6}' <<<"$out")
  # Each measured iteration too: a neighbour's burst shows as a fork or a run of iterations far below the rest, and
  # only rounds whose iterations are steady for both builds compare the code rather than the host.
  iterations=$(awk '/^Iteration /{printf "%s%.0f", sep, $3; sep=" "}' <<<"$out")
  printf '%s  %-12s %s profiles/s   iterations: %s\n' "$(date -u +%H:%M:%S)" "$2" \
    "${score:-(no result: run the jar by hand to see why)}" "${iterations:-none}"
}

echo "bench-compare: ScorerBenchmark on core $core, $rounds rounds, $(date -u +%Y-%m-%d) UTC"
for ((r = 1; r <= rounds; r++)); do
  run "$work/tree.jar" "tree"
  run "$work/ref.jar" "$ref"
done
