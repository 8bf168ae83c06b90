#!/usr/bin/env bash
# Times the quality-control centre's bulk import of one period's quality measures for N institutions
# (default 1,000) from an XLSX workbook, as the demo regulator on a fresh embedded database with demo data:
# registers the institutions with bench/import-file.py and the institution import, downloads the
# jurisdiction's template for the latest ended quarter (the institutions that have not submitted it, one
# row per institution and measure), fills it (Debian's python3-openpyxl) and uploads it.
#   bench/import-measures.sh [institutions]      env: PORT
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-1000}"
PORT="${PORT:-18082}"
JAR=target/meizhi-0.1.0-SNAPSHOT.jar
WORK="$(mktemp -d)"
APP=""
trap '[[ -n "$APP" ]] && kill "$APP" 2>/dev/null; wait 2>/dev/null; rm -rf "$WORK"' EXIT
# Debian's python3 (the one python3-openpyxl is for), not another one earlier on the PATH
PY=/usr/bin/python3
if ! command -v curl >/dev/null || ! "$PY" -c "import openpyxl" 2>/dev/null; then
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -q && apt-get install -y -q curl python3 python3-openpyxl
fi
[[ -f "$JAR" ]] || ./mvnw -q -DskipTests package

python3 bench/import-file.py "$N" "$WORK/institutions.csv" 22
java -Xmx512m ${JAVA_OPTS:-} -jar "$JAR" --meizhi.embedded-db.data-dir="$WORK/db" --server.port="$PORT" \
	--meizhi.rate-limit.capacity=0 >"$WORK/app.log" 2>&1 &
APP=$!
until curl -fs "http://localhost:$PORT/actuator/health/readiness" 2>/dev/null | grep -q UP; do
	kill -0 "$APP" 2>/dev/null || { cat "$WORK/app.log"; exit 1; }
	sleep 0.5
done
jar="$WORK/cookies"
token() { curl -fs -b "$jar" -c "$jar" "http://localhost:$PORT/$1" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"//'; }
curl -fs -b "$jar" -c "$jar" -o /dev/null --data-urlencode "username=regulator" --data-urlencode "password=meizhi-demo" \
	--data-urlencode "_csrf=$(token login)" "http://localhost:$PORT/login"
status=$(curl -s -b "$jar" -c "$jar" -o /dev/null -w '%{http_code}' -F "_csrf=$(token regulator/institutions/import)" \
	-F "file=@$WORK/institutions.csv;type=text/csv" "http://localhost:$PORT/regulator/institutions/import")
echo "Registered $N institutions (import answered $status)"

# the latest ended quarter
period=$("$PY" -c 'import datetime; t = datetime.date.today(); q = (t.month - 1) // 3; print(f"{t.year}-Q{q}" if q else f"{t.year - 1}-Q4")')
curl -fs -b "$jar" -o "$WORK/template.xlsx" "http://localhost:$PORT/regulator/quality-measures/reports/template.xlsx?period=$period"
"$PY" - "$WORK/template.xlsx" "$WORK/filled.xlsx" <<'PY'
import random, sys
import openpyxl
random.seed(7)
book = openpyxl.load_workbook(sys.argv[1])
sheet = book.active
institutions = set()
for row in sheet.iter_rows(min_row=2):
    institutions.add(row[0].value)
    unit = row[4].value
    if unit in ("RATE_PERCENT", "PER_THOUSAND"):
        cases = random.randint(50, 500)
        row[6].value = cases
        row[5].value = random.randint(int(cases * 0.85), cases)
    elif unit == "DAYS":
        row[5].value = round(random.uniform(1, 4), 1)
    else:
        row[5].value = random.randint(0, 6)
book.save(sys.argv[2])
print(f"Workbook: {sheet.max_row - 1} rows for {len(institutions)} institutions")
PY
echo "File: $(du -h "$WORK/filled.xlsx" | cut -f1)"
started=$(date +%s.%N)
status=$(curl -s -b "$jar" -c "$jar" -o "$WORK/result.html" -w '%{http_code} %{redirect_url}' \
	-F "_csrf=$(token "regulator/quality-measures/reports?period=$period")" -F "period=$period" -F "confirmOutliers=true" \
	-F "file=@$WORK/filled.xlsx" "http://localhost:$PORT/regulator/quality-measures/reports/import")
elapsed=$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN{printf "%.1f", b-a}')
echo "Bulk import of $period answered $status after $elapsed s"
[[ "$status" == 302* ]] || { grep -o 'id="import-problems".*' "$WORK/result.html" | head -c 2000; exit 1; }
curl -fs -b "$jar" "http://localhost:$PORT/regulator/quality-measures/reports?period=$period" | grep -o 'id="count-SUBMITTED">[0-9]*' | sed 's/.*>/Submitted now: /'
