#!/usr/bin/env bash
# What the agent costs a logging-heavy program: LogStorm (THREADS threads, LINES lines each, to standard
# output redirected to a file), whole-process wall time with and without -javaagent.
#
#   benchmarks/run-logging.sh                      N=7 runs per variant, 4 threads x 100,000 lines
#   N=9 VIAS="stdout" BUILD=0 benchmarks/run-logging.sh
#
# VIAS: stdout (System.out.println) and logback (Logback's ConsoleAppender). Every round runs each
# VIA without and with the agent (and the BASELINE agent), in an order rotated from round to round; one untimed
# round first. Times from bash `time`: wall, and CPU (user + sys), shown because the 2 cores are shared
# with other work. LOGSTORM_TOKEN is set for all runs, so with the agent its value is a known secret.
# After the timed runs: every output must have all lines, and the agent's none of the fake secrets.
# Prints a Markdown table of medians and ratios; also written to benchmarks/work/logging.md.
set -euo pipefail
cd "$(dirname "$0")/.."
# The agent's manifest puts logredact-agent.jar, next to itself, on the boot class path: a renamed copy
# finds nothing there and loads its classes through the system class loader, which is slower.
if [ -n "${BASELINE:-}" ] && [ "$(basename "$BASELINE")" != logredact-agent.jar ]; then
  echo "run-logging: BASELINE must be named logredact-agent.jar (copy it into a directory of its own)" >&2
  exit 1
fi

N=${N:-7}
THREADS=${THREADS:-4}
LINES=${LINES:-100000}
VIAS=${VIAS:-stdout logback}
JAVA=${JAVA:-java}
AGENT=agent/target/logredact-agent.jar
# BASELINE=path/to/another/logredact-agent.jar adds a third variant, that agent, for before/after
# figures from one run (copy the older jar elsewhere first: the build replaces agent/target's).
# Not benchmarks.jar: it holds the engine's classes too, which would shadow the agent jar's own.
CP=benchmarks/target/classes:benchmarks/target/logstorm-lib/*
WORK=benchmarks/work
mkdir -p "$WORK"

if [ "${BUILD:-1}" = 1 ]; then
  echo "run-logging: building" >&2
  ./mvnw -B -q -pl benchmarks,agent -am package -DskipTests >&2
fi
[ -f "$AGENT" ] || { echo "run-logging: $AGENT was not built" >&2; exit 1; }

# Fake; the name matches the agent's default *TOKEN* glob.
export LOGSTORM_TOKEN=lst_Q7rZp2Kx9WmB4vT6nY1cH8dJ3fL5sG0a

run() {
  local via=$1 agent=$2 t
  local cmd=("$JAVA")
  [ "$agent" = yes ] && cmd+=("-javaagent:$AGENT")
  [ "$agent" = base ] && cmd+=("-javaagent:$BASELINE")
  cmd+=(-cp "$CP" dev.logredact.bench.LogStorm --threads "$THREADS" --lines "$LINES" --via "$via")
  t=$( { TIMEFORMAT='%3R %3U %3S'; time "${cmd[@]}" >"$WORK/logging-$via-$agent.log" 2>"$WORK/logging-$via-$agent.err"; } 2>&1 )
  awk '{ printf "%.3f %.3f\n", $1, $2 + $3 }' <<<"$t"
}

arms=(no yes)
[ -n "${BASELINE:-}" ] && arms+=(base)
declare -A wall cpu
round() {
  local i=$1 v a k order=""
  # The arms' order rotates from round to round, so a drift in machine load hits all alike.
  for k in "${!arms[@]}"; do order="$order ${arms[$(( (k + i) % ${#arms[@]} ))]}"; done
  for v in $VIAS; do
    for a in $order; do
      read -r w c < <(run "$v" "$a")
      if (( i > 0 )); then
        wall[$v,$a]="${wall[$v,$a]:-} $w"
        cpu[$v,$a]="${cpu[$v,$a]:-} $c"
        echo "run-logging: round $i/$N $v agent=$a wall ${w}s cpu ${c}s" >&2
      fi
    done
  done
}
for i in $(seq 0 "$N"); do round "$i"; done

failed=0
for v in $VIAS; do
  for a in "${arms[@]}"; do
    out="$WORK/logging-$v-$a.log"
    n=$(wc -l <"$out")
    if [ "$n" -ne $((THREADS * LINES)) ]; then
      echo "run-logging: $out has $n lines, not $((THREADS * LINES))" >&2; failed=1
    fi
  done
  for a in "${arms[@]:1}"; do
    if grep -q -e "$LOGSTORM_TOKEN" -e 'ghp_' "$WORK/logging-$v-$a.log"; then
      echo "run-logging: a fake secret is left in $WORK/logging-$v-$a.log" >&2; failed=1
    fi
  done
done

median() { tr ' ' '\n' <<<"$1" | grep . | sort -g | awk '{ x[NR] = $1 } END { print (NR % 2) ? x[(NR + 1) / 2] : (x[NR / 2] + x[NR / 2 + 1]) / 2 }'; }
report=$(
  echo "LogStorm: $THREADS threads x $LINES lines; $N runs per variant, alternating; $(nproc) cores;" \
    "$("$JAVA" -version 2>&1 | head -n 1 | sed 's/"//g')."
  echo
  echo "| output | lines / MB | no agent: median wall (s) | agent: median wall (s) | wall ratio | no agent: median CPU (s) | agent: median CPU (s) | CPU ratio | masked lines (agent) |"
  echo "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
  for v in $VIAS; do
    wn=$(median "${wall[$v,no]}"); wy=$(median "${wall[$v,yes]}")
    cn=$(median "${cpu[$v,no]}"); cy=$(median "${cpu[$v,yes]}")
    size=$(stat -c %s "$WORK/logging-$v-no.log")
    masked=$(grep -c 'REDACTED' "$WORK/logging-$v-yes.log" || true)
    echo "| $v | $(wc -l <"$WORK/logging-$v-no.log") / $(awk -v b="$size" 'BEGIN { printf "%.1f", b / 1e6 }') | $wn | $wy |" \
      "$(awk -v a="$wy" -v b="$wn" 'BEGIN { printf "%.2fx", a / b }') | $cn | $cy | $(awk -v a="$cy" -v b="$cn" 'BEGIN { printf "%.2fx", a / b }') | $masked |"
  done
  if [ -n "${BASELINE:-}" ]; then
    echo
    echo "Baseline agent \`$BASELINE\`, same runs:"
    echo
    echo "| output | baseline: median wall (s) | wall ratio | baseline: median CPU (s) | CPU ratio |"
    echo "| --- | ---: | ---: | ---: | ---: |"
    for v in $VIAS; do
      wn=$(median "${wall[$v,no]}"); wb=$(median "${wall[$v,base]}")
      cn=$(median "${cpu[$v,no]}"); cb=$(median "${cpu[$v,base]}")
      echo "| $v | $wb | $(awk -v a="$wb" -v b="$wn" 'BEGIN { printf "%.2fx", a / b }') | $cb |" \
        "$(awk -v a="$cb" -v b="$cn" 'BEGIN { printf "%.2fx", a / b }') |"
    done
  fi
  echo
  echo "Raw wall times (s), in run order:"
  echo
  for v in $VIAS; do
    for a in "${arms[@]}"; do
      echo "- $v agent=$a:${wall[$v,$a]}"
    done
  done
)
echo "$report" | tee "$WORK/logging.md"
exit "$failed"
