#!/usr/bin/env bash
# Agent start-up cost: what -javaagent:logredact-agent.jar adds to a short JVM.
#
#   benchmarks/run-startup.sh           N=21 runs of each variant on each JDK, alternating
#   N=41 BUILD=0 benchmarks/run-startup.sh
#   ARMS="none logredact rules-none instrument-none" JDKS=java benchmarks/run-startup.sh
#
# Programs (from benchmarks/target/classes, so the class path is a directory of small classes, not a
# jar): Hello prints one line, Silent prints nothing. Each runs under the ARMS (default: the first four):
#   none             no agent
#   empty            -javaagent with an empty premain (EmptyAgent, packed here into
#                    benchmarks/work/empty-agent.jar): what the JVM charges for any agent
#   disabled         -javaagent:logredact-agent.jar -Dlogredact.enabled=false: the agent jar opened and
#                    its configuration read, nothing installed
#   logredact        -javaagent:logredact-agent.jar, defaults: what users run
# and, to take the last apart:
#   rules-none       ... -Dlogredact.rules=none: no rules to load and compile
#   instrument-none  ... -Dlogredact.instrument=none: no stream wrappers, no ProcessBuilder patch
#   no-forks         ... -Dlogredact.instrument=stdout,stderr: no ProcessBuilder patch
#   baseline         -javaagent:$BASELINE, another build of the agent (say main's, copied elsewhere
#                    first: the build replaces agent/target's), for before/after figures from one run
# on the JDKS (default: `java` and Temurin 25 if present). Every round runs every variant once, the
# order of the arms rotated from round to round so that a drift in machine load hits all alike; one
# untimed round first. Times from bash `time` (ms resolution): wall, and CPU (user + sys), shown
# because the 2 cores are shared with other work and the agent works on a second thread. Each run's
# output is checked. Prints Markdown tables of medians and the differences from the first arm; also
# written to benchmarks/work/startup.md.
set -euo pipefail
cd "$(dirname "$0")/.."
# The agent's manifest puts logredact-agent.jar, next to itself, on the boot class path: a renamed copy
# finds nothing there and loads its classes through the system class loader, which is slower.
if [ -n "${BASELINE:-}" ] && [ "$(basename "$BASELINE")" != logredact-agent.jar ]; then
  echo "run-startup: BASELINE must be named logredact-agent.jar (copy it into a directory of its own)" >&2
  exit 1
fi

N=${N:-21}
JDKS=${JDKS:-java /usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
read -r -a arms <<<"${ARMS:-none empty disabled logredact}"
AGENT=agent/target/logredact-agent.jar
CP=benchmarks/target/classes
WORK=benchmarks/work
EMPTY=$WORK/empty-agent.jar
mkdir -p "$WORK"

if [ "${BUILD:-1}" = 1 ]; then
  echo "run-startup: building" >&2
  ./mvnw -B -q -pl benchmarks,agent -am package -DskipTests >&2
fi
[ -f "$AGENT" ] || { echo "run-startup: $AGENT was not built" >&2; exit 1; }
printf 'Premain-Class: dev.logredact.bench.EmptyAgent\n' >"$WORK/empty-agent.mf"
jar cfm "$EMPTY" "$WORK/empty-agent.mf" -C "$CP" dev/logredact/bench/EmptyAgent.class

javas=()
for j in $JDKS; do
  if command -v "$j" >/dev/null; then javas+=("$j"); else echo "run-startup: no $j, skipped" >&2; fi
done
progs=(Hello Silent)

# Prints "wall_ms cpu_ms" of one run; stops the script if the program's output is not what it should
# be, so that an agent that broke the program is never timed as a fast one.
run() {
  local java=$1 prog=$2 arm=$3 t
  local cmd=("$java")
  case $arm in
    none) ;;
    empty) cmd+=("-javaagent:$EMPTY") ;;
    disabled) cmd+=("-javaagent:$AGENT" -Dlogredact.enabled=false) ;;
    logredact) cmd+=("-javaagent:$AGENT") ;;
    rules-none) cmd+=("-javaagent:$AGENT" -Dlogredact.rules=none) ;;
    instrument-none) cmd+=("-javaagent:$AGENT" -Dlogredact.instrument=none) ;;
    no-forks) cmd+=("-javaagent:$AGENT" -Dlogredact.instrument=stdout,stderr) ;;
    baseline) cmd+=("-javaagent:${BASELINE:?set BASELINE to an agent jar}") ;;
    *) echo "run-startup: unknown arm $arm" >&2; exit 2 ;;
  esac
  cmd+=(-cp "$CP" "dev.logredact.bench.$prog")
  t=$( { TIMEFORMAT='%3R %3U %3S'; time "${cmd[@]}" >"$WORK/startup.out" 2>"$WORK/startup.err"; } 2>&1 )
  local want=""
  [ "$prog" = Hello ] && want="Hello, world"
  if [ "$(cat "$WORK/startup.out")" != "$want" ] || [ -s "$WORK/startup.err" ]; then
    echo "run-startup: unexpected output from ${cmd[*]}:" >&2
    cat "$WORK/startup.out" "$WORK/startup.err" >&2
    exit 1
  fi
  awk '{ printf "%d %d\n", $1 * 1000 + 0.5, ($2 + $3) * 1000 + 0.5 }' <<<"$t"
}

declare -A wall cpu
round() {
  local i=$1 j p k a w c
  for j in "${!javas[@]}"; do
    for p in "${progs[@]}"; do
      for k in "${!arms[@]}"; do
        a=${arms[$(( (k + i) % ${#arms[@]} ))]}
        read -r w c < <(run "${javas[$j]}" "$p" "$a")
        if (( i > 0 )); then
          wall[$j,$p,$a]="${wall[$j,$p,$a]:-} $w"
          cpu[$j,$p,$a]="${cpu[$j,$p,$a]:-} $c"
        fi
      done
    done
  done
}

round 0
for i in $(seq 1 "$N"); do
  round "$i"
  echo "run-startup: round $i/$N done" >&2
done

median() { tr ' ' '\n' <<<"$1" | grep . | sort -g | awk '{ x[NR] = $1 } END { print (NR % 2) ? x[(NR + 1) / 2] : (x[NR / 2] + x[NR / 2 + 1]) / 2 }'; }
diff() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%+g", a - b }'; }

table() {
  local kind=$1 j p a m row first=${arms[0]}
  local -n times=$kind
  echo "| JDK | program | $(sed 's/ / | /g' <<<"${arms[*]}") |"
  echo "| --- | --- |$(printf ' ---: |%.0s' "${arms[@]}")"
  for j in "${!javas[@]}"; do
    version=$("${javas[$j]}" -version 2>&1 | head -n 1 | sed 's/"//g; s/ version//')
    for p in "${progs[@]}"; do
      n=$(median "${times[$j,$p,$first]}")
      row="| $version | $p | $n"
      for a in "${arms[@]:1}"; do
        m=$(median "${times[$j,$p,$a]}")
        row="$row | $m ($(diff "$m" "$n"))"
      done
      echo "$row |"
    done
  done
}

report=$(
  echo "$N runs per variant, arms rotated every round; agent: \`$AGENT\`; $(nproc) cores."
  echo "Medians in ms; in brackets the difference from \`${arms[0]}\`."
  echo
  echo "Wall time:"
  echo
  table wall
  echo
  echo "CPU time (user + sys):"
  echo
  table cpu
  echo
  echo "Raw wall times (ms), in run order:"
  echo
  for j in "${!javas[@]}"; do
    for p in "${progs[@]}"; do
      for a in "${arms[@]}"; do
        echo "- ${javas[$j]} $p $a:${wall[$j,$p,$a]}"
      done
    done
  done
)
echo "$report" | tee "$WORK/startup.md"
