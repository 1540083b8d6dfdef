#!/usr/bin/env bash
# Regenerates the CRD from the Java model and copies it into crds/ (and the Helm chart, if present).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -pl operator -am process-classes -DskipTests
cp operator/target/classes/META-INF/fabric8/cdcpipelines.cdc.pipelines.dev-v1.yml crds/
if [ -d helm/cdc-operator/crds ]; then
  cp crds/cdcpipelines.cdc.pipelines.dev-v1.yml helm/cdc-operator/crds/
fi
echo "crds/ updated"
