#!/usr/bin/env bash
# JMH microbenchmarks of the request path (JMH 1.37):
#   benchmarks/jmh.sh                      all of them (~10 min)
#   benchmarks/jmh.sh BridgeServerSpan     a regular expression over benchmark names
#   benchmarks/jmh.sh -prof gc Propagator  any JMH option (-prof gc gives allocation per op)
#   benchmarks/jmh.sh --no-build ...       reuse what is built
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = "--no-build" ]; then
  shift
else
  mvn -B -q package -DskipTests -pl benchmarks -am
fi
exec java -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" \
  org.openjdk.jmh.Main "$@"
