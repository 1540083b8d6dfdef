#!/usr/bin/env bash
# Builds the real Kubernetes control-plane binaries that the kube-api-tests module runs
# (kube-apiserver, kubectl, kube-controller-manager, etcd) from the Go module proxy, and caches
# them outside the repo in the layout fabric8 kube-api-test reads:
#   $KUBE_API_TEST_DIR/k8s/<version>-linux-amd64/{etcd,kube-apiserver,kubectl,kube-controller-manager}
# Idempotent: when the binaries are there (and report the wanted version) it only prints where they are.
#
# Why a build and not a download: the build machines reach package registries only. k8s.io/kubernetes
# is on the Go module proxy, but its go.mod names its staging modules (k8s.io/api, k8s.io/apiserver, ...)
# at v0.0.0 with local replace directives, so `go install` on it fails; a throwaway module that requires
# it and replaces each staging module with its published v0.<minor>.<patch> builds.
#
# Usage: hack/kube-api-binaries.sh            build or reuse; prints the directory
# Env:   K8S_VERSION (1.34.4), ETCD_VERSION (3.6.16), CDC_CACHE_DIR (~/.cache/cdc-pipelines),
#        KUBE_API_TEST_DIR (<cache>/kube-api-test; the tests look there by default, set it for them
#        too if you move it)
# Needs: Go 1.24 or newer, the Go module proxy. First run ~10 min on 2 cores (~4 GB of Go caches).
set -euo pipefail

K8S_VERSION=${K8S_VERSION:-1.34.4}
ETCD_VERSION=${ETCD_VERSION:-3.6.16}
CACHE=${CDC_CACHE_DIR:-$HOME/.cache/cdc-pipelines}
KUBE_API_TEST_DIR=${KUBE_API_TEST_DIR:-$CACHE/kube-api-test}
target="$KUBE_API_TEST_DIR/k8s/$K8S_VERSION-linux-amd64"
binaries=(etcd kube-apiserver kubectl kube-controller-manager)

start=$(date +%s)
elapsed() { echo "$(( $(date +%s) - $1 ))s"; }

have_all() {
  for b in "${binaries[@]}"; do [[ -x "$target/$b" ]] || return 1; done
  "$target/kube-apiserver" --version 2>/dev/null | grep -qx "Kubernetes v$K8S_VERSION" || return 1
  "$target/etcd" --version 2>/dev/null | grep -q "etcd Version: $ETCD_VERSION" || return 1
}

if have_all; then
  echo "kube-api binaries: reusing $target ($(elapsed "$start")); tests read KUBE_API_TEST_DIR=$KUBE_API_TEST_DIR"
  exit 0
fi

# Go is preinstalled under /usr/local/go on the build machines, not always on a non-login PATH.
command -v go >/dev/null || export PATH="$PATH:/usr/local/go/bin"
command -v go >/dev/null || { echo "kube-api binaries: needs Go (1.24 or later) on the PATH" >&2; exit 1; }

# Go's module and build caches live in the cache too, so a second build (or another version) is incremental.
export GOPATH="$CACHE/go" GOCACHE="$CACHE/go-build" GOFLAGS=-mod=mod GOTOOLCHAIN=local CGO_ENABLED=0
work="$CACHE/build"
mkdir -p "$work" "$target"
# The build is long on small machines; be a polite neighbour to whatever else runs.
build() { nice -n 10 go build -trimpath "$@"; }

# --- kube-apiserver, kubectl, kube-controller-manager -------------------------------------------
k8s_mod="$work/k8s-$K8S_VERSION"
mkdir -p "$k8s_mod"
minor_patch=${K8S_VERSION#*.}          # 34.4
staging_version="v0.$minor_patch"      # v0.34.4
t=$(date +%s)
if [[ ! -f "$k8s_mod/go.mod" ]]; then
  kdir=$(cd "$k8s_mod" && go mod download -json "k8s.io/kubernetes@v$K8S_VERSION" | sed -n 's/^\t"Dir": "\(.*\)",$/\1/p')
  [[ -n "$kdir" ]] || { echo "kube-api binaries: go mod download k8s.io/kubernetes@v$K8S_VERSION failed" >&2; exit 1; }
  # Every `k8s.io/<name> => ./staging/src/k8s.io/<name>` of its go.mod becomes `=> k8s.io/<name> v0.Y.Z`.
  staging=$(sed -n 's#^[[:space:]]*\(k8s\.io/[a-z0-9.-]*\) => \./staging/src/.*#\1#p' "$kdir/go.mod" | sort -u)
  [[ -n "$staging" ]] || { echo "kube-api binaries: no staging replace directives found in $kdir/go.mod" >&2; exit 1; }
  go_line=$(sed -n 's/^go \(.*\)/\1/p' "$kdir/go.mod")
  {
    echo "module cdc-pipelines.dev/kube-binaries"
    echo
    echo "go $go_line"
    echo
    echo "require k8s.io/kubernetes v$K8S_VERSION"
    echo
    echo "replace ("
    for m in $staging; do echo "	$m => $m $staging_version"; done
    echo ")"
  } > "$k8s_mod/go.mod.new"
  mv "$k8s_mod/go.mod.new" "$k8s_mod/go.mod"
  echo "kube-api binaries: go.mod for k8s.io/kubernetes v$K8S_VERSION with $(echo "$staging" | wc -l) staging modules at $staging_version ($(elapsed "$t"))"
fi

pkg=k8s.io/component-base/version
cpkg=k8s.io/client-go/pkg/version
major=${K8S_VERSION%%.*}
minor=${minor_patch%%.*}
vflags=""
for p in $pkg $cpkg; do
  vflags+=" -X $p.gitVersion=v$K8S_VERSION -X $p.gitMajor=$major -X $p.gitMinor=$minor -X $p.gitTreeState=clean"
  vflags+=" -X $p.buildDate=1970-01-01T00:00:00Z"
done
for b in kube-apiserver kubectl kube-controller-manager; do
  t=$(date +%s)
  (cd "$k8s_mod" && build -ldflags "-s -w $vflags" -o "$target/$b.tmp" "k8s.io/kubernetes/cmd/$b")
  mv "$target/$b.tmp" "$target/$b"
  echo "kube-api binaries: built $b ($(elapsed "$t"))"
done

# --- etcd ----------------------------------------------------------------------------------------
etcd_mod="$work/etcd-$ETCD_VERSION"
mkdir -p "$etcd_mod"
t=$(date +%s)
if [[ ! -f "$etcd_mod/go.mod" ]]; then
  printf 'module cdc-pipelines.dev/etcd-binary\n\ngo 1.24\n\nrequire go.etcd.io/etcd/server/v3 v%s\n' "$ETCD_VERSION" > "$etcd_mod/go.mod"
fi
(cd "$etcd_mod" && build -ldflags "-s -w" -o "$target/etcd.tmp" go.etcd.io/etcd/server/v3)
mv "$target/etcd.tmp" "$target/etcd"
echo "kube-api binaries: built etcd ($(elapsed "$t"))"

have_all || { echo "kube-api binaries: built, but the version check failed:" >&2;
  "$target/kube-apiserver" --version >&2; "$target/etcd" --version >&2; exit 1; }
echo "kube-api binaries: ready in $target ($(elapsed "$start")); tests read KUBE_API_TEST_DIR=$KUBE_API_TEST_DIR"
