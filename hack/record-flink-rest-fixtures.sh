#!/usr/bin/env bash
# Records the Flink 1.19 REST answers the snapshot's progress is read from, from a real job: the
# local demo (hack/local-demo.sh) with a sample large enough that its snapshot takes a while, its
# mini-cluster's REST API asked with curl while it snapshots and once it is done. Writes
# pipeline-config/src/test/resources/flink-rest/ (see the README there).
#
#   hack/record-flink-rest-fixtures.sh [orders in the sample, default 2000000]
set -euo pipefail
cd "$(dirname "$0")/.."
out=pipeline-config/src/test/resources/flink-rest
orders=${1:-2000000}
log=$(mktemp)
hack/local-demo.sh 5 "$orders" >"$log" 2>&1 &
demo=$!
trap 'kill $demo 2>/dev/null || true; rm -f "$log"' EXIT

until grep -q "Flink REST API at" "$log"; do
  kill -0 $demo 2>/dev/null || { cat "$log"; echo "the demo ended before its job started" >&2; exit 1; }
  sleep 1
done
rest=$(grep -o 'Flink REST API at http://[^ ]*' "$log" | head -1 | awk '{print $5}')
job=$(grep -o 'pipeline job [0-9a-f]\{32\}' "$log" | head -1 | awk '{print $3}')
echo "job $job, REST API $rest"
get() { curl -sS --fail --max-time 20 "$rest$1"; }
alive() { kill -0 $demo 2>/dev/null || { tail -50 "$log"; echo "the demo ended early" >&2; exit 1; }; }
pretty() { jq -S . ; }

# The snapshot vertex: the one whose subtasks report ids ending in snapshot.splitsTotal.
vertex=""
until [ -n "$vertex" ]; do
  alive
  sleep 1
  for v in $(get "/jobs/$job" | jq -r '.vertices[].id' || true); do
    if get "/jobs/$job/vertices/$v/subtasks/metrics" | jq -e 'map(.id) | any(endswith("snapshot.splitsTotal"))' >/dev/null; then
      vertex=$v
    fi
  done
done
sink=$(get "/jobs/$job" | jq -r --arg v "$vertex" '[.vertices[].id | select(. != $v)][0]')
ids() { get "/jobs/$job/vertices/$vertex/subtasks/metrics" | jq -r \
  'map(.id | select(test("(^|[.])snapshot[.](rowsRead|splitsTotal|splitsDone|tablesTotal|tablesDone)$"))) | join(",")'; }
figures() { get "/jobs/$job/vertices/$vertex/subtasks/metrics?get=$(ids)&agg=max,sum"; }
# Tests the figures: jq -e 'def m(n): ...; <condition>'.
check() { jq -e "def m(n): map(select(.id | endswith(\"snapshot.\" + n)))[0].max; $1" >/dev/null; }

# While it snapshots: wait until the counts have reached the readers and some, not all, splits are done.
until alive && now=$(figures) && echo "$now" | check 'm("splitsTotal") >= 0 and m("splitsDone") > 0'; do
  sleep 0.5
done
if echo "$now" | check 'm("splitsDone") >= m("splitsTotal")'; then
  echo "the snapshot was over before it could be recorded running: try more orders" >&2
  exit 1
fi
mkdir -p "$out"
get /jobs/overview | pretty >"$out/jobs-overview.json"
get "/jobs/$job" | pretty >"$out/job-running.json"
get "/jobs/$job/vertices/$vertex/subtasks/metrics" | pretty >"$out/subtasks-metric-ids-snapshot-vertex.json"
get "/jobs/$job/vertices/$sink/subtasks/metrics" | pretty >"$out/subtasks-metric-ids-other-vertex.json"
echo "$vertex" >"$out/snapshot-vertex-id.txt"
echo "$sink" >"$out/other-vertex-id.txt"
echo "$now" | pretty >"$out/subtasks-metrics-snapshot-running.json"
# Flink 1.19 serves no JobManager operator (enumerator) metrics: the status code, for the record.
curl -s -o /dev/null -w '%{http_code}\n' "$rest/jobs/$job/vertices/$vertex/jm-operator-metrics" \
  >"$out/jm-operator-metrics.status"

until alive && now=$(figures) && echo "$now" | check 'm("splitsTotal") >= 0 and m("splitsDone") >= m("splitsTotal")'; do
  sleep 1
done
echo "$now" | pretty >"$out/subtasks-metrics-snapshot-done.json"
echo "recorded into $out; waiting for the demo to end"
wait $demo || true
grep '^\[demo\] snapshot' "$log" || true
