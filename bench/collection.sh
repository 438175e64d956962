#!/usr/bin/env bash
# Load test of the collection API against the packaged application on the embedded PostgreSQL,
# both on this machine. Usage: ./mvnw -DskipTests package && bench/collection.sh [batch|single] [seconds] [connections] [batch size]
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-batch}; seconds=${2:-60}; connections=${3:-8}; batch=${4:-200}
jar=$(ls target/opencxm-*.jar | grep -v original | head -1)
work=$(mktemp -d); port=18090; password=benchmark-admin-password
trap 'kill $pid 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT
# BENCH_JAVA_OPTS adds options to the application's JVM, e.g. a JFR recording for a profile.
# all load comes from one address: the per-address limit (3,000/s by default) would cap the run
OPENCXM_DATA_DIR="$work/postgres" OPENCXM_ADMIN_PASSWORD=$password OPENCXM_DEMO=false OPENCXM_RATE_LIMIT_COLLECTION=1000000 \
  java -Xmx1g ${BENCH_JAVA_OPTS:-} -jar "$jar" --server.port=$port >"$work/app.log" 2>&1 &
pid=$!
until curl -sf "http://localhost:$port/actuator/health/readiness" >/dev/null; do sleep 0.2; done
pg_port=$(sed -n 4p "$work/postgres/postmaster.pid")
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; app and PostgreSQL on this machine"
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile="$work/cp" -Dmdep.includeScope=test >/dev/null
java -cp "target/test-classes:target/classes:$(cat "$work/cp")" org.opencxm.bench.CollectionLoad \
  --url "http://localhost:$port" --password $password --mode "$mode" --seconds "$seconds" \
  --connections "$connections" --batch "$batch" --jdbc "jdbc:postgresql://localhost:$pg_port/opencxm" \
  --jdbc-password-file "$work/postgres/opencxm-password"
echo "app RSS: $(( $(ps -o rss= -p $pid) / 1024 )) MB"

# The reference for single events: pgbench's durable single-row inserts into the same PostgreSQL,
# with as many clients, each insert its own transaction (needs psql and pgbench, from Debian's
# postgresql-client). Runs after the HTTP load, so the two never compete.
if [ "$mode" = single ] && command -v pgbench >/dev/null; then
  export PGPASSWORD=$(cat "$work/postgres/opencxm-password")
  psql -q -h localhost -p "$pg_port" -U postgres opencxm \
    -c "create table if not exists pgbench_reference (id uuid primary key, received_at timestamptz not null, body jsonb)"
  echo "insert into pgbench_reference values (gen_random_uuid(), now(), '{\"event\": \"Order Completed\", \"userId\": \"u-1\"}');" \
    > "$work/insert.sql"
  pgbench -h localhost -p "$pg_port" -U postgres -n -c "$connections" -j 2 -T 20 -f "$work/insert.sql" opencxm \
    | grep -E "^tps|latency average" | sed 's/^/pgbench reference: /'
fi
