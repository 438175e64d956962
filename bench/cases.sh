#!/usr/bin/env bash
# The cases benchmark against the packaged application on the embedded PostgreSQL, both on this
# machine: 100,000 open cases, the deadline sweep on rounds of due cases (and all of them at once),
# and the queue page, each against a direct JDBC reference in the same run.
# Usage: ./mvnw -DskipTests package && bench/cases.sh [cases] [customers]
set -euo pipefail
cd "$(dirname "$0")/.."
cases=${1:-100000}; customers=${2:-20000}
jar=${BENCH_JAR:-$(ls target/opencxm-*.jar | grep -v original | head -1)}
work=${BENCH_WORK:-$(mktemp -d)}; mkdir -p "$work"; port=18092; password=benchmark-admin-password
trap 'kill $pid 2>/dev/null || true; wait 2>/dev/null || true; [ -n "${BENCH_WORK:-}" ] || rm -rf "$work"' EXIT
OPENCXM_DATA_DIR="$work/postgres" OPENCXM_ADMIN_PASSWORD=$password OPENCXM_DEMO=false \
  OPENCXM_CASE_SWEEP=1s OPENCXM_JOBS_POLLING=1s \
  java -Xmx1g ${BENCH_JAVA_OPTS:-} -jar "$jar" --server.port=$port >"$work/app.log" 2>&1 &
pid=$!
until curl -sf "http://localhost:$port/actuator/health/readiness" >/dev/null; do sleep 0.2; done
pg_port=$(sed -n 4p "$work/postgres/postmaster.pid")
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; app and PostgreSQL on this machine"
./mvnw -q -o -B dependency:build-classpath -Dmdep.outputFile="$work/cp" -Dmdep.includeScope=test >/dev/null
java -cp "${BENCH_CLASSES:-target}/test-classes:${BENCH_CLASSES:-target}/classes:$(cat "$work/cp")" org.opencxm.bench.CaseLoad \
  --url "http://localhost:$port" --password $password --cases "$cases" --customers "$customers" \
  --log "$work/app.log" --jdbc "jdbc:postgresql://localhost:$pg_port/opencxm" \
  --jdbc-password-file "$work/postgres/opencxm-password"
echo "app RSS: $(( $(ps -o rss= -p $pid) / 1024 )) MB"
