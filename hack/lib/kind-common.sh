# Shared by hack/kind-up.sh, kind-down.sh and kind-e2e.sh (sourced, not run).
#
# kind_check_prerequisites uses shell builtins only, so that it can report a missing tool even
# on a PATH that holds almost nothing (e2e's KindUpCheckTest runs it that way).

KIND_ROOT=$(cd "${BASH_SOURCE[0]%/*}/../.." && pwd)
KIND_CONFIG="$KIND_ROOT/kind-config.yaml"
KIND_MANIFESTS="$KIND_ROOT/deploy/kind"
# Exit status of a prerequisite failure; the E2E suite turns it into "skipped" rather than "failed".
KIND_EXIT_MISSING_PREREQUISITES=3

# Prints everything that is missing and returns 1, or prints nothing and returns 0.
kind_check_prerequisites() {
  local tool missing=() hint ok=0
  for tool in docker kind kubectl helm; do
    command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
  done
  if ((${#missing[@]} > 0)); then
    echo "missing on PATH: ${missing[*]} (the kind quick start needs docker, kind, kubectl and helm)"
    for tool in "${missing[@]}"; do
      case $tool in
        docker) hint="https://docs.docker.com/engine/install/" ;;
        kind) hint="https://kind.sigs.k8s.io/docs/user/quick-start/#installation" ;;
        kubectl) hint="https://kubernetes.io/docs/tasks/tools/" ;;
        helm) hint="https://helm.sh/docs/intro/install/" ;;
      esac
      echo "  $tool: $hint"
    done
    ok=1
  fi
  if command -v docker >/dev/null 2>&1 && ! docker info >/dev/null 2>&1; then
    echo "docker is on PATH but its daemon is not reachable ('docker info' failed): start Docker, or point DOCKER_HOST at a running daemon"
    ok=1
  fi
  return $ok
}

# The cluster name, from kind-config.yaml (the one place it is written).
kind_cluster_name() {
  sed -n 's/^name:[[:space:]]*//p' "$KIND_CONFIG" | head -n 1
}

# The project version (the image tag), from the root pom unless CDC_VERSION is set.
kind_project_version() {
  if [ -n "${CDC_VERSION:-}" ]; then
    echo "$CDC_VERSION"
  else
    grep -m 1 '<version>' "$KIND_ROOT/pom.xml" | sed -E 's/.*<version>([^<]+)<\/version>.*/\1/'
  fi
}

kind_log() {
  echo "[$(date +%H:%M:%S)] $*"
}
