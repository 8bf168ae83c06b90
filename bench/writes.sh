#!/usr/bin/env bash
# A regulator at work during the benchmark: suspends a published rating, then reinstates it, over and over
# (each suspension changes the search index, the counts, the profile and /verify on every node at once), so
# that no cache a write clears can flatter the read figures. Runs until killed; on exit prints one line:
# "writes: <ok> ok, <failed> failed".
#
#   bench/writes.sh <base-url> <cookie-jar of a signed-in regulator> [interval s, default 0.5]
set -uo pipefail
BASE="$1"; JAR="$2"; INTERVAL="${3:-0.5}"
ok=0; failed=0; suspended=""
# a rating left suspended is reinstated, so that the data set stays as it was generated
trap '[[ -n "$suspended" ]] && post "/regulator/ratings/$suspended/reinstate" "基准测试：恢复"; echo "writes: $ok ok, $failed failed"; exit 0' TERM INT
page=$(curl -fs -b "$JAR" "$BASE/regulator/ratings/all?status=PUBLISHED") || { echo "writes: cannot read the ratings"; exit 1; }
mapfile -t ratings < <(grep -o 'href="/regulator/ratings/[0-9]*"' <<<"$page" | grep -o '[0-9]*' | head -20)
token=$(curl -fs -b "$JAR" "$BASE/regulator/ratings/${ratings[0]}" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"//')
post() { # path reason → counts a redirect back to the rating as success
	local code
	code=$(curl -s -o /dev/null -w '%{http_code}' -b "$JAR" --data-urlencode "reason=$2" --data-urlencode "_csrf=$token" "$BASE$1")
	if [[ "$code" == 302 ]]; then ok=$((ok + 1)); else failed=$((failed + 1)); fi
}
n=0
while true; do
	id="${ratings[$((n % ${#ratings[@]}))]}"
	n=$((n + 1))
	suspended="$id"
	post "/regulator/ratings/$id/suspend" "基准测试：暂停后恢复（bench/writes.sh）"
	sleep "$INTERVAL" & wait $!
	post "/regulator/ratings/$id/reinstate" "基准测试：恢复"
	suspended=""
	sleep "$INTERVAL" & wait $!
done
