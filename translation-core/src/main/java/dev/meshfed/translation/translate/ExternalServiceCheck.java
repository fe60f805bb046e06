package dev.meshfed.translation.translate;

import dev.meshfed.translation.model.ExternalServiceInput;
import dev.meshfed.translation.model.MeshInputs;
import dev.meshfed.translation.model.VirtualDestinationInput;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What makes an ExternalService invalid, each naming its field, and which older ExternalService
 * claims one of its hosts (or bears its name in the other dialect): it is then placed nowhere.
 */
final class ExternalServiceCheck {

  private static final Comparator<ExternalServiceInput> OLDEST_FIRST =
      Comparator.comparing(
              ExternalServiceInput::creationTimestamp,
              Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparing(ExternalServiceInput::id);

  private ExternalServiceCheck() {}

  static List<String> problems(ExternalServiceInput es) {
    List<String> problems = new ArrayList<>(es.problems());
    if (es.hosts().isEmpty() && es.addresses().isEmpty()) {
      problems.add("spec.hosts: needs at least one host, or spec.addresses at least one address");
    }
    for (int i = 0; i < es.hosts().size(); i++) {
      String host = es.hosts().get(i);
      if (host == null || !VirtualDestinationCheck.HOST.matcher(host).matches()) {
        problems.add(
            "spec.hosts["
                + i
                + "]: '"
                + host
                + "' is not a fully qualified DNS name (lower case, with a dot, no wildcard)");
      }
    }
    for (int i = 0; i < es.addresses().size(); i++) {
      String address = es.addresses().get(i);
      if (!IpAddresses.isIpOrCidr(address)) {
        problems.add(
            "spec.addresses["
                + i
                + "]: '"
                + address
                + "' is not an IP address or CIDR block (such as 192.0.2.10 or 10.0.0.0/24)");
      }
    }
    if (es.ports().isEmpty()) {
      problems.add("spec.ports: needs at least one port");
    }
    Set<Integer> numbers = new HashSet<>();
    for (int i = 0; i < es.ports().size(); i++) {
      ExternalServiceInput.Port port = es.ports().get(i);
      problems.addAll(
          VirtualDestinationCheck.portProblems(
              "spec.ports[" + i + "]",
              new VirtualDestinationInput.Port(port.number(), port.protocol(), port.targetPort()),
              numbers));
    }
    return problems;
  }

  /**
   * What a valid ExternalService known by addresses asks that Istio does not do, each naming its
   * field. Without endpoints, a connection goes to the address and port it was made to.
   */
  static List<String> addressWarnings(ExternalServiceInput es, boolean endpoints) {
    List<String> warnings = new ArrayList<>();
    if (es.addresses().isEmpty()) {
      return warnings;
    }
    boolean ranges = es.addresses().stream().anyMatch(IpAddresses::isCidr);
    for (int i = 0; i < es.ports().size(); i++) {
      ExternalServiceInput.Port port = es.ports().get(i);
      String field = "spec.ports[" + i + "]";
      if (!endpoints && ranges && port.targetPort() != null) {
        warnings.add(
            field
                + ".targetPort: without ExternalEndpoints a connection into a CIDR block of"
                + " spec.addresses goes to the address and port it was made to; the targetPort is"
                + " not used");
      }
      if (!endpoints
          && !ranges
          && port.targetPort() != null
          && !port.targetPort().chars().allMatch(Character::isDigit)) {
        warnings.add(
            field
                + ".targetPort: a port name names a port of ExternalEndpoints, and the service has"
                + " none; its addresses are called on port "
                + port.number());
      }
      if (port.clientsideTls() && ranges) {
        warnings.add(
            field
                + ".clientsideTls: a plaintext HTTP request to an address within a CIDR block of"
                + " spec.addresses carries that address as its Host, which Istio matches to the"
                + " entry only for single addresses; such requests pass through without TLS (or are refused"
                + " under outboundTrafficPolicy REGISTRY_ONLY)");
      }
      if (port.clientsideTls() && es.hosts().isEmpty() && sniCandidate(es).isEmpty()) {
        warnings.add(
            field
                + ".clientsideTls: TLS is originated without a server name (SNI), as the service"
                + " has no host; name one in spec.subjectAltNames if the server needs it");
      }
    }
    return warnings;
  }

  /** A DNS name among its subjectAltNames: the SNI of a service known by addresses only. */
  static Optional<String> sniCandidate(ExternalServiceInput es) {
    return es.subjectAltNames().stream()
        .filter(name -> VirtualDestinationCheck.HOST.matcher(name).matches())
        .findFirst();
  }

  /** The oldest valid ExternalService older than {@code es} that claims a host or name of it. */
  static Optional<ExternalServiceInput> olderRival(ExternalServiceInput es, MeshInputs inputs) {
    return inputs
        .all(ExternalServiceInput.class)
        .filter(other -> OLDEST_FIRST.compare(other, es) < 0)
        .filter(
            other ->
                ExternalServiceObjects.entryName(other.id())
                        .equals(ExternalServiceObjects.entryName(es.id()))
                    || ExternalServiceObjects.hosts(es).stream()
                        .anyMatch(ExternalServiceObjects.hosts(other)::contains))
        .filter(other -> problems(other).isEmpty())
        .min(OLDEST_FIRST);
  }
}
