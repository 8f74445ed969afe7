# Shared by the bench scripts (run-share-progress.sh, run-workflow.sh): sourced, never run.
# Expects BENCH_DIR to be set; sets ROOT, TARGET_DIR, CAMPUS_HOME, JAVA, API_PATH and the functions below.
# BENCH_DB=derby|postgresql picks the database of both targets (derby: each its own embedded one;
# postgresql: a throw-away cluster of scripts/postgres-cluster.sh, a database each).
# shellcheck shell=bash

ROOT=$(dirname "$BENCH_DIR")
TARGET_DIR="$BENCH_DIR/target"
CAMPUS_HOME="$TARGET_DIR/campus"
CAMPUS_START_TIMEOUT=${CAMPUS_START_TIMEOUT:-180}
CAMPUS_API_TIMEOUT=${CAMPUS_API_TIMEOUT:-90}
API_PATH=/campus/api/v1
BENCH_DB=${BENCH_DB:-derby}
case "$BENCH_DB" in derby|postgresql) ;; *) echo "[bench] ERROR: BENCH_DB must be derby or postgresql" >&2; exit 1 ;; esac
PG_STATE="$BENCH_DIR/target/postgres-cluster"
DB_PROPS=()

log() { printf '[bench] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

if [ -z "${JAVA_HOME:-}" ]; then
  java_bin=$(command -v java) || die "no java on the PATH and JAVA_HOME unset"
  JAVA_HOME=$(dirname "$(dirname "$(readlink -f "$java_bin")")")
fi
export JAVA_HOME
JAVA="$JAVA_HOME/bin/java"
[ -x "$JAVA" ] || die "no $JAVA"

# build_bench: builds bench/ and the distribution unless BENCH_SKIP_BUILD=1, then checks that bench/'s
# classpath file is there.
build_bench() {
  cd "$ROOT"
  if [ "${BENCH_SKIP_BUILD:-}" != "1" ]; then
    # the distribution too: a zip left from an earlier build would measure other code than the checkout's
    log "building bench/ and the distribution (mvn -Pbench -pl bench,distribution -am install)"
    mvn -q -Pbench -pl bench,distribution -am install -DskipTests
  fi
  [ -f "$TARGET_DIR/bench.classpath" ] || die "no $TARGET_DIR/bench.classpath: build bench/ first"
  BENCH_CP="$TARGET_DIR/classes:$(cat "$TARGET_DIR/bench.classpath")"
}

# http_status PORT PATH: prints the HTTP status code of a GET on 127.0.0.1:PORT, or 000 (no curl needed).
http_status() {
  local port=$1 path=$2 auth=""
  if [ -n "${CAMPUS_LMS_API_KEY:-}" ]; then auth="Authorization: Bearer ${CAMPUS_LMS_API_KEY}"$'\r\n'; fi
  (
    exec 3<>"/dev/tcp/127.0.0.1/$port" || exit 1
    printf 'GET %s HTTP/1.0\r\nHost: 127.0.0.1:%s\r\nAccept: application/json\r\n%s\r\n' "$path" "$port" "$auth" >&3
    line=""
    IFS= read -r -t 10 line <&3 || true
    line=${line%$'\r'}
    case "$line" in HTTP/*) echo "$line" | cut -d' ' -f2 ;; *) exit 1 ;; esac
  ) 2>/dev/null || echo 000
}

# free_port: a loopback port nothing listens on.
free_port() {
  local p i
  for i in $(seq 1 200); do
    p=$(( 20000 + RANDOM % 20000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return 0; fi
  done
  return 1
}

# set_prop FILE KEY VALUE: sets "KEY = VALUE" in a Karaf .cfg file, adding it when missing.
set_prop() {
  local file=$1 key=$2 value=$3
  if grep -qE "^[#[:space:]]*${key//./\\.}[[:space:]]*=" "$file"; then
    sed -i -E "s|^[#[:space:]]*${key//./\\.}[[:space:]]*=.*|${key} = ${value}|" "$file"
  else
    printf '%s = %s\n' "$key" "$value" >> "$file"
  fi
}

campus_pid() { [ -f "$CAMPUS_HOME/karaf.pid" ] && tr -d '[:space:]' < "$CAMPUS_HOME/karaf.pid" || true; }
alive() { [ -n "$1" ] && kill -0 "$1" 2>/dev/null; }

# stop_campus: bin/stop, then the pid Karaf wrote (only that one), if it is still there.
CAMPUS_STARTED=0
stop_campus() {
  local pid i
  pid=$(campus_pid)
  # started moments ago: Karaf may not have written its pid file yet
  for i in $(seq 1 20); do
    [ -n "$pid" ] || [ "$CAMPUS_STARTED" != "1" ] && break
    sleep 0.5; pid=$(campus_pid)
  done
  if ! alive "$pid"; then CAMPUS_STARTED=0; return 0; fi
  log "stopping Campus (pid $pid)"
  "$CAMPUS_HOME/bin/stop" >/dev/null 2>&1 || true
  for i in $(seq 1 60); do alive "$pid" || { CAMPUS_STARTED=0; return 0; }; sleep 1; done
  log "Campus still running after 60 s: TERM to pid $pid"
  kill "$pid" 2>/dev/null || true
  for i in $(seq 1 20); do alive "$pid" || { CAMPUS_STARTED=0; return 0; }; sleep 1; done
  kill -9 "$pid" 2>/dev/null || true
  CAMPUS_STARTED=0
}

# start_database: with BENCH_DB=postgresql, a throw-away PostgreSQL cluster (crash-safe settings, as a site
# runs it) with the databases 'campus' (Campus) and 'baseline'; DB_PROPS hands its address to the bench.
# Stopped and deleted on exit (after Campus), also on errors and Ctrl-C.
PG_STARTED=0
start_database() {
  DB_PROPS=("-Dbench.database=$BENCH_DB")
  [ "$BENCH_DB" = postgresql ] || return 0
  log "starting a PostgreSQL cluster (scripts/postgres-cluster.sh)"
  PG_STARTED=1
  trap 'cleanup' EXIT
  trap 'exit 130' INT TERM
  "$ROOT/scripts/postgres-cluster.sh" start --no-env --durable --also baseline --owner $$ --state "$PG_STATE"
  # shellcheck disable=SC1091
  . "$PG_STATE/cluster.env"
  DB_PROPS+=("-Dbench.pg.port=$CAMPUS_PG_PORT" "-Dbench.pg.user=$CAMPUS_PG_USER" "-Dbench.pg.password=$CAMPUS_PG_PASSWORD"
             "-Dbench.pg.campusDatabase=$CAMPUS_PG_DATABASE" "-Dbench.pg.baselineDatabase=baseline")
}

stop_database() {
  if [ "$PG_STARTED" = 1 ]; then
    "$ROOT/scripts/postgres-cluster.sh" stop --state "$PG_STATE" || true
    PG_STARTED=0
  fi
}

# cleanup: what the exit trap does: Campus first, then its database.
cleanup() {
  stop_campus
  stop_database
}

# unpack_campus: a fresh copy of the newest distribution zip (built when missing; a warning when it is
# older than the sources) in $CAMPUS_HOME, on a free port (PORT), with its other fixed ports moved too;
# arms the trap that stops Campus on exit.
unpack_campus() {
  local zip tmp
  cd "$ROOT"
  zip=$(ls -t distribution/target/campus-distribution-*.zip 2>/dev/null | head -1 || true)
  if [ -z "$zip" ]; then
    [ "${BENCH_SKIP_BUILD:-}" = "1" ] && die "no distribution zip and BENCH_SKIP_BUILD=1"
    log "no distribution zip: building it (mvn -pl distribution -am install)"
    mvn -q -pl distribution -am install -DskipTests
    zip=$(ls -t distribution/target/campus-distribution-*.zip | head -1)
  fi

  local newer
  newer=$(find bundles/*/src features/src distribution/src -type f -newer "$zip" 2>/dev/null | head -3 || true)
  if [ -n "$newer" ]; then
    log "WARNING: $zip is older than the sources (e.g. $(echo "$newer" | tr '\n' ' '));" \
      "this run measures that older build: run without BENCH_SKIP_BUILD=1 to build it again"
  fi

  # a Karaf left running from an earlier, killed run: stop it before wiping its folder
  if [ -d "$CAMPUS_HOME" ]; then stop_campus; rm -rf "$CAMPUS_HOME"; fi
  log "unpacking $zip into $CAMPUS_HOME (a fresh database every run)"
  tmp="$TARGET_DIR/campus-unzip.$$"
  rm -rf "$tmp"; mkdir -p "$tmp"
  unzip -q "$zip" -d "$tmp"
  mv "$tmp"/campus-distribution-* "$CAMPUS_HOME"
  rmdir "$tmp"
  chmod +x "$CAMPUS_HOME"/bin/* 2>/dev/null || true

  PORT=$(free_port) || die "no free loopback port"
  set_prop "$CAMPUS_HOME/etc/org.ops4j.pax.web.cfg" org.osgi.service.http.port "$PORT"
  # other fixed ports, so that a Campus someone else runs on this machine does not clash
  if [ -f "$CAMPUS_HOME/etc/org.apache.karaf.shell.cfg" ]; then
    set_prop "$CAMPUS_HOME/etc/org.apache.karaf.shell.cfg" sshPort "$(free_port)"
  fi
  if [ -f "$CAMPUS_HOME/etc/org.apache.karaf.management.cfg" ]; then
    set_prop "$CAMPUS_HOME/etc/org.apache.karaf.management.cfg" rmiRegistryPort "$(free_port)"
    set_prop "$CAMPUS_HOME/etc/org.apache.karaf.management.cfg" rmiServerPort "$(free_port)"
  fi

  if [ "$BENCH_DB" = postgresql ]; then
    # the README's lines: Campus on the cluster's database 'campus'
    local cfg="$CAMPUS_HOME/etc/org.ops4j.datasource-campus.cfg"
    set_prop "$cfg" osgi.jdbc.driver.name "PostgreSQL JDBC Driver"
    set_prop "$cfg" url "$CAMPUS_PG_JDBC_URL"
    set_prop "$cfg" user "$CAMPUS_PG_USER"
    set_prop "$cfg" password "$CAMPUS_PG_PASSWORD"
  fi

  trap 'cleanup' EXIT
  trap 'exit 130' INT TERM
}

# start_campus PROBE: starts the unpacked Campus on $PORT and waits until GET $API_PATH/health answers 200,
# or until $API_PATH/PROBE answers something other than 404/503 (the API is registered). Sets CAMPUS_URL.
start_campus() {
  local probe=$1 started http_at="" ready="" health answer pid
  export KARAF_REDIRECT="$TARGET_DIR/campus-console.log"
  log "starting Campus on 127.0.0.1:$PORT (console: $KARAF_REDIRECT, log: $CAMPUS_HOME/data/log/karaf.log)"
  # a pid file left by an earlier start of this copy names a JVM that is gone: not ours to watch
  pid=$(campus_pid)
  if [ -n "$pid" ] && ! alive "$pid"; then rm -f "$CAMPUS_HOME/karaf.pid"; fi
  CAMPUS_STARTED=1
  "$CAMPUS_HOME/bin/start"

  started=$SECONDS
  while :; do
    health=$(http_status "$PORT" "$API_PATH/health")
    if [ "$health" = "200" ]; then ready="health 200"; break; fi
    answer=$(http_status "$PORT" "$API_PATH/$probe")
    case "$answer" in
      000|404|503) ;;                                 # not listening, or the API not registered yet
      *) ready="$probe answered $answer"; break ;;
    esac
    if [ -z "$http_at" ] && [ "$health" != "000" -o "$answer" != "000" ]; then
      http_at=$SECONDS
      log "Campus answers HTTP after $((SECONDS - started)) s; waiting for $API_PATH"
    fi
    if [ -n "$http_at" ] && [ $((SECONDS - http_at)) -ge "$CAMPUS_API_TIMEOUT" ]; then
      log "WARNING: $API_PATH still answers $answer after ${CAMPUS_API_TIMEOUT} s; running the bench anyway (it will report Campus as not available)"
      ready="no API"
      break
    fi
    if [ -z "$http_at" ] && [ $((SECONDS - started)) -ge "$CAMPUS_START_TIMEOUT" ]; then
      tail -n 40 "$CAMPUS_HOME/data/log/karaf.log" >&2 2>/dev/null || true
      die "Campus did not answer HTTP on port $PORT within ${CAMPUS_START_TIMEOUT} s"
    fi
    pid=$(campus_pid)
    if [ -n "$pid" ] && ! alive "$pid"; then
      tail -n 40 "$KARAF_REDIRECT" >&2 2>/dev/null || true
      die "Campus (pid $pid) exited during start"
    fi
    sleep 1
  done
  log "Campus ready ($ready) after $((SECONDS - started)) s"
  CAMPUS_URL="http://127.0.0.1:$PORT"
}

# read_api_key: Campus requires "Authorization: Bearer <key>". A key in the environment
# (CAMPUS_LMS_API_KEY) always wins; otherwise the first start of the fresh distribution generated one and
# wrote it to etc/campus-credentials.txt as a line "CAMPUS_LMS_API_KEY=<key>" (see docs/SECURITY.md).
read_api_key() {
  local file="$CAMPUS_HOME/etc/campus-credentials.txt"
  if [ -z "${CAMPUS_LMS_API_KEY:-}" ] && [ -f "$file" ]; then
    CAMPUS_LMS_API_KEY=$(sed -n -E 's/^[[:space:]]*CAMPUS_LMS_API_KEY[[:space:]]*=[[:space:]]*//p' \
      "$file" | head -1 | tr -d '\r')
    [ -n "$CAMPUS_LMS_API_KEY" ] && log "API key read from $file"
  fi
  if [ -n "${CAMPUS_LMS_API_KEY:-}" ]; then export CAMPUS_LMS_API_KEY; fi
}

# run_bench CLASS RESULT [java args ...]: runs a bench's main class with the settings every bench takes
# (BENCH_TARGET, CAMPUS_URL, CAMPUS_PROPS); its output goes to the terminal and is appended to RESULT.
# Sets BENCH_RC to its exit code.
run_bench() {
  local main=$1 result=$2
  shift 2
  set +e
  "$JAVA" -cp "$BENCH_CP" \
    -Dbench.target="$BENCH_TARGET" \
    -Dcampus.url="${CAMPUS_URL:-http://127.0.0.1:8181}" \
    -Dbench.workDir="$TARGET_DIR" \
    ${DB_PROPS[@]+"${DB_PROPS[@]}"} \
    ${CAMPUS_PROPS[@]+"${CAMPUS_PROPS[@]}"} \
    "$@" \
    "$main" | tee -a "$result"
  BENCH_RC=${PIPESTATUS[0]}
  set -e
}
