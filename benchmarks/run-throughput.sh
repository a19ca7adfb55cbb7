#!/usr/bin/env bash
# Whole-process throughput: the product (a) against per-line gitleaks rules (b) and a plain line copy (c).
#
#   benchmarks/run-throughput.sh            N=5 timed runs of each variant, alternating a, b, c
#   N=9 BENCH_MB=64 benchmarks/run-throughput.sh
#   BUILD=0 BASELINE=/tmp/main-agent.jar benchmarks/run-throughput.sh   no build; also time another build's
#                                           agent jar as (m), alternating with the others, and check that
#                                           its output is byte for byte (a)'s
#
# Builds what it needs, generates benchmarks/work/bench.log (BENCH_MB MiB of real corpus lines with fake
# leaks, and its answer key), runs every variant as its own JVM with the log file as stdin and a file as
# stdout, times each run with date +%s%N, and prints a Markdown table of medians, MB/s (10^6 bytes per
# second of input) and the throughput ratios a/b (the speed-up) and a/c. Then it checks that (a) left
# no answer-key secret in its output and compares the lines (a) and (b) masked.
#
# (a) is the product, `java -jar agent/target/logredact-agent.jar redact --rules RULES`. RULES defaults
# to gitleaks' default config in shared/ beside the repository, which (b) applies too. The table is also
# written to benchmarks/work/throughput.md. Exits 1 if (a) left any answer-key secret in its output.
set -euo pipefail
cd "$(dirname "$0")/.."

N=${N:-5}
BENCH_MB=${BENCH_MB:-32}
RULES=${RULES:-../shared/compat/gitleaks.toml}
WORK=benchmarks/work
JAR=benchmarks/target/benchmarks.jar
AGENT=agent/target/logredact-agent.jar
LOG=$WORK/bench.log
KEY=$LOG.key.tsv
[ -f "$RULES" ] || { echo "run-throughput: no rules at $RULES (set RULES=path/to/gitleaks.toml)" >&2; exit 1; }
mkdir -p "$WORK"

BASELINE=${BASELINE:-}
if [ "${BUILD:-1}" = 1 ]; then
  echo "run-throughput: building" >&2
  ./mvnw -B -q -pl benchmarks,agent -am package -DskipTests >&2
fi
[ -z "$BASELINE" ] || [ -f "$BASELINE" ] || { echo "run-throughput: no baseline jar at $BASELINE" >&2; exit 1; }

echo "run-throughput: generating $LOG ($BENCH_MB MiB)" >&2
java -cp "$JAR" dev.logredact.bench.BenchLog --out "$LOG" --key "$KEY" --mb "$BENCH_MB" --leak-every 2000 --seed 1
size=$(stat -c %s "$LOG")
input_lines=$(wc -l <"$LOG")

[ -f "$AGENT" ] || { echo "run-throughput: $AGENT was not built" >&2; exit 1; }
a_cmd=(java -jar "$AGENT" redact --rules "$RULES")
m_cmd=(java -jar "$BASELINE" redact --rules "$RULES")
variants=(a ${BASELINE:+m} b c)
b_cmd=(java -cp "$JAR" dev.logredact.bench.PerLineGitleaks --rules "$RULES")
c_cmd=(java -cp "$JAR" dev.logredact.bench.PlainCopy)

# Prints "wall cpu" seconds of one run. CPU time (user + sys) is reported next to wall time because the
# 2 cores are shared with other work: contention stretches wall time far more than CPU time.
run() {
  local v=$1 t
  local -n cmd="${v}_cmd"
  t=$( { TIMEFORMAT='%R %U %S'; time "${cmd[@]}" <"$LOG" >"$WORK/out-$v.log" 2>"$WORK/err-$v.log"; } 2>&1 )
  awk '{ printf "%.3f %.3f\n", $1, $2 + $3 }' <<<"$t"
}

# One untimed round first, so the log is in the page cache and the jars are warm on disk for all.
for v in "${variants[@]}"; do run "$v" >/dev/null; done
declare -A times=([a]="" [m]="" [b]="" [c]="") cpus=([a]="" [m]="" [b]="" [c]="")
for i in $(seq 1 "$N"); do
  for v in "${variants[@]}"; do
    read -r wall cpu < <(run "$v")
    times[$v]="${times[$v]} $wall"
    cpus[$v]="${cpus[$v]} $cpu"
    echo "run-throughput: round $i/$N $v wall ${wall}s cpu ${cpu}s" >&2
  done
done

median() { tr ' ' '\n' <<<"$1" | grep . | sort -g | awk '{ x[NR] = $1 } END { print (NR % 2) ? x[(NR + 1) / 2] : (x[NR / 2] + x[NR / 2 + 1]) / 2 }'; }
ma=$(median "${times[a]}"); mb=$(median "${times[b]}"); mc=$(median "${times[c]}")
ca=$(median "${cpus[a]}"); cb=$(median "${cpus[b]}"); cc=$(median "${cpus[c]}")
if [ -n "$BASELINE" ]; then mm=$(median "${times[m]}"); cm=$(median "${cpus[m]}"); fi
mbps() { awk -v b="$size" -v t="$1" 'BEGIN { printf "%.1f", b / 1e6 / t }'; }
ratio() { awk -v x="$1" -v y="$2" 'BEGIN { printf "%.2f", y / x }'; }

check=$(java -cp "$JAR" dev.logredact.bench.CheckLeaks "$KEY" "$WORK/out-a.log")
cmp=$(java -cp "$JAR" dev.logredact.bench.CompareOutputs "$WORK/out-a.log" "$WORK/out-b.log" 3)
val() { sed -n "s/^$1=//p" <<<"$2"; }

report=$(
  echo "Input: \`$LOG\`, $(awk -v b="$size" 'BEGIN { printf "%.1f", b / 1e6 }') MB, $input_lines lines," \
    "$(val key_secrets "$check") fake secrets; $N timed runs per variant, alternating; rules: $(basename "$RULES")."
  echo "Machine: $(nproc) cores, $(java -version 2>&1 | head -n 1)."
  echo
  echo "| variant | median wall (s) | MB/s (wall) | median CPU (s) | wall times (s) |"
  echo "| --- | ---: | ---: | ---: | --- |"
  echo "| (a) logredact CLI (\`logredact-agent.jar redact\`) | $ma | $(mbps "$ma") | $ca |${times[a]} |"
  if [ -n "$BASELINE" ]; then
    echo "| (m) baseline CLI (\`$(basename "$BASELINE") redact\`) | $mm | $(mbps "$mm") | $cm |${times[m]} |"
  fi
  echo "| (b) per-line gitleaks rules (PerLineGitleaks) | $mb | $(mbps "$mb") | $cb |${times[b]} |"
  echo "| (c) plain line copy (PlainCopy) | $mc | $(mbps "$mc") | $cc |${times[c]} |"
  echo
  echo "- throughput a/b (speed-up over per-line gitleaks): **$(ratio "$ma" "$mb")x** by wall time, $(ratio "$ca" "$cb")x by CPU time"
  echo "- throughput a/c (share of the plain-copy floor): **$(ratio "$ma" "$mc")** by wall time, $(ratio "$ca" "$cc") by CPU time"
  if [ -n "$BASELINE" ]; then
    echo "- baseline (m): a/m **$(ratio "$ma" "$mm")x** by wall time, $(ratio "$ca" "$cm")x by CPU time;" \
      "m/b $(ratio "$mm" "$mb")x, m/c $(ratio "$mm" "$mc"); outputs of (a) and (m): $(cmp -s "$WORK/out-a.log" "$WORK/out-m.log" && echo identical || echo DIFFERENT)"
  fi
  echo "- answer-key secrets left in (a)'s output: **$(val leaked "$check")** of $(val key_secrets "$check")" \
    "(single-line $(val leaked_single_line "$check"), in key blocks $(val leaked_multi_line "$check"))" \
    "$( [ -n "$(val leaked_by_rule "$check")" ] && echo "by rule: $(val leaked_by_rule "$check")")"
  echo "- masked lines: (a) $(val masked_lines_a "$cmp"), (b) $(val masked_lines_b "$cmp");" \
    "lines: (a) $(val lines_a "$cmp"), (b) $(val lines_b "$cmp"); private-key blocks masked by (a) only:" \
    "$(val key_blocks_masked_only_by_a "$cmp") (b sees one line at a time); other lines that differ: $(val differing_lines "$cmp")"
)
echo "$report" | tee "$WORK/throughput.md"
echo "load average after the runs: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
if grep '^diff_line' <<<"$cmp" >&2; then :; fi

leaked=$(val leaked "$check")
if [ "$leaked" != 0 ]; then
  echo "run-throughput: FAIL: (a) left $leaked answer-key secrets in its output" >&2
  exit 1
fi
if [ -n "$BASELINE" ] && ! cmp -s "$WORK/out-a.log" "$WORK/out-m.log"; then
  echo "run-throughput: FAIL: (a)'s output differs from the baseline's" >&2
  exit 1
fi
