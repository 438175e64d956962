#!/usr/bin/env bash
# Imports a generated orders file of N rows (default 1,000,000) through the web UI into the
# packaged application on the embedded PostgreSQL, and reports the time and the application's
# memory. Usage: ./mvnw -DskipTests package && bench/import.sh [rows]
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-1000000}
jar=$(ls target/opencxm-*.jar | grep -v original | head -1)
work=$(mktemp -d); port=18091; password=benchmark-admin-password; url="http://localhost:$port"
trap 'kill $pid 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT
awk -v n="$rows" 'BEGIN { print "Kundennummer;Bestellnummer;Datum;Umsatz;Marge;Retoure";
  for (i = 1; i <= n; i++) printf "K-%d;B-%d;%02d.%02d.2026;%d,%02d;%d,50;%s\n", i % 50000, i, i % 28 + 1, i % 12 + 1, i % 500, i % 100, i % 90, (i % 11 == 0 ? "ja" : "nein") }' > "$work/orders.csv"
echo "file: $rows rows, $(( $(stat -c %s "$work/orders.csv") / 1024 / 1024 )) MB"
OPENCXM_DATA_DIR="$work/postgres" OPENCXM_IMPORT_DIR="$work/imports" OPENCXM_ADMIN_PASSWORD=$password OPENCXM_DEMO=false \
  java -Xmx512m -jar "$jar" --server.port=$port >"$work/app.log" 2>&1 &
pid=$!
until curl -sf "$url/actuator/health/readiness" >/dev/null; do sleep 0.2; done
csrf() { grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"//'; }
jar_cookies="$work/cookies"
token=$(curl -s -c "$jar_cookies" -b "$jar_cookies" "$url/login" | csrf)
curl -s -c "$jar_cookies" -b "$jar_cookies" -o /dev/null --data-urlencode "email=admin@opencxm.local" \
  --data-urlencode "password=$password" -d "_csrf=$token" "$url/login"
token=$(curl -s -c "$jar_cookies" -b "$jar_cookies" "$url/imports" | csrf)
start=$(date +%s)
job=$(curl -s -c "$jar_cookies" -b "$jar_cookies" -o /dev/null -w '%{redirect_url}' -F "_csrf=$token" -F kind=ORDERS \
  -F "file=@$work/orders.csv;type=text/csv" "$url/imports" | sed 's#.*/imports/##')
uploaded=$(date +%s)
echo "uploaded and checked in $(( uploaded - start )) s"
token=$(curl -s -c "$jar_cookies" -b "$jar_cookies" "$url/imports/$job" | csrf)
curl -s -c "$jar_cookies" -b "$jar_cookies" -o /dev/null -d "_csrf=$token" -d "map.customerId=Kundennummer" \
  -d "map.orderId=Bestellnummer" -d "map.date=Datum" -d "map.revenue=Umsatz" -d "map.margin=Marge" -d "map.returned=Retoure" \
  "$url/imports/$job/start"
peak=0
while ! curl -s -b "$jar_cookies" "$url/imports/$job" | grep -qE 'fertig|done|failed|fehlgeschlagen'; do
  rss=$(( $(ps -o rss= -p $pid) / 1024 )); [ $rss -gt $peak ] && peak=$rss
  sleep 2
done
end=$(date +%s)
echo "imported in $(( end - start )) s (upload, count, import): $(( rows / (end - start + 1) )) rows/s; peak app RSS ${peak} MB with -Xmx512m"
jcmd $pid GC.run >/dev/null; jcmd $pid GC.heap_info | grep -i used | head -1
curl -s -b "$jar_cookies" "$url/imports/$job" | sed -e 's/<[^>]*>/ /g' | tr -s ' \n' | grep -A1 -E "^ ?(Rows|Imported|Skipped|Zeilen|Importiert)" | head -6
