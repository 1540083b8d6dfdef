#!/usr/bin/env bash
# Benchmarks (issue #8): snapshot and streaming rates next to COPY and logical decoding, freshness
# percentiles, operator scale and memory, all measured in one run on this machine. Prints a table and
# writes bench/target/bench-results.json; exits non-zero only when the run itself broke.
#
#   hack/bench.sh [--quick|--large] [--rows N] [--wide-rows N] [--inserts N] [--samples N] [--rate N]
#                 [--emulator-rows N] [--pipelines N] [--job-heap 320m] [--only snapshot,streaming,wide,freshness,operator]
#                 [--api-server mock|real]   (real: the operator phase on kube-apiserver + etcd, see bench/README.md)
#
# BENCH_JAVA_OPTS=-Dbench.profile=true records a JFR profile of each job JVM (bench/target/bench-logs/*.jfr);
# BENCH_JAVA_OPTS=-Dbench.store=mariadb keeps the emulator's rows in MariaDB instead of memory (the default).
# BENCH_HEAP (default 6g) is the harness JVM's heap, which holds the memory store and parses each Stream Load body
# into a JSON tree: at 2g the default sizes ran it out of heap at parallelism 2 (two writers' loads at once) and the
# run hung. --large needs BENCH_HEAP=8g.
# Default sizes take 5-8 minutes on 2 cores (plus the build); --quick about 4 (a smoke test).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -pl bench -am package -DskipTests
. hack/java17-flink-opens.sh
exec java "${FLINK_OPENS[@]}" -Xmx"${BENCH_HEAP:-6g}" ${BENCH_JAVA_OPTS:-} -Dbench.root="$PWD" -Dlog4j2.configurationFile=hack/log4j2-local.xml \
  -cp "bench/target/classes:$(cat bench/target/bench.classpath)" dev.pipelines.cdc.bench.BenchMain "$@"
