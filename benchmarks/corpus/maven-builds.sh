#!/usr/bin/env bash
# Real Maven output for the corpus. Runs, with the repository's pinned Maven (./mvnw) and an empty local
# repository of its own (so downloads show up as on a fresh CI runner):
#   mvn -X -B clean install                       fixtures/inventory (2 modules, passing tests)
#   mvn -X -B clean verify                        fixtures/billing   (failing tests: exit 1 expected)
#   mvn -B clean verify                           fixtures/billing   (the same failure at normal level)
#   mvn -B dependency:tree -Dverbose / dependency:list / help:effective-pom-free listing of the inventory build
# and collects the surefire reports (*.txt, *-output.txt, TEST-*.xml) of both fixtures.
# Output (raw, unsanitised) in benchmarks/work/corpus/raw/.
source "$(dirname -- "$0")/lib.sh"
use_clean_env "$@"

rm -rf "$CORPUS_M2"
mkdir -p "$CORPUS_M2"
mvn_fixture() {
  local dir=$1; shift
  # -ntp is not used: the transfer lines are part of a real CI log. MAVEN_OPTS is cleared so nothing of
  # the calling environment leaks into the JVM arguments -X prints.
  (cd "$FIXTURES/$dir" && MAVEN_OPTS= "$MVN" -B -Dmaven.repo.local="$CORPUS_M2" "$@")
}

echo "maven-builds: inventory -X clean install" >&2
mvn_fixture inventory -X clean install >"$RAW/maven-debug-inventory.log" 2>&1

echo "maven-builds: billing -X clean verify (tests fail on purpose)" >&2
rc=0
mvn_fixture billing -X clean verify >"$RAW/maven-debug-billing.log" 2>&1 || rc=$?
if [ "$rc" -ne 1 ]; then
  echo "maven-builds: expected the billing build to fail with exit 1, got $rc" >&2
  exit 1
fi

echo "maven-builds: billing clean verify (normal level)" >&2
rc=0
mvn_fixture billing clean verify >"$RAW/maven-billing.log" 2>&1 || rc=$?
[ "$rc" -eq 1 ] || { echo "maven-builds: expected exit 1 from billing, got $rc" >&2; exit 1; }

echo "maven-builds: dependency:tree / dependency:list" >&2
{
  mvn_fixture inventory dependency:tree -Dverbose
  mvn_fixture billing dependency:tree
  mvn_fixture inventory dependency:list
} >"$RAW/maven-dependency-tree.log" 2>&1

# Surefire reports, concatenated in the `tail -n +1` style so each file keeps a header line.
collect_reports() {
  local pattern=$1
  find "$FIXTURES" -path '*/target/surefire-reports/*' -name "$pattern" | LC_ALL=C sort | while read -r f; do
    printf '==> %s <==\n' "${f#"$FIXTURES"/}"
    cat "$f"
    printf '\n'
  done
}
collect_reports '*.txt' >"$RAW/surefire-reports.txt"
collect_reports 'TEST-*.xml' >"$RAW/surefire-reports.xml"
echo "maven-builds: done" >&2
