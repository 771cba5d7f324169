#!/usr/bin/env bash
# The application benchmark: no agent, zeromon (traces + metrics), zeromon (traces only) and the
# OpenTelemetry Java agent, interleaved in rounds, on the same JDK HttpServer service.
#
#   benchmarks/run.sh            default run (5 rounds, 10 s warm-up, 15 s measured; ~12 min)
#   benchmarks/run.sh --quick    a sanity pass (1 round, short windows; under two minutes)
#   benchmarks/run.sh --no-build [options]   reuse what is built
#
# Other options go to io.zeromon.benchmarks.run.AppBenchmark: --rounds N --warmup S --duration S
# --connections N --java PATH --jvm-arg ARG --configs none,zeromon,zeromon-traces,otel ...
# Results: benchmarks/results/<date>.md (+ .csv with every sample); logs under results/logs/.
set -euo pipefail
cd "$(dirname "$0")/.."

build=1
args=()
for arg in "$@"; do
  case "$arg" in
    --no-build) build=0 ;;
    *) args+=("$arg") ;;
  esac
done

if ! command -v wrk >/dev/null; then
  if [ "$(id -u)" = 0 ]; then
    apt-get install -y -qq wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
  else
    echo "wrk is needed: apt-get install wrk" >&2
    exit 1
  fi
fi
if [ "$(nproc)" -lt 2 ]; then
  echo "note: fewer than 2 CPUs; the application and wrk will share one" >&2
  args+=(--app-cpu -)
fi

if [ "$build" = 1 ]; then
  mvn -B -q package -DskipTests -pl benchmarks -am
fi

echo "load: $(cut -d' ' -f1-3 /proc/loadavg) (other builds running on this machine make figures noisy)"
exec java -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" \
  io.zeromon.benchmarks.run.AppBenchmark \
  --zeromon-jar agent/target/zeromon-agent.jar \
  --otel-jar benchmarks/target/opentelemetry-javaagent.jar \
  --classpath benchmarks/target/classes \
  --results benchmarks/results \
  "${args[@]+"${args[@]}"}"
