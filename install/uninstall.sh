#!/usr/bin/env bash
# Removes meshfed from the management cluster and any workload clusters, leaving nothing behind.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage() {
  cat << 'USAGE'
Usage: uninstall.sh --mgmt-context MGMT_CONTEXT [--context CONTEXT]... [--keep-crds] [--keep-kafka]

Removes meshfed from each workload cluster (--context, repeatable) and then from the management
cluster. In each cluster, in this order:
  - the distribution- and discovery-service (so that nothing re-applies what is removed next);
  - every object meshfed applied (label app.kubernetes.io/managed-by=meshfed) of the kinds it
    writes (Istio's, and Multi-Cluster Services ServiceImports), in every namespace;
  - namespace meshfed and meshfed's cluster roles and bindings;
  - meshfed's CRDs, and with them every Workspace, policy and registration (--keep-crds keeps
    them).
In the management cluster also: translation-service and its volumes, the KafkaUsers, and the
Kafka with its volumes, that is the whole federation history (--keep-kafka keeps the Kafka and
its users). The Strimzi operator and Istio stay. Running it again changes nothing.
USAGE
}

mgmt="" keep_crds=false keep_kafka=false contexts=()
while (($#)); do
  case "$1" in
    --mgmt-context) mgmt="${2:?--mgmt-context needs a value}"; shift 2 ;;
    --context) contexts+=("${2:?--context needs a value}"); shift 2 ;;
    --keep-crds) keep_crds=true; shift ;;
    --keep-kafka) keep_kafka=true; shift ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; die "unknown argument: $1" ;;
  esac
done
[[ -n "$mgmt" ]] || { usage >&2; die "--mgmt-context is required"; }

APPLIED_KINDS=serviceentries.networking.istio.io,gateways.networking.istio.io
APPLIED_KINDS+=,virtualservices.networking.istio.io,destinationrules.networking.istio.io
APPLIED_KINDS+=,sidecars.networking.istio.io,workloadentries.networking.istio.io
APPLIED_KINDS+=,authorizationpolicies.security.istio.io,serviceimports.multicluster.x-k8s.io
PART_OF=app.kubernetes.io/part-of=meshfed

# Deletes what the selector finds of these kinds, wherever; kinds the cluster does not serve
# are skipped. The served kinds are read in full before grep: `kubectl ... | grep -q` under
# pipefail fails whenever grep exits before kubectl has written its last line (SIGPIPE), and
# that skipped a kind at random.
delete_all() {
  local context="$1" kinds="$2" selector="$3" kind served
  # A broken aggregated API makes api-resources exit 1 with the rest of the list intact.
  served="$(kube "$context" api-resources -o name 2> /dev/null || true)"
  [[ -n "$served" ]] || die "cannot list the kinds $context serves"
  local IFS=,
  for kind in $kinds; do
    if grep -qx "$kind" <<< "$served"; then
      kube "$context" delete "$kind" --all-namespaces -l "$selector" --ignore-not-found --wait=false
    fi
  done
}

remove_cluster() {
  local context="$1"
  step "meshfed's services in $context"
  kube "$context" -n "$MESHFED_NAMESPACE" delete deployment,statefulset -l "$PART_OF" \
    --ignore-not-found
  step "what meshfed applied in $context"
  delete_all "$context" "$APPLIED_KINDS" app.kubernetes.io/managed-by=meshfed
  step "namespace $MESHFED_NAMESPACE and meshfed's RBAC in $context"
  kube "$context" -n "$MESHFED_NAMESPACE" delete persistentvolumeclaims -l "$PART_OF" \
    --ignore-not-found
  kube "$context" delete namespace "$MESHFED_NAMESPACE" --ignore-not-found --wait=false
  kube "$context" delete clusterrole,clusterrolebinding -l "$PART_OF" --ignore-not-found
  if [[ "$keep_crds" == false ]]; then
    step "meshfed's CRDs in $context"
    kube "$context" delete -f "$MESHFED_HOME/k8s/crds/" --ignore-not-found
  fi
}

for context in "${contexts[@]}"; do
  remove_cluster "$context"
done
remove_cluster "$mgmt"
if [[ "$keep_kafka" == false ]]; then
  step "the Kafka and its users in $mgmt"
  delete_all "$mgmt" \
    kafkatopics.kafka.strimzi.io,kafkausers.kafka.strimzi.io,kafkas.kafka.strimzi.io,kafkanodepools.kafka.strimzi.io \
    "$PART_OF"
  kube "$mgmt" -n "$KAFKA_NAMESPACE" delete persistentvolumeclaims -l strimzi.io/cluster=meshfed \
    --ignore-not-found
fi
echo "meshfed is uninstalled."
