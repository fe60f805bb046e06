package dev.meshfed.oracle.mesh;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The pods of a cluster: its Pods, the replicas of its Deployments and StatefulSets, one per
 * DaemonSet, and for every Service with a selector that selects none of them one modelled Ready
 * pod. Pods are injected (they carry {@code security.istio.io/tlsMode: istio}) unless their
 * namespace disables injection or they are in the control-plane namespace (istiod, gateways).
 */
final class Workloads {

  static final String NETWORK_LABEL = "topology.istio.io/network";
  private static final String INJECT = "sidecar.istio.io/inject";

  private final String cluster;
  private final Map<String, Map<String, String>> namespaceLabels;
  private final String controlPlaneNamespace;
  private final Function<String, String> networkOfNamespace;
  private final Function<String, String> nodeLocality;

  Workloads(
      String cluster,
      Map<String, Map<String, String>> namespaceLabels,
      String controlPlaneNamespace,
      Function<String, String> networkOfNamespace,
      Function<String, String> nodeLocality) {
    this.cluster = cluster;
    this.namespaceLabels = namespaceLabels;
    this.controlPlaneNamespace = controlPlaneNamespace;
    this.networkOfNamespace = networkOfNamespace;
    this.nodeLocality = nodeLocality;
  }

  List<Pod> pods(List<JsonNode> objects) {
    List<Pod> pods = new ArrayList<>();
    List<JsonNode> declared = new ArrayList<>();
    for (JsonNode object : objects) {
      switch (Json.kind(object)) {
        case "Pod" -> {
          pods.add(pod(object, Json.name(object), object, ready(object)));
          declared.add(object);
        }
        case "Deployment", "StatefulSet" -> {
          int replicas = Json.spec(object).path("replicas").asInt(1);
          for (int i = 0; i < replicas; i++) {
            pods.add(pod(object, Json.name(object) + "-" + i, template(object), true));
          }
          declared.add(object);
        }
        case "DaemonSet" -> {
          pods.add(pod(object, Json.name(object) + "-0", template(object), true));
          declared.add(object);
        }
        default -> {}
      }
    }
    for (JsonNode service : objects) {
      if ("Service".equals(Json.kind(service))) {
        modelled(service, declared).ifPresent(pods::add);
      }
    }
    return pods;
  }

  /**
   * The pod modelled for a Service whose selector selects no declared workload. A workload scaled
   * to zero is declared: its Service has no pods rather than a modelled one.
   */
  private java.util.Optional<Pod> modelled(JsonNode service, List<JsonNode> declared) {
    Map<String, String> selector = Json.stringMap(Json.spec(service).path("selector"));
    String namespace = Json.namespace(service);
    if (selector.isEmpty()
        || declared.stream()
            .anyMatch(
                w ->
                    Json.namespace(w).equals(namespace)
                        && Selectors.selects(selector, podLabels(w)))) {
      return java.util.Optional.empty();
    }
    Map<String, String> labels = new TreeMap<>(selector);
    if (injected(namespace, Map.of())) {
      labels.put(Pod.TLS_MODE_LABEL, "istio");
    }
    return java.util.Optional.of(
        new Pod(
            cluster,
            namespace,
            Json.name(service) + "-modelled",
            labels,
            "default",
            Map.of(),
            network(namespace, labels),
            Localities.ofLabels(labels),
            true));
  }

  private Pod pod(JsonNode owner, String name, JsonNode podLike, boolean ready) {
    String namespace = Json.namespace(owner);
    Map<String, String> labels = new TreeMap<>(Json.labels(podLike));
    Map<String, String> annotations = Json.stringMap(Json.at(podLike, "metadata", "annotations"));
    if (injected(namespace, labels) && !"false".equals(annotations.get(INJECT))) {
      labels.putIfAbsent(Pod.TLS_MODE_LABEL, "istio");
    }
    JsonNode spec = podLike.path("spec");
    String serviceAccount = spec.path("serviceAccountName").asText("default");
    Map<String, Integer> ports = new TreeMap<>();
    spec.path("containers")
        .forEach(
            c ->
                c.path("ports")
                    .forEach(
                        p -> {
                          if (p.has("name")) {
                            ports.put(p.path("name").asText(), p.path("containerPort").asInt());
                          }
                        }));
    return new Pod(
        cluster,
        namespace,
        name,
        labels,
        serviceAccount.isEmpty() ? "default" : serviceAccount,
        ports,
        network(namespace, labels),
        locality(spec, labels),
        ready);
  }

  /**
   * A pod's locality (getPodLocality): its {@code istio-locality} label, else its node's region,
   * zone and {@code topology.istio.io/subzone} labels.
   */
  private String locality(JsonNode spec, Map<String, String> labels) {
    String byLabel = Localities.ofLabels(labels);
    String node = spec.path("nodeName").asText("");
    if (!byLabel.isEmpty() || node.isEmpty()) {
      return byLabel;
    }
    return nodeLocality.apply(node);
  }

  private boolean injected(String namespace, Map<String, String> podLabels) {
    if (namespace.equals(controlPlaneNamespace) || "false".equals(podLabels.get(INJECT))) {
      return false;
    }
    return !"disabled"
        .equals(namespaceLabels.getOrDefault(namespace, Map.of()).get("istio-injection"));
  }

  private String network(String namespace, Map<String, String> labels) {
    String label = labels.get(NETWORK_LABEL);
    return label != null ? label : networkOfNamespace.apply(namespace);
  }

  private static Map<String, String> podLabels(JsonNode workload) {
    return Json.labels("Pod".equals(Json.kind(workload)) ? workload : template(workload));
  }

  private static JsonNode template(JsonNode workload) {
    return Json.at(workload, "spec", "template");
  }

  private static boolean ready(JsonNode pod) {
    JsonNode conditions = Json.at(pod, "status", "conditions");
    for (JsonNode condition : conditions) {
      if ("Ready".equals(condition.path("type").asText())) {
        return "True".equals(condition.path("status").asText());
      }
    }
    return true;
  }
}
