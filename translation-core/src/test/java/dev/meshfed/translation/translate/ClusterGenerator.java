package dev.meshfed.translation.translate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The discovered objects of one generated cluster: namespaces, at most one istiod (of a random
 * version, sometimes revisioned) with its mesh config, east-west gateways reached by load-balancer
 * IP, DNS name or node port, and Services with 1 to 4 valid ports, some with workloads.
 */
final class ClusterGenerator extends RandomObjects {

  /** The Istio minor versions control planes run. */
  static final List<String> ISTIO_VERSIONS =
      List.of("1.11", "1.15", "1.19", "1.20", "1.22", "1.24");

  static final List<String> PORT_NAMES =
      words(
          "http http-web grpc grpc-web tcp tls https http2 mongo redis metrics tcp-db udp-dns web");
  private static final List<String> APP_PROTOCOLS =
      words("http http2 grpc tcp tls https mongo redis kubernetes.io/h2c kubernetes.io/ws mysql");

  ClusterGenerator(Random random) {
    super(random);
  }

  /** Adds the cluster's objects; returns the namespaces (of {@code namespacePool}) it has. */
  List<String> clusterContent(ArrayNode objects, String cluster, List<String> namespacePool) {
    List<String> namespaces = new ArrayList<>();
    for (String namespace : namespacePool) {
      if (chance(0.7)) {
        namespaces.add(namespace);
        ObjectNode ns = add(objects, object("Namespace", "", namespace));
        if (chance(0.3)) {
          ns.putObject("labels").put("tenant", pick(List.of("x", "y")));
        }
      }
    }
    ObjectNode istioNamespace = add(objects, object("Namespace", "", ISTIO_NAMESPACE));
    if (chance(0.2)) {
      istioNamespace.putObject("labels").put(ClusterMesh.NETWORK_LABEL, name("net"));
    }
    if (chance(0.88)) {
      String revision = chance(0.25) ? "rev-" + random.nextInt(3) : null;
      ObjectNode controlPlane =
          object(
              "ControlPlane", ISTIO_NAMESPACE, revision == null ? "istiod" : "istiod-" + revision);
      String minor = pick(ISTIO_VERSIONS);
      controlPlane.put("version", chance(0.2) ? minor : minor + "." + random.nextInt(9));
      objects.add(revision == null ? controlPlane : controlPlane.put("revision", revision));
      if (chance(0.5)) {
        objects.add(meshConfig(cluster, revision));
      }
    }
    for (int i = chance(0.85) ? 1 + random.nextInt(2) : 0; i > 0; i--) {
      gateway(objects, cluster, i);
    }
    for (String namespace : namespaces) {
      Set<String> names = new LinkedHashSet<>();
      for (int i = random.nextInt(4); i > 0; i--) {
        service(objects, namespace, names);
      }
    }
    return namespaces;
  }

  private ObjectNode meshConfig(String cluster, String revision) {
    ObjectNode config =
        object("MeshConfig", ISTIO_NAMESPACE, revision == null ? "istio" : "istio-" + revision);
    config.put("revision", revision == null ? "default" : revision);
    switch (random.nextInt(4)) {
      case 0 -> config.put("trustDomain", "cluster.local");
      case 1 -> config.put("trustDomain", cluster + ".example.com");
      case 2 -> config.put("trustDomain", name("td") + ".local");
      default -> {
        // Istio's default
      }
    }
    ArrayNode aliases = config.putArray("trustDomainAliases");
    for (int i = random.nextInt(3); i > 0; i--) {
      aliases.add(chance(0.5) ? "cluster.local" : name("old") + ".example.com");
    }
    if (chance(0.3)) {
      config.put("meshId", name("mesh"));
    }
    return config;
  }

  private void gateway(ArrayNode objects, String cluster, int index) {
    boolean tenant = chance(0.3);
    String namespace = tenant && chance(0.5) ? "tenant-gateways" : ISTIO_NAMESPACE;
    ObjectNode gateway =
        object("EastWestGateway", namespace, index == 1 ? "istio-eastwestgateway" : name("ew"));
    ObjectNode labels = gateway.putObject("labels").put("istio", "eastwestgateway");
    if (tenant) {
      labels.put("tenant", "a");
    }
    gateway
        .putObject("selector")
        .put("istio", tenant ? "tenant-eastwestgateway" : "eastwestgateway");
    if (chance(0.92)) {
      gateway.put("tlsPort", chance(0.7) ? 15443 : 1024 + random.nextInt(60000));
    }
    if (chance(0.15)) {
      gateway.put("network", name("net"));
    }
    switch (random.nextInt(3)) {
      case 0 -> gateway.put("address", "10." + random.nextInt(256) + ".0." + (1 + index));
      case 1 -> gateway.put("address", "eastwest-" + index + "." + cluster + ".example.com");
      default -> {
        gateway.put("nodePort", 30000 + random.nextInt(2768));
        for (int i = random.nextInt(4); i > 0; i--) {
          ObjectNode node = object("Node", "", "node-" + index + "-" + i);
          ObjectNode addresses = node.putObject("addresses");
          if (chance(0.6)) {
            addresses.put("ExternalIP", "192.168." + random.nextInt(256) + "." + (10 + i));
          }
          if (chance(0.6)) {
            addresses.put("InternalIP", "10.1." + random.nextInt(256) + "." + (10 + i));
          }
          objects.add(node.put("ready", chance(0.7)));
        }
      }
    }
    objects.add(gateway);
  }

  private void service(ArrayNode objects, String namespace, Set<String> taken) {
    String name = chance(0.3) ? pick(List.of("reviews", "ratings", "details")) : name("svc");
    if (!taken.add(name)) {
      return;
    }
    ObjectNode service = object("Service", namespace, name);
    // an API server stamps every object: the oldest claim wins, and a real one is never unstamped
    service.put("creationTimestamp", "2026-01-0" + (1 + random.nextInt(9)) + "T00:00:00Z");
    if (chance(0.2)) {
      service.put("type", pick(List.of("NodePort", "LoadBalancer")));
    }
    if (chance(0.3)) {
      service.putObject("labels").put("federate", "yes");
    }
    boolean selector = chance(0.8);
    if (selector) {
      service.putObject("selector").put("app", name);
    }
    int count = 1 + random.nextInt(4);
    Set<String> names = new LinkedHashSet<>();
    Set<Integer> numbers = new LinkedHashSet<>();
    ArrayNode ports = service.putArray("ports");
    while (ports.size() < count) {
      String portName = pick(PORT_NAMES) + (chance(0.2) ? "-" + random.nextInt(10) : "");
      int number =
          chance(0.5) ? pick(List.of(80, 443, 8080, 9080, 7000, 15443)) : 1 + random.nextInt(65535);
      if (!numbers.add(number) || !names.add(portName)) {
        continue;
      }
      ObjectNode port = ports.addObject().put("port", number);
      if (count > 1 || chance(0.7)) {
        port.put("name", portName);
      }
      if (chance(0.15)) {
        port.put("protocol", "UDP");
      }
      if (chance(0.2)) {
        port.put("appProtocol", pick(APP_PROTOCOLS));
      }
      switch (random.nextInt(3)) {
        case 0 -> port.put("targetPort", String.valueOf(1 + random.nextInt(65535)));
        case 1 -> port.put("targetPort", pick(List.of("http", "metrics", "grpc-api", "web8080")));
        default -> {
          // the port itself
        }
      }
    }
    objects.add(service);
    if (selector && chance(0.4)) {
      ObjectNode workload = object("Deployment", namespace, name + "-v1");
      workload.put("serviceAccount", chance(0.5) ? "default" : namespace + "-" + name);
      workload.putObject("podLabels").put("app", name).put("version", "v1");
      objects.add(workload);
    }
  }
}
