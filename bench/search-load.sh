#!/usr/bin/env bash
# Serves a search index with plenary-search and loads it with wrk: random
# selective queries (two words and a state, sometimes a topic; faceted and
# highlighted), 8 connections for 30 s. Prints wrk's figures, the p99 and
# the endpoint's peak memory.
#
#   bench/search-load.sh INDEX_DIR      e.g. after plenary bench --keep DIR: DIR/site/search.bleve
#
# Environment: CONNS (default 8), SECONDS_ (default 30). Installs wrk when missing.
set -euo pipefail
index=${1:?usage: bench/search-load.sh INDEX_DIR}
conns=${CONNS:-8}
secs=${SECONDS_:-30}
root=$(cd "$(dirname "$0")/.." && pwd)
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
work=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
(cd "$root" && go build -o "$work/plenary-search" ./cmd/plenary-search)
port=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
/usr/bin/time -f '%M' -o "$work/rss" "$work/plenary-search" --index "$index" --addr "127.0.0.1:$port" >"$work/log" 2>&1 &
pid=$!
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/search?q=law" >/dev/null 2>&1 && break; sleep 0.2; done
wrk -t2 -c"$conns" -d"${secs}s" --latency -s "$root/bench/search-load.lua" "http://127.0.0.1:$port"
pkill -INT -P "$pid" 2>/dev/null || kill -INT "$pid"
wait "$pid" 2>/dev/null || true
echo "endpoint peak RSS: $(( $(cat "$work/rss" 2>/dev/null || echo 0) / 1024 )) MiB"
