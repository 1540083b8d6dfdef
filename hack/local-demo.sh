#!/usr/bin/env bash
# The whole pipeline on this machine, with nothing installed but Java: an embedded PostgreSQL 17
# (port 5433) with sample tables, the StarRocks emulator (not StarRocks) on free ports,
# and the pipeline job in a Flink mini-cluster. Prints both sides' row counts while it changes data.
#
#   hack/local-demo.sh [seconds of changes, default 20] [orders in the sample, default 50000]
# While the snapshot runs it prints its progress as the operator reads it from Flink's REST API.
exec "$(dirname "$0")/run-demo-class.sh" dev.pipelines.cdc.demo.LocalDemo "$@"
