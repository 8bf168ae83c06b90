#!/usr/bin/env bash
# The portal's benchmark: generates the national data set once (default 100,000 institutions, kept in
# DATA_DIR), starts the portal on it with -Xmx512m on the embedded PostgreSQL, warms it up, then measures
# thirteen URL classes in one run with wrk at 16 and 64 connections, each class cycling through 1,000+
# distinct realistic requests (bench/requests.lua; the clinic's feedback report through its 12 quarters)
# and each measured right after the same-stack Fortunes page (the unit of the goals). Prints start-up time, a Markdown table (req/s, p50, p99, share of the
# adjacent Fortunes run and of the floor page) and the portal's peak RSS. Results: docs/performance.md.
#
#   bench/run.sh [institutions]   env: DATA_DIR, DURATION (s per class, default 15), ANCHOR_DURATION (s of
#                                 Fortunes before each class, default 5), WARMUP (s per class and round,
#                                 default 20), WARMUP_ROUNDS (default 3), STEADY_PERCENT (default 5) and
#                                 STEADY_RUNS (default 12: each class is warmed again until steady right
#                                 before it is measured), CONNECTIONS ("16 64"), PORT,
#                                 CLASSES (which URL classes, space-separated; default all)
set -euo pipefail
cd "$(dirname "$0")/.."

INSTITUTIONS="${1:-100000}"
DATA_DIR="${DATA_DIR:-$HOME/.meizhi/bench-$INSTITUTIONS}"
DURATION="${DURATION:-15}"
CONNECTIONS="${CONNECTIONS:-16 64}"
PORT="${PORT:-18080}"
FORTUNES_PORT="${FORTUNES_PORT:-18590}"
JAR=target/meizhi-0.1.0-SNAPSHOT.jar
WORK="$(mktemp -d)"
APP=""
FORTUNES=""
WRITER=""
trap '[[ -n "$WRITER" ]] && kill "$WRITER" 2>/dev/null; [[ -n "$APP" ]] && kill "$APP" 2>/dev/null; [[ -n "$FORTUNES" ]] && kill "$FORTUNES" 2>/dev/null; wait 2>/dev/null; rm -rf "$WORK"' EXIT

for tool in wrk python3 curl unzip; do
	if ! command -v "$tool" >/dev/null; then
		export DEBIAN_FRONTEND=noninteractive
		apt-get update -q && apt-get install -y -q wrk python3 curl unzip
		break
	fi
done
# the jar with the data generator (src/bench/java), which the product's jar leaves out
# (asked of unzip by name: "unzip -l | grep -q" fails under pipefail when grep stops reading early, and
# rebuilt the jar at every run)
if ! { [[ -f "$JAR" ]] && unzip -l "$JAR" 'BOOT-INF/classes/cn/meizhi/bench/NationalDataGenerator.class' >/dev/null 2>&1; }; then
	./mvnw -q -Pbench -DskipTests package
fi

if [[ ! -d "$DATA_DIR" ]]; then
	echo "Generating $INSTITUTIONS institutions into $DATA_DIR (once)…"
	/usr/bin/time -f "generation: %e s wall, peak RSS %M kB" java -jar "$JAR" --meizhi.embedded-db.data-dir="$DATA_DIR" \
		--meizhi.generate.institutions="$INSTITUTIONS" --server.port=0 >"$WORK/generate.log" 2>&1 || {
		cat "$WORK/generate.log"; exit 1; }
	grep -E "Data generator:" "$WORK/generate.log" | sed 's/.*: Data generator/Data generator/'
fi

started=$(date +%s.%N)
java -Xmx512m -jar "$JAR" --meizhi.embedded-db.data-dir="$DATA_DIR" --server.port="$PORT" \
	--spring.profiles.active=bench --meizhi.rate-limit.capacity=0 >"$WORK/app.log" 2>&1 &
APP=$!
until curl -fs "http://localhost:$PORT/actuator/health/readiness" 2>/dev/null | grep -q UP; do
	kill -0 "$APP" 2>/dev/null || { cat "$WORK/app.log"; exit 1; }
	sleep 0.2
done
echo "Cold start to ready (readiness UP, search index loaded): $(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN{printf "%.1f", b-a}') s ($(grep -o 'Directory search: [0-9]* entries indexed in [0-9]* ms' "$WORK/app.log" | head -1))"

# the same-stack floor, measured in the same run: the unit of the goals ("× Fortunes")
FORTUNES=$(MVN="${MVN:-$PWD/mvnw}" ../shared/anchors/fortunes/run.sh "$FORTUNES_PORT" | tail -1)
echo "/fortunes" >"$WORK/fortunes.txt"

python3 bench/paths.py "http://localhost:$PORT" "$WORK"

# a regulator's session (demo account) for the signed-in list
jar="$WORK/cookies"
token=$(curl -fs -c "$jar" "http://localhost:$PORT/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"//')
curl -fs -b "$jar" -c "$jar" -o /dev/null --data-urlencode "username=regulator" --data-urlencode "password=meizhi-demo" \
	--data-urlencode "_csrf=$token" "http://localhost:$PORT/login"
session="SESSION=$(awk '$6=="SESSION"{print $7}' "$jar")"
[[ "$session" == "SESSION=" ]] && session="JSESSIONID=$(awk '$6=="JSESSIONID"{print $7}' "$jar")"
# the demo clinic's session, for its quality-measure feedback report
clinic_jar="$WORK/clinic-cookies"
token=$(curl -fs -c "$clinic_jar" "http://localhost:$PORT/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"//')
curl -fs -b "$clinic_jar" -c "$clinic_jar" -o /dev/null --data-urlencode "username=clinic" --data-urlencode "password=meizhi-demo" \
	--data-urlencode "_csrf=$token" "http://localhost:$PORT/login"
clinic_session="SESSION=$(awk '$6=="SESSION"{print $7}' "$clinic_jar")"

# Each class is measured right after a run of Fortunes and reported against it: the machine's speed drifts
# by up to 2x within minutes, so only an adjacent measurement of the anchor makes a fair unit
read -r -a classes <<<"${CLASSES:-search filter profile verify api regulator ratings audit qm-benchmark qm-feedback qm-public static reference}"
run() { # class connections duration
	local cookie="" base="http://localhost:$PORT"
	[[ "$1" == regulator || "$1" == ratings || "$1" == audit || "$1" == qm-benchmark ]] && cookie="$session"
	[[ "$1" == qm-feedback ]] && cookie="$clinic_session"
	[[ "$1" == fortunes ]] && base="http://127.0.0.1:$FORTUNES_PORT"
	PATHS="$WORK/$1.txt" COOKIE="$cookie" wrk -t2 -c"$2" -d"$3"s --timeout 5s -s bench/requests.lua \
		-H "Accept-Encoding: gzip" "$base" | tail -1
}
# the JIT needs minutes on 2 cores before templates and queries run at full speed (a class's throughput
# still rose by half between its first and third minute): every class, Fortunes included, is warmed in
# several rounds, and then each class again, just before it is measured, until it is steady
echo "Warming up (${WARMUP_ROUNDS:-3} rounds of ${WARMUP:-20} s per class)…"
for round in $(seq "${WARMUP_ROUNDS:-3}"); do
	for class in fortunes "${classes[@]}"; do
		run "$class" 16 "${WARMUP:-20}" >/dev/null
	done
done
# Steady: a class is run for WARMUP s at a time until its throughput rose by less than STEADY_PERCENT (5)
# over the run before, at most STEADY_RUNS (12) times. The heaviest pages were still a third faster after six
# minutes of their own load than after the rounds above: a node in service is warm, and the figures should
# be the warm node's. Prints how many runs it took and the last throughput.
steady() { # class
	local previous=0 rps runs=0
	while ((runs < ${STEADY_RUNS:-12})); do
		rps=$(run "$1" 16 "${WARMUP:-20}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["rps"])')
		runs=$((runs + 1))
		if python3 -c "import sys; sys.exit(0 if $rps <= $previous * (1 + ${STEADY_PERCENT:-5} / 100) else 1)"; then
			break
		fi
		previous=$rps
	done
	echo "  $1 steady after $runs runs of ${WARMUP:-20} s ($rps req/s)"
}

: >"$WORK/results.jsonl"
# a regulator suspends and reinstates ratings throughout the measurement (two writes a second by default)
bench/writes.sh "http://localhost:$PORT" "$jar" "${WRITE_INTERVAL:-0.5}" >"$WORK/writes.txt" 2>&1 &
WRITER=$!
for connections in $CONNECTIONS; do
	for class in "${classes[@]}"; do
		[[ "$connections" == "${CONNECTIONS%% *}" ]] && steady "$class"
		anchor=$(run fortunes "$connections" "${ANCHOR_DURATION:-5}")
		line=$(run "$class" "$connections" "$DURATION")
		ANCHOR="$anchor" LINE="$line" CLASS="$class" CONN="$connections" python3 -c '
import json, os
anchor = json.loads(os.environ["ANCHOR"])
line = json.loads(os.environ["LINE"])
anchor.update({"class": "fortunes", "before": os.environ["CLASS"], "connections": int(os.environ["CONN"])})
line.update({"class": os.environ["CLASS"], "connections": int(os.environ["CONN"]), "anchor_rps": anchor["rps"]})
print(json.dumps(anchor)); print(json.dumps(line))' >>"$WORK/results.jsonl"
		echo "  fortunes @ $connections: $anchor"
		echo "  $class @ $connections: $line"
	done
done

kill -TERM "$WRITER"; wait "$WRITER" 2>/dev/null; WRITER=""
echo
echo "During the measurement, a regulator's $(cat "$WORK/writes.txt") (suspend, then reinstate)"
python3 bench/report.py "$WORK/results.jsonl"
echo
echo "Peak RSS of the portal: $(awk '/VmHWM/{printf "%.0f MB", $2/1024}' /proc/$APP/status) (-Xmx512m)"
{ grep -cE " ERROR " "$WORK/app.log" || true; } | xargs echo "ERROR lines in the portal's log:"
