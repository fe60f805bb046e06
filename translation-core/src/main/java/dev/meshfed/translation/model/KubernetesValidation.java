package dev.meshfed.translation.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the Kubernetes API server would refuse of a Service (its {@code ValidateService}, the parts
 * translation reads): names, ports, protocols, labels and selector. A real API server never stores
 * such a Service, but a record on a topic is not an API server's word: translation turns none of it
 * into Istio config. Each problem names its field.
 */
public final class KubernetesValidation {

  private static final Pattern DNS_1035_LABEL = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern DNS_1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern IANA_SERVICE_NAME = Pattern.compile("[-a-z0-9]+");
  private static final Pattern LABEL_VALUE =
      Pattern.compile("(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?");
  private static final Pattern LABEL_NAME =
      Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?");
  private static final Pattern DNS_1123_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private static final Set<String> PROTOCOLS = Set.of("TCP", "UDP", "SCTP");
  private static final Set<String> TYPES =
      Set.of("ClusterIP", "NodePort", "LoadBalancer", "ExternalName");
  private static final int LABEL_MAX = 63;

  private KubernetesValidation() {}

  /**
   * The fields an API server would refuse of an input, each as {@code PATH: WHY}; empty if none, or
   * if it is of a kind not checked here.
   */
  public static List<String> problems(Input input) {
    if (input instanceof ServiceInput service) {
      return problems(service);
    }
    List<String> problems = new ArrayList<>();
    if (input instanceof NamespaceInput namespace) {
      if (!isLabel(DNS_1123_LABEL, namespace.id().name())) {
        problems.add("metadata.name: '" + namespace.id().name() + "' is not a DNS-1123 label");
      }
      labels("metadata.labels", namespace.labels(), problems);
    } else if (input instanceof EastWestGatewayInput gateway) {
      names(gateway.id(), problems);
      labels("metadata.labels", gateway.labels(), problems);
      labels("spec.selector", gateway.selector(), problems);
    }
    return problems;
  }

  /** The fields an API server would refuse, each as {@code PATH: WHY}; empty if none. */
  public static List<String> problems(ServiceInput service) {
    List<String> problems = new ArrayList<>();
    names(service.id(), problems);
    if (service.type() != null && !TYPES.contains(service.type())) {
      problems.add("spec.type: '" + service.type() + "' is not one of " + sorted(TYPES));
    }
    labels("metadata.labels", service.labels(), problems);
    labels("spec.selector", service.selector(), problems);
    ports(service.ports(), problems);
    return problems;
  }

  private static void names(ObjectId id, List<String> problems) {
    if (!isLabel(DNS_1035_LABEL, id.name())) {
      problems.add(
          "metadata.name: '"
              + id.name()
              + "' is not a DNS-1035 label (lower-case letters, digits and '-', starting with a"
              + " letter, at most 63 characters)");
    }
    if (!isLabel(DNS_1123_LABEL, id.namespace())) {
      problems.add("metadata.namespace: '" + id.namespace() + "' is not a DNS-1123 label");
    }
  }

  private static void ports(List<ServicePortInput> ports, List<String> problems) {
    Set<String> names = new HashSet<>();
    Set<String> numbers = new HashSet<>();
    for (int i = 0; i < ports.size(); i++) {
      ServicePortInput port = ports.get(i);
      String path = "spec.ports[" + i + "]";
      if (port.name() == null || port.name().isEmpty()) {
        if (ports.size() > 1) {
          problems.add(path + ".name: required when a Service has more than one port");
        }
      } else if (!isLabel(DNS_1123_LABEL, port.name())) {
        problems.add(path + ".name: '" + port.name() + "' is not a DNS-1123 label");
      } else if (!names.add(port.name())) {
        problems.add(path + ".name: '" + port.name() + "' is used by an earlier port");
      }
      if (port.port() < 1 || port.port() > 65535) {
        problems.add(path + ".port: " + port.port() + " is not between 1 and 65535");
      }
      String protocol = port.protocol() == null ? "TCP" : port.protocol();
      if (!PROTOCOLS.contains(protocol)) {
        problems.add(path + ".protocol: '" + protocol + "' is not one of " + sorted(PROTOCOLS));
      } else if (!numbers.add(port.port() + "/" + protocol)) {
        problems.add(
            path + ".port: " + port.port() + "/" + protocol + " is used by an earlier port");
      }
      targetPort(path, port.targetPort(), problems);
      if (port.appProtocol() != null && !isQualifiedName(port.appProtocol())) {
        problems.add(path + ".appProtocol: '" + port.appProtocol() + "' is not a qualified name");
      }
    }
  }

  private static void targetPort(String path, String targetPort, List<String> problems) {
    if (targetPort == null || targetPort.isEmpty()) {
      return;
    }
    if (targetPort.chars().allMatch(Character::isDigit)) {
      long number = targetPort.length() > 6 ? Long.MAX_VALUE : Long.parseLong(targetPort);
      // 0 is how an unset int-or-string reads: the API server defaults it to the port
      if (number > 65535) {
        problems.add(path + ".targetPort: " + targetPort + " is not between 1 and 65535");
      }
      return;
    }
    if (targetPort.length() > 15
        || !IANA_SERVICE_NAME.matcher(targetPort).matches()
        || targetPort.startsWith("-")
        || targetPort.endsWith("-")
        || targetPort.contains("--")
        || targetPort.chars().noneMatch(Character::isLetter)) {
      problems.add(
          path
              + ".targetPort: '"
              + targetPort
              + "' is neither a port number nor an IANA service name (at most 15 lower-case"
              + " letters, digits and '-')");
    }
  }

  private static void labels(String path, Map<String, String> labels, List<String> problems) {
    labels.forEach(
        (key, value) -> {
          if (!isQualifiedName(key)) {
            problems.add(path + ": key '" + key + "' is not a qualified name");
          }
          if (value == null
              || value.length() > LABEL_MAX
              || !LABEL_VALUE.matcher(value).matches()) {
            problems.add(path + "." + key + ": '" + value + "' is not a valid label value");
          }
        });
  }

  /** A DNS-1123 subdomain, as Kubernetes checks host names: {@code eastwest.example.com}. */
  public static boolean isDnsSubdomain(String value) {
    return value != null
        && !value.isEmpty()
        && value.length() <= 253
        && DNS_1123_SUBDOMAIN.matcher(value).matches();
  }

  /** A label key: an optional DNS subdomain prefix and '/', then a name of at most 63. */
  private static boolean isQualifiedName(String key) {
    int slash = key.indexOf('/');
    String name = slash < 0 ? key : key.substring(slash + 1);
    if (slash >= 0 && !isDnsSubdomain(key.substring(0, slash))) {
      return false;
    }
    return isLabel(LABEL_NAME, name);
  }

  private static boolean isLabel(Pattern pattern, String value) {
    return value != null
        && !value.isEmpty()
        && value.length() <= LABEL_MAX
        && pattern.matcher(value).matches();
  }

  private static List<String> sorted(Set<String> values) {
    return values.stream().sorted().toList();
  }
}
