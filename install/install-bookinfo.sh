#!/usr/bin/env bash
# Installs Istio's bookinfo sample into a namespace with sidecar injection.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage() {
  cat << 'USAGE'
Usage: install-bookinfo.sh --context CONTEXT [--namespace NAMESPACE] [--istio-version X.Y]
                           [--manifest FILE_OR_URL] [--only SERVICE[,SERVICE...]]

Creates NAMESPACE (default bookinfo) with sidecar injection on, and applies bookinfo from
Istio's release (--istio-version, default 1.24) or --manifest. --only keeps just these services
and their workloads (e.g. --only reviews,ratings in the cluster that serves the back end), as the
workshop splits bookinfo across clusters.
USAGE
}

context="" namespace=bookinfo version=1.24 manifest="" only=""
while (($#)); do
  case "$1" in
    --context) context="${2:?--context needs a value}"; shift 2 ;;
    --namespace) namespace="${2:?--namespace needs a value}"; shift 2 ;;
    --istio-version) version="${2:?--istio-version needs a value}"; shift 2 ;;
    --manifest) manifest="${2:?--manifest needs a value}"; shift 2 ;;
    --only) only="${2:?--only needs a value}"; shift 2 ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; die "unknown argument: $1" ;;
  esac
done
[[ -n "$context" ]] || { usage >&2; die "--context is required"; }
manifest="${manifest:-https://raw.githubusercontent.com/istio/istio/release-$version/samples/bookinfo/platform/kube/bookinfo.yaml}"

step "namespace $namespace with sidecar injection in $context"
kube "$context" create namespace "$namespace" --dry-run=client -o yaml | apply "$context" -f -
kube "$context" label namespace "$namespace" istio-injection=enabled --overwrite

step "bookinfo from $manifest"
apply "$context" -n "$namespace" -f "$manifest"
if [[ -n "$only" ]]; then
  IFS=, read -r -a keep <<< "$only"
  for app in details productpage ratings reviews; do
    if [[ " ${keep[*]} " != *" $app "* ]]; then
      kube "$context" -n "$namespace" delete deployment,service -l "app=$app" \
        --ignore-not-found
    fi
  done
fi
echo "bookinfo runs in $context, namespace $namespace."
