package dev.meshfed.discovery.model;

import static dev.meshfed.discovery.model.LenientReader.field;

import dev.meshfed.schema.DiscoveredKinds;
import dev.meshfed.schema.discovery.ExternalServicePort;
import dev.meshfed.schema.discovery.ExternalServiceState;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * ExternalService (meshfed.dev/v1alpha1, fields of Gloo Mesh 2.x; or Gloo's own
 * networking.gloo.solo.io/v2) → the kind given: spec.hosts, spec.addresses, spec.ports,
 * spec.selector and spec.subjectAltNames, as written. A port's targetPort reads as a
 * VirtualDestination's; its clientsideTls, an object, is whether the client's proxy originates TLS.
 * Routes through egress gateways, and any other field, are problems and the rest is read.
 */
public final class ExternalServiceMapper {

  private static final List<String> SPEC_FIELDS =
      List.of("hosts", "addresses", "ports", "selector", "subjectAltNames");
  private static final List<String> PORT_FIELDS =
      List.of("number", "name", "protocol", "targetPort", "clientsideTls");

  private ExternalServiceMapper() {}

  public static Mapping map(GenericKubernetesResource service) {
    return map(DiscoveredKinds.EXTERNAL_SERVICE, service);
  }

  /** Under the kind given: meshfed's, or Gloo's for networking.gloo.solo.io/v2. */
  public static Mapping map(String kind, GenericKubernetesResource service) {
    var reader = new LenientReader();
    Optional<Map<?, ?>> spec = reader.map(service.getAdditionalProperties().get("spec"), "spec");
    spec.ifPresent(fields -> reader.unsupportedFields(fields, "spec", SPEC_FIELDS));
    var state =
        new ExternalServiceState(
            reader.strings(field(spec, "hosts"), "spec.hosts"),
            reader.strings(field(spec, "addresses"), "spec.addresses"),
            ports(reader, field(spec, "ports"), "spec.ports"),
            selector(reader, field(spec, "selector"), "spec.selector"),
            reader.strings(field(spec, "subjectAltNames"), "spec.subjectAltNames"));
    var write = new Write(Keys.of(kind, service), Envelope.wrap(service, state));
    return new Mapping(List.of(write), reader.problems());
  }

  /** Every port, each field null (clientsideTls false) where it cannot be read. */
  private static List<ExternalServicePort> ports(LenientReader reader, Object value, String path) {
    return reader.objects(
        value,
        path,
        (item, itemPath) -> {
          reader.unsupportedFields(item, itemPath, PORT_FIELDS);
          var port = NamedPort.read(reader, item, itemPath);
          return Optional.of(
              new ExternalServicePort(
                  port.number(),
                  port.name(),
                  reader.string(item.get("protocol"), itemPath + ".protocol").orElse(null),
                  PortSelection.text(reader, item.get("targetPort"), itemPath + ".targetPort"),
                  clientsideTls(reader, item.get("clientsideTls"), itemPath + ".clientsideTls")));
        });
  }

  /**
   * Written ({@code {}}), the client's proxy originates TLS. meshfed carries no setting of it, so
   * any field inside is a problem, and TLS is still originated.
   */
  private static boolean clientsideTls(LenientReader reader, Object value, String path) {
    Optional<Map<?, ?>> tls = reader.map(value, path);
    tls.ifPresent(fields -> reader.unsupportedFields(fields, path, List.of()));
    return tls.isPresent();
  }

  /**
   * The labels of the ExternalEndpoints that back the service, read whole: with an entry that
   * cannot be read it is left out ({} selects none, so the hosts' DNS is used), since read without
   * that entry it would select endpoints that were not selected.
   */
  private static Map<String, String> selector(LenientReader reader, Object value, String path) {
    return reader
        .wholeObject(
            value, path, (labels, labelsPath) -> Optional.of(reader.stringMap(labels, labelsPath)))
        .orElseGet(Map::of);
  }
}
