#!/usr/bin/env bash
# Builds the agent and runs a sample JDK HttpServer service with it, sends a little traffic and
# shows where spans and metrics go. Spans print on the console (and go to an OTLP collector too
# when OTEL_EXPORTER_OTLP_ENDPOINT is set, e.g. a Jaeger at http://localhost:4318).
# DEMO_SECONDS (default 60) is how long the service stays up afterwards for you to look around.
set -euo pipefail
cd "$(dirname "$0")"

echo "== building (mvn package, tests skipped) =="
mvn -B -q -DskipTests package

AGENT=agent/target/zeromon-agent.jar
METRICS_PORT=${METRICS_PORT:-9464}
APP_PORT=${APP_PORT:-8080}
EXPORTERS=console
if [ -n "${OTEL_EXPORTER_OTLP_ENDPOINT:-}" ]; then EXPORTERS=otlp,console; fi
LOG=$(mktemp -t zeromon-demo.XXXXXX)

echo "== starting the demo service with -javaagent:$AGENT =="
set -x
java -javaagent:"$AGENT" \
  -Dotel.service.name=zeromon-demo \
  -Dotel.traces.exporter="$EXPORTERS" \
  -Dotel.bsp.schedule.delay=500 \
  -Dotel.exporter.prometheus.port="$METRICS_PORT" \
  -Dapp.port="$APP_PORT" \
  -cp smoke-tests/target/classes io.zeromon.smoke.apps.HttpServerApp >"$LOG" 2>&1 &
set +x
APP_PID=$!
trap 'kill $APP_PID 2>/dev/null || true; rm -f "$LOG"' EXIT

for _ in $(seq 1 100); do
  grep -q "READY port=" "$LOG" && break
  kill -0 $APP_PID 2>/dev/null || { cat "$LOG"; echo "the demo service exited"; exit 1; }
  sleep 0.1
done
grep "\[zeromon\] info" "$LOG" || true

fetch() { if command -v curl >/dev/null; then curl -s "$@"; else wget -qO- "$1"; fi; }
echo "== traffic: /hello, /chain (HttpURLConnection), /chain-client and /chain-async (java.net.http), /fail =="
for path in hello chain chain-client chain-async fail hello; do
  printf '  GET /%-13s -> %s\n' "$path" "$(fetch "http://127.0.0.1:$APP_PORT/$path")"
done
sleep 1.5

echo "== spans (console exporter; one line per span) =="
grep "\[zeromon\] span" "$LOG" | cut -c1-220 || echo "  (none yet)"

echo "== metrics: http://localhost:$METRICS_PORT/metrics (a few of them) =="
fetch "http://127.0.0.1:$METRICS_PORT/metrics" \
  | grep -E '^(http_server_request_duration_seconds_count|jvm_memory_used_bytes|process_cpu_seconds_total|system_cpu_load_average_1m|container_memory_usage_bytes|zeromon_spans_exported_total)' \
  | head -20

cat <<MSG

== look around ==
  service:  http://localhost:$APP_PORT/hello   (also /chain, /chain-client, /chain-async, /fail)
  metrics:  http://localhost:$METRICS_PORT/metrics   (OpenMetrics with exemplars: Accept: application/openmetrics-text)
  spans:    printed above and as they happen in $LOG
            set OTEL_EXPORTER_OTLP_ENDPOINT=http://localhost:4318 to send them to Jaeger as well
The service stops in ${DEMO_SECONDS:-60} s (Ctrl-C stops it now).
MSG
sleep "${DEMO_SECONDS:-60}"
