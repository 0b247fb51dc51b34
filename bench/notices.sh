#!/usr/bin/env bash
# Herald's notice dispatch benchmark (results and reading guide: docs/performance.md).
#
#   bench/notices.sh [notices, default 100000] [instances of the second run, default 3]
#   BENCH_WARMUP=0 bench/notices.sh 100000 1     # no warm-up campaign: the measured one meets a cold JVM
#   BENCH_JAVA_OPTS="-XX:StartFlightRecording=filename=bench/work/herald.jfr" bench/notices.sh 20000 1   # with a profile
#
# Builds the application, fetches Postfix's smtp-sink and smtp-source from Debian (apt-get download,
# unpacked under bench/work/postfix, nothing installed), measures the sink's ceiling with
# smtp-source, then twice: starts Herald with a 512 MiB heap on a fresh embedded PostgreSQL and its
# e-mail channel pointed at the sink, prepares an approved campaign of that many e-mail notices
# through the API (bench/NoticeBench.java), starts it and measures notices/s and heap until every
# notice has been sent: first with one instance, then with several instances on the first one's
# database. Before the measured campaign, each run sends a warm-up campaign of BENCH_WARMUP (default
# 20000) notices through the same instances, so that the measurement meets compiled code rather
# than the JIT compiler at work; its own rate is reported as the cold start. Needs a JDK 17+,
# apt-get, openssl and about 2 GB of disk.
set -euo pipefail
cd "$(dirname "$0")/.."

NOTICES=${1:-100000}
INSTANCES=${2:-3}
WARMUP=${BENCH_WARMUP:-20000}
WORK=bench/work
PORT=${BENCH_PORT:-18181}
SINK_PORT=${BENCH_SINK_PORT:-2525}
ADMIN_PASSWORD=bench-admin-password
export HERALD_SUBJECT_ENCRYPTION_KEYS_K1="$(openssl rand -base64 32)"
export HERALD_SUBJECT_ENCRYPTION_ACTIVE_KEY_ID=k1
export HERALD_SUBJECT_ENCRYPTION_BLIND_INDEX_KEY="$(openssl rand -base64 32)"
export HERALD_SESSION_KEY="$(openssl rand -hex 32)"

mkdir -p "$WORK"
rm -rf "$WORK"/notices-*
./mvnw -B -q package -DskipTests
PGJDBC=$(ls target/quarkus-app/lib/main/org.postgresql.postgresql-*.jar)

# --- the SMTP sink (Postfix's smtp-sink: accepts everything, stores nothing) ---
POSTFIX="$WORK/postfix"
if [ ! -x "$POSTFIX/usr/sbin/smtp-sink" ]; then
  mkdir -p "$POSTFIX"
  (cd "$WORK" && apt-get download postfix)
  dpkg -x "$WORK"/postfix_*.deb "$POSTFIX"
fi
export LD_LIBRARY_PATH="$PWD/$POSTFIX/usr/lib/postfix"
PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
HERALDS=()
trap cleanup EXIT

start_sink() { # $1: log file
  "$POSTFIX/usr/sbin/smtp-sink" -u nobody -c "127.0.0.1:$SINK_PORT" 1000 > "$1" 2>&1 &
  SINK_PID=$!
  PIDS+=("$SINK_PID")
  sleep 1
}
stop_sink() {
  kill "$SINK_PID" 2>/dev/null || true
  wait "$SINK_PID" 2>/dev/null || true
}

echo "Machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
start_sink "$WORK/notices-sink-ceiling.log"
echo "Sink ceiling: smtp-source, 20 sessions, 20,000 messages of 2 KB, one per session"
ceiling() { # $1: what, then smtp-source options
  local what=$1 t0 t1
  shift
  t0=$(date +%s.%N)
  "$POSTFIX/usr/sbin/smtp-source" "$@" -l 2000 -m 20000 -f a@example.org -t b@example.org "127.0.0.1:$SINK_PORT"
  t1=$(date +%s.%N)
  awk -v a="$t0" -v b="$t1" -v w="$what" 'BEGIN { printf "CEILING %s: 20,000 messages of 2 KB in %.2f s = %.0f messages/s\n", w, b - a, 20000 / (b - a) }'
}
ceiling "20 sessions, one message per session" -s 20
ceiling "4 sessions kept open (-d)" -s 4 -d
ceiling "20 sessions kept open (-d)" -s 20 -d
stop_sink

start_herald() { # $1: instance number, $2: port, then extra env assignments
  local n=$1 port=$2
  shift 2
  env HERALD_DATA_DIR="$WORK/notices-data-$n" \
    QUARKUS_HTTP_PORT="$port" \
    HERALD_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
    HERALD_EMAIL_MODE=smtp HERALD_SMTP_HOST=127.0.0.1 HERALD_SMTP_PORT="$SINK_PORT" HERALD_SMTP_SECURITY=none \
    HERALD_EMAIL_FROM="Herald Benchmark <notices@example.org>" \
    "$@" \
    java -Xmx512m ${BENCH_JAVA_OPTS:-} -jar target/quarkus-app/quarkus-run.jar > "$WORK/notices-herald-$n.log" 2>&1 &
  local pid=$!
  PIDS+=("$pid")
  HERALDS+=("$pid")
  for _ in $(seq 1 120); do
    grep -q "started in" "$WORK/notices-herald-$n.log" 2>/dev/null && return 0
    if ! kill -0 "$pid" 2>/dev/null; then cat "$WORK/notices-herald-$n.log"; exit 1; fi
    sleep 1
  done
  echo "Herald $n did not start"; exit 1
}

bench_run() { # $1: instances
  local instances=$1
  rm -rf "$WORK"/notices-data-*
  start_sink "$WORK/notices-sink-$instances.log"
  echo "Starting $instances Herald instance(s) (heap limit 512 MiB each)..."
  start_herald 1 "$PORT" HERALD_EMBEDDED_DB_FRESH=true
  local db_port
  db_port=$(grep -o "Embedded PostgreSQL on port [0-9]*" "$WORK/notices-herald-1.log" | grep -o "[0-9]*$")
  local jdbc="jdbc:postgresql://localhost:$db_port/herald"
  local bases="http://localhost:$PORT"
  for i in $(seq 2 "$instances"); do
    start_herald "$i" $((PORT + i - 1)) HERALD_EMBEDDED_DB_ENABLED=false QUARKUS_DATASOURCE_JDBC_URL="$jdbc" \
      QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD=
    bases="$bases,http://localhost:$((PORT + i - 1))"
  done
  if [ "$WARMUP" -gt 0 ]; then
    echo "Warm-up: an approved campaign of $WARMUP e-mail notices, sent through the same instance(s)..."
    local warmup
    warmup=$(java -cp "$PGJDBC" bench/NoticeBench.java setup "http://localhost:$PORT" "$ADMIN_PASSWORD" "$WARMUP" warmup)
    java -cp "$PGJDBC" bench/NoticeBench.java run "$ADMIN_PASSWORD" "$jdbc?user=postgres" "$warmup" "$bases" \
      > "$WORK/notices-warmup-$instances.md"
    echo "WARM-UP (cold start): $(grep 'start → last notice' "$WORK/notices-warmup-$instances.md")"
  fi
  echo "Preparing an approved campaign of $NOTICES e-mail notices..."
  local campaign
  campaign=$(java -cp "$PGJDBC" bench/NoticeBench.java setup "http://localhost:$PORT" "$ADMIN_PASSWORD" "$NOTICES" bench)
  echo "Load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
  java -cp "$PGJDBC" bench/NoticeBench.java run "$ADMIN_PASSWORD" "$jdbc?user=postgres" "$campaign" "$bases" \
    | tee "$WORK/notices-report-$instances.md"
  echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
  for p in "${HERALDS[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${HERALDS[@]}"; do wait "$p" 2>/dev/null || true; done
  HERALDS=()
  stop_sink
  # smtp-sink -c prints a running count of the messages it accepted.
  echo "SINK messages counted by smtp-sink (-c), warm-up ($WARMUP) included: $(tr '\r' '\n' < "$WORK/notices-sink-$instances.log" | grep -o '[0-9]*' | tail -1)"
}

bench_run 1
if [ "$INSTANCES" -gt 1 ]; then
  bench_run "$INSTANCES"
fi
