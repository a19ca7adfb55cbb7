# Shared by the corpus scripts (sourced, not run). Paths, the Maven to use and the sanitiser.
#
# Raw tool output goes to benchmarks/work/corpus/raw (git-ignored); build-corpus.sh sanitises it and
# writes the gzip files that are committed under redactor/src/test/resources/corpus/.
set -euo pipefail

CORPUS_DIR=$(CDPATH= cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(CDPATH= cd -- "$CORPUS_DIR/../.." && pwd)
WORK="$REPO_ROOT/benchmarks/work/corpus"
RAW="$WORK/raw"
# A local Maven repository of the corpus' own, so every run starts empty and the debug logs show the
# artifact downloads a fresh CI runner does.
CORPUS_M2="$WORK/m2-repo"
FIXTURES="$CORPUS_DIR/fixtures"
mkdir -p "$RAW"

MVN="$REPO_ROOT/mvnw"

# What the corpus must never contain: the hosts of package registries and download sites (the project
# names none of them in a commit), this machine's name and user, and absolute work-tree paths.
# Each registry host becomes repo.example: every host in the Apache, Maven, npm, Sonatype, Debian and
# Yarn registry domains and the Node.js download host is a download or registry host, except the two
# Apache documentation hosts kept below, which appear as XML namespaces in every POM.
sanitise() {
  SANITISE_HOST=$(hostname) SANITISE_ROOT="$REPO_ROOT" perl -pe '
    BEGIN { $h = quotemeta $ENV{SANITISE_HOST}; $r = quotemeta $ENV{SANITISE_ROOT}; }
    s{(?<![A-Za-z0-9.-])(?:[A-Za-z0-9-]+\.)*(?:maven\.org|npmjs\.org|npmjs\.com|yarnpkg\.com|nodejs\.org|sonatype\.org|sonatype\.com|debian\.org|gradle\.org)(?![A-Za-z0-9-])}{repo.example}g;
    s{(?<![A-Za-z0-9.-])(?!(?:maven|www)\.apache\.org(?![A-Za-z0-9.-]))(?:[A-Za-z0-9-]+\.)+apache\.org(?![A-Za-z0-9-])}{repo.example}g;
    s{$r}{/home/builder/logredact}g;
    s{/root(?![A-Za-z0-9_.-])}{/home/builder}g;
    s{(user\.name["=: >]*(?:value=")?)root\b}{${1}builder}g;
    s{\b(USER|LOGNAME)=root\b}{$1=builder}g;
    s{hostname="$h"}{hostname="build-host"}g;
  '
}

# Tools print their environment (maven-resources-plugin at -X lists every env.* variable), so each
# generator re-runs itself in a minimal CI-like environment: the corpus then depends on nothing of the
# calling shell and carries none of its variables.
use_clean_env() {
  if [ "${CORPUS_CLEAN_ENV:-}" != 1 ]; then
    exec env -i CORPUS_CLEAN_ENV=1 HOME="$HOME" LANG=C.UTF-8 TERM=dumb CI=true \
      PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
      bash "$0" "$@"
  fi
}
