#!/usr/bin/env bash
# The quick start: a kind cluster running the whole pipeline, in one command.
#
#   hack/kind-up.sh               # everything, building the images first
#   hack/kind-up.sh --skip-build  # use the images already in the local Docker daemon
#   hack/kind-up.sh --check       # only check the prerequisites (exit 3 when one is missing)
#
# Safe to run again: each step creates what is missing and leaves the rest (helm upgrade
# --install, kubectl apply). The E2E suite (e2e/, hack/kind-e2e.sh) runs this same script.
#
# Steps: kind cluster from kind-config.yaml → Apache Flink Kubernetes Operator 1.10.0 (Helm,
# webhook off, watching namespace `data`, which gives it the `flink` service account) →
# Postgres, StarRocks and MinIO from deploy/kind/ → the publication, the StarRocks user and the
# state bucket → our two images into the cluster's nodes → our Helm chart → the example
# pipeline, until its Ready condition is True.
set -euo pipefail
# Builtins only up to the prerequisite check (it must work on a PATH without the tools).
here=${BASH_SOURCE[0]%/*}
[ "$here" = "${BASH_SOURCE[0]}" ] && here=.
source "$here/lib/kind-common.sh"

usage() {
  sed -n '2,6p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

check_only=false
skip_build=false
for arg in "$@"; do
  case $arg in
    --check) check_only=true ;;
    --skip-build) skip_build=true ;;
    -h | --help) usage; exit 0 ;;
    *) echo "kind-up: unknown argument '$arg'" >&2; usage >&2; exit 2 ;;
  esac
done

if ! problems=$(kind_check_prerequisites); then
  echo "kind-up: cannot start: $problems" >&2
  exit "$KIND_EXIT_MISSING_PREREQUISITES"
fi
if $check_only; then
  echo "kind-up: prerequisites present (docker with a reachable daemon, kind, kubectl, helm)"
  exit 0
fi

cd "$KIND_ROOT"
readonly CLUSTER=$(kind_cluster_name)
readonly CONTEXT="kind-$CLUSTER"
readonly VERSION=$(kind_project_version)
readonly NAMESPACE=data
readonly OPERATOR_NAMESPACE=cdc-system
readonly FLINK_OPERATOR_NAMESPACE=flink-operator
readonly FLINK_OPERATOR_VERSION=1.10.0
# downloads.apache.org keeps only current releases; archive.apache.org keeps them all.
readonly FLINK_OPERATOR_REPOS=(
  "https://downloads.apache.org/flink/flink-kubernetes-operator-$FLINK_OPERATOR_VERSION/"
  "https://archive.apache.org/dist/flink/flink-kubernetes-operator-$FLINK_OPERATOR_VERSION/"
)
readonly IMAGES=("cdc-pipelines/operator:$VERSION" "cdc-pipelines/pipeline-job:$VERSION")
readonly PIPELINE=orders

k() { kubectl --context "$CONTEXT" "$@"; }

ensure_cluster() {
  if kind get clusters 2>/dev/null | grep -qx "$CLUSTER"; then
    kind_log "cluster $CLUSTER exists, reusing it"
  else
    kind_log "creating cluster $CLUSTER from kind-config.yaml"
    kind create cluster --config "$KIND_CONFIG" --wait 180s
  fi
  k get nodes
}

install_flink_operator() {
  k apply -f "$KIND_MANIFESTS/namespace.yaml"
  local repo_name="flink-operator-$FLINK_OPERATOR_VERSION" url added=false
  for url in "${FLINK_OPERATOR_REPOS[@]}"; do
    if helm repo add "$repo_name" "$url" --force-update >/dev/null 2>&1; then
      added=true
      break
    fi
  done
  $added || { echo "kind-up: cannot reach a Helm repository for the Flink operator (${FLINK_OPERATOR_REPOS[*]})" >&2; exit 1; }
  kind_log "installing the Apache Flink Kubernetes Operator $FLINK_OPERATOR_VERSION (from $url)"
  # watchNamespaces: the chart then creates the `flink` service account and its Role in `data`,
  # where the FlinkDeployments run (left empty, it creates them only in its own namespace).
  helm --kube-context "$CONTEXT" upgrade --install flink-kubernetes-operator \
    "$repo_name/flink-kubernetes-operator" --version "$FLINK_OPERATOR_VERSION" \
    --namespace "$FLINK_OPERATOR_NAMESPACE" --create-namespace \
    --set webhook.create=false \
    --set "watchNamespaces={$NAMESPACE}" \
    --wait --timeout 10m
  k -n "$NAMESPACE" get serviceaccount flink >/dev/null
}

deploy_databases() {
  kind_log "deploying Postgres, StarRocks and MinIO (the first StarRocks start takes minutes)"
  k apply -f "$KIND_MANIFESTS/secrets.yaml" -f "$KIND_MANIFESTS/postgres.yaml" \
    -f "$KIND_MANIFESTS/starrocks.yaml" -f "$KIND_MANIFESTS/minio.yaml"
  k -n "$NAMESPACE" rollout status statefulset/postgres --timeout=10m
  k -n "$NAMESPACE" rollout status deployment/minio --timeout=10m
  k -n "$NAMESPACE" rollout status deployment/starrocks --timeout=30m
}

prepare_databases() {
  kind_log "Postgres: publication cdc_orders (as the tables' owner)"
  k -n "$NAMESPACE" exec -i statefulset/postgres -- \
    sh -c 'psql -v ON_ERROR_STOP=1 -q -U "$POSTGRES_USER" -d shop' <"$KIND_MANIFESTS/postgres-publication.sql"

  kind_log "StarRocks: database shop and the loader user of the starrocks-loader Secret"
  local user password
  user=$(k -n "$NAMESPACE" get secret starrocks-loader -o jsonpath='{.data.username}' | base64 -d)
  password=$(k -n "$NAMESPACE" get secret starrocks-loader -o jsonpath='{.data.password}' | base64 -d)
  sr() { k -n "$NAMESPACE" exec -i deployment/starrocks -- mysql -h 127.0.0.1 -P 9030 -u root --batch -N "$@"; }
  echo "CREATE DATABASE IF NOT EXISTS shop;" | sr
  # SQL through stdin, so the password is on no command line. The user is created (and given
  # the built-in db_admin role) once; later runs only set the password again.
  if sr -e "SHOW USERS" | grep -qF "'$user'@'%'"; then
    echo "ALTER USER '$user'@'%' IDENTIFIED BY '$password';" | sr
  else
    sr <<SQL
CREATE USER '$user'@'%' IDENTIFIED BY '$password';
GRANT db_admin TO USER '$user'@'%';
SET DEFAULT ROLE db_admin TO '$user'@'%';
SQL
  fi

  kind_log "MinIO: bucket flink-state"
  k -n "$NAMESPACE" exec deployment/minio -- sh -c \
    'mc alias set local http://127.0.0.1:9000 "$MINIO_ROOT_USER" "$MINIO_ROOT_PASSWORD" >/dev/null && mc mb --ignore-existing local/flink-state'
}

load_images() {
  if ! $skip_build; then
    kind_log "building the images (./mvnw -B -Pimages -DskipTests package)"
    ./mvnw -B -Pimages -DskipTests package
  fi
  local image
  for image in "${IMAGES[@]}"; do
    if ! docker image inspect "$image" >/dev/null 2>&1; then
      echo "kind-up: image $image is not in the local Docker daemon; build it with ./mvnw -B -Pimages -DskipTests package (or run hack/kind-up.sh without --skip-build)" >&2
      exit 1
    fi
  done
  kind_log "loading ${IMAGES[*]} into the cluster's nodes"
  kind load docker-image --name "$CLUSTER" "${IMAGES[@]}"
}

install_operator() {
  if [ ! -f "$KIND_ROOT/helm/cdc-operator/Chart.yaml" ]; then
    echo "kind-up: no Helm chart at helm/cdc-operator" >&2
    exit 1
  fi
  kind_log "installing the CDC operator (helm/cdc-operator)"
  # Helm installs a chart's crds/ only on first install and never upgrades them: apply the
  # current CRD first, so a reused cluster gets schema changes too.
  k apply -f "$KIND_ROOT/crds/cdcpipelines.cdc.pipelines.dev-v1.yml"
  helm --kube-context "$CONTEXT" upgrade --install cdc-operator "$KIND_ROOT/helm/cdc-operator" \
    --namespace "$OPERATOR_NAMESPACE" --create-namespace --wait --timeout 5m
  # Same tag, maybe a new image: restart so the operator runs what was just loaded.
  local deployment
  for deployment in $(k -n "$OPERATOR_NAMESPACE" get deployment -l app.kubernetes.io/instance=cdc-operator -o name); do
    k -n "$OPERATOR_NAMESPACE" rollout restart "$deployment"
    k -n "$OPERATOR_NAMESPACE" rollout status "$deployment" --timeout=5m
  done
}

start_pipeline() {
  kind_log "applying deploy/kind/pipeline.yaml and waiting for Ready (snapshot and job start: minutes)"
  k apply -f "$KIND_MANIFESTS/pipeline.yaml"
  if ! k -n "$NAMESPACE" wait --for=condition=Ready "cdcpipeline/$PIPELINE" --timeout=20m; then
    k -n "$NAMESPACE" describe cdcpipeline "$PIPELINE" >&2 || true
    k -n "$NAMESPACE" get flinkdeployment,pods -o wide >&2 || true
    echo "kind-up: pipeline $PIPELINE did not become Ready (see its conditions above)" >&2
    exit 1
  fi
  k -n "$NAMESPACE" get cdcpipeline "$PIPELINE"
}

print_next_steps() {
  cat <<EOF

The pipeline runs. Its source and sink, from this machine:

  StarRocks  mysql -h 127.0.0.1 -P 30930 -uroot            (root has no password in the allin1 image)
             SELECT count(*) FROM shop.orders;
             SELECT * FROM shop.orders ORDER BY id DESC LIMIT 5;
  Postgres   PGPASSWORD=\$(kubectl --context $CONTEXT -n $NAMESPACE get secret postgres-admin -o jsonpath='{.data.password}' | base64 -d) \\
               psql -h 127.0.0.1 -p 30432 -U postgres shop
             INSERT INTO orders (id, customer_id, status, total) VALUES (5001, 1, 'new', 9.99);
             UPDATE orders SET status = 'paid', updated_at = now() WHERE id = 5001;
             DELETE FROM orders WHERE id = 5001;
             (without psql: kubectl --context $CONTEXT -n $NAMESPACE exec -it statefulset/postgres -- psql -U postgres shop)

  Changes show in StarRocks within seconds (flushInterval 1s). The pipeline:
             kubectl --context $CONTEXT -n $NAMESPACE get cdcp $PIPELINE
             kubectl --context $CONTEXT -n $NAMESPACE describe cdcp $PIPELINE
  Suspend / resume:
             kubectl --context $CONTEXT -n $NAMESPACE patch cdcp $PIPELINE --type merge -p '{"spec":{"job":{"suspend":true}}}'
  Delete the cluster: hack/kind-down.sh
EOF
}

ensure_cluster
install_flink_operator
deploy_databases
prepare_databases
load_images
install_operator
start_pipeline
print_next_steps
