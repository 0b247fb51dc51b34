#!/usr/bin/env bash
# Herald's import and scope benchmark (results and reading guide: docs/performance.md).
#
#   bench/run.sh [subjects to import, default 1000000] [registry size, default 5000000] [scoped, default 1000000]
#
# Builds the application, generates a CSV of synthetic subjects (one e-mail address and one phone
# number each), starts Herald with a 512 MiB heap on a fresh embedded PostgreSQL under bench/work,
# and runs bench/Bench.java against it. Needs a JDK 17+, openssl and a few GB of free disk.
set -euo pipefail
cd "$(dirname "$0")/.."

SUBJECTS=${1:-1000000}
REGISTRY=${2:-5000000}
SCOPED=${3:-1000000}
WORK=bench/work
PORT=${BENCH_PORT:-18181}
ADMIN_PASSWORD=bench-admin-password

rm -rf "$WORK"
mkdir -p "$WORK"
./mvnw -B -q package -DskipTests
PGJDBC=$(ls target/quarkus-app/lib/main/org.postgresql.postgresql-*.jar)

echo "Generating $SUBJECTS subjects..."
java bench/GenerateSubjects.java "$SUBJECTS" "$WORK/subjects.csv"

echo "Starting Herald (heap limit 512 MiB)..."
HERALD_DATA_DIR="$WORK/data" \
HERALD_EMBEDDED_DB_FRESH=true \
QUARKUS_HTTP_PORT="$PORT" \
HERALD_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
HERALD_SUBJECT_ENCRYPTION_KEYS_K1="$(openssl rand -base64 32)" \
HERALD_SUBJECT_ENCRYPTION_ACTIVE_KEY_ID=k1 \
HERALD_SUBJECT_ENCRYPTION_BLIND_INDEX_KEY="$(openssl rand -base64 32)" \
  java -Xmx512m -jar target/quarkus-app/quarkus-run.jar > "$WORK/herald.log" 2>&1 &
HERALD_PID=$!
trap 'kill "$HERALD_PID" 2>/dev/null || true' EXIT

for _ in $(seq 1 120); do
  grep -q "started in" "$WORK/herald.log" 2>/dev/null && break
  if ! kill -0 "$HERALD_PID" 2>/dev/null; then cat "$WORK/herald.log"; exit 1; fi
  sleep 1
done
DB_PORT=$(grep -o "Embedded PostgreSQL on port [0-9]*" "$WORK/herald.log" | grep -o "[0-9]*$")

echo "Machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
java -cp "$PGJDBC" bench/Bench.java "http://localhost:$PORT" "$ADMIN_PASSWORD" \
  "jdbc:postgresql://localhost:$DB_PORT/herald?user=postgres" "$WORK/subjects.csv" "$REGISTRY" "$SCOPED"
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
