#!/usr/bin/env bash
# The journeys benchmark against the packaged application on the embedded PostgreSQL, both on this
# machine: a year of customer lives through the collection API, how long the lifecycle takes to
# follow them, funnel/path/pain-point queries over 90 days, then live events at a steady rate
# with the lifecycle's lag. Usage: ./mvnw -DskipTests package && bench/journeys.sh [customers] [events] [live rate] [live seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
customers=${1:-500000}; events=${2:-10000000}; rate=${3:-10000}; live=${4:-60}
jar=${BENCH_JAR:-$(ls target/opencxm-*.jar | grep -v original | head -1)}
# BENCH_WORK keeps the database for a look afterwards; BENCH_JAR and BENCH_CLASSES run copies, so
# that a build meanwhile cannot change what is measured
work=${BENCH_WORK:-$(mktemp -d)}; mkdir -p "$work"; port=18091; password=benchmark-admin-password
trap 'kill $pid 2>/dev/null || true; wait 2>/dev/null || true; [ -n "${BENCH_WORK:-}" ] || rm -rf "$work"' EXIT
OPENCXM_DATA_DIR="$work/postgres" OPENCXM_ADMIN_PASSWORD=$password OPENCXM_DEMO=false OPENCXM_RATE_LIMIT_COLLECTION=1000000 \
  java -Xmx2g ${BENCH_JAVA_OPTS:-} -jar "$jar" --server.port=$port >"$work/app.log" 2>&1 &
pid=$!
until curl -sf "http://localhost:$port/actuator/health/readiness" >/dev/null; do sleep 0.2; done
pg_port=$(sed -n 4p "$work/postgres/postmaster.pid")
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; app and PostgreSQL on this machine"
./mvnw -q -o -B dependency:build-classpath -Dmdep.outputFile="$work/cp" -Dmdep.includeScope=test >/dev/null
java -cp "${BENCH_CLASSES:-target}/test-classes:${BENCH_CLASSES:-target}/classes:$(cat "$work/cp")" org.opencxm.bench.JourneyLoad \
  --url "http://localhost:$port" --password $password --customers "$customers" --events "$events" \
  --rate "$rate" --live-seconds "$live" --jdbc "jdbc:postgresql://localhost:$pg_port/opencxm" \
  --jdbc-password-file "$work/postgres/opencxm-password" --phases "${BENCH_PHASES:-history,queries,live}"
echo "app RSS: $(( $(ps -o rss= -p $pid) / 1024 )) MB"
