#!/usr/bin/env bash
# Quick throughput check: the job's snapshot and streaming rates next to Postgres' own limits
# (COPY TO /dev/null, logical decoding), measured in the same run on this machine. Now a part of the
# benchmarks (hack/bench.sh, bench/README.md); kept for its old arguments.
#
#   hack/throughput.sh [snapshot rows, default 200000] [streamed inserts, default 50000]
set -euo pipefail
exec "$(dirname "$0")/bench.sh" --only snapshot,streaming --rows "${1:-200000}" --inserts "${2:-50000}"
