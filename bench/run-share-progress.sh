#!/usr/bin/env bash
# Share-progress benchmark: Campus (the packaged Karaf distribution) against a bare Jetty + JDBC
# baseline, in one run, on loopback. See bench/README.md.
#
#   bench/run-share-progress.sh [-Dprop=value ...]      e.g. -Dbench.duration=30 -Dbench.threads=8
#
# Environment:
#   BENCH_DB=derby|postgresql           the database of both targets (derby); postgresql starts a
#                                       throw-away cluster (scripts/postgres-cluster.sh) for the run
#   BENCH_TARGET=both|baseline|campus   what to load (both); 'baseline' neither unpacks nor starts Campus
#   CAMPUS_URL=http://host:port         load a Campus that is already running instead of starting one
#   CAMPUS_LMS_API_KEY=...              sent as "Authorization: Bearer ..." to Campus
#   CAMPUS_START_TIMEOUT=180            seconds to wait for Campus to answer HTTP
#   CAMPUS_API_TIMEOUT=90               further seconds to wait for its API once HTTP answers
#   BENCH_SKIP_BUILD=1                  do not run Maven (use what bench/target already holds)
#   JAVA_HOME                           found from 'java' on the PATH when unset
#
# Exit code: the bench's (0 ran, 1 a target was not available, 2 goal missed with
# -Dbench.failBelowTarget=true), or non-zero when building or starting Campus failed.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=campus-lib.sh
. "$BENCH_DIR/campus-lib.sh"
BENCH_TARGET=${BENCH_TARGET:-both}

case "$BENCH_TARGET" in both|baseline|campus) ;; *) die "BENCH_TARGET must be both, baseline or campus" ;; esac

build_bench
start_database

START_CAMPUS=0
if [ "$BENCH_TARGET" != "baseline" ] && [ -z "${CAMPUS_URL:-}" ]; then
  START_CAMPUS=1
fi

CAMPUS_PROPS=()
if [ "$START_CAMPUS" = "1" ]; then
  unpack_campus
  start_campus share-progress
  CAMPUS_PROPS+=("-Dcampus.pidFile=$CAMPUS_HOME/karaf.pid" "-Dcampus.home=$CAMPUS_HOME")
  read_api_key
fi
[ -n "${CAMPUS_LMS_API_KEY:-}" ] && export CAMPUS_LMS_API_KEY

# --------------------------------------------------------------------------------------- run it
RESULT="$TARGET_DIR/share-progress-result.txt"
log "running the bench (output also in $RESULT)"
: > "$RESULT"
run_bench org.campus.bench.ShareProgressBench "$RESULT" "$@"
exit "$BENCH_RC"
