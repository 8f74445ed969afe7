#!/usr/bin/env bash
# Transfer benchmark: a transfer of a user with 100,000 share-progress records by the core's transfer
# service (preview, execution as a job, undo), against a plain-JDBC update of the same rows, in one run
# and one JVM (the core's classes on the class path, not a Karaf: the peak heap is the transfer's).
# See bench/README.md.
#
#   bench/run-transfer.sh [-Dprop=value ...]      e.g. -Dbench.items=10000 -Xmx512m
#
# Environment:
#   BENCH_DB=derby|postgresql    the database (derby: embedded, under bench/target/transfer-db);
#                                postgresql starts a throw-away cluster (scripts/postgres-cluster.sh)
#   BENCH_SKIP_BUILD=1           do not run Maven (use what bench/target already holds)
#   JAVA_HOME                    found from 'java' on the PATH when unset
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=campus-lib.sh
. "$BENCH_DIR/campus-lib.sh"
BENCH_TARGET=baseline   # no Campus distribution to start: the bench runs the core itself

build_bench
start_database

RESULT="$TARGET_DIR/transfer-result.txt"
log "running the bench (output also in $RESULT)"
: > "$RESULT"
run_bench org.campus.bench.TransferBench "$RESULT" "$@"
exit "$BENCH_RC"
