#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for tests and benchmarks: on loopback, on a free port, in a temporary
# folder, run by an unprivileged user, with a database and a user for Campus. See README.md, "Database".
#
#   scripts/postgres-cluster.sh start [options]    start a cluster; prints its settings (as 'env' does)
#   scripts/postgres-cluster.sh stop [options]     stop the cluster of the state folder and delete it
#   scripts/postgres-cluster.sh env [options]      print 'export ...' lines for it: eval "$(... env)"
#   scripts/postgres-cluster.sh run [options] -- COMMAND [ARG ...]
#                                                  start one, run COMMAND with its settings exported,
#                                                  stop and delete it when COMMAND ends (also on failure
#                                                  or Ctrl-C); exits with COMMAND's code
#   scripts/postgres-cluster.sh cleanup            delete every cluster this script left whose owner is gone
#
# Options:
#   --state DIR       where the settings of the cluster are written (cluster.env, cluster.properties);
#                     default: target/postgres-cluster under the repository
#   --owner PID       the process whose end also ends the cluster (default: the caller, $PPID); a
#                     watchdog stops and deletes the cluster when it is gone, so that an interrupted
#                     build leaves nothing behind
#   --database NAME   the database to create (campus); the user is 'campus', the password random
#   --also NAME       one more database owned by that user (repeatable; e.g. a benchmark's baseline)
#   --no-env          start: do not print the settings (they hold the password; they are in the
#                     state folder all the same)
#   --durable         keep PostgreSQL's crash safety (fsync, synchronous commit, full page writes);
#                     by default a throw-away cluster runs without them, which makes tests faster
#
# Environment:
#   CAMPUS_PG_BINDIR   the PostgreSQL programs (initdb, pg_ctl, psql); found when unset
#   CAMPUS_PG_TMPDIR   where clusters are made (${TMPDIR:-/tmp})
#   CAMPUS_PG_RUNAS    the unprivileged user that runs the cluster when this script runs as root
#                      (postgres, the user of Debian's package; created as a system user when missing)
#
# When PostgreSQL is not installed, it is installed from Debian's packages (apt-get install postgresql):
# as root directly, otherwise through 'sudo -n'. Without either, install it yourself or set
# CAMPUS_PG_BINDIR. initdb refuses to run as root, hence the unprivileged user.
#
# Files in the state folder:
#   cluster.env          shell assignments (CAMPUS_PG_JDBC_URL, CAMPUS_PG_USER, CAMPUS_PG_PASSWORD, ...)
#   cluster.properties   Java properties for the test JVMs (campus.pg.*, and campus.test.jdbcUrl: the
#                        JDBC URL with user and password, as campus-core's unit tests take it)
set -euo pipefail

SCRIPT=$(readlink -f "${BASH_SOURCE[0]}")
ROOT=$(dirname "$(dirname "$SCRIPT")")
MARKER=campus-pg.cluster

log() { printf '[postgres-cluster] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

usage() {
  sed -n '2,/^set -euo/p' "$SCRIPT" | sed -e '$d' -e 's/^# \{0,1\}//' >&2
  exit 2
}

# ------------------------------------------------------------------------------------------ options
COMMAND=${1:-}
[ -n "$COMMAND" ] || usage
shift
WATCH_DIR=""
if [ "$COMMAND" = __watch ]; then WATCH_DIR=${1:?}; shift; fi
STATE_DIR="$ROOT/target/postgres-cluster"
OWNER=$PPID
DATABASE=campus
DURABLE=0
PRINT_ENV=1
ALSO=()
RUN_ARGS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --state) STATE_DIR=${2:?--state needs a folder}; shift 2 ;;
    --owner) OWNER=${2:?--owner needs a pid}; shift 2 ;;
    --database) DATABASE=${2:?--database needs a name}; shift 2 ;;
    --also) ALSO+=("${2:?--also needs a name}"); shift 2 ;;
    --durable) DURABLE=1; shift ;;
    --no-env) PRINT_ENV=0; shift ;;
    --) shift; RUN_ARGS=("$@"); break ;;
    -h|--help) usage ;;
    *) die "unknown option $1 (see $0 --help)" ;;
  esac
done
for name in "$DATABASE" ${ALSO[@]+"${ALSO[@]}"}; do
  case "$name" in *[!a-z0-9_]*|'') die "database names: lower-case letters, digits and _ only ($name)" ;; esac
done
if [ "$COMMAND" != __watch ]; then
  mkdir -p "$STATE_DIR"
  STATE_DIR=$(cd "$STATE_DIR" && pwd)
fi
TMP_ROOT=${CAMPUS_PG_TMPDIR:-${TMPDIR:-/tmp}}
DB_USER=campus

# ------------------------------------------------------------------------------ processes and owners
# start_time PID: the kernel's start time of a process (field 22 of /proc/PID/stat), to tell a
# process from a later one that got the same pid; empty when it is gone or /proc is not there.
start_time() {
  local stat
  stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 0
  stat=${stat##*) }
  # the fields after "pid (comm) ": state is field 3, starttime field 22 -> 20th here
  set -- $stat
  echo "${20:-}"
}

owner_alive() { # OWNER_PID OWNER_START
  local pid=$1 started=$2
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 1
  [ -z "$started" ] || [ "$(start_time "$pid")" = "$started" ]
}

# -------------------------------------------------------------------------------- finding PostgreSQL
find_bindir() {
  local d v
  if [ -n "${CAMPUS_PG_BINDIR:-}" ]; then
    [ -x "$CAMPUS_PG_BINDIR/initdb" ] || die "CAMPUS_PG_BINDIR=$CAMPUS_PG_BINDIR has no initdb"
    echo "$CAMPUS_PG_BINDIR"; return 0
  fi
  # Debian's layout: /usr/lib/postgresql/<major>/bin, the newest major first
  for v in $(ls /usr/lib/postgresql 2>/dev/null | sort -rn); do
    d=/usr/lib/postgresql/$v/bin
    if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then echo "$d"; return 0; fi
  done
  d=$(command -v initdb 2>/dev/null || true)
  if [ -n "$d" ]; then d=$(dirname "$(readlink -f "$d")"); [ -x "$d/pg_ctl" ] && { echo "$d"; return 0; }; fi
  return 1
}

install_postgresql() {
  local sudo=()
  if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
      sudo=(sudo -n)
    else
      die "PostgreSQL is not installed, and installing it needs root or sudo: run 'apt-get install postgresql' as root, or set CAMPUS_PG_BINDIR to the folder of an installed initdb and pg_ctl"
    fi
  fi
  command -v apt-get >/dev/null 2>&1 || die "PostgreSQL is not installed and there is no apt-get: install PostgreSQL (15 or later) and set CAMPUS_PG_BINDIR"
  log "PostgreSQL is not installed: installing Debian's package (apt-get install postgresql)"
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q >&2
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends postgresql >&2
}

# ------------------------------------------------------------------------------ the unprivileged user
# RUNAS: who runs the cluster. initdb and postgres refuse root, so root hands the cluster to an
# unprivileged user: Debian's 'postgres', or a system user made for it.
choose_runas() {
  if [ "$(id -u)" != 0 ]; then RUNAS=$(id -un); return 0; fi
  RUNAS=${CAMPUS_PG_RUNAS:-postgres}
  if ! id "$RUNAS" >/dev/null 2>&1; then
    log "creating the system user $RUNAS to run PostgreSQL"
    useradd --system --user-group --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$RUNAS"
  fi
}

# as_runas CMD ...: CMD as the cluster's user (itself when that is who we are).
as_runas() {
  if [ "$RUNAS" = "$(id -un)" ]; then
    "$@"
  elif command -v runuser >/dev/null 2>&1; then
    runuser -u "$RUNAS" -- "$@"
  else
    setpriv --reuid="$RUNAS" --regid="$(id -g "$RUNAS")" --init-groups -- "$@"
  fi
}

# ------------------------------------------------------------------------------------------ clusters
# destroy_cluster DIR: stops the postmaster of a cluster this script made and deletes its folder.
destroy_cluster() {
  local dir=$1 bindir runas state pid i
  [ -f "$dir/$MARKER" ] || { log "not a cluster of this script, left alone: $dir"; return 0; }
  bindir=$(sed -n 's/^bindir=//p' "$dir/$MARKER")
  runas=$(sed -n 's/^runas=//p' "$dir/$MARKER")
  state=$(sed -n 's/^state=//p' "$dir/$MARKER")
  # the settings written for it name a cluster that is no more
  if [ -n "$state" ] && grep -qF "CAMPUS_PG_DIR='$dir'" "$state/cluster.env" 2>/dev/null; then
    rm -f "$state/cluster.env" "$state/cluster.properties"
  fi
  if [ -f "$dir/data/postmaster.pid" ]; then
    pid=$(head -1 "$dir/data/postmaster.pid" 2>/dev/null || true)
    RUNAS=$runas
    (cd "$dir" && as_runas "$bindir/pg_ctl" -D "$dir/data" -m immediate -w -t 30 stop >/dev/null 2>&1) || true
    # pg_ctl could not (a broken cluster): end the postmaster it started, by its pid
    for i in 1 2 3 4 5 6 7 8 9 10; do
      [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || break
      [ "$i" = 1 ] && kill -TERM "$pid" 2>/dev/null
      [ "$i" = 6 ] && kill -KILL "$pid" 2>/dev/null
      sleep 0.5
    done
  fi
  rm -rf "$dir"
}

# cleanup_stale: clusters whose owner (the build or shell that started them) has gone.
cleanup_stale() {
  local dir opid ostart wpid
  for dir in "$TMP_ROOT"/campus-pg.*; do
    [ -f "$dir/$MARKER" ] || continue
    opid=$(sed -n 's/^owner=//p' "$dir/$MARKER")
    ostart=$(sed -n 's/^owner_start=//p' "$dir/$MARKER")
    if ! owner_alive "$opid" "$ostart"; then
      log "deleting a stale cluster (its owner, pid $opid, is gone): $dir"
      wpid=$(cat "$dir/watchdog.pid" 2>/dev/null || true)
      [ -n "$wpid" ] && kill "$wpid" 2>/dev/null || true
      destroy_cluster "$dir"
    fi
  done
}

free_port() {
  local p i
  for i in $(seq 1 100); do
    p=$(( 20000 + (RANDOM * 32768 + RANDOM) % 40000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return 0; fi
  done
  return 1
}

current_cluster() { [ -f "$STATE_DIR/cluster.env" ] && sed -n "s/^CAMPUS_PG_DIR='\(.*\)'$/\1/p" "$STATE_DIR/cluster.env" || true; }

write_settings() { # DIR PORT PASSWORD
  local dir=$1 port=$2 password=$3 url
  url="jdbc:postgresql://127.0.0.1:$port/$DATABASE"
  cat > "$STATE_DIR/cluster.env" <<EOF
CAMPUS_PG_HOST='127.0.0.1'
CAMPUS_PG_PORT='$port'
CAMPUS_PG_DATABASE='$DATABASE'
CAMPUS_PG_USER='$DB_USER'
CAMPUS_PG_PASSWORD='$password'
CAMPUS_PG_JDBC_URL='$url'
CAMPUS_PG_DIR='$dir'
EOF
  cat > "$STATE_DIR/cluster.properties" <<EOF
# the throw-away PostgreSQL cluster of scripts/postgres-cluster.sh (cluster folder $dir)
campus.pg.jdbcUrl=$url
campus.pg.user=$DB_USER
campus.pg.password=$password
campus.pg.port=$port
campus.test.jdbcUrl=$url?user=$DB_USER&password=$password
EOF
  chmod 600 "$STATE_DIR/cluster.env" "$STATE_DIR/cluster.properties"
}

print_env() {
  [ -f "$STATE_DIR/cluster.env" ] || die "no cluster recorded in $STATE_DIR (start one first)"
  # shellcheck disable=SC1091
  . "$STATE_DIR/cluster.env"
  cat <<EOF
export CAMPUS_PG_JDBC_URL='$CAMPUS_PG_JDBC_URL'
export CAMPUS_PG_USER='$CAMPUS_PG_USER'
export CAMPUS_PG_PASSWORD='$CAMPUS_PG_PASSWORD'
export CAMPUS_PG_HOST='$CAMPUS_PG_HOST'
export CAMPUS_PG_PORT='$CAMPUS_PG_PORT'
export CAMPUS_PG_DATABASE='$CAMPUS_PG_DATABASE'
export PGHOST='$CAMPUS_PG_HOST' PGPORT='$CAMPUS_PG_PORT' PGDATABASE='$CAMPUS_PG_DATABASE' PGUSER='$CAMPUS_PG_USER' PGPASSWORD='$CAMPUS_PG_PASSWORD'
EOF
}

start_cluster() {
  local bindir dir password port attempt old wpid
  old=$(current_cluster)
  if [ -n "$old" ] && [ -d "$old" ]; then
    log "deleting the cluster this state folder recorded before: $old"
    wpid=$(cat "$old/watchdog.pid" 2>/dev/null || true)
    [ -n "$wpid" ] && kill "$wpid" 2>/dev/null || true
    destroy_cluster "$old"
  fi
  rm -f "$STATE_DIR/cluster.env" "$STATE_DIR/cluster.properties"
  cleanup_stale

  bindir=$(find_bindir) || { install_postgresql; bindir=$(find_bindir) || die "no initdb after installing PostgreSQL"; }
  choose_runas
  mkdir -p "$TMP_ROOT"
  dir=$(mktemp -d "$TMP_ROOT/campus-pg.XXXXXXXX")
  cat > "$dir/$MARKER" <<EOF
owner=$OWNER
owner_start=$(start_time "$OWNER")
runas=$RUNAS
bindir=$bindir
state=$STATE_DIR
EOF
  mkdir -p "$dir/data" "$dir/sock"
  [ "$RUNAS" = "$(id -un)" ] || chown -R "$RUNAS:$(id -gn "$RUNAS")" "$dir"
  chmod 700 "$dir" "$dir/data" "$dir/sock"
  # a failed start deletes what it made; an interruption leaves a folder that the watchdog or the
  # next start removes
  STARTING_DIR=$dir
  start_watchdog "$dir"

  log "initdb as $RUNAS in $dir ($("$bindir/postgres" --version))"
  (cd "$dir" && as_runas "$bindir/initdb" -D "$dir/data" -U postgres -E UTF8 --no-locale \
      --auth-local=trust --auth-host=scram-sha-256 --no-sync >"$dir/initdb.log" 2>&1) \
    || { cat "$dir/initdb.log" >&2; die "initdb failed"; }
  {
    echo "# scripts/postgres-cluster.sh: loopback only, the socket in the cluster's own folder"
    echo "listen_addresses = '127.0.0.1'"
    echo "unix_socket_directories = '$dir/sock'"
    echo "max_connections = 200"
    echo "timezone = 'UTC'"
    if [ "$DURABLE" != 1 ]; then
      echo "# a throw-away cluster: no crash safety, which tests do not need"
      echo "fsync = off"
      echo "synchronous_commit = off"
      echo "full_page_writes = off"
    fi
  } | as_runas tee -a "$dir/data/postgresql.conf" >/dev/null

  for attempt in 1 2 3 4 5; do
    port=$(free_port) || die "no free loopback port"
    if (cd "$dir" && as_runas "$bindir/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w -t 60 \
          -o "-p $port" start >/dev/null 2>&1); then
      break
    fi
    [ "$attempt" = 5 ] && { tail -n 20 "$dir/postgres.log" >&2 || true; die "PostgreSQL did not start"; }
    log "port $port was taken; another one"
  done
  echo "port=$port" >> "$dir/$MARKER"

  password=$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')
  (cd "$dir" && as_runas "$bindir/psql" -X -q -v ON_ERROR_STOP=1 -h "$dir/sock" -p "$port" -U postgres -d postgres \
      -c "CREATE ROLE $DB_USER LOGIN CREATEDB PASSWORD '$password'" \
      -c "CREATE DATABASE $DATABASE OWNER $DB_USER" >/dev/null) || die "could not create the database"
  for name in ${ALSO[@]+"${ALSO[@]}"}; do
    (cd "$dir" && as_runas "$bindir/psql" -X -q -v ON_ERROR_STOP=1 -h "$dir/sock" -p "$port" -U postgres -d postgres \
        -c "CREATE DATABASE $name OWNER $DB_USER" >/dev/null) || die "could not create the database $name"
  done
  # the way the tests reach it: TCP on loopback, user and password
  (cd "$dir" && as_runas env PGPASSWORD="$password" "$bindir/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 \
      -p "$port" -U "$DB_USER" -d "$DATABASE" -c 'SELECT 1' >/dev/null) || die "cannot log in as $DB_USER over TCP"

  write_settings "$dir" "$port" "$password"
  STARTING_DIR=""
  log "PostgreSQL ready: jdbc:postgresql://127.0.0.1:$port/$DATABASE, user $DB_USER (settings in $STATE_DIR)"
}

# start_watchdog DIR: a background process, detached from the caller's terminal and output, that
# deletes the cluster once its owner has gone (a killed build) and ends with the cluster.
start_watchdog() {
  local dir=$1
  setsid "$SCRIPT" __watch "$dir" </dev/null >>"$dir/watchdog.log" 2>&1 &
  echo $! > "$dir/watchdog.pid"
}

watch_cluster() {
  local dir=$1 opid ostart
  opid=$(sed -n 's/^owner=//p' "$dir/$MARKER")
  ostart=$(sed -n 's/^owner_start=//p' "$dir/$MARKER")
  while [ -d "$dir" ] && owner_alive "$opid" "$ostart"; do sleep 2; done
  if [ -d "$dir" ]; then
    log "owner $opid has gone: deleting $dir"
    destroy_cluster "$dir"
  fi
}

stop_cluster() {
  local dir wpid
  dir=$(current_cluster)
  rm -f "$STATE_DIR/cluster.env" "$STATE_DIR/cluster.properties"
  [ -n "$dir" ] || { log "no cluster recorded in $STATE_DIR"; return 0; }
  [ -d "$dir" ] || return 0
  wpid=$(cat "$dir/watchdog.pid" 2>/dev/null || true)
  [ -n "$wpid" ] && kill "$wpid" 2>/dev/null || true
  destroy_cluster "$dir"
  log "stopped and deleted $dir"
}

STARTING_DIR=""
RUN_MODE=0
on_exit() {
  local wpid
  if [ -n "$STARTING_DIR" ] && [ -d "$STARTING_DIR" ]; then
    wpid=$(cat "$STARTING_DIR/watchdog.pid" 2>/dev/null || true)
    [ -n "$wpid" ] && kill "$wpid" 2>/dev/null || true
    destroy_cluster "$STARTING_DIR"
  fi
  if [ "$RUN_MODE" = 1 ]; then stop_cluster; fi
}
trap on_exit EXIT

case "$COMMAND" in
  start)
    start_cluster
    if [ "$PRINT_ENV" = 1 ]; then print_env; fi
    ;;
  stop)
    stop_cluster
    ;;
  env)
    print_env
    ;;
  run)
    [ ${#RUN_ARGS[@]} -gt 0 ] || die "run: give the command after --"
    OWNER=$$
    RUN_MODE=1
    trap 'exit 130' INT
    trap 'exit 143' TERM
    start_cluster
    eval "$(print_env)"
    set +e
    "${RUN_ARGS[@]}"
    rc=$?
    set -e
    exit "$rc"
    ;;
  cleanup)
    cleanup_stale
    ;;
  __watch)
    # internal: the watchdog (see start_watchdog); its folder comes as the first argument
    watch_cluster "$WATCH_DIR"
    ;;
  *)
    usage
    ;;
esac
