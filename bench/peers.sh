#!/usr/bin/env bash
# Builds the shared yardstick corpus of N reports with Plenary (pages, feeds,
# data files and the search index) and with Hugo + Pagefind, one after the
# other on the same machine, and prints both and their ratio.
#
#   bench/peers.sh N            e.g. bench/peers.sh 10000
#
# Environment: RUNS (default 3) timed runs of each, medians reported;
# SHARED (default ../shared beside the project) holds bench/gen_corpus.py
# and bench/hugo-site; PF_DIR (default /tmp/pf) where pagefind is installed.
# Installs hugo, time and pagefind when missing (Debian packages, npm).
set -euo pipefail
N=${1:?usage: bench/peers.sh N}
RUNS=${RUNS:-3}
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${SHARED:-$root/../shared}
PF_DIR=${PF_DIR:-/tmp/pf}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

command -v hugo >/dev/null || { apt-get update -qq && apt-get install -y -qq hugo >/dev/null; }
[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
if [ ! -x "$PF_DIR/node_modules/.bin/pagefind" ]; then
  mkdir -p "$PF_DIR"
  (cd "$PF_DIR" && { [ -f package.json ] || npm init -y >/dev/null; } && npm install --silent pagefind@1.6.0 >/dev/null)
fi

python3 "$shared/bench/gen_corpus.py" -n "$N" --seed 1 --out "$work/site/content" 2>/dev/null
cp "$root/config.toml" "$work/site/"
(cd "$root" && go build -o "$work/plenary" ./cmd/plenary)
mkdir -p "$work/hugo" && cp -r "$shared/bench/hugo-site/." "$work/hugo/"
rm -rf "$work/hugo/content" "$work/hugo/public" "$work/hugo/resources"
cp -r "$work/site/content" "$work/hugo/content"

# measure CMD...: prints "<wall seconds> <peak RSS MiB>"
measure() {
  /usr/bin/time -f '%e %M' -o "$work/t" "$@" >"$work/log" 2>&1 || { cat "$work/log"; exit 1; }
  awk '{printf "%.2f %.0f\n", $1, $2/1024}' "$work/t"
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

: >"$work/ours"; : >"$work/peer"
# Each run writes into folders of its own, and the sites are deleted only
# at the end: ext4 without a journal checks every inode freed in the last
# minute or more before it reuses one: a 1,000-report build made right
# after deleting the previous run's site took 2.5-3.3 s instead of 1.3 s,
# the difference all in the kernel, and so would whichever tool came next.
for r in $(seq "$RUNS"); do
  rm -rf "$work/site/search.bleve" "$work/site/.plenary-cache" "$work/hugo/resources"; sync
  read -r w m < <(measure "$work/plenary" build --source "$work/site" --dest "$work/out$r" --clean --quiet)
  echo "$w $m" >>"$work/ours"
  read -r hw hm < <(measure hugo --minify -s "$work/hugo" -d "$work/hugo/public$r")
  read -r pw pm < <(measure "$PF_DIR/node_modules/.bin/pagefind" --site "$work/hugo/public$r")
  awk -v a="$hw" -v b="$pw" -v c="$hm" -v d="$pm" 'BEGIN {printf "%.2f %d\n", a + b, (c > d ? c : d)}' >>"$work/peer"
  printf 'run %d: plenary %ss %sMiB | hugo %ss %sMiB + pagefind %ss %sMiB\n' "$r" "$w" "$m" "$hw" "$hm" "$pw" "$pm"
done
ow=$(cut -d' ' -f1 "$work/ours" | median); om=$(cut -d' ' -f2 "$work/ours" | median)
pw=$(cut -d' ' -f1 "$work/peer" | median); pm=$(cut -d' ' -f2 "$work/peer" | median)
printf '%s reports, medians of %d runs on %d cores, %s:\n' "$N" "$RUNS" "$(nproc)" "$(date -u +%Y-%m-%d)"
printf '  plenary          %7.2f s  %6d MiB peak\n' "$ow" "$om"
printf '  hugo + pagefind  %7.2f s  %6d MiB peak\n' "$pw" "$pm"
awk -v a="$ow" -v b="$pw" -v c="$om" -v d="$pm" 'BEGIN {printf "  ratio (plenary / hugo + pagefind): time %.2f, memory %.2f\n", a / b, c / d}'
