#!/usr/bin/env bash
# Quick throughput check: the job's snapshot and streaming rates next to Postgres' own limits
# (COPY TO /dev/null, logical decoding), measured in the same run on this machine.
#
#   hack/throughput.sh [snapshot rows, default 200000] [streamed inserts, default 50000]
exec "$(dirname "$0")/run-demo-class.sh" dev.pipelines.cdc.demo.ThroughputCheck "$@"
