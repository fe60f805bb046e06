#!/usr/bin/env bash
# Installs meshfed's management plane in the management cluster.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage() {
  cat << 'USAGE'
Usage: install-management.sh --context CONTEXT [--no-wait] [--timeout SECONDS]

Installs, in the management cluster (kubeconfig context CONTEXT):
  - meshfed's CRDs (k8s/crds), and the Multi-Cluster Services CRDs (k8s/mcs-crds) unless the
    cluster serves ServiceExports already;
  - k8s/overlays/management: the Kafka for the Strimzi operator (which must run and watch
    namespace kafka), the KafkaUsers of translation, of the management cluster's own services
    and of the meshfed command, translation-service, and the management cluster's discovery-
    and distribution-service (the management cluster is named mgmt);
  - the services' Kafka credentials and CA, copied from what Strimzi writes into namespace meshfed.

Without --no-wait it waits (--timeout, default 900 s) for the Kafka and the users' secrets;
with it, credentials not written yet are skipped (run it again later). Running it again changes
nothing that is already right.
USAGE
}

context="" wait=true timeout=900
while (($#)); do
  case "$1" in
    --context) context="${2:?--context needs a value}"; shift 2 ;;
    --no-wait) wait=false; shift ;;
    --timeout) timeout="${2:?--timeout needs a value}"; shift 2 ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; die "unknown argument: $1" ;;
  esac
done
[[ -n "$context" ]] || { usage >&2; die "--context is required"; }

step "meshfed CRDs in $context"
apply "$context" -f "$MESHFED_HOME/k8s/crds/"
step "Multi-Cluster Services CRDs in $context"
apply_mcs_crds "$context"

step "the management plane (k8s/overlays/management) in $context"
kube "$context" create namespace "$KAFKA_NAMESPACE" --dry-run=client -o yaml | apply "$context" -f -
apply "$context" -k "$MESHFED_HOME/k8s/overlays/management"

if [[ "$wait" == true ]]; then
  step "waiting for the Kafka to be ready (up to ${timeout}s)"
  kube "$context" -n "$KAFKA_NAMESPACE" wait kafka/meshfed --for=condition=Ready \
    --timeout="${timeout}s"
fi

step "Kafka credentials into namespace $MESHFED_NAMESPACE"
copy_credentials "$context" "$context" "$wait" "$timeout" meshfed-translation:translation \
  meshfed-discovery-mgmt:discovery meshfed-distribution-mgmt:distribution

echo "meshfed's management plane is installed in $context."
echo "Next: install-istio.sh and register-cluster.sh for each workload cluster."
