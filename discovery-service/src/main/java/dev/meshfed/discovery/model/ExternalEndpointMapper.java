package dev.meshfed.discovery.model;

import static dev.meshfed.discovery.model.LenientReader.field;

import dev.meshfed.schema.DiscoveredKinds;
import dev.meshfed.schema.discovery.ExternalEndpointPort;
import dev.meshfed.schema.discovery.ExternalEndpointState;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * ExternalEndpoint (meshfed.dev/v1alpha1, fields of Gloo Mesh 2.x; or Gloo's own
 * networking.gloo.solo.io/v2) → the kind given: spec.address and spec.ports as written, and its own
 * labels, which ExternalServices select it by. Any other field of the spec or of a port is a
 * problem and the rest is read.
 */
public final class ExternalEndpointMapper {

  private static final List<String> SPEC_FIELDS = List.of("address", "ports");
  private static final List<String> PORT_FIELDS = List.of("name", "number");

  private ExternalEndpointMapper() {}

  public static Mapping map(GenericKubernetesResource endpoint) {
    return map(DiscoveredKinds.EXTERNAL_ENDPOINT, endpoint);
  }

  /** Under the kind given: meshfed's, or Gloo's for networking.gloo.solo.io/v2. */
  public static Mapping map(String kind, GenericKubernetesResource endpoint) {
    var reader = new LenientReader();
    Optional<Map<?, ?>> spec = reader.map(endpoint.getAdditionalProperties().get("spec"), "spec");
    spec.ifPresent(fields -> reader.unsupportedFields(fields, "spec", SPEC_FIELDS));
    var state =
        new ExternalEndpointState(
            reader.string(field(spec, "address"), "spec.address").orElse(null),
            ports(reader, field(spec, "ports"), "spec.ports"),
            Envelope.labels(endpoint));
    var write = new Write(Keys.of(kind, endpoint), Envelope.wrap(endpoint, state));
    return new Mapping(List.of(write), reader.problems());
  }

  /** Every port, each field null where it cannot be read (the problems say which). */
  private static List<ExternalEndpointPort> ports(LenientReader reader, Object value, String path) {
    return reader.objects(
        value,
        path,
        (item, itemPath) -> {
          reader.unsupportedFields(item, itemPath, PORT_FIELDS);
          var port = NamedPort.read(reader, item, itemPath);
          return Optional.of(new ExternalEndpointPort(port.name(), port.number()));
        });
  }
}
