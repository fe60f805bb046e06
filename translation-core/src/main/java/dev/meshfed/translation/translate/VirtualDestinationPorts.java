package dev.meshfed.translation.translate;

import dev.meshfed.translation.model.ServiceInput;
import dev.meshfed.translation.model.ServicePortInput;
import dev.meshfed.translation.model.VirtualDestinationInput.Port;
import java.util.Optional;
import java.util.function.Consumer;

/** How a VirtualDestination port reaches the pods of the backing service where it selects them. */
final class VirtualDestinationPorts {

  private VirtualDestinationPorts() {}

  /**
   * The container port the backing service sends a VirtualDestination port to: its port of the
   * target's number (or name), mapped by its targetPort.
   */
  static Optional<Integer> containerPort(
      ServiceInput service, Port port, Consumer<String> warnings) {
    String target = port.targetPort() == null ? String.valueOf(port.number()) : port.targetPort();
    if (!target.chars().allMatch(Character::isDigit)) {
      return Optional.empty();
    }
    Optional<ServicePortInput> servicePort =
        service.ports().stream().filter(p -> String.valueOf(p.port()).equals(target)).findFirst();
    if (servicePort.isEmpty()) {
      warnings.accept(
          "port "
              + port.number()
              + ": "
              + service.id().ref()
              + " has no port "
              + target
              + "; its pods must listen on "
              + target);
      return Optional.of(Integer.parseInt(target));
    }
    String container = servicePort.get().targetPort();
    if (container == null || container.isEmpty()) {
      return Optional.of(servicePort.get().port());
    }
    if (container.chars().allMatch(Character::isDigit)) {
      return Optional.of(Integer.parseInt(container));
    }
    warnings.accept(
        "port "
            + port.number()
            + ": "
            + service.id().ref()
            + " targets the named container port '"
            + container
            + "', which a ServiceEntry cannot name; its pods must listen on "
            + servicePort.get().port());
    return Optional.of(servicePort.get().port());
  }
}
