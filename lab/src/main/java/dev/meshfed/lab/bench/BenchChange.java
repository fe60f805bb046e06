package dev.meshfed.lab.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * One change a bench makes to a source cluster's Services.
 *
 * @param service the number of the Service in its cluster (svc-N)
 * @param port the port it has after the change (for a delete: the one it had)
 */
public record BenchChange(Kind kind, String cluster, int service, int port) {

  public enum Kind {
    CREATE,
    PORT_CHANGE,
    DELETE
  }

  /** The global host of the Service, in the bench mesh. */
  public String host(BenchSize size) {
    return serviceName() + "." + namespace(size) + ".svc." + cluster + ".global";
  }

  /** The namespace the Service is in. */
  public String namespace(BenchSize size) {
    return size.namespaceNames().get(service % size.namespaces());
  }

  public String serviceName() {
    return "svc-" + service;
  }

  /**
   * {@code count} random changes, each valid after the ones before it: a port change or delete
   * picks a Service that exists then; a create adds a new one. Seeded, so runs compare.
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
    List<BenchChange> changes = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String cluster = clusters.get(random.nextInt(clusters.size()));
      Map<Integer, Integer> existing = ports.get(cluster);
      Kind kind = existing.isEmpty() ? Kind.CREATE : Kind.values()[random.nextInt(3)];
      changes.add(change(kind, cluster, existing, next, random));
    }
    return changes;
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
    int port =
        existing.get(service) == BenchMesh.SERVICE_PORT
            ? BenchMesh.SERVICE_PORT + 1
            : BenchMesh.SERVICE_PORT;
    existing.put(service, port);
    return new BenchChange(kind, cluster, service, port);
  }
}
