#!/usr/bin/env bash
# What one log call costs through Logback's and Log4j 2's file appenders: plain, with the agent, and
# with the framework's own regex masking (FrameworkLogBenchmark, JMH). Runs from the repository root:
# the agent variants name agent/target/logredact-agent.jar relative to it.
#
#   benchmarks/run-frameworks.sh                          5 warm-up and 10 measured 1 s iterations
#   JMH_ARGS="-wi 3 -i 5" BUILD=0 benchmarks/run-frameworks.sh
#   BUILD=0 benchmarks/run-frameworks.sh 'Agent'          only the benchmarks whose name matches
#
# From benchmarks/target/classes plus target/frameworks-lib, not benchmarks.jar: that jar holds the
# engine's classes too, which would shadow the agent jar's own in the forks that attach it.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${BUILD:-1}" = 1 ]; then
  echo "run-frameworks: building" >&2
  ./mvnw -B -q -pl benchmarks,agent -am package -DskipTests >&2
fi
# shellcheck disable=SC2086
exec "${JAVA:-java}" -cp 'benchmarks/target/classes:benchmarks/target/frameworks-lib/*' org.openjdk.jmh.Main \
  "FrameworkLogBenchmark.*${1:-}" ${JMH_ARGS:--wi 5 -i 10 -w 1s -r 1s}
