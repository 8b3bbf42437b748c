#!/usr/bin/env bash
# Builds a generated corpus with Playbook and with the bare goldmark+chroma
# baseline, and prints wall time, CPU time and peak memory of each, so that
# their ratio can be quoted. Usage: generator/internal/bench/run.sh [PAGES...]
# (default: 1000 10000). Needs /usr/bin/time (Debian package "time").
set -euo pipefail
cd "$(dirname "$0")/../../.."
bin=$(mktemp -d)
trap 'rm -rf "$bin"' EXIT
go build -o "$bin/playbook" ./cmd/playbook
go build -o "$bin/baseline" ./generator/internal/bench/baseline
measure() { # name command...
  local name=$1; shift
  /usr/bin/time -f "$name: wall %es, CPU %Us user + %Ss sys, peak RSS %M KB" "$@" >/dev/null
}
for n in "${@:-1000 10000}"; do
  for pages in $n; do
    dir="$bin/corpus-$pages"
    "$bin/playbook" gen-corpus -n "$pages" -o "$dir" >/dev/null
    echo "== $pages pages"
    measure "baseline (goldmark+chroma render and write)" "$bin/baseline" -s "$dir" -d "$dir/baseline-out"
    measure "playbook build" "$bin/playbook" build -s "$dir" -d "$dir/public"
    measure "playbook check" "$bin/playbook" check -s "$dir"
  done
done
