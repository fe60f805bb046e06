package dev.meshfed.discovery.model;

import static dev.meshfed.discovery.model.LenientReader.field;

import dev.meshfed.schema.DiscoveredKinds;
import dev.meshfed.schema.discovery.FailoverPolicyState;
import dev.meshfed.schema.discovery.Locality;
import dev.meshfed.schema.discovery.LocalityMapping;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * FailoverPolicy (meshfed.dev/v1alpha1, fields of Gloo Mesh 2.x; or Gloo's own
 * resilience.policy.gloo.solo.io/v2) → the kind given: spec.applyToDestinations and the locality
 * mappings and priority labels of spec.config (or of spec itself), as written.
 */
public final class FailoverPolicyMapper {

  private static final List<String> CONFIG_FIELDS = List.of("localityMappings", "priorityLabels");

  private FailoverPolicyMapper() {}

  public static Mapping map(GenericKubernetesResource policy) {
    return map(DiscoveredKinds.FAILOVER_POLICY, policy);
  }

  /** Under the kind given: meshfed's, or Gloo's for resilience.policy.gloo.solo.io/v2. */
  public static Mapping map(String kind, GenericKubernetesResource policy) {
    var reader = new LenientReader();
    Optional<Map<?, ?>> spec = reader.map(policy.getAdditionalProperties().get("spec"), "spec");
    var config = PolicyConfig.read(reader, spec, CONFIG_FIELDS);
    var state =
        new FailoverPolicyState(
            DestinationSelectors.read(
                reader, field(spec, "applyToDestinations"), "spec.applyToDestinations"),
            localityMappings(
                reader, config.get("localityMappings"), config.path("localityMappings")),
            priorityLabels(reader, config.get("priorityLabels"), config.path("priorityLabels")));
    var write = new Write(Keys.of(kind, policy), Envelope.wrap(policy, state));
    return new Mapping(List.of(write), reader.problems());
  }

  /** Each mapping read whole: one with a field that cannot be read is left out. */
  private static List<LocalityMapping> localityMappings(
      LenientReader reader, Object value, String path) {
    return reader.wholeObjects(
        value,
        path,
        (item, itemPath) ->
            Optional.of(
                new LocalityMapping(
                    reader
                        .map(item.get("from"), itemPath + ".from")
                        .map(from -> locality(reader, from, itemPath + ".from", null))
                        .orElseGet(() -> new Locality(null, null, null, null)),
                    reader.objects(
                        item.get("to"),
                        itemPath + ".to",
                        (to, toPath) -> Optional.of(target(reader, to, toPath))))));
  }

  private static Locality target(LenientReader reader, Map<?, ?> to, String path) {
    Integer weight = reader.integer(to.get("weight"), path + ".weight").orElse(null);
    return locality(reader, to, path, weight);
  }

  private static Locality locality(
      LenientReader reader, Map<?, ?> locality, String path, Integer weight) {
    return new Locality(
        reader.string(locality.get("region"), path + ".region").orElse(null),
        reader.string(locality.get("zone"), path + ".zone").orElse(null),
        reader.string(locality.get("subZone"), path + ".subZone").orElse(null),
        weight);
  }

  /**
   * Gloo Mesh writes {@code priorityLabels: {labels: [...]}} (as its users' YAML shows; its API
   * reference does not say); a bare list of label keys reads the same.
   */
  private static List<String> priorityLabels(LenientReader reader, Object value, String path) {
    if (value == null || value instanceof List) {
      return reader.strings(value, path);
    }
    Optional<Map<?, ?>> labels = reader.map(value, path);
    labels.ifPresent(fields -> reader.unsupportedFields(fields, path, List.of("labels")));
    return reader.strings(field(labels, "labels"), path + ".labels");
  }
}
