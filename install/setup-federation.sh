#!/usr/bin/env bash
# Groups namespaces of several clusters into a workspace and turns federation on for it.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage() {
  cat << 'USAGE'
Usage: setup-federation.sh --mgmt-context MGMT_CONTEXT --workspace NAME
                           --member CLUSTER:NAMESPACE[,NAMESPACE...]...
                           --settings-context CONTEXT --settings-namespace NAMESPACE
                           [--host-suffix SUFFIX]

Applies, as Gloo Mesh's group federation does:
  - in the management cluster, Workspace NAME (namespace meshfed) grouping the given namespaces
    of each member cluster (--member, repeatable);
  - in one member's namespace (--settings-context, --settings-namespace), its WorkspaceSettings
    with federation on for every service: each is reachable from the other members as
    <service>.<namespace>.svc.<cluster>.<SUFFIX> (default global).
Running it again changes nothing; changing a member list updates the workspace.
USAGE
}

mgmt="" workspace="" settings_context="" settings_namespace="" suffix=global members=()
while (($#)); do
  case "$1" in
    --mgmt-context) mgmt="${2:?--mgmt-context needs a value}"; shift 2 ;;
    --workspace) workspace="${2:?--workspace needs a value}"; shift 2 ;;
    --member) members+=("${2:?--member needs a value}"); shift 2 ;;
    --settings-context) settings_context="${2:?--settings-context needs a value}"; shift 2 ;;
    --settings-namespace) settings_namespace="${2:?--settings-namespace needs a value}"; shift 2 ;;
    --host-suffix) suffix="${2:?--host-suffix needs a value}"; shift 2 ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; die "unknown argument: $1" ;;
  esac
done
[[ -n "$mgmt" && -n "$workspace" && -n "$settings_context" && -n "$settings_namespace" ]] ||
  { usage >&2; die "--mgmt-context, --workspace, --settings-context and --settings-namespace are required"; }
((${#members[@]})) || die "at least one --member is required"

workload_clusters=""
for member in "${members[@]}"; do
  [[ "$member" == *:* ]] || die "--member $member: use CLUSTER:NAMESPACE[,NAMESPACE...]"
  workload_clusters+="  - name: ${member%%:*}"$'\n'"    namespaces:"$'\n'
  IFS=, read -r -a namespaces <<< "${member#*:}"
  for namespace in "${namespaces[@]}"; do
    workload_clusters+="    - name: $namespace"$'\n'
  done
done

step "workspace $workspace in $mgmt"
kube "$mgmt" create namespace "$MESHFED_NAMESPACE" --dry-run=client -o yaml | apply "$mgmt" -f -
apply "$mgmt" -f - << WORKSPACE
apiVersion: meshfed.dev/v1alpha1
kind: Workspace
metadata:
  name: $workspace
  namespace: $MESHFED_NAMESPACE
spec:
  workloadClusters:
${workload_clusters}
WORKSPACE

step "its settings in $settings_context, namespace $settings_namespace"
kube "$settings_context" create namespace "$settings_namespace" --dry-run=client -o yaml |
  apply "$settings_context" -f -
apply "$settings_context" -f - << SETTINGS
apiVersion: meshfed.dev/v1alpha1
kind: WorkspaceSettings
metadata:
  name: $workspace-settings
  namespace: $settings_namespace
spec:
  options:
    federation:
      enabled: true
      hostSuffix: $suffix
      serviceSelector:
      - {}
SETTINGS

echo "Workspace $workspace federates; follow it with: meshfed status, meshfed events --follow"
