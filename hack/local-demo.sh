#!/usr/bin/env bash
# The whole pipeline on this machine, with nothing installed but Java: an embedded PostgreSQL 17
# (port 5433) with sample tables, the StarRocks emulator (not StarRocks) on ports 8030/8040/9030,
# and the pipeline job in a Flink mini-cluster. Prints both sides' row counts while it changes data.
#
#   hack/local-demo.sh [seconds of changes, default 20]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -pl local-demo -am package -DskipTests
. hack/java17-flink-opens.sh
exec java "${FLINK_OPENS[@]}" -Dlog4j2.configurationFile=hack/log4j2-local.xml \
  -cp "local-demo/target/classes:$(cat local-demo/target/demo.classpath)" \
  dev.pipelines.cdc.demo.LocalDemo "$@"
