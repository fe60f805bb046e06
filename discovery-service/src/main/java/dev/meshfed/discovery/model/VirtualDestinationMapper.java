package dev.meshfed.discovery.model;

import static dev.meshfed.discovery.model.LenientReader.field;

import dev.meshfed.schema.DiscoveredKinds;
import dev.meshfed.schema.discovery.ObjectSelector;
import dev.meshfed.schema.discovery.VirtualDestinationPort;
import dev.meshfed.schema.discovery.VirtualDestinationState;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * VirtualDestination (meshfed.dev/v1alpha1, fields of Gloo Mesh 2.x; or Gloo's own
 * networking.gloo.solo.io/v2) → the kind given: spec.hosts, spec.services, spec.externalServices
 * and spec.ports, as written. A port's targetPort may be {@code {number}}, {@code {name}}, or the
 * number or name itself; it is published as text.
 */
public final class VirtualDestinationMapper {

  private VirtualDestinationMapper() {}

  public static Mapping map(GenericKubernetesResource destination) {
    return map(DiscoveredKinds.VIRTUAL_DESTINATION, destination);
  }

  /** Under the kind given: meshfed's, or Gloo's for networking.gloo.solo.io/v2. */
  public static Mapping map(String kind, GenericKubernetesResource destination) {
    var reader = new LenientReader();
    Optional<Map<?, ?>> spec =
        reader.map(destination.getAdditionalProperties().get("spec"), "spec");
    var state =
        new VirtualDestinationState(
            reader.strings(field(spec, "hosts"), "spec.hosts"),
            selectors(reader, field(spec, "services"), "spec.services"),
            selectors(reader, field(spec, "externalServices"), "spec.externalServices"),
            Envelope.labels(destination),
            ports(reader, field(spec, "ports"), "spec.ports"));
    var write = new Write(Keys.of(kind, destination), Envelope.wrap(destination, state));
    return new Mapping(List.of(write), reader.problems());
  }

  /**
   * Each selector as written. One with a field that cannot be read is left out: read without that
   * field, it would select more than was written.
   */
  private static List<ObjectSelector> selectors(LenientReader reader, Object value, String path) {
    return reader.wholeObjects(
        value, path, (item, itemPath) -> Optional.of(ObjectSelectors.read(reader, item, itemPath)));
  }

  /** Every port, each field null where it cannot be read (the problems say which). */
  private static List<VirtualDestinationPort> ports(
      LenientReader reader, Object value, String path) {
    return reader.objects(
        value,
        path,
        (item, itemPath) ->
            Optional.of(
                new VirtualDestinationPort(
                    reader.integer(item.get("number"), itemPath + ".number").orElse(null),
                    reader.string(item.get("protocol"), itemPath + ".protocol").orElse(null),
                    PortSelection.text(reader, item.get("targetPort"), itemPath + ".targetPort"))));
  }
}
