#!/usr/bin/env bash
# Runs the pipeline job outside Kubernetes, in an embedded Flink mini-cluster, exactly as the image
# runs it (same jar, same entry point), with Flink itself taken from the Maven build.
#
#   CDC_SOURCE_USERNAME=... CDC_SOURCE_PASSWORD=... CDC_SINK_USERNAME=... CDC_SINK_PASSWORD=... \
#     hack/run-job-local.sh --config pipeline.json
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f pipeline-job/target/pipeline-job.jar ] || [ ! -f pipeline-job/target/flink.classpath ]; then
  ./mvnw -B -q -pl pipeline-job -am package -DskipTests
fi
. hack/java17-flink-opens.sh
exec java "${FLINK_OPENS[@]}" -Dlog4j2.configurationFile=hack/log4j2-local.xml \
  -cp "pipeline-job/target/pipeline-job.jar:$(cat pipeline-job/target/flink.classpath)" \
  dev.pipelines.cdc.job.PipelineJobMain "$@"
