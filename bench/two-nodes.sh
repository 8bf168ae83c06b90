#!/usr/bin/env bash
# Two Meizhi nodes behind nginx over one PostgreSQL, under load, with one node killed half-way: a node
# may die at any moment without a signed-in user noticing more than one retried request.
#
# What it does, everything on loopback and in one temporary directory, removed on exit:
#   1. a throwaway PostgreSQL cluster on a free port, database and user "meizhi": the newest
#      /usr/lib/postgresql/*/bin, which on Debian 12 is 15 (the README asks for 16 or newer in
#      production; PGBIN picks another installation);
#   2. two nodes, java -Xmx512m -jar target/meizhi-0.1.0-SNAPSHOT.jar, started at the same moment in demo
#      mode (both migrate and load the demo data at once), waits until both are ready
#      (/actuator/health/readiness UP);
#   3. nginx on NGINX_PORT in front of both (bench/nginx-two-nodes.conf.template: the proxy settings of
#      deploy/nginx.conf);
#   4. signs in SESSIONS sessions through nginx as regulator/meizhi-demo;
#   5. wrk for DURATION seconds through nginx over public and signed-in GET pages (the signed-in ones
#      with the sessions' cookies), while a background loop POSTs a form (FORM_PATH, below) with the
#      sessions; at DURATION/2 node 1 is killed with SIGKILL, restarted RESTART_DELAY seconds later with
#      the same arguments, and waited for until ready;
#   6. checks every session again, through nginx and on each node directly.
#
# Targets (exit 0 only if both hold):
#   failed GET requests  0  (any status outside 2xx/3xx, a signed-in page sent to /login, a socket error)
#   sessions lost        0
# Also printed: total requests, failed POSTs (a POST in flight on the node that dies is not retried by
# nginx, see deploy/nginx.conf: such failures are counted and their responses classified, not fatal),
# requests nginx retried on the other node, when node 1 was ready again, ERROR lines in the nodes' logs.
#
# Usage, on Debian 12 as root (installs nginx, postgresql, wrk, curl, python3 and a JDK from Debian
# when missing; note that Debian's packages create their own main PostgreSQL cluster and nginx site,
# which this script does not use; it builds the jar with ./mvnw when it is missing):
#
#   bench/two-nodes.sh
#
# Environment (defaults in brackets):
#   DURATION [60]         seconds of load; node 1 is killed after DURATION/2
#   SESSIONS [20]         signed-in sessions
#   THREADS [2], CONNECTIONS [16]   wrk's
#   RESTART_DELAY [5]     seconds between killing node 1 and starting it again
#   START_TIMEOUT [240]   seconds a node may take to become ready
#   NGINX_PORT [18080], NODE1_PORT [18081], NODE2_PORT [18082]
#   POOL_SIZE [10]        connections per node (spring.datasource.hikari.maximum-pool-size)
#   POST_INTERVAL [0.2]   seconds between two form POSTs
#   FORM_PATH, FORM_FIELDS, FORM_OK   the form that is POSTed (see below)
#   JAR [target/meizhi-0.1.0-SNAPSHOT.jar], JAVA_OPTS [-Xmx512m]
#   PGBIN                 a PostgreSQL bin directory other than the newest in /usr/lib/postgresql
#   KEEP=1                keep the temporary directory (logs, nginx access log) after the run
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"

# --- the form POSTed during the run ------------------------------------------------------------------
# It must be harmless to send hundreds of times. The default is the regulator's "register an
# institution" form sent EMPTY: it fails validation, so the node answers 200 with the form and its error
# messages and stores nothing. It still takes the whole path of a real form: the session (from
# PostgreSQL), the CSRF token (kept in that session, so issued by one node and checked by the other),
# binding, validation and rendering. Deliberately not the password change (POST /account/password),
# which would change the demo account's password (or, sent wrong, count as failed attempts).
FORM_PATH="${FORM_PATH:-/regulator/institutions/new}"
FORM_FIELDS="${FORM_FIELDS:-}"   # URL-encoded fields besides _csrf, e.g. "name=x&address=y"
FORM_OK="${FORM_OK:-200}"        # statuses that count as success (a 3xx must not go to /login)

DURATION="${DURATION:-60}"
SESSIONS="${SESSIONS:-20}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-16}"
RESTART_DELAY="${RESTART_DELAY:-5}"
START_TIMEOUT="${START_TIMEOUT:-240}"
NGINX_PORT="${NGINX_PORT:-18080}"
NODE1_PORT="${NODE1_PORT:-18081}"
NODE2_PORT="${NODE2_PORT:-18082}"
POOL_SIZE="${POOL_SIZE:-10}"
POST_INTERVAL="${POST_INTERVAL:-0.2}"
JAR="${JAR:-target/meizhi-0.1.0-SNAPSHOT.jar}"
JAVA_OPTS="${JAVA_OPTS:--Xmx512m}"
USERNAME=regulator
PASSWORD=meizhi-demo
# the regulator's home page (/home redirects there after signing in)
HOME_PAGE=/regulator
# every page of a signed-in user has the sign-out form; the sign-in page does not
SIGNED_IN_MARKER='action="/logout"'
BASE="http://127.0.0.1:$NGINX_PORT"

T0=$SECONDS
pause() { sleep "$1" & wait "$!"; } # a sleep that SIGTERM interrupts at once (for the trap)
log() { printf '[%4ds] %s\n' "$((SECONDS - T0))" "$*"; }
die() { log "FAILED: $*" >&2; exit 1; }

[[ "$DURATION" =~ ^[0-9]+$ && "$DURATION" -ge 10 ]] || die "DURATION must be a whole number of seconds, at least 10"
[[ "$SESSIONS" =~ ^[0-9]+$ && "$SESSIONS" -ge 1 ]] || die "SESSIONS must be at least 1"
[[ $EUID -eq 0 ]] || die "run as root (it installs packages and runs PostgreSQL as the postgres user)"

# --- tools -------------------------------------------------------------------------------------------
missing=()
command -v nginx >/dev/null || missing+=(nginx)
command -v wrk >/dev/null || missing+=(wrk)
command -v curl >/dev/null || missing+=(curl)
command -v python3 >/dev/null || missing+=(python3)
command -v java >/dev/null || missing+=(openjdk-17-jdk-headless)
[[ -n "${PGBIN:-}" ]] || compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || missing+=(postgresql)
if ((${#missing[@]})); then
	log "installing ${missing[*]}"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -q && apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
PGBIN="${PGBIN:-$(dirname "$(find /usr/lib/postgresql -path '*/bin/initdb' | sort -V | tail -n 1)")}"
[[ -x "$PGBIN/initdb" && -x "$PGBIN/pg_ctl" && -x "$PGBIN/psql" ]] || die "no initdb/pg_ctl/psql in $PGBIN"
getent passwd postgres >/dev/null || die "no postgres system user (it comes with Debian's postgresql package)"
if [[ ! -f "$JAR" ]]; then
	log "$JAR is missing: building it"
	./mvnw -q -DskipTests package
	[[ -f "$JAR" ]] || die "the build did not produce $JAR"
fi

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for port in "$NGINX_PORT" "$NODE1_PORT" "$NODE2_PORT"; do
	! port_in_use "$port" || die "port $port is in use (set NGINX_PORT, NODE1_PORT, NODE2_PORT)"
done
free_port() {
	python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# --- clean-up on every exit --------------------------------------------------------------------------
WORK="$(mktemp -d /tmp/meizhi-two-nodes.XXXXXX)"
chmod 711 "$WORK" # the postgres user reaches its own directory inside
mkdir -p "$WORK/sessions" "$WORK/posts"
NODE_PIDS=("" "" "")
NGINX_PID=""
WRK_PID=""
POSTER_PID=""
PG_STARTED=""
PGHOME="$WORK/pg"
PGDATA="$PGHOME/data"

stop_pid() { # pid signal seconds: signal, wait, then SIGKILL
	local pid="$1" i
	kill -0 "$pid" 2>/dev/null || return 0
	kill "-$2" "$pid" 2>/dev/null || true
	for ((i = 0; i < $3 * 10; i++)); do
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.1
	done
	kill -KILL "$pid" 2>/dev/null || true
	wait "$pid" 2>/dev/null || true
}

show_logs() {
	local file
	for file in node1.log node2.log pg/postgres.log nginx/error.log wrk.out posts/curl.err; do
		[[ -s "$WORK/$file" ]] || continue
		echo "----- last 60 lines of $file -----"
		tail -n 60 "$WORK/$file"
	done
}

cleanup() {
	local rc=$?
	set +e
	trap - EXIT INT TERM
	[[ -n "$POSTER_PID" ]] && stop_pid "$POSTER_PID" TERM 2
	[[ -n "$WRK_PID" ]] && stop_pid "$WRK_PID" TERM 2
	[[ -n "$NGINX_PID" ]] && stop_pid "$NGINX_PID" QUIT 10
	local n
	for n in 1 2; do [[ -n "${NODE_PIDS[n]}" ]] && kill -TERM "${NODE_PIDS[n]}" 2>/dev/null; done
	for n in 1 2; do [[ -n "${NODE_PIDS[n]}" ]] && stop_pid "${NODE_PIDS[n]}" TERM 40; done
	[[ -n "$PG_STARTED" ]] && as_postgres "$PGBIN/pg_ctl" -D "$PGDATA" -m fast -w -t 30 stop >/dev/null
	if ((rc != 0)); then
		show_logs >&2
	fi
	if [[ "${KEEP:-0}" == 1 ]]; then
		echo "Kept $WORK" >&2
	else
		rm -rf "$WORK"
	fi
	exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- PostgreSQL --------------------------------------------------------------------------------------
as_postgres() { (cd "$PGHOME" && runuser -u postgres -- "$@"); }

PGPORT="$(free_port)"
DB_PASSWORD="$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
mkdir -p "$PGHOME"
chown postgres: "$PGHOME"
log "PostgreSQL $("$PGBIN/postgres" -V | awk '{print $3}') on 127.0.0.1:$PGPORT ($PGHOME)"
as_postgres "$PGBIN/initdb" -D "$PGDATA" -U postgres -E UTF8 --locale=C.UTF-8 \
	--auth-local=peer --auth-host=scram-sha-256 >"$WORK/initdb.log" 2>&1 || { cat "$WORK/initdb.log"; die "initdb"; }
as_postgres "$PGBIN/pg_ctl" -D "$PGDATA" -l "$PGHOME/postgres.log" -w -t 60 \
	-o "-c listen_addresses=127.0.0.1 -c port=$PGPORT -c unix_socket_directories=$PGHOME -c max_connections=100" \
	start >/dev/null || die "PostgreSQL did not start"
PG_STARTED=1
as_postgres "$PGBIN/psql" -h "$PGHOME" -p "$PGPORT" -U postgres -d postgres -q -v ON_ERROR_STOP=1 \
	-c "CREATE ROLE meizhi LOGIN PASSWORD '$DB_PASSWORD'" -c "CREATE DATABASE meizhi OWNER meizhi" >/dev/null
PGPASSWORD="$DB_PASSWORD" "$PGBIN/psql" -h 127.0.0.1 -p "$PGPORT" -U meizhi -d meizhi -tAq -c 'select 1' >/dev/null \
	|| die "cannot connect to PostgreSQL as meizhi over TCP"

# --- the nodes ---------------------------------------------------------------------------------------
start_node() { # n port
	local n="$1" port="$2"
	echo "===== $(date '+%F %T') starting node $n on port $port =====" >>"$WORK/node$n.log"
	# shellcheck disable=SC2086 # JAVA_OPTS is a list of options
	SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$PGPORT/meizhi" \
		SPRING_DATASOURCE_USERNAME=meizhi \
		SPRING_DATASOURCE_PASSWORD="$DB_PASSWORD" \
		SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE="$POOL_SIZE" \
		java $JAVA_OPTS -jar "$JAR" \
		--server.port="$port" \
		--meizhi.embedded-db.enabled=false \
		--meizhi.demo.enabled=true \
		--meizhi.rate-limit.capacity=0 \
		'--server.tomcat.remoteip.internal-proxies=127\.0\.0\.1' \
		--meizhi.public-url="http://127.0.0.1:$NGINX_PORT" \
		>>"$WORK/node$n.log" 2>&1 &
	NODE_PIDS[n]=$!
}

wait_ready() { # n port seconds
	local n="$1" port="$2" deadline=$((SECONDS + $3)) code
	while :; do
		code="$(curl -s -m 2 -o "$WORK/ready$n.json" -w '%{http_code}' "http://127.0.0.1:$port/actuator/health/readiness" || true)"
		if [[ "$code" == 200 ]] && grep -q '"UP"' "$WORK/ready$n.json"; then
			return 0
		fi
		kill -0 "${NODE_PIDS[n]}" 2>/dev/null || die "node $n exited while starting (node$n.log below)"
		if [[ "$code" == 404 ]] && curl -fs -m 2 "http://127.0.0.1:$port/actuator/health" | grep -q '"UP"'; then
			die "node $n: /actuator/health is UP but /actuator/health/readiness answers 404 (health probes not enabled)"
		fi
		((SECONDS < deadline)) || die "node $n not ready after $3 s (last answer: HTTP $code)"
		sleep 0.5
	done
}

log "starting node 1 (:$NODE1_PORT) and node 2 (:$NODE2_PORT) at the same moment ($JAR, $JAVA_OPTS)"
started=$SECONDS
start_node 1 "$NODE1_PORT"
start_node 2 "$NODE2_PORT"
wait_ready 1 "$NODE1_PORT" "$START_TIMEOUT"
wait_ready 2 "$NODE2_PORT" "$START_TIMEOUT"
log "both nodes ready after $((SECONDS - started)) s"

# --- nginx -------------------------------------------------------------------------------------------
NGX="$WORK/nginx"
mkdir -p "$NGX"
sed -e "s|@PREFIX@|$NGX|g" -e "s|@LISTEN_PORT@|$NGINX_PORT|g" \
	-e "s|@NODE1_PORT@|$NODE1_PORT|g" -e "s|@NODE2_PORT@|$NODE2_PORT|g" \
	"$ROOT/bench/nginx-two-nodes.conf.template" >"$NGX/nginx.conf"
proxy_lines() { # the proxy_* directives of a configuration, but for the paths of temporary files
	grep -E '^[[:space:]]*proxy_[a-z_]+[[:space:]]' "$1" | grep -v proxy_temp_path | sed -E 's/[[:space:]]+/ /g; s/^ //' | sort
}
if ! diff <(proxy_lines "$ROOT/deploy/nginx.conf") <(proxy_lines "$ROOT/bench/nginx-two-nodes.conf.template") >/dev/null; then
	log "warning: the proxy_* lines of bench/nginx-two-nodes.conf.template differ from deploy/nginx.conf"
fi
nginx -t -q -p "$NGX/" -c "$NGX/nginx.conf" -e "$NGX/error.log" || die "nginx -t"
nginx -p "$NGX/" -c "$NGX/nginx.conf" -e "$NGX/error.log" &
NGINX_PID=$!
# nginx writes its pid file only once it listens (it gives up after 5 tries to bind the port)
for _ in $(seq 50); do
	[[ "$(cat "$NGX/nginx.pid" 2>/dev/null)" == "$NGINX_PID" ]] && break
	kill -0 "$NGINX_PID" 2>/dev/null || die "nginx exited (nginx/error.log below)"
	sleep 0.2
done
[[ "$(cat "$NGX/nginx.pid" 2>/dev/null)" == "$NGINX_PID" ]] || die "nginx does not listen on :$NGINX_PORT"
[[ "$(curl -s -m 5 -o /dev/null -w '%{http_code}' "$BASE/actuator/health/readiness" || true)" == 200 ]] \
	|| die "nginx on :$NGINX_PORT does not reach the nodes"
log "nginx $(nginx -v 2>&1 | sed 's|.*/||') on $BASE"

# --- sessions ----------------------------------------------------------------------------------------
csrf_of() { grep -o -m 1 'name="_csrf" value="[^"]*"' "$1" | sed 's/.*value="//; s/"$//'; }

# 0 when GET $HOME_PAGE with the cookie is a signed-in page on that base URL; the page is kept in $3
signed_in() { # base cookie file
	local code
	code="$(curl -s -m 10 -o "$3" -w '%{http_code}' -H "Cookie: $2" "$1$HOME_PAGE" || true)"
	[[ "$code" == 200 ]] && grep -q "$SIGNED_IN_MARKER" "$3"
}

sign_in() { # i: writes sessions/i.cookie ("SESSION=…") and sessions/i.csrf
	local i="$1" jar="$WORK/sessions/$1.jar" page="$WORK/sessions/$1.html" token out session
	curl -fsS -m 10 -c "$jar" -o "$page" "$BASE/login" || { echo "GET /login failed"; return 1; }
	token="$(csrf_of "$page")"
	[[ -n "$token" ]] || { echo "no _csrf on /login"; return 1; }
	out="$(curl -sS -m 10 -b "$jar" -c "$jar" -o /dev/null -w '%{http_code} %{redirect_url}' \
		--data-urlencode "username=$USERNAME" --data-urlencode "password=$PASSWORD" --data-urlencode "_csrf=$token" \
		"$BASE/login")" || { echo "POST /login failed"; return 1; }
	[[ "$out" == 30[23]" "*/home || "$out" == 30[23]" "*/home\?* ]] || { echo "POST /login answered '$out', not a redirect to /home"; return 1; }
	session="$(awk '$6 == "SESSION" { print $7 }' "$jar")"
	[[ -n "$session" ]] || { echo "no SESSION cookie after signing in (cookies: $(awk 'NF >= 7 { printf "%s ", $6 }' "$jar"))"; return 1; }
	echo "SESSION=$session" >"$WORK/sessions/$i.cookie"
	signed_in "$BASE" "SESSION=$session" "$page" || { echo "GET $HOME_PAGE is not signed in"; return 1; }
	csrf_of "$page" >"$WORK/sessions/$i.csrf"
	[[ -s "$WORK/sessions/$i.csrf" ]] || { echo "no _csrf on $HOME_PAGE"; return 1; }
}

for ((i = 1; i <= SESSIONS; i++)); do
	why="$(sign_in "$i")" || die "sign-in $i as $USERNAME: $why"
done
cat "$WORK"/sessions/*.cookie >"$WORK/cookies.txt"
log "$SESSIONS sessions signed in as $USERNAME through nginx"

# --- the GET pages -----------------------------------------------------------------------------------
# "P path" (public) or "S path" (signed in: sent with a session's cookie); every distinct path is tried
# once first and must answer 2xx/3xx (and a signed-in one not send to /login).
python3 - "$NGINX_PORT" "$(head -n 1 "$WORK/cookies.txt")" "$WORK/paths.txt" <<'PYTHON' || die "building the list of pages"
import http.client, json, random, re, sys, urllib.parse

port, cookie, out = int(sys.argv[1]), sys.argv[2], sys.argv[3]
quote = lambda s: urllib.parse.quote(s, safe="")

def get(path, with_cookie=False):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", path, headers={"Cookie": cookie} if with_cookie else {})
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, response.getheader("Location") or "", body

status, _, body = get("/api/public/institutions?size=100")
if status != 200:
    sys.exit(f"/api/public/institutions answered {status}")
items = json.loads(body).get("content", [])
ids = [item["id"] for item in items if "id" in item][:20]
certificates = [item["certificateNo"] for item in items if item.get("certificateNo")][:10]
if not ids or not certificates:
    sys.exit("the open-data API lists no institutions or no certificates: is demo data loaded?")

public = ["/"]
for q in ("美容", "医疗美容", "诊所", "门诊部", "整形"):
    public += ["/institutions?q=" + quote(q), "/api/public/institutions?q=" + quote(q)]
public += [f"/institutions/{i}" for i in ids]
public += [f"/verify/{quote(c)}" for c in certificates]
public += [f"/badge/{quote(c)}.svg" for c in certificates]
status, _, body = get("/")
public += sorted(set(re.findall(r'(?:href|src)="(/(?:css|js|webjars)/[^"?#]+)"', body.decode("utf-8", "replace"))))
signed = ["/regulator", "/regulator/institutions", "/regulator/institutions?q=" + quote("美容")]

bad = []
for kind, paths in (("P", public), ("S", signed)):
    for path in paths:
        status, location, _ = get(path, kind == "S")
        if not 200 <= status < 400 or "/login" in location:
            bad.append(f"{status} {path} {location}")
if bad:
    sys.exit("pages that do not answer 2xx/3xx:\n  " + "\n  ".join(bad))

# about a quarter of the requests are signed-in pages
lines = [f"P {p}" for p in public] + [f"S {p}" for p in signed] * max(1, len(public) // (3 * len(signed)))
random.Random(2026).shuffle(lines)
with open(out, "w") as file:
    file.write("\n".join(lines) + "\n")
print(f"{len(public)} public and {len(signed)} signed-in pages")
PYTHON

# --- wrk's script ------------------------------------------------------------------------------------
cat >"$WORK/two-nodes.lua" <<'LUA'
-- Rotates through PATHS_FILE ("P path" public, "S path" signed in); signed-in paths are sent with the
-- cookies of COOKIES_FILE in turn. A response outside 2xx/3xx, or a redirect to /login, is a failure.
local paths, signed, cookies = {}, {}, {}
for line in io.lines(os.getenv("PATHS_FILE")) do
  local kind, path = line:match("^(%a) (.+)$")
  if kind then
    paths[#paths + 1] = path
    signed[#signed + 1] = (kind == "S")
  end
end
for line in io.lines(os.getenv("COOKIES_FILE")) do
  if #line > 0 then cookies[#cookies + 1] = line end
end

local threads = {}
local counter, next_cookie = 0, 0
failed, to_login, bad = 0, 0, {}

function setup(thread)
  thread:set("id", #threads)
  threads[#threads + 1] = thread
end

function init(args)
  counter = (id * 7919) % #paths
  next_cookie = id % #cookies
end

function request()
  counter = counter % #paths + 1
  local headers = { ["Accept-Encoding"] = "gzip" }
  if signed[counter] then
    next_cookie = next_cookie % #cookies + 1
    headers["Cookie"] = cookies[next_cookie]
  end
  return wrk.format("GET", paths[counter], headers)
end

function response(status, headers, body)
  if status < 200 or status >= 400 then
    failed = failed + 1
    bad[status] = (bad[status] or 0) + 1
  elseif status >= 300 then
    local location = headers["Location"] or headers["location"] or ""
    if location:find("/login", 1, true) then
      failed = failed + 1
      to_login = to_login + 1
    end
  end
end

function done(summary, latency, requests)
  local failed_total, to_login_total, statuses = 0, 0, {}
  for _, thread in ipairs(threads) do
    failed_total = failed_total + thread:get("failed")
    to_login_total = to_login_total + thread:get("to_login")
    for status, n in pairs(thread:get("bad")) do
      statuses[status] = (statuses[status] or 0) + n
    end
  end
  local listed = {}
  for status, n in pairs(statuses) do listed[#listed + 1] = string.format('"%d": %d', status, n) end
  local e = summary.errors
  io.write(string.format('{"requests": %d, "seconds": %.1f, "p50_ms": %.2f, "p99_ms": %.2f, "max_ms": %.2f, '
      .. '"failed_status": %d, "to_login": %d, "statuses": {%s}, "connect": %d, "read": %d, "write": %d, "timeout": %d}\n',
      summary.requests, summary.duration / 1e6, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
      latency.max / 1000, failed_total, to_login_total, table.concat(listed, ", "),
      e.connect, e.read, e.write, e.timeout))
end
LUA

# --- the POST loop -----------------------------------------------------------------------------------
# One line per POST in posts.log: "<epoch> <status> <result>", result "ok" or what went wrong and what
# the response was: "app-page" (an HTML page of the portal), "nginx-error-page" (nginx's bare error
# page), "empty" or "other". Failed responses are kept in posts/.
classify_post() { # status redirect body-file
	local status="$1" location="$2" body="$3" kind
	if [[ " $FORM_OK " == *" $status "* ]]; then
		if [[ "$status" == 3?? ]]; then
			[[ "$location" != */login* ]] && { echo ok; return; }
			echo "sent-to-sign-in"
			return
		fi
		grep -q "$SIGNED_IN_MARKER" "$body" && { echo ok; return; }
	fi
	if [[ ! -s "$body" ]]; then
		kind=empty
	elif grep -q '<center>nginx' "$body"; then
		kind=nginx-error-page
	elif grep -qi '<html' "$body"; then
		kind=app-page
	else
		kind=other
	fi
	echo "failed-$kind"
}

post_loop() {
	set +e
	local i=0 n out status location result form_args=()
	[[ -n "$FORM_FIELDS" ]] && form_args=(--data "$FORM_FIELDS")
	while [[ ! -e "$WORK/stop-posts" ]]; do
		i=$((i + 1))
		n=$(((i - 1) % SESSIONS + 1))
		out="$(curl -sS -m 15 -o "$WORK/posts/body" -w '%{http_code} %{redirect_url}' \
			-H "Cookie: $(<"$WORK/sessions/$n.cookie")" \
			--data-urlencode "_csrf=$(<"$WORK/sessions/$n.csrf")" "${form_args[@]}" \
			"$BASE$FORM_PATH" 2>>"$WORK/posts/curl.err")"
		status="${out%% *}"
		location="${out#* }"
		[[ -n "$status" ]] || status=000
		result="$(classify_post "$status" "$location" "$WORK/posts/body")"
		echo "$(date +%s.%N) $status $result" >>"$WORK/posts.log"
		[[ "$result" == ok ]] || cp "$WORK/posts/body" "$WORK/posts/failed-$i-$status.html" 2>/dev/null
		sleep "$POST_INTERVAL"
	done
}

# --- the run -----------------------------------------------------------------------------------------
HALF=$((DURATION / 2))
log "load: wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s through nginx, POST $FORM_PATH every ${POST_INTERVAL}s; node 1 is killed at ${HALF}s"
: >"$WORK/posts.log"
PATHS_FILE="$WORK/paths.txt" COOKIES_FILE="$WORK/cookies.txt" \
	wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s -s "$WORK/two-nodes.lua" "$BASE" \
	>"$WORK/wrk.out" 2>&1 &
WRK_PID=$!
LOAD_START=$SECONDS
post_loop &
POSTER_PID=$!

pause "$HALF"
kill -KILL "${NODE_PIDS[1]}" || die "node 1 was no longer running before it was to be killed"
wait "${NODE_PIDS[1]}" 2>/dev/null || true
killed_at=$SECONDS
log "node 1 killed (SIGKILL) $((killed_at - LOAD_START)) s into the load"
pause "$RESTART_DELAY"
log "node 1 restarting"
start_node 1 "$NODE1_PORT"
wait_ready 1 "$NODE1_PORT" "$START_TIMEOUT"
ready_after=$((SECONDS - killed_at))
log "node 1 ready again, $ready_after s after the kill"

wait "$WRK_PID" || die "wrk failed (wrk.out below)"
WRK_PID=""
touch "$WORK/stop-posts"
wait "$POSTER_PID" || true
POSTER_PID=""
log "load finished"

# --- sessions after the run --------------------------------------------------------------------------
lost=0
for ((i = 1; i <= SESSIONS; i++)); do
	cookie="$(<"$WORK/sessions/$i.cookie")"
	where=""
	signed_in "$BASE" "$cookie" "$WORK/check.html" || where+=" nginx"
	signed_in "http://127.0.0.1:$NODE1_PORT" "$cookie" "$WORK/check.html" || where+=" node1"
	signed_in "http://127.0.0.1:$NODE2_PORT" "$cookie" "$WORK/check.html" || where+=" node2"
	if [[ -n "$where" ]]; then
		lost=$((lost + 1))
		log "session $i is not signed in on:$where"
	fi
done

# --- report ------------------------------------------------------------------------------------------
sleep 1.5 # nginx writes its access log at most 1 s late
wrk_json="$(grep -m 1 '^{' "$WORK/wrk.out" || true)"
[[ -n "$wrk_json" ]] || die "no result line from wrk (wrk.out below)"
error_lines() { grep -c ' ERROR ' "$WORK/node$1.log" || true; }

python3 - "$wrk_json" "$WORK/posts.log" "$NGX/access.log" "$NODE1_PORT" "$NODE2_PORT" "$lost" "$SESSIONS" \
	"$FORM_PATH" "$((killed_at - LOAD_START))" "$RESTART_DELAY" "$ready_after" "$(error_lines 1)" "$(error_lines 2)" \
	>"$WORK/report.txt" <<'PYTHON'
import collections, json, sys

(wrk, posts_log, access_log, port1, port2, lost, sessions, form_path, killed_at, restart_delay, ready_after,
 errors1, errors2) = sys.argv[1:]
wrk = json.loads(wrk)
socket_errors = wrk["connect"] + wrk["read"] + wrk["write"] + wrk["timeout"]
failed_get = wrk["failed_status"] + socket_errors

posts = collections.Counter()
total_posts = 0
for line in open(posts_log):
    parts = line.split()
    if len(parts) == 3:
        total_posts += 1
        if parts[2] != "ok":
            posts[f"{parts[1]} {parts[2].removeprefix('failed-')}"] += 1
failed_posts = sum(posts.values())

retried, by_node, gateway = 0, collections.Counter(), collections.Counter()
for line in open(access_log):
    fields = line.rstrip("\n").split("|")
    if len(fields) < 7:
        continue
    status, upstreams = fields[1], fields[3]
    if "," in upstreams:
        retried += 1
    last = upstreams.split(",")[-1].strip()
    by_node["node 1" if last.endswith(":" + port1) else "node 2" if last.endswith(":" + port2) else "none"] += 1
    if status in ("502", "503", "504"):
        gateway[f"{status} {fields[2]}"] += 1
answered = sum(by_node.values()) or 1

def details(counter):
    return ", ".join(f"{n} × {key}" for key, n in sorted(counter.items()))

print(f"total requests:       {wrk['requests'] + total_posts:,} "
      f"({wrk['requests']:,} GET in {wrk['seconds']:.0f} s, {wrk['requests'] / wrk['seconds']:.0f}/s, "
      f"p50 {wrk['p50_ms']:.1f} ms, p99 {wrk['p99_ms']:.1f} ms, max {wrk['max_ms']:.0f} ms; {total_posts} POST)")
print(f"failed GET requests:  {failed_get}"
      + (f" (statuses: {', '.join(f'{n} × {status}' for status, n in sorted(wrk['statuses'].items())) or 'none'}, "
         f"sent to /login: {wrk['to_login']}, socket errors: {socket_errors})"
         if failed_get else ""))
print(f"failed POSTs:         {failed_posts} of {total_posts} (POST {form_path})"
      + (f": {details(posts)}" if failed_posts else ""))
print(f"sessions lost:        {lost} of {sessions}")
print(f"node 1:               killed at {killed_at} s, restarted {restart_delay} s later, ready {ready_after} s after the kill")
print(f"nginx:                {retried} requests retried on the other node; answered by "
      + ", ".join(f"{node} {100 * n / answered:.0f} %" for node, n in sorted(by_node.items()))
      + (f"; 502/503/504 sent to clients: {details(gateway)}" if gateway else ""))
print(f"ERROR lines in logs:  node 1 {errors1}, node 2 {errors2}")
print(f"RESULT {failed_get} {lost}")
PYTHON

echo
echo "== Two nodes behind nginx, node 1 killed half-way =="
grep -v '^RESULT ' "$WORK/report.txt"
read -r _ failed_get lost_sessions < <(grep '^RESULT ' "$WORK/report.txt")
if ((failed_get > 0 || lost_sessions > 0)); then
	echo "TARGETS MISSED: failed GET requests and sessions lost must both be 0"
	exit 1
fi
echo "Targets met: no failed GET request, no session lost."
