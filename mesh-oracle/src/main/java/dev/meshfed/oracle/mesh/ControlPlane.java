package dev.meshfed.oracle.mesh;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A cluster's istiod as the oracle needs it: its namespace (the root namespace unless the mesh
 * config names another), version, the settings of its mesh config (the {@code istio} ConfigMap's
 * {@code mesh} key) and the environment flags that change cross-cluster behaviour.
 */
record ControlPlane(
    String namespace,
    IstioVersion version,
    String rootNamespace,
    String trustDomain,
    List<String> trustDomainAliases,
    Map<String, String> proxyMetadata,
    boolean autoMtls,
    Map<String, String> env) {

  private static final ObjectMapper YAML = new YAMLMapper();
  static final String DEFAULT_TRUST_DOMAIN = "cluster.local";

  static ControlPlane of(JsonNode istiod, Optional<JsonNode> meshConfigMap) {
    JsonNode container = Json.at(istiod, "spec", "template", "spec", "containers").path(0);
    Map<String, String> env = new java.util.TreeMap<>();
    container.path("env").forEach(e -> env.put(e.path("name").asText(), e.path("value").asText()));
    JsonNode mesh = meshConfigMap.map(ControlPlane::meshConfig).orElse(YAML.createObjectNode());
    String namespace = Json.namespace(istiod);
    String rootNamespace = mesh.path("rootNamespace").asText(namespace);
    return new ControlPlane(
        namespace,
        IstioVersion.ofImage(container.path("image").asText()),
        rootNamespace.isEmpty() ? namespace : rootNamespace,
        mesh.path("trustDomain").asText(DEFAULT_TRUST_DOMAIN),
        Json.strings(mesh.path("trustDomainAliases")),
        Json.stringMap(Json.at(mesh, "defaultConfig", "proxyMetadata")),
        mesh.path("enableAutoMtls").asBoolean(true),
        env);
  }

  private static JsonNode meshConfig(JsonNode configMap) {
    String mesh = Json.text(configMap, "data", "mesh");
    try {
      JsonNode parsed = YAML.readTree(mesh);
      return parsed == null || parsed.isMissingNode() ? YAML.createObjectNode() : parsed;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "mesh config " + Json.namespace(configMap) + "/" + Json.name(configMap) + " is no YAML",
          e);
    }
  }

  /** Whether proxies capture DNS (proxy-dns), so they can answer for ServiceEntry hosts. */
  boolean dnsCapture() {
    return "true".equals(proxyMetadata.get("ISTIO_META_DNS_CAPTURE"));
  }

  /**
   * Whether ServiceEntries without addresses get one: proxy-dns auto-allocation, or from 1.23 the
   * controller behind PILOT_ENABLE_IP_AUTOALLOCATE (pkg/dns/server/name_table.go BuildNameTable).
   */
  boolean autoAllocatesAddresses() {
    return "true".equals(proxyMetadata.get("ISTIO_META_DNS_AUTO_ALLOCATE"))
        || (version.atLeast(1, 23) && "true".equals(env.get("PILOT_ENABLE_IP_AUTOALLOCATE")));
  }

  /**
   * PILOT_ENABLE_K8S_SELECT_WORKLOAD_ENTRIES (pilot/pkg/features, default true in 1.11–1.24): a
   * Kubernetes Service's endpoints include the WorkloadEntries its selector selects.
   */
  boolean kubernetesServicesSelectWorkloadEntries() {
    return flag("PILOT_ENABLE_K8S_SELECT_WORKLOAD_ENTRIES", true);
  }

  /**
   * An istiod boolean flag as env.RegisterBoolVar reads it: Go's strconv.ParseBool, and the default
   * for a value that does not parse.
   */
  private boolean flag(String name, boolean byDefault) {
    return switch (env.getOrDefault(name, "")) {
      case "1", "t", "T", "true", "TRUE", "True" -> true;
      case "0", "f", "F", "false", "FALSE", "False" -> false;
      default -> byDefault;
    };
  }

  /** PILOT_SKIP_VALIDATE_TRUST_DOMAIN: inbound mTLS accepts any trust domain of the root. */
  boolean skipsTrustDomainValidation() {
    return "true".equals(env.get("PILOT_SKIP_VALIDATE_TRUST_DOMAIN"));
  }

  /** The trust domain and its aliases: what inbound mTLS accepts and policies are rewritten to. */
  List<String> localTrustDomains() {
    return java.util.stream.Stream.concat(
            java.util.stream.Stream.of(trustDomain), trustDomainAliases.stream())
        .toList();
  }
}
