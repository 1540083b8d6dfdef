#!/usr/bin/env bash
# Runs the pipeline job outside Kubernetes, in an embedded Flink mini-cluster, with the same jar and
# job graph as the image (Flink itself taken from the Maven build). It checkpoints into the state
# directory; run it again with the same directory to resume from the latest checkpoint (after
# Ctrl-C, a crash, or the stop on ADD/DROP COLUMN). When it stops it prints how to keep or drop the
# pipeline's replication slot; --dry-run prints that without running.
#
#   CDC_SOURCE_USERNAME=... CDC_SOURCE_PASSWORD=... CDC_SINK_USERNAME=... CDC_SINK_PASSWORD=... \
#     hack/run-job-local.sh --config pipeline.json --state-dir ./state/orders
#   hack/run-job-local.sh --help
set -euo pipefail
# No cd: relative --config and --state-dir paths are the caller's.
root=$(cd "$(dirname "$0")/.." && pwd)
if [ ! -f "$root/pipeline-job/target/pipeline-job.jar" ] || [ ! -f "$root/pipeline-job/target/flink.classpath" ]; then
  (cd "$root" && ./mvnw -B -q -pl pipeline-job -am package -DskipTests)
fi
. "$root/hack/java17-flink-opens.sh"
exec java "${FLINK_OPENS[@]}" -Dlog4j2.configurationFile="$root/hack/log4j2-local.xml" -Dcdc.local.script="$0" \
  -cp "$root/pipeline-job/target/pipeline-job.jar:$(cat "$root/pipeline-job/target/flink.classpath")" \
  dev.pipelines.cdc.job.local.LocalRun "$@"
