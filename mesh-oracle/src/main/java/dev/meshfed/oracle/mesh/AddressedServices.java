package dev.meshfed.oracle.mesh;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A request made to an IP address rather than a name: which ServiceEntry of the client's registry
 * takes it, by its {@code addresses} (convertServices makes one service per address, a CIDR block
 * kept as written, a block of one address turned into that IP). A TCP or TLS port's outbound
 * listener matches the destination by the service address, a block by its prefix, the longest first
 * (buildSidecarOutboundListeners; Envoy's filter chain match on destination prefix ranges); an HTTP
 * port's request is matched by its Host header against the virtual host domains, which hold the
 * service address as text (generateVirtualHostDomains), so only a single address does. With
 * resolution NONE and no endpoints, the connection goes to the address it was made to (an
 * ORIGINAL_DST cluster); a request by the entry's host goes to the address the proxy's DNS answered
 * it with, the entry's first single address (rule 2).
 */
final class AddressedServices {

  private static final Pattern IP_LITERAL =
      Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");
  private static final Set<String> HTTP_PROTOCOLS = Set.of("HTTP", "HTTP2", "GRPC", "GRPC-WEB");

  private AddressedServices() {}

  static boolean isIp(String host) {
    return IP_LITERAL.matcher(host).matches() && parse(host).isPresent();
  }

  /** The services whose addresses take a request to {@code ip:port}. */
  static List<MeshService> matching(List<MeshService> registry, String ip, int port) {
    return registry.stream()
        .filter(s -> !s.isKubernetes())
        .filter(s -> prefixLength(s, ip, port) >= 0)
        .toList();
  }

  /** Of the services one request to {@code ip:port} matches, the most specific first. */
  static Comparator<MeshService> specificity(String ip, int port) {
    return Comparator.comparingInt((MeshService s) -> -prefixLength(s, ip, port));
  }

  /**
   * The endpoint of a NONE entry without endpoints or selector: the address the connection was made
   * to and its port (the targetPort is not used).
   */
  static Optional<Endpoint> originalDestination(Request request, MeshService service) {
    if (!service.resolution().equals("NONE")
        || service.selector().isPresent()
        || !service.staticEndpoints().isEmpty()) {
      return Optional.empty();
    }
    Optional<String> address =
        isIp(request.host())
            ? Optional.of(request.host())
            : service.addresses().stream().filter(a -> single(a)).findFirst().map(a -> ip(a));
    return address.map(
        a -> new Endpoint(Optional.empty(), a, request.port(), java.util.Map.of(), "", "", ""));
  }

  /** How many bits of the best address of the service match; -1: none takes the request. */
  private static int prefixLength(MeshService service, String ip, int port) {
    Optional<MeshPort> servicePort = service.port(port);
    if (servicePort.isEmpty()) {
      return -1;
    }
    boolean http = HTTP_PROTOCOLS.contains(servicePort.get().protocol().toUpperCase());
    int best = -1;
    for (String address : service.addresses()) {
      if (http && !(single(address) && same(ip(address), ip))) {
        continue;
      }
      best = Math.max(best, contains(address, ip));
    }
    return best;
  }

  /** The prefix length of a block (a single address: all bits) holding {@code ip}, else -1. */
  private static int contains(String block, String ip) {
    Optional<byte[]> network = parse(ip(block));
    Optional<byte[]> target = parse(ip);
    if (network.isEmpty() || target.isEmpty() || network.get().length != target.get().length) {
      return -1;
    }
    int bits = network.get().length * 8;
    int prefix =
        block.contains("/") ? Integer.parseInt(block.substring(block.indexOf('/') + 1)) : bits;
    BigInteger a = new BigInteger(1, network.get()).shiftRight(bits - prefix);
    BigInteger b = new BigInteger(1, target.get()).shiftRight(bits - prefix);
    return a.equals(b) ? prefix : -1;
  }

  private static boolean single(String address) {
    if (!address.contains("/")) {
      return true;
    }
    String bits = address.substring(address.indexOf('/') + 1);
    return bits.equals(address.contains(":") ? "128" : "32");
  }

  private static String ip(String address) {
    int slash = address.indexOf('/');
    return slash < 0 ? address : address.substring(0, slash);
  }

  private static boolean same(String a, String b) {
    return parse(a).map(x -> java.util.Arrays.equals(x, parse(b).orElse(null))).orElse(false);
  }

  /** An IP literal's bytes; never a name lookup, the literal being checked first. */
  private static Optional<byte[]> parse(String literal) {
    if (!IP_LITERAL.matcher(literal).matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(InetAddress.getByName(literal).getAddress());
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }
}
