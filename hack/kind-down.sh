#!/usr/bin/env bash
# Deletes the kind cluster made by hack/kind-up.sh (its name is in kind-config.yaml).
set -euo pipefail
# Builtins only up to the prerequisite check (it must work on a PATH without the tools).
here=${BASH_SOURCE[0]%/*}
[ "$here" = "${BASH_SOURCE[0]}" ] && here=.
source "$here/lib/kind-common.sh"

if ! command -v kind >/dev/null 2>&1; then
  echo "kind-down: kind is not on PATH" >&2
  exit "$KIND_EXIT_MISSING_PREREQUISITES"
fi
cluster=$(kind_cluster_name)
if kind get clusters 2>/dev/null | grep -qx "$cluster"; then
  kind delete cluster --name "$cluster"
else
  echo "kind-down: no cluster named $cluster"
fi
