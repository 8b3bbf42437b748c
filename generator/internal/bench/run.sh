#!/usr/bin/env bash
# Builds generated corpora with Playbook, with the bare goldmark+chroma
# baseline (baseline/) and, when Debian's hugo is installed, with Hugo on a
# site whose layout matches Playbook's default theme (hugo/site/, in its
# "best" configuration, the sidebar cached per section, and "uncached").
# Each tool runs RUNS times (default 3), in turn; the page cache is emptied
# and the corpus read back before every run (when run as root), so that no
# run pays for what another wrote. It prints every run, the medians, and
# the ratios of the medians: the figures to quote, as one run on this
# machine is not.
#
# Usage: generator/internal/bench/run.sh [PAGES...]   (default: 1000 10000)
#        RUNS=5 generator/internal/bench/run.sh 50000
#        HUGO=0 ... leaves Hugo out; SETTLE=0 ... leaves the page cache alone.
# Needs /usr/bin/time (Debian package "time").
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cd "$here/../../.."
runs=${RUNS:-3}
hugo=${HUGO:-1}
if ! command -v hugo >/dev/null; then
  [[ $hugo == 0 ]] || echo "hugo not found: Hugo left out (apt-get install --no-install-recommends hugo)"
  hugo=0
fi
bin=$(mktemp -d)
trap 'rm -rf "$bin"' EXIT
go build -o "$bin/playbook" ./cmd/playbook
go build -o "$bin/baseline" ./generator/internal/bench/baseline
go build -o "$bin/gencorpus" ./generator/internal/bench/gencorpus
echo "$("$bin/playbook" version), $(nproc) CPUs"
[[ $hugo == 0 ]] || hugo version

# settle flushes what earlier runs wrote and, as root, empties the page
# cache and reads the corpus $1 back into it.
settle() {
  sync
  if [[ ${SETTLE:-1} != 0 && -w /proc/sys/vm/drop_caches ]]; then
    echo 3 >/proc/sys/vm/drop_caches
    find "$1/content" -type f -exec cat {} + >/dev/null
  fi
}

# measure NAME CORPUS COMMAND...: runs the command once, settled, and appends
# "NAME wall cpu rss" to $bin/times. Outputs are removed only at the end.
measure() {
  local name=$1 corpus=$2
  shift 2
  settle "$corpus"
  if ! /usr/bin/time -o "$bin/time" -f "%e %U %S %M" "$@" >/dev/null 2>"$bin/stderr"; then
    cat "$bin/stderr" "$bin/time" >&2
    exit 1
  fi
  read -r wall user sys rss <"$bin/time"
  printf '  %-13s wall %6.2fs  CPU %6.2fs user + %5.2fs sys  peak RSS %5d MB\n' "$name" "$wall" "$user" "$sys" $((rss / 1024))
  echo "$name $wall $user $sys $rss" | awk '{ print $1, $2, $3 + $4, $5 }' >>"$bin/times"
}

# median NAME COLUMN: the median of a column of $bin/times for NAME.
median() {
  awk -v n="$1" -v c="$2" '$1 == n { print $c }' "$bin/times" | sort -n |
    awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'
}

# ratio A B COLUMN: the ratio of the medians of A and B.
ratio() {
  awk -v a="$(median "$1" "$3")" -v b="$(median "$2" "$3")" 'BEGIN { printf "%.2fx", a / b }'
}

if (($# == 0)); then set -- 1000 10000; fi
for pages in "$@"; do
  dir="$bin/corpus-$pages"
  "$bin/gencorpus" -n "$pages" -o "$dir" >/dev/null
  : >"$bin/times"
  names="baseline build check"
  echo "== $pages pages, $runs runs each, in turn"
  for run in $(seq "$runs"); do
    measure baseline "$dir" "$bin/baseline" -s "$dir" -d "$dir/base-$run"
    measure build "$dir" "$bin/playbook" build -s "$dir" -d "$dir/public-$run"
    measure check "$dir" "$bin/playbook" check -s "$dir"
    if [[ $hugo != 0 ]]; then
      names="$names hugo-best hugo-uncached"
      # Hugo's caches start empty on every run and live outside its site.
      for env in best uncached; do
        measure "hugo-$env" "$dir" env HUGO_RESOURCEDIR="$dir/hugo-$env-$run/resources" \
          hugo --quiet --environment "$env" -s "$here/hugo/site" --contentDir "$dir/content" \
          -d "$dir/hugo-$env-$run/public" --cacheDir "$dir/hugo-$env-$run/cache"
      done
    fi
  done
  for name in $(echo "$names" | tr ' ' '\n' | awk '!seen[$0]++'); do
    printf '  median %-13s wall %6.2fs  CPU %6.2fs  peak RSS %5d MB\n' "$name" \
      "$(median "$name" 2)" "$(median "$name" 3)" $(($(median "$name" 4) / 1024))
  done
  echo "  build / baseline: $(ratio build baseline 2) wall, $(ratio build baseline 3) CPU"
  echo "  check / build:    $(ratio check build 2) wall, $(ratio check build 3) CPU"
  if [[ $hugo != 0 ]]; then
    echo "  hugo-best / build: $(ratio hugo-best build 2) wall, $(ratio hugo-best build 3) CPU"
    echo "  hugo-uncached / build: $(ratio hugo-uncached build 2) wall, $(ratio hugo-uncached build 3) CPU"
  fi
  rm -rf "$dir"
done
