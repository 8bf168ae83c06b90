#!/usr/bin/env bash
# Times importing N institutions (default 100,000) from the CSV template as the demo regulator, on a fresh
# embedded database with demo data; the file comes from bench/import-file.py. JAVA_OPTS go to the portal.
#   bench/import.sh [institutions]      env: PORT
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-100000}"
PORT="${PORT:-18081}"
JAR=target/meizhi-0.1.0-SNAPSHOT.jar
WORK="$(mktemp -d)"
APP=""
trap '[[ -n "$APP" ]] && kill "$APP" 2>/dev/null; wait 2>/dev/null; rm -rf "$WORK"' EXIT
command -v curl >/dev/null && command -v python3 >/dev/null || { apt-get update -q && apt-get install -y -q curl python3; }
[[ -f "$JAR" ]] || ./mvnw -q -DskipTests package

python3 bench/import-file.py "$N" "$WORK/institutions.csv"
echo "Import file: $N institutions, $(du -h "$WORK/institutions.csv" | cut -f1)"
java -Xmx512m ${JAVA_OPTS:-} -jar "$JAR" --meizhi.embedded-db.data-dir="$WORK/db" --server.port="$PORT" \
	--meizhi.rate-limit.capacity=0 >"$WORK/app.log" 2>&1 &
APP=$!
until curl -fs "http://localhost:$PORT/actuator/health" 2>/dev/null | grep -q UP; do
	kill -0 "$APP" 2>/dev/null || { cat "$WORK/app.log"; exit 1; }
	sleep 0.5
done
jar="$WORK/cookies"
token() { curl -fs -b "$jar" -c "$jar" "http://localhost:$PORT/$1" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"//'; }
csrf=""
for attempt in $(seq 60); do # demo data may still be loading when health says UP
	curl -fs -b "$jar" -c "$jar" -o /dev/null --data-urlencode "username=regulator" --data-urlencode "password=meizhi-demo" \
		--data-urlencode "_csrf=$(token login)" "http://localhost:$PORT/login" || true
	csrf=$(token regulator/institutions/import || true)
	[[ -n "$csrf" ]] && break
	sleep 1
done
[[ -n "$csrf" ]] || { echo "Could not sign in as the demo regulator"; exit 1; }
started=$(date +%s.%N)
status=$(curl -s -b "$jar" -c "$jar" -o "$WORK/result.html" -w '%{http_code} %{redirect_url}' -F "_csrf=$csrf" \
	-F "file=@$WORK/institutions.csv;type=text/csv" "http://localhost:$PORT/regulator/institutions/import")
elapsed=$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN{printf "%.1f", b-a}')
echo "Import answered $status after $elapsed s"
[[ "$status" == 302* ]] || { grep -o 'class="[^"]*invalid[^"]*"[^<]*<[^<]*' "$WORK/result.html" | head -5; tail -20 "$WORK/app.log"; exit 1; }
listed=$(curl -fs "http://localhost:$PORT/api/public/institutions?q=%E6%9D%AD%E5%B7%9E&size=1" | python3 -c "import json,sys; print(json.load(sys.stdin)['page']['totalElements'])")
echo "The public directory now lists $listed institutions whose name holds 杭州"
