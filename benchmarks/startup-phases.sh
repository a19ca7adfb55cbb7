#!/usr/bin/env bash
# Where the agent's start-up time goes (the analysis behind run-startup.sh's figures).
#
#   benchmarks/startup-phases.sh            N=21 timed runs per JDK (alternating), then S=30 sampled runs
#   S=0 JDKS=java BUILD=0 benchmarks/startup-phases.sh
#
# Runs StartupProbe (Hello with two timestamps) under TimingAgent, which wraps logredact's unchanged
# premain (see its javadoc), and prints the median time at which each phase ended, in ms from the
# start of premain: LogredactAgent loaded, premain returned, main started, the line printed, the engine
# thread done, the exit hook ran. -Xlog:startuptime gives "Create VM" (JVM start-up up to main,
# premain included) for the same runs. The JDKS take turns run by run. Then, on the first JDK, S runs
# with -Dbench.samples: stacks sampled about every ms, summarised by collapsed-top.py (premain, main,
# engine thread). Sampling slows the runs: use the shares, not the times, of the sampled runs.
set -euo pipefail
cd "$(dirname "$0")/.."

N=${N:-21}
S=${S:-30}
read -r -a javas <<<"${JDKS:-java /usr/lib/jvm/temurin-25-jdk-amd64/bin/java}"
WORK=benchmarks/work
CP=benchmarks/target/classes
TIMING=$WORK/timing-agent.jar
mkdir -p "$WORK"

if [ "${BUILD:-1}" = 1 ]; then
  echo "startup-phases: building" >&2
  ./mvnw -B -q -pl benchmarks,agent -am package -DskipTests >&2
fi
# Boot-Class-Path, as the agent's own manifest has it (so its classes load as they do in use), is
# relative to this jar: benchmarks/work -> agent/target.
printf 'Premain-Class: dev.logredact.bench.TimingAgent\nCan-Redefine-Classes: true\nCan-Retransform-Classes: true\nBoot-Class-Path: ../../agent/target/logredact-agent.jar\n' >"$WORK/timing-agent.mf"
jar cfm "$TIMING" "$WORK/timing-agent.mf" -C "$CP" dev/logredact/bench/TimingAgent.class

for j in "${!javas[@]}"; do : >"$WORK/phases-$j.txt"; done
for i in $(seq 0 "$N"); do
  for j in "${!javas[@]}"; do
    "${javas[$j]}" -Xlog:startuptime -javaagent:"$TIMING" -cp "$CP" dev.logredact.bench.StartupProbe \
      >"$WORK/phases.out" 2>"$WORK/phases.err"
    vm=$(sed -n 's/.*Create VM, \([0-9.]*\) secs/\1/p' "$WORK/phases.out")
    ph=$(grep '^phases ' "$WORK/phases.err")
    (( i > 0 )) && echo "$ph createvm=$(awk -v s="$vm" 'BEGIN { printf "%.1f", s * 1000 }')" >>"$WORK/phases-$j.txt"
  done
done

median() { sort -g | awk '{ x[NR] = $1 } END { print (NR % 2) ? x[(NR + 1) / 2] : (x[NR / 2] + x[NR / 2 + 1]) / 2 }'; }
echo "$N runs per JDK, alternating; medians in ms from the start of logredact's premain (createvm: from JVM start)."
echo
header="| phase ended |"; rule="| --- |"
for j in "${!javas[@]}"; do
  header="$header $("${javas[$j]}" -version 2>&1 | head -n 1 | sed 's/"//g; s/ version//') |"; rule="$rule ---: |"
done
echo "$header"; echo "$rule"
for k in load premain main printed engine exit createvm; do
  row="| $k |"
  for j in "${!javas[@]}"; do
    row="$row $(tr ' ' '\n' <"$WORK/phases-$j.txt" | sed -n "s/^$k=//p" | median) |"
  done
  echo "$row"
done
echo

(( S > 0 )) || exit 0
rm -f "$WORK/samples.txt"
for i in $(seq 1 "$S"); do
  "${javas[0]}" -Dbench.samples="$WORK/samples.txt" -javaagent:"$TIMING" -cp "$CP" dev.logredact.bench.StartupProbe >/dev/null 2>&1
done
echo "Sampled stacks, ${javas[0]}, $S runs:"
echo
python3 benchmarks/collapsed-top.py "$WORK/samples.txt" --top "${TOP:-30}"
