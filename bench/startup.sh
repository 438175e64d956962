#!/usr/bin/env bash
# Measures start-up of the packaged application on the embedded PostgreSQL:
#   cold = empty data directory (initdb, migrations, first-start data),
#   warm = the same directory again.
# Prints the time until /actuator/health/readiness answers UP, and the heap in use after a
# full GC and the JVM's resident memory. Usage: ./mvnw -DskipTests package && bench/startup.sh [runs]
# Set JAVA_OPTS to compare JVM options, e.g. JAVA_OPTS=-XX:TieredStopAtLevel=1.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
jar=$(ls target/opencxm-*.jar | grep -v original | head -1)
port=18080
work=$(mktemp -d)
trap 'kill $pid 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT

ready_ms() {
  local start=$1
  until curl -sf "http://localhost:$port/actuator/health/readiness" >/dev/null; do
    if ! kill -0 "$pid" 2>/dev/null; then echo "app exited" >&2; exit 1; fi
    sleep 0.05
  done
  echo $(( ($(date +%s%N) - start) / 1000000 ))
}

heap_mb() {
  jcmd "$pid" GC.run >/dev/null
  jcmd "$pid" GC.heap_info | awk '/used/ { for (i = 1; i <= NF; i++) if ($i == "used") { v=$(i+1); sub("K,?", "", v); print int(v/1024); exit } }'
}

launch() {
  OPENCXM_DATA_DIR="$work/postgres" OPENCXM_ADMIN_PASSWORD=benchmark-admin-password \
    java -Xmx512m ${JAVA_OPTS:-} -jar "$jar" --server.port=$port >"$work/app.log" 2>&1 &
  pid=$!
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1)"
for run in $(seq 1 "$runs"); do
  rm -rf "$work/postgres"
  start=$(date +%s%N); launch; cold=$(ready_ms "$start"); kill "$pid"; wait "$pid" || true
  start=$(date +%s%N); launch; warm=$(ready_ms "$start"); heap=$(heap_mb)
  rss=$(( $(ps -o rss= -p "$pid") / 1024 )); kill "$pid"; wait "$pid" || true
  echo "run $run: cold ${cold} ms, warm ${warm} ms, heap in use after start ${heap} MB, JVM RSS ${rss} MB"
done
