#!/usr/bin/env bash
# Workflow benchmark: action calls per second, Campus (the packaged Karaf distribution) against a bare
# Jetty + JDBC baseline in one run, then worklist latency with bench.records (1,000,000) records in
# both databases. See bench/README.md.
#
#   bench/run-workflow.sh [-Dprop=value ...]      e.g. -Dbench.records=200000 -Dbench.duration=20
#
# Phases (WorkflowBench, bench.phase): 'actions' on fresh databases; then Campus is stopped and 'load'
# writes the records straight into both Derby databases with JDBC; then Campus starts again on its
# loaded database and 'worklist' measures GET /workflow-worklists on both.
#
# Environment:
#   BENCH_DB=derby|postgresql           the database of both targets (derby); postgresql starts a
#                                       throw-away cluster (scripts/postgres-cluster.sh) for the run
#   BENCH_TARGET=both|baseline|campus   what to load (both); 'baseline' neither unpacks nor starts Campus
#   BENCH_PHASES="actions load worklist"  the phases to run, in this order (all three)
#   CAMPUS_LMS_API_KEY=...              sent as "Authorization: Bearer ..." to Campus
#   CAMPUS_START_TIMEOUT=180            seconds to wait for Campus to answer HTTP
#   CAMPUS_API_TIMEOUT=90               further seconds to wait for its API once HTTP answers
#   BENCH_SKIP_BUILD=1                  do not run Maven (use what bench/target already holds)
#   JAVA_HOME                           found from 'java' on the PATH when unset
#
# Exit code: the highest of the phases' (0 ran, 1 a target was not available or a load failed, 2 goal
# missed with -Dbench.failBelowTarget=true), or non-zero when building or starting Campus failed.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=campus-lib.sh
. "$BENCH_DIR/campus-lib.sh"
BENCH_TARGET=${BENCH_TARGET:-both}
BENCH_PHASES=${BENCH_PHASES:-actions load worklist}

case "$BENCH_TARGET" in both|baseline|campus) ;; *) die "BENCH_TARGET must be both, baseline or campus" ;; esac
for phase in $BENCH_PHASES; do
  case "$phase" in actions|load|worklist) ;; *) die "BENCH_PHASES: unknown phase $phase" ;; esac
done
[ -z "${CAMPUS_URL:-}" ] || die "CAMPUS_URL is not supported here: the load phase must stop Campus and write its database"

build_bench
start_database

RESULT="$TARGET_DIR/workflow-result.txt"
: > "$RESULT"
CAMPUS_PROPS=()
if [ "$BENCH_TARGET" != "baseline" ]; then
  unpack_campus
  CAMPUS_PROPS+=("-Dcampus.pidFile=$CAMPUS_HOME/karaf.pid" "-Dcampus.home=$CAMPUS_HOME")
fi

# run_phase PHASE [-Dprop ...]: one WorkflowBench phase; its output goes to the terminal and $RESULT.
rc=0
run_phase() {
  local phase=$1 code
  shift
  log "phase $phase (output also in $RESULT)"
  run_bench org.campus.bench.WorkflowBench "$RESULT" -Dbench.phase="$phase" "$@"
  code=$BENCH_RC
  [ "$code" -gt "$rc" ] && rc=$code
  return 0
}

campus_up() {
  if [ "$BENCH_TARGET" != "baseline" ] && [ "$CAMPUS_STARTED" != "1" ]; then
    start_campus health
    read_api_key
  fi
}

for phase in $BENCH_PHASES; do
  case "$phase" in
    actions|worklist)
      campus_up
      run_phase "$phase" "$@"
      ;;
    load)
      # Campus's embedded Derby may be opened by one JVM only: stop Campus while the loader writes
      if [ "$BENCH_TARGET" != "baseline" ]; then stop_campus; fi
      run_phase load "$@"
      ;;
  esac
done
exit "$rc"
