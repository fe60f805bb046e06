package dev.meshfed.lab.bench;

import dev.meshfed.schema.DiscoveredKinds;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * One change a bench makes to a source cluster's Services, or, grouped, to a VirtualDestination.
 *
 * @param cluster the cluster it is written to (for a VirtualDestination: the one it lives in)
 * @param service the number of the Service in its cluster (svc-N), or of the Service that backs the
 *     VirtualDestination (svc-N.global)
 * @param port the port it has after the change (for a delete: the one it had)
 */
public record BenchChange(Kind kind, String cluster, int service, int port) {

  public enum Kind {
    CREATE,
    PORT_CHANGE,
    DELETE,
    /** Grouped only: a VirtualDestination's port changes (its entry, rule and route everywhere). */
    DESTINATION_PORT_CHANGE
  }

  /** The host whose ServiceEntry the change shows in: the Service's global host, or the VD's. */
  public String host(BenchSize size) {
    if (kind == Kind.DESTINATION_PORT_CHANGE) {
      return GroupedMesh.host(service);
    }
    return serviceName() + "." + namespace(size) + ".svc." + cluster + ".global";
  }

  /**
   * The name of that ServiceEntry: the translator names a Service's after its host, dots as dashes,
   * and a VirtualDestination's {@code vd-<name>-<namespace>}.
   */
  public String entryName(BenchSize size) {
    if (kind == Kind.DESTINATION_PORT_CHANGE) {
      return "vd-" + serviceName() + "-" + namespace(size);
    }
    return host(size).replace('.', '-');
  }

  /** The kind of the object changed, as discovery publishes it. */
  public String discoveredKind() {
    return kind == Kind.DESTINATION_PORT_CHANGE
        ? DiscoveredKinds.VIRTUAL_DESTINATION
        : DiscoveredKinds.SERVICE;
  }

  /** The namespace the Service (or VirtualDestination) is in. */
  public String namespace(BenchSize size) {
    return size.namespaceOf(service);
  }

  /** svc-N: the Service's name, and its VirtualDestination's. */
  public String serviceName() {
    return "svc-" + service;
  }

  /**
   * {@code count} random changes, each valid after the ones before it: a port change or delete
   * picks a Service that exists then; a create adds a new one. Grouped, half the changes are a
   * VirtualDestination's port change instead, of one that some Service still backs then. Seeded, so
   * runs compare.
   */
  public static List<BenchChange> plan(BenchSize size, int count, long seed) {
    Random random = new Random(seed);
    List<String> clusters = size.workloadClusters();
    Map<String, Map<Integer, Integer>> ports = new HashMap<>();
    Map<String, Integer> next = new HashMap<>();
    for (String cluster : clusters) {
      Map<Integer, Integer> existing = new HashMap<>();
      for (int n = 0; n < size.servicesPerCluster(); n++) {
        existing.put(n, BenchMesh.SERVICE_PORT);
      }
      ports.put(cluster, existing);
      next.put(cluster, size.servicesPerCluster());
    }
    Map<Integer, Integer> destinationPorts = new HashMap<>();
    size.virtualDestinationServices().forEach(n -> destinationPorts.put(n, BenchMesh.SERVICE_PORT));
    List<BenchChange> changes = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Optional<BenchChange> grouped =
          size.grouped() && random.nextBoolean()
              ? destinationChange(size, ports, destinationPorts, random)
              : Optional.empty();
      if (grouped.isPresent()) {
        changes.add(grouped.get());
        continue;
      }
      String cluster = clusters.get(random.nextInt(clusters.size()));
      Map<Integer, Integer> existing = ports.get(cluster);
      Kind kind = existing.isEmpty() ? Kind.CREATE : Kind.values()[random.nextInt(3)];
      changes.add(change(kind, cluster, existing, next, random));
    }
    return changes;
  }

  /** A port change of a VirtualDestination some Service still backs; empty if none is. */
  private static Optional<BenchChange> destinationChange(
      BenchSize size,
      Map<String, Map<Integer, Integer>> servicePorts,
      Map<Integer, Integer> destinationPorts,
      Random random) {
    List<Integer> backed =
        destinationPorts.keySet().stream()
            .filter(n -> servicePorts.values().stream().anyMatch(p -> p.containsKey(n)))
            .sorted()
            .toList();
    if (backed.isEmpty()) {
      return Optional.empty();
    }
    int n = backed.get(random.nextInt(backed.size()));
    int port = toggle(destinationPorts.get(n));
    destinationPorts.put(n, port);
    String owner = size.workloadClusters().get(GroupedMesh.owner(size, n));
    return Optional.of(new BenchChange(Kind.DESTINATION_PORT_CHANGE, owner, n, port));
  }

  private static BenchChange change(
      Kind kind,
      String cluster,
      Map<Integer, Integer> existing,
      Map<String, Integer> next,
      Random random) {
    if (kind == Kind.CREATE) {
      int service = next.merge(cluster, 1, Integer::sum) - 1;
      existing.put(service, BenchMesh.SERVICE_PORT);
      return new BenchChange(kind, cluster, service, BenchMesh.SERVICE_PORT);
    }
    List<Integer> numbers = existing.keySet().stream().sorted().toList();
    int service = numbers.get(random.nextInt(numbers.size()));
    if (kind == Kind.DELETE) {
      return new BenchChange(kind, cluster, service, existing.remove(service));
    }
    int port = toggle(existing.get(service));
    existing.put(service, port);
    return new BenchChange(kind, cluster, service, port);
  }

  /** A port change toggles between the bench's port and the next. */
  private static int toggle(int port) {
    return port == BenchMesh.SERVICE_PORT ? BenchMesh.SERVICE_PORT + 1 : BenchMesh.SERVICE_PORT;
  }
}
