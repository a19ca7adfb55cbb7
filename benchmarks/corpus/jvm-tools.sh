#!/usr/bin/env bash
# Other real JDK tool output for the corpus (run after maven-builds.sh, whose fixtures and local
# repository it uses):
#   javac -Xlint:all on the billing fixture's sources                   -> raw/javac-lint.txt
#   Maven compiling the billing fixture offline in a JVM started with
#     -Xlog:class+load -Xlog:gc* (unified JVM logging, i.e. -verbose:class) -> raw/jvm-class-load.log
#   java -XshowSettings:all -version                                   -> raw/java-settings.txt
#   jar tf of the fixtures' dependency jars                            -> raw/jar-tf.txt
source "$(dirname -- "$0")/lib.sh"
use_clean_env "$@"

billing="$FIXTURES/billing"
[ -d "$CORPUS_M2" ] || { echo "jvm-tools: run maven-builds.sh first" >&2; exit 1; }

cp_file="$WORK/billing.classpath"
(cd "$billing" && MAVEN_OPTS= "$MVN" -B -q -o -Dmaven.repo.local="$CORPUS_M2" \
  dependency:build-classpath -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test)

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
echo "jvm-tools: javac -Xlint:all" >&2
{
  echo "\$ javac -Xlint:all -Xmaxwarns 1000 --release 17 -d out \$(find src -name '*.java')"
  # javac exits 0 with warnings; the sources compile.
  (cd "$billing" && javac -Xlint:all -Xmaxwarns 1000 --release 17 -d "$out" -cp "$(cat "$cp_file")" \
    $(find src -name '*.java' | LC_ALL=C sort)) 2>&1
  # Compiled against the billing classpath, which lacks jackson-datatype-jsr310: javac reports real
  # errors next to its lint warnings, as a broken CI build does.
  echo "\$ javac -Xlint:all -Xdiags:verbose --release 17 -d out \$(find src/main -name '*.java')"
  (cd "$FIXTURES/inventory/inventory-model" && javac -Xlint:all -Xdiags:verbose --release 17 -d "$out" \
    -cp "$(cat "$cp_file")" $(find src/main -name '*.java' | LC_ALL=C sort)) 2>&1 || true
} >"$RAW/javac-lint.txt"

echo "jvm-tools: class loading and GC logging of a Maven run" >&2
(cd "$billing" && MAVEN_OPTS="-Xlog:class+load=info:stdout:uptime,level,tags -Xlog:gc*=debug:stdout:uptime,level,tags" \
  "$MVN" -B -o -Dmaven.repo.local="$CORPUS_M2" compile) >"$RAW/jvm-class-load.log" 2>&1

echo "jvm-tools: java -XshowSettings:all -version" >&2
java -XshowSettings:all -version >"$RAW/java-settings.txt" 2>&1

echo "jvm-tools: jar tf" >&2
: >"$RAW/jar-tf.txt"
tr ':' '\n' <"$cp_file" | LC_ALL=C sort | while read -r jar; do
  printf '$ jar tf %s\n' "${jar#"$CORPUS_M2"/}" >>"$RAW/jar-tf.txt"
  jar tf "$jar" >>"$RAW/jar-tf.txt"
done
echo "jvm-tools: done" >&2
