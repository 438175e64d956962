#!/usr/bin/env bash
# Load test of survey submissions (the answering form) against the packaged application on the
# embedded PostgreSQL, both on this machine.
# Usage: ./mvnw -DskipTests package && bench/survey.sh [rate per second] [seconds] [connections] [warm-up seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
rate=${1:-500}; seconds=${2:-60}; connections=${3:-16}; warmup=${4:-30}
jar=$(ls target/opencxm-*.jar | grep -v original | head -1)
work=$(mktemp -d); port=18091; password=benchmark-admin-password
trap 'kill $pid 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT
OPENCXM_DATA_DIR="$work/postgres" OPENCXM_ADMIN_PASSWORD=$password OPENCXM_DEMO=false \
  OPENCXM_RATE_LIMIT_SURVEY=1000000 java -Xmx1g -jar "$jar" --server.port=$port >"$work/app.log" 2>&1 &
pid=$!
until curl -sf "http://localhost:$port/actuator/health/readiness" >/dev/null; do sleep 0.2; done
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; app, PostgreSQL and load driver on this machine"
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile="$work/cp" -Dmdep.includeScope=test >/dev/null
java -cp "target/test-classes:target/classes:$(cat "$work/cp")" org.opencxm.bench.SurveyLoad \
  --url "http://localhost:$port" --password $password --rate "$rate" --seconds "$seconds" --connections "$connections" --warmup "$warmup"
echo "app RSS: $(( $(ps -o rss= -p $pid) / 1024 )) MB"
