# Shared by the install scripts; sourced, not run.
# shellcheck shell=bash

MESHFED_HOME="${MESHFED_HOME:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
FIELD_MANAGER=meshfed-install
KAFKA_NAMESPACE="${KAFKA_NAMESPACE:-kafka}"
MESHFED_NAMESPACE=meshfed

die() {
  echo "error: $*" >&2
  exit 1
}

step() {
  echo "==> $*"
}

# kubectl against one context: kube CONTEXT ARGS...
kube() {
  local context="$1"
  shift
  kubectl --context "$context" "$@"
}

# Server-side apply as this installer's field manager: running a script again changes nothing.
# MESHFED_INSTALL_VALIDATE=false skips kubectl's schema download (for API servers without OpenAPI).
apply() {
  local context="$1"
  shift
  local validate=()
  if [[ "${MESHFED_INSTALL_VALIDATE:-true}" == false ]]; then
    validate=(--validate=false)
  fi
  kube "$context" apply --server-side --force-conflicts --field-manager="$FIELD_MANAGER" \
    "${validate[@]}" "$@"
}

# The kinds a cluster serves, as api-resources names them (plural.group), one a line. Callers grep
# this text: `kubectl ... | grep -q` under pipefail fails whenever grep exits before kubectl has
# written its last line (SIGPIPE), and that answered at random.
served_kinds() {
  local context="$1" served
  # A broken aggregated API makes api-resources exit 1 with the rest of the list intact.
  served="$(kube "$context" api-resources -o name 2> /dev/null || true)"
  [[ -n "$served" ]] || die "cannot list the kinds $context serves"
  echo "$served"
}

# The Multi-Cluster Services CRDs (k8s/mcs-crds), which discovery reads ServiceExports through,
# unless the cluster serves ServiceExports already: another MCS implementation may own them, and
# they are left as they are.
apply_mcs_crds() {
  local context="$1" served
  served="$(served_kinds "$context")"
  if grep -qxF serviceexports.multicluster.x-k8s.io <<< "$served"; then
    echo "    $context serves ServiceExports already: its MCS CRDs are left as they are"
  else
    apply "$context" -f "$MESHFED_HOME/k8s/mcs-crds/"
  fi
}

# The meshfed command, built on first use.
meshfed() {
  "$MESHFED_HOME/bin/meshfed" "$@"
}

# Waits until a secret exists: wait_for_secret CONTEXT NAMESPACE NAME TIMEOUT_SECONDS
wait_for_secret() {
  local context="$1" namespace="$2" name="$3" timeout="$4" waited=0
  until kube "$context" -n "$namespace" get secret "$name" > /dev/null 2>&1; do
    if ((waited >= timeout)); then
      die "secret $namespace/$name did not appear in $context within ${timeout}s"
    fi
    sleep 5
    waited=$((waited + 5))
  done
}

# One key of a secret, decoded: secret_value CONTEXT NAMESPACE NAME KEY
secret_value() {
  local context="$1" namespace="$2" name="$3" key="$4"
  kube "$context" -n "$namespace" get secret "$name" \
    -o "go-template={{index .data \"$key\" | base64decode}}"
}

# Writes a secret with one key into meshfed's namespace: put_secret CONTEXT NAME KEY VALUE
put_secret() {
  local context="$1" name="$2" key="$3" value="$4"
  kube "$context" -n "$MESHFED_NAMESPACE" create secret generic "$name" \
    --from-literal="$key=$value" --dry-run=client -o yaml |
    apply "$context" -f -
}

# Copies what Strimzi wrote for a Kafka user (in the Kafka's cluster) to a service's cluster, as
# the secrets the service reads: copy_kafka_credentials KAFKA_CONTEXT SERVICE_CONTEXT USER SERVICE
copy_kafka_credentials() {
  local kafka_context="$1" context="$2" user="$3" service="$4"
  put_secret "$context" "meshfed-kafka-credentials-$service" KAFKA_SASL_JAAS_CONFIG \
    "$(secret_value "$kafka_context" "$KAFKA_NAMESPACE" "$user" sasl.jaas.config)"
}

copy_kafka_ca() {
  local kafka_context="$1" context="$2"
  put_secret "$context" meshfed-kafka-ca ca.crt \
    "$(secret_value "$kafka_context" "$KAFKA_NAMESPACE" meshfed-cluster-ca-cert ca.crt)"
}

# Copies the credentials Strimzi wrote for each USER:SERVICE, and the Kafka CA, from the Kafka's
# cluster to a service cluster. With WAIT=true waits up to TIMEOUT seconds for each; otherwise
# skips (saying so) what Strimzi has not written yet.
# copy_credentials KAFKA_CONTEXT CONTEXT WAIT TIMEOUT USER:SERVICE...
copy_credentials() {
  local kafka_context="$1" context="$2" wait="$3" timeout="$4" pair user service
  shift 4
  for pair in "$@"; do
    user="${pair%%:*}" service="${pair##*:}"
    if [[ "$wait" == true ]]; then
      wait_for_secret "$kafka_context" "$KAFKA_NAMESPACE" "$user" "$timeout"
    elif ! has_secret "$kafka_context" "$KAFKA_NAMESPACE" "$user"; then
      echo "    $user: not written by Strimzi yet; run this again once it is"
      continue
    fi
    copy_kafka_credentials "$kafka_context" "$context" "$user" "$service"
  done
  if has_secret "$kafka_context" "$KAFKA_NAMESPACE" meshfed-cluster-ca-cert; then
    copy_kafka_ca "$kafka_context" "$context"
  else
    echo "    meshfed-cluster-ca-cert: not written by Strimzi yet; run this again once it is"
  fi
}

# Whether Strimzi has written a user's secret yet.
has_secret() {
  kube "$1" -n "$2" get secret "$3" > /dev/null 2>&1
}
