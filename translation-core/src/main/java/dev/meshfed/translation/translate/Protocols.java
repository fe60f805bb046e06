package dev.meshfed.translation.translate;

import dev.meshfed.translation.model.ServicePortInput;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Istio's protocol selection: appProtocol first, then the port name's prefix, else TCP. */
public final class Protocols {

  private static final Map<String, String> KNOWN =
      Map.ofEntries(
          Map.entry("http", "HTTP"),
          Map.entry("http2", "HTTP2"),
          Map.entry("https", "HTTPS"),
          Map.entry("grpc", "GRPC"),
          Map.entry("grpc-web", "GRPC"),
          Map.entry("tcp", "TCP"),
          Map.entry("tls", "TLS"),
          Map.entry("mongo", "MONGO"),
          Map.entry("mysql", "TCP"),
          Map.entry("redis", "TCP"),
          Map.entry("kubernetes.io/h2c", "HTTP2"),
          Map.entry("kubernetes.io/ws", "HTTP"),
          Map.entry("kubernetes.io/wss", "HTTPS"));

  private Protocols() {}

  /** Whether Istio carries the Kubernetes port at all: TCP (UDP and SCTP it does not). */
  static boolean carried(ServicePortInput port) {
    return port.protocol() == null || "TCP".equals(port.protocol());
  }

  public static String of(ServicePortInput port) {
    return fromName(port.appProtocol()).or(() -> fromName(prefix(port.name()))).orElse("TCP");
  }

  /** The ServiceEntry port name: the Service's, or one Istio reads the same protocol from. */
  public static String portName(ServicePortInput port) {
    if (port.name() != null && !port.name().isEmpty()) {
      return port.name();
    }
    return of(port).toLowerCase(Locale.ROOT) + "-" + port.port();
  }

  private static Optional<String> fromName(String name) {
    return Optional.ofNullable(name).map(n -> KNOWN.get(n.toLowerCase(Locale.ROOT)));
  }

  private static String prefix(String portName) {
    if (portName == null) {
      return null;
    }
    int dash = portName.indexOf('-');
    return dash < 0 ? portName : portName.substring(0, dash);
  }
}
