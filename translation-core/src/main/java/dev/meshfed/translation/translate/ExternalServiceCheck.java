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
    if (es.hosts().isEmpty()) {
      problems.add(
          "spec.hosts: needs at least one host (meshfed does not yet federate ExternalServices"
              + " known by addresses only)");
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
    if (!es.addresses().isEmpty()) {
      problems.add("spec.addresses: not supported by meshfed yet; name the service by its hosts");
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

  /** The oldest valid ExternalService older than {@code es} that claims a host or name of it. */
  static Optional<ExternalServiceInput> olderRival(ExternalServiceInput es, MeshInputs inputs) {
    return inputs
        .all(ExternalServiceInput.class)
        .filter(other -> OLDEST_FIRST.compare(other, es) < 0)
        .filter(
            other ->
                ExternalServiceObjects.entryName(other.id())
                        .equals(ExternalServiceObjects.entryName(es.id()))
                    || es.hosts().stream().anyMatch(other.hosts()::contains))
        .filter(other -> problems(other).isEmpty())
        .min(OLDEST_FIRST);
  }
}
