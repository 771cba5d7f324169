#!/usr/bin/env bash
# Start-up and class-data sharing: the JDK HttpServer service and a Spring Boot service, without an
# agent, with the boot class path appended (an empty jar: what any agent's
# appendToBootstrapClassLoaderSearch does to sharing), with an AppCDS archive, and with the agents.
#   benchmarks/startup.sh [ROUNDS] [--java PATH] [--no-build]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=5; java_bin="$(command -v java)"; build=1
while [ $# -gt 0 ]; do
  case "$1" in
    --java) java_bin="$2"; shift ;;
    --no-build) build=0 ;;
    *) rounds="$1" ;;
  esac
  shift
done
if [ "$build" = 1 ]; then mvn -B -q package -DskipTests -pl benchmarks -am; fi
exec java -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" \
  io.zeromon.benchmarks.run.StartupBenchmark "$java_bin" benchmarks/target/startup \
  benchmarks/target/zeromon-benchmarks-0.1.0-SNAPSHOT.jar benchmarks/target/spring-libs \
  agent/target/zeromon-agent.jar benchmarks/target/opentelemetry-javaagent.jar "$rounds" \
  benchmarks/results
