package dev.meshfed.discovery.model;

import static dev.meshfed.discovery.model.LenientReader.field;

import dev.meshfed.schema.DiscoveredKinds;
import dev.meshfed.schema.discovery.MeshConfigState;
import io.fabric8.kubernetes.api.model.ConfigMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Istio's mesh config (a ConfigMap labelled istio.io/rev, named {@code istio} or {@code
 * istio-<revision>}, its {@code mesh} key) → kind MeshConfig: the trust domain, its aliases, the
 * mesh id and the proxies' metadata. Other ConfigMaps of the revision (e.g.
 * istio-sidecar-injector-&lt;revision&gt;, which carries the label too) own no record: their key is
 * tombstoned.
 */
public final class MeshConfigMapper {

  public static final String REVISION_LABEL = ControlPlaneMapper.REVISION_LABEL;
  public static final String NAME = "istio";
  public static final String MESH_KEY = "mesh";

  private static final String MESH = "data." + MESH_KEY;

  private MeshConfigMapper() {}

  public static Mapping map(ConfigMap configMap) {
    var key = Keys.of(DiscoveredKinds.MESH_CONFIG, configMap);
    String revision = Envelope.label(configMap, REVISION_LABEL);
    if (!isMeshConfig(configMap.getMetadata().getName(), revision)) {
      return Mapping.of(Write.tombstone(key));
    }
    var reader = new LenientReader();
    Optional<Map<?, ?>> mesh = parse(reader, configMap.getData());
    Optional<Map<?, ?>> defaultConfig =
        reader.map(field(mesh, "defaultConfig"), MESH + ".defaultConfig");
    var state =
        MeshConfigState.newBuilder()
            .setRevision(revision)
            .setTrustDomain(
                reader.string(field(mesh, "trustDomain"), MESH + ".trustDomain").orElse(null))
            .setTrustDomainAliases(
                reader.strings(field(mesh, "trustDomainAliases"), MESH + ".trustDomainAliases"))
            .setMeshId(
                reader
                    .string(field(defaultConfig, "meshId"), MESH + ".defaultConfig.meshId")
                    .orElse(null))
            .setProxyMetadata(proxyMetadata(reader, defaultConfig))
            .build();
    var write = new Write(key, Envelope.wrap(configMap, state));
    return new Mapping(List.of(write), reader.problems());
  }

  /** defaultConfig.proxyMetadata, its values as strings ("true" whether quoted or not). */
  private static Map<String, String> proxyMetadata(
      LenientReader reader, Optional<Map<?, ?>> defaultConfig) {
    String path = MESH + ".defaultConfig.proxyMetadata";
    Map<String, String> metadata = new TreeMap<>();
    reader
        .map(field(defaultConfig, "proxyMetadata"), path)
        .ifPresent(
            map ->
                map.forEach(
                    (key, value) -> {
                      if (key != null && value != null && !(value instanceof Map<?, ?>)) {
                        metadata.put(String.valueOf(key), String.valueOf(value));
                      }
                    }));
    return metadata;
  }

  /**
   * Istio's own naming: {@code istio} for the default revision, {@code istio-<revision>} for the
   * others.
   */
  static boolean isMeshConfig(String name, String revision) {
    return NAME.equals(name)
        || (revision != null && !revision.isEmpty() && (NAME + "-" + revision).equals(name));
  }

  /** The mesh key as YAML; absent or empty is Istio's defaults, no problem. */
  private static Optional<Map<?, ?>> parse(LenientReader reader, Map<String, String> data) {
    String text = data == null ? null : data.get(MESH_KEY);
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    Object parsed;
    try {
      parsed = new Load(LoadSettings.builder().setLabel(MESH).build()).loadFromString(text);
    } catch (RuntimeException e) {
      // snakeyaml-engine reports bad YAML (syntax, duplicate keys, alias bombs) as
      // YamlEngineException; whatever it throws, a user's ConfigMap must not stop discovery.
      reader.problem(MESH + ": not YAML: " + firstLine(e.getMessage()));
      return Optional.empty();
    }
    return reader.map(parsed, MESH);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    String trimmed = message.strip();
    int newline = trimmed.indexOf('\n');
    return newline < 0 ? trimmed : trimmed.substring(0, newline).strip();
  }
}
