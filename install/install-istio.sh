#!/usr/bin/env bash
# Installs Istio for multi-network federation, with an east-west gateway.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage() {
  cat << 'USAGE'
Usage: install-istio.sh --context CONTEXT --cluster NAME --network NETWORK
                        [--mesh-id MESH] [--gateway loadbalancer|nodeport] [--node-port PORT]
                        [--dry-run]

Installs Istio with istioctl (on the PATH) in the cluster: cluster name NAME, network NETWORK,
mesh MESH (default mesh1), and an east-west gateway (istio-eastwestgateway in istio-system,
labelled istio=eastwestgateway and topology.istio.io/network=NETWORK) whose service is a
LoadBalancer, or with --gateway nodeport a NodePort (TLS on --node-port, default 32443) for
clusters without load balancers, as OSSM's libvirt scripts do; meshfed finds the gateway's
address either way. meshfed writes the gateway's Gateway itself.
--dry-run prints the IstioOperator instead of installing it.
USAGE
}

context="" cluster="" network="" mesh=mesh1 gateway=loadbalancer node_port=32443 dry_run=false
while (($#)); do
  case "$1" in
    --context) context="${2:?--context needs a value}"; shift 2 ;;
    --cluster) cluster="${2:?--cluster needs a value}"; shift 2 ;;
    --network) network="${2:?--network needs a value}"; shift 2 ;;
    --mesh-id) mesh="${2:?--mesh-id needs a value}"; shift 2 ;;
    --gateway) gateway="${2:?--gateway needs a value}"; shift 2 ;;
    --node-port) node_port="${2:?--node-port needs a value}"; shift 2 ;;
    --dry-run) dry_run=true; shift ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; die "unknown argument: $1" ;;
  esac
done
[[ -n "$cluster" && -n "$network" ]] || { usage >&2; die "--cluster and --network are required"; }
[[ "$dry_run" == true || -n "$context" ]] || { usage >&2; die "--context is required"; }
case "$gateway" in
  loadbalancer) service_type=LoadBalancer tls_node_port="" ;;
  nodeport) service_type=NodePort tls_node_port="nodePort: $node_port" ;;
  *) die "--gateway must be loadbalancer or nodeport, not $gateway" ;;
esac

operator="$(cat << OPERATOR
apiVersion: install.istio.io/v1alpha1
kind: IstioOperator
metadata:
  name: meshfed-$cluster
spec:
  values:
    global:
      meshID: $mesh
      multiCluster:
        clusterName: $cluster
      network: $network
  components:
    ingressGateways:
    - name: istio-eastwestgateway
      enabled: true
      label:
        istio: eastwestgateway
        app: istio-eastwestgateway
        topology.istio.io/network: $network
      k8s:
        env:
        - name: ISTIO_META_REQUESTED_NETWORK_VIEW
          value: $network
        service:
          type: $service_type
          ports:
          - name: status-port
            port: 15021
            targetPort: 15021
          - name: tls
            port: 15443
            targetPort: 15443
            $tls_node_port
OPERATOR
)"

if [[ "$dry_run" == true ]]; then
  echo "$operator"
  exit 0
fi
command -v istioctl > /dev/null || die "istioctl is not on the PATH (https://istio.io/latest/docs/setup/getting-started/#download)"
step "network label on istio-system in $context"
kube "$context" create namespace istio-system --dry-run=client -o yaml | apply "$context" -f -
kube "$context" label namespace istio-system "topology.istio.io/network=$network" --overwrite
step "Istio with an east-west gateway ($service_type) in $context"
istioctl install --context "$context" -y -f - <<< "$operator"
echo "Istio runs in $context as cluster $cluster on network $network."
