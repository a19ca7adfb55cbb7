#!/usr/bin/env bash
# Builds the false-positive corpus committed under redactor/src/test/resources/corpus/.
#
#   benchmarks/corpus/build-corpus.sh           run every generator, then sanitise, check and compress
#   benchmarks/corpus/build-corpus.sh --reuse   sanitise, check and compress the raw output already in
#                                               benchmarks/work/corpus/raw
#
# Generators: maven-builds.sh, npm-install.sh, git-log.sh, jvm-tools.sh (each says what it runs). Needs
# network access to Maven Central and the npm registry, JDK 17, git, npm, unzip and perl.
# The checks below fail the script if a registry host name, this machine's name or user, or anything
# shaped like a credential is left in the output.
source "$(dirname -- "$0")/lib.sh"

OUT="$REPO_ROOT/redactor/src/test/resources/corpus"
SAN="$WORK/sanitised"

if [ "${1:-}" != "--reuse" ]; then
  "$CORPUS_DIR/maven-builds.sh"
  "$CORPUS_DIR/npm-install.sh"
  "$CORPUS_DIR/git-log.sh"
  "$CORPUS_DIR/jvm-tools.sh"
fi

rm -rf "$SAN"
mkdir -p "$SAN" "$OUT"
combine() {
  local target=$1; shift
  local f
  for f in "$@"; do cat "$RAW/$f"; done | sanitise >"$SAN/$target"
}
combine maven-debug.log        maven-debug-inventory.log maven-debug-billing.log
combine maven-build.log        maven-billing.log maven-dependency-tree.log
combine surefire-reports.txt   surefire-reports.txt
combine surefire-reports.xml   surefire-reports.xml
combine npm-silly.log          npm-silly.log npm-ls.txt
combine git-log.txt            git-log-stat.txt git-misc.txt git-log-patch.txt
combine jvm-tools.log          javac-lint.txt java-settings.txt jvm-class-load.log jar-tf.txt

fail=0
check() {
  local what=$1 pattern=$2
  if grep -rPn -m 3 -- "$pattern" "$SAN"; then
    echo "build-corpus: FAIL: $what still present (lines above)" >&2
    fail=1
  fi
}
check "registry/download host" '(?i)(maven\.org|npmjs\.(org|com)|yarnpkg\.com|nodejs\.org|sonatype\.(org|com)|debian\.org|gradle\.org|(repo|repository|downloads|dlcdn|archive|dist)(\.[a-z0-9-]+)*\.apache\.org)'
check "home directory of root" '(?<![A-Za-z0-9_])/root(?![A-Za-z0-9_])'
check "machine host name" "hostname=\"$(hostname)\""
check "GitHub token" '\b(gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{30,})'
check "AWS access key id" '\b(AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}\b'
check "Slack token" '\bxox[abposr]-[A-Za-z0-9-]{10,}'
check "GitLab token" '\bglpat-[A-Za-z0-9_-]{20}'
check "npm token" '\bnpm_[A-Za-z0-9]{36}\b'
check "private key block" '-----BEGIN[ A-Z]*PRIVATE KEY'
check "JWT" '\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.'
check "Google API key" '\bAIza[0-9A-Za-z_-]{35}\b'
check "Stripe key" '\b[sr]k_live_[0-9A-Za-z]{10,}'
check "password in URL" '[a-z][a-z0-9+.-]*://[^/\s:@"'"'"'<>]+:[^/\s:@"'"'"'<>]{3,}@[A-Za-z0-9.-]+'
check "Authorization header value" '(?i)authorization:\s*(bearer|basic|token)\s+[A-Za-z0-9._~+/=-]{12,}'

# No value of this process' environment longer than 12 characters may appear in the corpus, except
# ones that are plainly not secret (paths, and the JDK/Maven/locale settings a build log prints anyway).
while IFS= read -r -d '' entry; do
  name=${entry%%=*} value=${entry#*=}
  [ "${#value}" -ge 12 ] || continue
  case "$value" in /*|*:/*|*' '*) continue ;; esac
  case "$name" in PATH|PWD|OLDPWD|HOME|SHELL|LANG|LC_*|JAVA_HOME|MAVEN_*|TERM*|_) continue ;; esac
  if grep -rqF -- "$value" "$SAN"; then
    echo "build-corpus: FAIL: the value of environment variable $name appears in the corpus" >&2
    fail=1
  fi
done < <(env -0)

[ "$fail" -eq 0 ] || exit 1

rm -f "$OUT"/*.gz
for f in "$SAN"/*; do
  gzip -n -9 -c "$f" >"$OUT/$(basename "$f").gz"
done
echo "build-corpus: wrote $OUT" >&2
( cd "$SAN" && wc -lc * ) >&2
du -bc "$OUT"/*.gz >&2
