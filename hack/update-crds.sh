#!/usr/bin/env bash
# Regenerates the CRD from the Java model and copies it into crds/ (and the Helm chart, if present),
# then renders docs/reference/cdcpipeline.md from it (CrdReferenceTest with -Dgolden.update=true).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -pl operator-api -am process-classes -DskipTests
cp operator-api/target/classes/META-INF/fabric8/cdcpipelines.cdc.pipelines.dev-v1.yml crds/
if [ -d helm/cdc-operator/crds ]; then
  cp crds/cdcpipelines.cdc.pipelines.dev-v1.yml helm/cdc-operator/crds/
fi
echo "crds/ updated"
./mvnw -B -q -pl operator-api -am test -Dtest=CrdReferenceTest -Dsurefire.failIfNoSpecifiedTests=false -Dgolden.update=true
echo "docs/reference/cdcpipeline.md updated"
