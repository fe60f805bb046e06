package dev.meshfed.discovery.model;

import static dev.meshfed.discovery.model.LenientReader.field;

import dev.meshfed.schema.DiscoveredKinds;
import dev.meshfed.schema.discovery.ExternalEndpointPort;
import dev.meshfed.schema.discovery.ExternalEndpointState;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * ExternalEndpoint (meshfed.dev/v1alpha1, fields of Gloo Mesh 2.x; or Gloo's own
 * networking.gloo.solo.io/v2) → the kind given: spec.address, spec.ports and spec.locality as
 * written, and its own labels, which ExternalServices select it by. Any other field of the spec or
 * of a port is a problem and the rest is read.
 */
public final class ExternalEndpointMapper {

  private static final List<String> SPEC_FIELDS = List.of("address", "ports", "locality");

  /** region, zone and subzone as Istio writes them: one to three non-empty parts. */
  private static final Pattern LOCALITY = Pattern.compile("[^/\\s]+(/[^/\\s]+){0,2}");

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
            Envelope.labels(endpoint),
            locality(reader, field(spec, "locality")));
    var write = new Write(Keys.of(kind, endpoint), Envelope.wrap(endpoint, state));
    return new Mapping(List.of(write), reader.problems());
  }

  /** Its locality, or null: one that is not region[/zone[/subZone]] is a problem, left out. */
  private static String locality(LenientReader reader, Object value) {
    Optional<String> locality = reader.string(value, "spec.locality");
    if (locality.isPresent() && !LOCALITY.matcher(locality.get()).matches()) {
      reader.problem(
          "spec.locality: '"
              + locality.get()
              + "' is not region, region/zone or region/zone/subZone; left out");
      return null;
    }
    return locality.orElse(null);
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
