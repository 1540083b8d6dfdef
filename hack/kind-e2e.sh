#!/usr/bin/env bash
# Runs the end-to-end suite against a kind cluster: builds the two images into the local Docker
# daemon, then runs e2e/'s *E2E classes (profile e2e), which call hack/kind-up.sh --skip-build
# to create or reuse the cluster and install everything. Extra arguments go to Maven.
#
#   hack/kind-e2e.sh                          # cluster deleted afterwards if the suite created it
#   CDC_E2E_KEEP_CLUSTER=true hack/kind-e2e.sh # keep it for a look (hack/kind-down.sh deletes it)
set -euo pipefail
# Builtins only up to the prerequisite check (it must work on a PATH without the tools).
here=${BASH_SOURCE[0]%/*}
[ "$here" = "${BASH_SOURCE[0]}" ] && here=.
source "$here/lib/kind-common.sh"
cd "$KIND_ROOT"

if ! problems=$(kind_check_prerequisites); then
  echo "kind-e2e: cannot run: $problems" >&2
  exit "$KIND_EXIT_MISSING_PREREQUISITES"
fi
kind_log "building the images (profile images)"
./mvnw -B -Pimages -DskipTests package
kind_log "running the E2E suite"
./mvnw -B -Pe2e -pl e2e -am verify "$@"
