package dev.meshfed.translation.translate;

import dev.meshfed.translation.model.VirtualDestinationInput;
import dev.meshfed.translation.model.VirtualDestinationInput.Port;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What makes a VirtualDestination invalid, each naming its field: it is then federated nowhere, and
 * nothing else is disturbed.
 */
final class VirtualDestinationCheck {

  /** The protocols an Istio ServiceEntry port may declare (UDP is not carried by Istio). */
  static final Set<String> PROTOCOLS =
      Set.of("HTTP", "HTTPS", "GRPC", "GRPC-WEB", "HTTP2", "MONGO", "TCP", "TLS");

  static final Pattern HOST =
      Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)+");
  private static final Pattern PORT_NAME = Pattern.compile("[a-z0-9]([-a-z0-9]{0,13}[a-z0-9])?");

  private VirtualDestinationCheck() {}

  static List<String> problems(VirtualDestinationInput vd) {
    List<String> problems = new ArrayList<>(vd.problems());
    if (vd.hosts().isEmpty()) {
      problems.add("spec.hosts: needs at least one host");
    }
    for (int i = 0; i < vd.hosts().size(); i++) {
      String host = vd.hosts().get(i);
      if (host == null || host.length() > 253 || !HOST.matcher(host).matches()) {
        problems.add(
            "spec.hosts["
                + i
                + "]: '"
                + host
                + "' is not a fully qualified DNS name (lower case, with a dot, no wildcard)");
      }
    }
    if (!DestinationOrigin.madeByMeshfed(vd.id())) {
      for (int i = 0; i < vd.hosts().size(); i++) {
        String host = vd.hosts().get(i);
        if (host != null && ClustersetDestination.isHost(host)) {
          problems.add(
              "spec.hosts["
                  + i
                  + "]: '"
                  + host
                  + "' is a Multi-Cluster Services host (*."
                  + ClustersetDestination.DOMAIN
                  + "), which meshfed writes from ServiceExports");
        }
      }
    }
    if (vd.services().isEmpty() && vd.externalServices().isEmpty()) {
      problems.add(
          "spec.services: needs at least one selector of the services backing the host (or"
              + " spec.externalServices one of ExternalServices)");
    }
    if (vd.ports().isEmpty()) {
      problems.add("spec.ports: needs at least one port");
    }
    Set<Integer> numbers = new HashSet<>();
    for (int i = 0; i < vd.ports().size(); i++) {
      problems.addAll(portProblems("spec.ports[" + i + "]", vd.ports().get(i), numbers));
    }
    return problems;
  }

  static List<String> portProblems(String path, Port port, Set<Integer> numbers) {
    List<String> problems = new ArrayList<>();
    if (port.number() == null || port.number() < 1 || port.number() > 65535) {
      problems.add(path + ".number: must be a port number from 1 to 65535, not " + port.number());
    } else if (!numbers.add(port.number())) {
      problems.add(path + ".number: " + port.number() + " is declared twice");
    }
    if (port.protocol() != null && !PROTOCOLS.contains(port.protocol().toUpperCase())) {
      problems.add(
          path
              + ".protocol: '"
              + port.protocol()
              + "' is not one of "
              + String.join(", ", PROTOCOLS.stream().sorted().toList()));
    }
    String target = port.targetPort();
    if (target != null && !target.isEmpty()) {
      boolean number = target.chars().allMatch(Character::isDigit);
      if (number && (target.length() > 5 || Integer.parseInt(target) > 65535)
          || number && Integer.parseInt(target) < 1
          || !number && !PORT_NAME.matcher(target).matches()) {
        problems.add(
            path
                + ".targetPort: '"
                + target
                + "' is neither a port number nor a port name (at most 15 lower-case characters)");
      }
    }
    return problems;
  }
}
