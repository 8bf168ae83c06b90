#!/usr/bin/env bash
# Times the nightly rating expiry job when every published or suspended rating of the national data set
# is due at once (the worst night), or DUE of them picked at random (an ordinary night): copies the
# benchmark's database (bench/run.sh generates it), moves those ratings' last day to yesterday, starts the
# portal with the job set to run at the next full minute, and prints what the job logs (how many ratings,
# how long). The copy is deleted afterwards.
#   bench/expiry.sh [institutions]      env: DATA_DIR (the generated database), DUE, PORT
set -euo pipefail
cd "$(dirname "$0")/.."
INSTITUTIONS="${1:-100000}"
DATA_DIR="${DATA_DIR:-$HOME/.meizhi/bench-$INSTITUTIONS}"
PORT="${PORT:-18082}"
JAR=target/meizhi-0.1.0-SNAPSHOT.jar
WORK="$(mktemp -d)"
APP=""
trap '[[ -n "$APP" ]] && kill "$APP" 2>/dev/null; wait 2>/dev/null; rm -rf "$WORK"' EXIT
command -v psql >/dev/null || { apt-get update -q && apt-get install -y -q postgresql-client; }
[[ -d "$DATA_DIR" ]] || { echo "No data set in $DATA_DIR: run bench/run.sh first"; exit 1; }
[[ -f "$JAR" ]] || ./mvnw -q -DskipTests package

cp -a "$DATA_DIR" "$WORK/db"
rm -f "$WORK/db/postmaster.pid" "$WORK/db/epg-lock"
java -Xmx512m ${JAVA_OPTS:-} -jar "$JAR" --meizhi.embedded-db.data-dir="$WORK/db" --server.port="$PORT" \
	--meizhi.ratings.expiry-cron="0 * * * * *" >"$WORK/app.log" 2>&1 &
APP=$!
until curl -fs "http://localhost:$PORT/actuator/health" 2>/dev/null | grep -q UP; do
	kill -0 "$APP" 2>/dev/null || { cat "$WORK/app.log"; exit 1; }
	sleep 0.5
done
db_port=$(grep -o 'jdbc:postgresql://localhost:[0-9]*' "$WORK/app.log" | head -1 | sed 's/.*://')
limit=""
[[ -n "${DUE:-}" ]] && limit="order by random() limit $DUE"
due=$(psql -h localhost -p "$db_port" -U postgres -Atc "update rating set valid_until = current_date - 1
	where id in (select id from rating where status in ('PUBLISHED', 'SUSPENDED') $limit) returning 1" | wc -l)
echo "Ratings made due: $due; waiting for the job (it runs at every full minute)…"
until grep -q "Expired .* rating" "$WORK/app.log"; do
	kill -0 "$APP" 2>/dev/null || { tail -30 "$WORK/app.log"; exit 1; }
	sleep 1
done
grep -o "Expired .* ms" "$WORK/app.log" | head -1
