#!/usr/bin/env bash
# Real npm output for the corpus: in a new temporary project with an empty npm cache of its own, runs
#   npm install --loglevel silly --ignore-scripts express lodash axios react react-dom typescript jest eslint
#     webpack webpack-cli @babel/core @babel/preset-env
# (install scripts are skipped so the run downloads nothing but registry tarballs), then
#   npm ls --all
# Output (raw) in benchmarks/work/corpus/raw/npm-silly.log and npm-ls.txt.
source "$(dirname -- "$0")/lib.sh"
use_clean_env "$@"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/app" "$tmp/cache"
cd "$tmp/app"
npm init -y --loglevel silly >"$RAW/npm-init.log" 2>&1
echo "npm-install: installing (silly log level)" >&2
npm install --cache "$tmp/cache" --loglevel silly --ignore-scripts --no-audit --no-fund \
  express lodash axios react react-dom typescript jest eslint webpack webpack-cli @babel/core @babel/preset-env >"$RAW/npm-silly.log" 2>&1
npm ls --all >"$RAW/npm-ls.txt" 2>&1 || true
# The temporary directory's random name would make every run differ; give it a fixed one.
cat "$RAW/npm-init.log" "$RAW/npm-silly.log" | sed "s#$tmp#/tmp/npm-corpus#g" >"$RAW/npm-silly.tmp"
mv "$RAW/npm-silly.tmp" "$RAW/npm-silly.log"
sed -i "s#$tmp#/tmp/npm-corpus#g" "$RAW/npm-ls.txt"
rm -f "$RAW/npm-init.log"
echo "npm-install: done" >&2
