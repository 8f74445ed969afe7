#!/usr/bin/env bash
# Archive bench (issue 12): archives BENCH_ARCHIVE_MB (1024) MiB of files uploaded through the real HTTP
# API (each file streamed in one request with curl -T; BENCH_CHUNK_MB > 0: in chunks of that many MiB) into one archive job of the distribution, its heap capped at
# BENCH_HEAP (256M), and compares the wall time with `tar czf` + `sha256sum` of the same files in the same
# run. Prints both times and the speed ratio (baseline time / Campus time; the target is 0.7 or more), and
# the most heap the container used (sampled with jstat every second) against the cap.
#
#   bench/run-archive.sh                        # 1 GiB in 16 files
#   BENCH_ARCHIVE_MB=256 bench/run-archive.sh   # smaller
#   BENCH_KILL=1 bench/run-archive.sh           # also: kill -9 the container mid-job (BENCH_KILL_AT, 5%), restart, follow the job
#
# Needs the distribution zip (mvn -B -ntp verify -pl distribution -am -DskipTests), curl, tar, sha256sum,
# and the JDK's jstat. Everything goes to loopback; files and the copy of Campus live under bench/target.
# Run it under the Karaf lock on a shared machine: flock /tmp/campus-karaf.lock bench/run-archive.sh
set -euo pipefail
BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=campus-lib.sh
. "$BENCH_DIR/campus-lib.sh"

SIZE_MB=${BENCH_ARCHIVE_MB:-1024}
FILES=${BENCH_ARCHIVE_FILES:-16}
CHUNK_MB=${BENCH_CHUNK_MB:-0}
HEAP=${BENCH_HEAP:-256m}
KILL=${BENCH_KILL:-0}
DATA="$TARGET_DIR/archive-data"
RESULT="$TARGET_DIR/archive-result.txt"

ls "$ROOT"/distribution/target/campus-distribution-*.zip >/dev/null 2>&1 \
  || die "no distribution zip: mvn -B -ntp verify -pl distribution -am -DskipTests"
command -v curl >/dev/null || die "no curl"
command -v python3 >/dev/null || die "no python3 (reads the JSON answers)"
JSTAT="$JAVA_HOME/bin/jstat"

now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }
# json KEY [SUB]: a top-level value (or KEY.SUB) of the JSON document on stdin, empty when absent
json() { python3 -c 'import json, sys
d = json.load(sys.stdin)
for k in sys.argv[1:]:
    d = d.get(k) if isinstance(d, dict) else None
print("" if d is None else d)' "$@" 2>/dev/null || true; }

# ---- the files: half random (incompressible), half text-like, as attempt PDFs and submissions mix
mkdir -p "$DATA"
per=$(( SIZE_MB / FILES ))
log "writing $FILES files of $per MiB under $DATA"
for i in $(seq 1 "$FILES"); do
  f="$DATA/file-$i.bin"
  if [ ! -f "$f" ] || [ "$(stat -c %s "$f")" != $(( per * 1024 * 1024 )) ]; then
    if [ $(( i % 2 )) -eq 0 ]; then
      head -c $(( per * 1024 * 1024 )) /dev/urandom > "$f"
    else
      { yes "student $i answered question 7 with a long paragraph of text, attempt $i" || true; } | head -c $(( per * 1024 * 1024 )) > "$f"
    fi
  fi
done
sync

# ---- baseline: tar czf + sha256sum of the same files
log "baseline: tar czf + sha256sum"
t0=$(now)
tar czf "$TARGET_DIR/baseline.tar.gz" -C "$DATA" .
sha256sum "$TARGET_DIR/baseline.tar.gz" > /dev/null
t1=$(now)
BASE_S=$(secs "$t0" "$t1")
rm -f "$TARGET_DIR/baseline.tar.gz"
log "baseline: ${BASE_S} s"

# ---- Campus, heap capped
start_database
unpack_campus
# Karaf's Unix scripts set no -Xmx of their own; the cap goes in with the extra options
export EXTRA_JAVA_OPTS="${EXTRA_JAVA_OPTS:-} -Xmx$HEAP"
start_campus "archive/jobs"
read_api_key
AUTH="Authorization: Bearer ${CAMPUS_LMS_API_KEY:?no API key}"
API="$CAMPUS_URL$API_PATH"
PID=$(campus_pid)

HEAP_LOG="$TARGET_DIR/archive-heap.log"
"$JSTAT" -gc "$PID" 1000 > "$HEAP_LOG" 2>/dev/null &
JSTAT_PID=$!

t0=$(now)
job=$(curl -sf -H "$AUTH" -H 'Content-Type: application/json' -X POST "$API/archive/jobs" \
  -d '{"courseId": "bench", "sign": false, "awaitUploads": true, "activities": [{"type": "files", "id": 1}]}')
ID=$(echo "$job" | json id)
[ -n "$ID" ] || die "no job: $job"
log "archive job $ID: uploading"
chunk=$(( CHUNK_MB * 1024 * 1024 ))
for f in "$DATA"/file-*.bin; do
  size=$(stat -c %s "$f"); off=0; name=$(basename "$f")
  if [ "$chunk" -eq 0 ]; then
    # the whole file streamed in one request (curl reads it as it sends; Content-Length known)
    curl -sf -H "$AUTH" -H 'Content-Type: application/octet-stream' -X POST -T "$f" \
      "$API/archive/jobs/$ID/uploads?activity=0&name=$name&offset=0&last=true" > /dev/null \
      || die "upload of $name failed"
    continue
  fi
  while [ "$off" -lt "$size" ]; do
    n=$(( size - off < chunk ? size - off : chunk )); last=false
    [ $(( off + n )) -eq "$size" ] && last=true
    dd if="$f" iflag=skip_bytes,count_bytes skip="$off" count="$n" bs=1M status=none | curl -sf -H "$AUTH" -H 'Content-Type: application/octet-stream' \
      -X POST -T - "$API/archive/jobs/$ID/uploads?activity=0&name=$name&offset=$off&last=$last" > /dev/null \
      || die "upload of $name at $off failed"
    off=$(( off + n ))
  done
done
t_up=$(now)
curl -sf -H "$AUTH" -X POST "$API/archive/jobs/$ID/start" > /dev/null
log "archive job $ID: started"

killed=""
while :; do
  state_json=$(curl -sf -H "$AUTH" "$API/archive/jobs/$ID" || echo '{}')
  state=$(echo "$state_json" | json state); progress=$(echo "$state_json" | json progress)
  case "$state" in completed|failed|cancelled) break ;; esac
  # early in the job: the progress read here lags the job by up to a second
  if [ "$KILL" = 1 ] && [ -z "$killed" ] && [ "$state" = running ] && [ "${progress:-0}" -ge "${BENCH_KILL_AT:-5}" ]; then
    log "kill -9 of the container (pid $PID) at ${progress}%"
    kill -9 "$PID"; killed="at ${progress}%"; sleep 2
    kill "$JSTAT_PID" 2>/dev/null || true
    CAMPUS_STARTED=0
    start_campus "archive/jobs"
    PID=$(campus_pid)
    "$JSTAT" -gc "$PID" 1000 >> "$HEAP_LOG" 2>/dev/null &
    JSTAT_PID=$!
  fi
  sleep 0.5
done
t2=$(now)
kill "$JSTAT_PID" 2>/dev/null || true
[ "$state" = completed ] || die "archive job $ID ended $state: $state_json"
size=$(echo "$state_json" | json stored size)

UPLOAD_S=$(secs "$t0" "$t_up"); JOB_S=$(secs "$t_up" "$t2"); CAMPUS_S=$(secs "$t0" "$t2")
RATIO=$(awk -v b="$BASE_S" -v c="$CAMPUS_S" 'BEGIN { printf "%.2f", b / c }')
# jstat -gc: S0U S1U EU OU are columns 3 4 6 8 (KiB)
MAX_HEAP_MB=$(awk '$1 ~ /^[0-9.]+$/ { u = $3 + $4 + $6 + $8; if (u > m) m = u } END { printf "%.0f", m / 1024 }' "$HEAP_LOG")
OOM=$(grep -c "OutOfMemoryError" "$CAMPUS_HOME/data/log/karaf.log" 2>/dev/null || true)
LOG=$(curl -sf -H "$AUTH" "$API/jobs/$(echo "$state_json" | json jobId)" || echo '{}')

{
  echo "archive bench $(date -u +%FT%TZ): $FILES files, $SIZE_MB MiB, $([ "$CHUNK_MB" = 0 ] && echo "one request per file" || echo "chunks of $CHUNK_MB MiB"), heap cap $HEAP, $BENCH_DB"
  echo "  baseline tar czf + sha256sum: ${BASE_S} s"
  echo "  Campus: ${CAMPUS_S} s (uploads ${UPLOAD_S} s, job ${JOB_S} s), archive ${size:-?} bytes"
  echo "  speed ratio (baseline time / Campus time): ${RATIO}x"
  echo "  most heap used: ${MAX_HEAP_MB} MiB of $HEAP; OutOfMemoryError in the log: ${OOM:-0}"
  if [ -n "$killed" ]; then
    echo "  kill -9 $killed: the job ended $state, attempt $(echo "$LOG" | json attempt), failed attempts $(echo "$LOG" | json failedAttempts)"
  fi
} | tee -a "$RESULT"
