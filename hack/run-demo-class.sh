#!/usr/bin/env bash
# Builds the local-demo module and runs one of its main classes with Flink's Java 17 openings.
#   hack/run-demo-class.sh <main class> [args...]
set -euo pipefail
cd "$(dirname "$0")/.."
main_class=$1
shift
./mvnw -B -q -pl local-demo -am package -DskipTests
. hack/java17-flink-opens.sh
exec java "${FLINK_OPENS[@]}" -Dlog4j2.configurationFile=hack/log4j2-local.xml \
  -cp "local-demo/target/classes:$(cat local-demo/target/demo.classpath)" \
  "$main_class" "$@"
