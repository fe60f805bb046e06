package dev.meshfed.oracle.istio;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The checks Istio's webhook shares between kinds: host names, ports, protocols, labels and
 * exportTo. Each cites the Istio 1.24 function (pkg/config/validation, pkg/config/labels) it
 * follows.
 */
final class IstioNames {

  private static final Pattern DNS1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  // labels.IsDNS1123Label allows upper case: Istio's own regexp is case-insensitive
  private static final Pattern ISTIO_DNS_LABEL =
      Pattern.compile("[a-zA-Z0-9]([-a-zA-Z0-9]*[a-zA-Z0-9])?");
  private static final Pattern LABEL_NAME =
      Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  /** protocol.Parse: the names Istio knows (case-insensitive); anything else is Unsupported. */
  private static final Set<String> PROTOCOLS =
      Set.of(
          "GRPC",
          "GRPC-WEB",
          "HTTP",
          "HTTP_PROXY",
          "HTTP2",
          "HTTPS",
          "TCP",
          "TLS",
          "UDP",
          "MONGO",
          "REDIS",
          "MYSQL");

  private IstioNames() {}

  /** validation.ValidateWildcardDomain: {@code *}, {@code *.a.b} or a DNS name, 255 at most. */
  static void wildcardDomain(String field, String host, FieldErrors errors) {
    if (host.isEmpty() || host.length() > 255) {
      errors.invalid(field, host, "domain name must be 1 to 255 characters");
      return;
    }
    String rest = host;
    if (rest.startsWith("*")) {
      rest = rest.substring(1);
      if (rest.isEmpty()) {
        return;
      }
      if (!rest.startsWith(".")) {
        errors.invalid(field, host, "wildcard may only be the first label: *.example.com");
        return;
      }
      rest = rest.substring(1);
    }
    dnsLabels(field, host, rest, errors);
  }

  /** validation.ValidateFQDN: a DNS name without wildcard, whose top-level label is not numeric. */
  static boolean isFqdn(String host) {
    FieldErrors probe = new FieldErrors();
    if (host.isEmpty() || host.length() > 255 || host.contains("*")) {
      return false;
    }
    dnsLabels("", host, host, probe);
    return probe.isEmpty();
  }

  /** validation.validateDNS1123Labels. */
  private static void dnsLabels(String field, String host, String domain, FieldErrors errors) {
    String trimmed = domain.endsWith(".") ? domain.substring(0, domain.length() - 1) : domain;
    String[] labels = trimmed.split("\\.", -1);
    for (String label : labels) {
      if (label.length() > 63 || !ISTIO_DNS_LABEL.matcher(label).matches()) {
        errors.invalid(field, host, "label \"" + label + "\" is not a DNS-1123 label");
        return;
      }
    }
    if (labels[labels.length - 1].chars().allMatch(Character::isDigit)) {
      errors.invalid(field, host, "top level domain cannot be all-numeric");
    }
  }

  /** validation.ValidatePort: 1 to 65535. */
  static void port(String field, JsonNode number, FieldErrors errors) {
    if (!number.canConvertToInt() || number.asInt() < 1 || number.asInt() > 65535) {
      errors.invalid(field, number, "port number must be in the range 1..65535");
    }
  }

  /** validation.ValidatePortName: a DNS-1123 label (labels.IsDNS1123Label). */
  static void portName(String field, String name, FieldErrors errors) {
    if (name.length() > 63 || !ISTIO_DNS_LABEL.matcher(name).matches()) {
      errors.invalid(field, name, "invalid port name");
    }
  }

  /** validation.ValidateProtocol: empty (sniffed) or a protocol.Parse knows. */
  static void protocol(String field, String protocol, FieldErrors errors) {
    if (!protocol.isEmpty() && !PROTOCOLS.contains(protocol.toUpperCase())) {
      errors.unsupported(field, protocol, PROTOCOLS.stream().sorted().toList());
    }
  }

  /** labels.Instance.Validate: qualified label names ({@code prefix/name}) and label values. */
  static void labels(String field, JsonNode labels, FieldErrors errors) {
    labels
        .fields()
        .forEachRemaining(
            label -> {
              String key = label.getKey();
              String name = key.contains("/") ? key.substring(key.indexOf('/') + 1) : key;
              String prefix = key.contains("/") ? key.substring(0, key.indexOf('/')) : null;
              if (name.length() > 63
                  || !LABEL_NAME.matcher(name).matches()
                  || (prefix != null && !isDns1123Subdomain(prefix))) {
                errors.invalid(field, key, "invalid label name");
              }
              String value = label.getValue().asText();
              if (value.length() > 63
                  || (!value.isEmpty() && !LABEL_NAME.matcher(value).matches())) {
                errors.invalid(field + "[" + key + "]", value, "invalid label value");
              }
            });
  }

  /**
   * validation.validateExportTo: {@code .}, {@code *}, {@code ~} (ServiceEntry only) or namespace
   * names; {@code *} and {@code ~} stand alone; no value twice, and {@code .} counts as the
   * object's own namespace.
   */
  static void exportTo(
      String field, JsonNode exportTo, String namespace, boolean allowNone, FieldErrors errors) {
    Set<String> seen = new HashSet<>();
    boolean everyOrNone = false;
    for (JsonNode item : exportTo) {
      String value = item.asText();
      String resolved = value.equals(".") ? namespace : value;
      if (!seen.add(resolved)) {
        errors.duplicate(field, value);
        continue;
      }
      if (value.equals("*") || (allowNone && value.equals("~"))) {
        everyOrNone = true;
      } else if (!value.equals(".") && !isDns1123Label(value)) {
        errors.invalid(
            field,
            value,
            "not a valid exportTo value: '.', '*'"
                + (allowNone ? ", '~'" : "")
                + " or a namespace name");
      }
    }
    if (everyOrNone && exportTo.size() > 1) {
      errors.invalid(field, exportTo, "'*' or '~' cannot be combined with other values");
    }
  }

  /** netutil.IsValidIPAddress: an IPv4 or IPv6 literal (parsed without any DNS lookup). */
  static boolean isIpAddress(String address) {
    if (IPV4.matcher(address).matches()) {
      for (String octet : address.split("\\.")) {
        if (Integer.parseInt(octet) > 255) {
          return false;
        }
      }
      return true;
    }
    if (!address.contains(":") || !address.matches("[0-9a-fA-F:.]+")) {
      return false;
    }
    try {
      // a literal with ':' is parsed as IPv6, never resolved
      InetAddress.getByName(address);
      return true;
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /** validation.ValidateIPSubnet: an IP address or a CIDR block. */
  static void ipOrSubnet(String field, String value, FieldErrors errors) {
    List<String> parts = List.of(value.split("/", -1));
    boolean valid =
        isIpAddress(parts.get(0))
            && (parts.size() == 1
                || (parts.size() == 2
                    && parts.get(1).matches("\\d{1,3}")
                    && Integer.parseInt(parts.get(1)) <= (parts.get(0).contains(":") ? 128 : 32)));
    if (!valid) {
      errors.invalid(field, value, "not a valid IP address or CIDR block");
    }
  }

  static boolean isDns1123Label(String value) {
    return value.length() <= 63 && DNS1123_LABEL.matcher(value).matches();
  }

  static boolean isDns1123Subdomain(String value) {
    if (value.isEmpty() || value.length() > 253) {
      return false;
    }
    for (String label : value.split("\\.", -1)) {
      if (!DNS1123_LABEL.matcher(label).matches()) {
        return false;
      }
    }
    return true;
  }
}
