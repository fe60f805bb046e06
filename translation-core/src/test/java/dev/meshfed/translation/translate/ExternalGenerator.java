package dev.meshfed.translation.translate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Random;

/**
 * ExternalServices of a generated cluster's namespace, by hosts, by addresses (single IPv4 or IPv6
 * addresses, CIDR blocks) or both, some with ExternalEndpoints (by IP or DNS name) and TLS
 * origination, and VirtualDestinations backed by them, with or without services. Its own source of
 * randomness, so that the rest of a seed's mesh stays as it was.
 */
final class ExternalGenerator extends RandomObjects {

  private static final List<String> ADDRESSES =
      words("192.0.2.10 192.0.2.11 198.51.100.0/24 2001:db8::10 203.0.113.0/28 10.0.0.7/32");
  private static final List<String> PROTOCOLS = words("HTTP TCP TLS HTTPS HTTP2 GRPC");

  ExternalGenerator(Random random) {
    super(random);
  }

  void add(ArrayNode objects, List<String> namespaces) {
    if (namespaces.isEmpty() || !chance(0.5)) {
      return;
    }
    String namespace = pick(namespaces);
    String es = name("es");
    objects.add(externalService(namespace, es));
    for (int i = random.nextInt(3); i > 0; i--) {
      ObjectNode endpoint = object("ExternalEndpoint", namespace, name("ep"));
      endpoint.put("address", chance(0.6) ? "203.0.113." + (1 + i) : name("ext") + ".example");
      endpoint.putArray("ports").addObject().put("name", "p9080").put("number", 8080 + i);
      endpoint.putObject("labels").put("app", es);
      objects.add(endpoint);
    }
    if (chance(0.7)) {
      ObjectNode vd = object("VirtualDestination", namespace, name("vd"));
      vd.put("creationTimestamp", "2026-01-02T00:00:00Z");
      vd.putArray("hosts").add(name("vd") + ".global");
      if (chance(0.5)) {
        vd.putArray("services").addObject().put("name", "reviews");
      }
      vd.putArray("externalServices").addObject().put("name", es);
      vd.putArray("ports").addObject().put("number", 9080).put("protocol", pick(PROTOCOLS));
      objects.add(vd);
    }
  }

  private ObjectNode externalService(String namespace, String name) {
    ObjectNode es = object("ExternalService", namespace, name);
    es.put("creationTimestamp", "2026-01-02T00:00:00Z");
    int shape = random.nextInt(3);
    if (shape != 1) {
      es.putArray("hosts").add(name + ".example.com");
    }
    if (shape != 0) {
      ArrayNode addresses = es.putArray("addresses");
      for (int i = 1 + random.nextInt(2); i > 0; i--) {
        String address = pick(ADDRESSES);
        if (!addresses.toString().contains("\"" + address + "\"")) {
          addresses.add(address);
        }
      }
    }
    ArrayNode ports = es.putArray("ports");
    ObjectNode port = ports.addObject().put("number", 9080).put("name", "p9080");
    boolean tls = chance(0.25);
    port.put("protocol", tls ? "HTTPS" : pick(PROTOCOLS));
    if (tls) {
      port.put("clientsideTls", true).put("targetPort", "443");
    } else if (chance(0.3)) {
      port.put("targetPort", chance(0.5) ? "9443" : "p9080");
    }
    if (chance(0.3)) {
      ports.addObject().put("number", 443).put("name", "tls").put("protocol", "TLS");
    }
    if (chance(0.5)) {
      es.putObject("selector").put("app", name);
    }
    if (chance(0.4)) {
      es.putArray("subjectAltNames").add(name + ".example.com");
    }
    return es;
  }
}
