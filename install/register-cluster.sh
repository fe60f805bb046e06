#!/usr/bin/env bash
# Makes a workload cluster a member: its Kafka users, its services, its registration.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage() {
  cat << 'USAGE'
Usage: register-cluster.sh NAME --context CONTEXT --mgmt-context MGMT_CONTEXT
                           --bootstrap HOST:PORT [--no-wait] [--timeout SECONDS]

Registers workload cluster NAME (kubeconfig context CONTEXT):
  - in the management cluster (MGMT_CONTEXT): the cluster's discovery and distribution
    KafkaUsers (meshfed kafka-users --cluster NAME) and its KubernetesCluster registration;
  - in the cluster: meshfed's CRDs, the Multi-Cluster Services CRDs (k8s/mcs-crds) unless it
    serves ServiceExports already, the discovery- and distribution-service speaking for NAME
    (k8s/components/workload-cluster) reaching Kafka at HOST:PORT (the Kafka's external
    listener), and their Kafka credentials and CA, copied from the management cluster.

Without --no-wait it waits (--timeout, default 300 s) for Strimzi to write the users' secrets.
Running it again changes nothing that is already right.
USAGE
}

name="" context="" mgmt="" bootstrap="" wait=true timeout=300
while (($#)); do
  case "$1" in
    --context) context="${2:?--context needs a value}"; shift 2 ;;
    --mgmt-context) mgmt="${2:?--mgmt-context needs a value}"; shift 2 ;;
    --bootstrap) bootstrap="${2:?--bootstrap needs a value}"; shift 2 ;;
    --no-wait) wait=false; shift ;;
    --timeout) timeout="${2:?--timeout needs a value}"; shift 2 ;;
    -h | --help) usage; exit 0 ;;
    -*) usage >&2; die "unknown option: $1" ;;
    *) [[ -z "$name" ]] || die "one cluster at a time"; name="$1"; shift ;;
  esac
done
[[ -n "$name" && -n "$context" && -n "$mgmt" && -n "$bootstrap" ]] ||
  { usage >&2; die "NAME, --context, --mgmt-context and --bootstrap are required"; }
[[ "$name" =~ ^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$ ]] ||
  die "invalid cluster name '$name': use lowercase letters, digits and '-'"

step "Kafka users of $name in $mgmt"
meshfed kafka-users --cluster "$name" | apply "$mgmt" -n "$KAFKA_NAMESPACE" -f -

step "meshfed CRDs and services in $context"
apply "$context" -f "$MESHFED_HOME/k8s/crds/"
apply_mcs_crds "$context"
# kustomize takes components by relative path only: the overlay lives beside them for the moment
overlay="$(mktemp -d "$MESHFED_HOME/k8s/.register-$name.XXXXXX")"
trap 'rm -rf "$overlay"' EXIT
cat > "$overlay/kustomization.yaml" << KUSTOMIZATION
apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
components:
- ../components/workload-cluster
configMapGenerator:
- name: meshfed-cluster
  namespace: $MESHFED_NAMESPACE
  options: {disableNameSuffixHash: true}
  literals: [name=$name]
patches:
- patch: |-
    apiVersion: v1
    kind: ConfigMap
    metadata: {name: meshfed-kafka, namespace: $MESHFED_NAMESPACE}
    data:
      KAFKA_BOOTSTRAP_SERVERS: $bootstrap
KUSTOMIZATION
apply "$context" -k "$overlay"

step "Kafka credentials of $name from $mgmt"
copy_credentials "$mgmt" "$context" "$wait" "$timeout" "meshfed-discovery-$name:discovery" \
  "meshfed-distribution-$name:distribution"

step "registration of $name in $mgmt"
apply "$mgmt" -f - << REGISTRATION
apiVersion: meshfed.dev/v1alpha1
kind: KubernetesCluster
metadata:
  name: $name
  namespace: $MESHFED_NAMESPACE
  labels: {app.kubernetes.io/part-of: meshfed}
REGISTRATION

echo "Cluster $name is registered."
