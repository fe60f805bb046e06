package dev.meshfed.e2e;

import dev.meshfed.cli.events.EventReader;
import dev.meshfed.cli.events.EventView;
import dev.meshfed.lab.demo.DemoPipeline;
import dev.meshfed.oracle.mesh.ManagedObjects;
import dev.meshfed.testbed.scenario.ManagedObjectDumper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;

/**
 * What the tests under a stream of Service changes check of the federated hosts once converged:
 * where their traffic goes, and that their events tell what the clusters hold.
 */
final class RemoteHosts {

  private RemoteHosts() {}

  /**
   * Through the mesh oracle: from the namespace of the same name in the cluster holding it, every
   * remote entry's host reaches exactly the pods of its Service in the Service's own cluster. (The
   * hosts of the Services deleted meanwhile, by the stream or the fault, are then checked to reach
   * no pod from anywhere.)
   */
  static Traffic reachTheirPods(DemoPipeline pipeline, List<String> workloadClusters) {
    Traffic traffic = Traffic.of(pipeline.clusters().values());
    ManagedObjectDumper dumper = new ManagedObjectDumper(ManagedObjects.managedKinds());
    for (String cluster : workloadClusters) {
      for (GenericKubernetesResource entry :
          dumper.managedObjects(pipeline.clusters().get(cluster).client())) {
        Map<String, String> labels = entry.getMetadata().getLabels();
        Map<String, String> annotations = entry.getMetadata().getAnnotations();
        String source = labels == null ? null : labels.get("meshfed.dev/source-cluster");
        String host = annotations == null ? null : annotations.get("meshfed.dev/host");
        if (!entry.getKind().equals("ServiceEntry") || host == null || cluster.equals(source)) {
          continue;
        }
        String[] name = host.split("\\.");
        Map<?, ?> spec = (Map<?, ?>) entry.getAdditionalProperties().get("spec");
        Map<?, ?> firstPort = (Map<?, ?>) ((List<?>) spec.get("ports")).get(0);
        int port = ((Number) firstPort.get("number")).intValue();
        traffic.reachesFrom(
            cluster + "/" + name[1], host, port, source + "/" + name[1] + "/" + name[0]);
      }
    }
    return traffic;
  }

  /** Host events out of order, or leaving federated what a cluster does not hold. */
  static List<String> eventViolations(DemoPipeline pipeline) {
    HostLifecycle lifecycle = new HostLifecycle();
    Properties kafka = new Properties();
    kafka.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, pipeline.bootstrapServers());
    try (EventReader reader = new EventReader(kafka, false)) {
      reader.read(null, (EventView event) -> lifecycle.accept(event));
    }
    List<String> violations = new ArrayList<>(lifecycle.violations());
    ManagedObjectDumper dumper = new ManagedObjectDumper(ManagedObjects.managedKinds());
    pipeline
        .clusters()
        .forEach(
            (cluster, simulated) -> {
              java.util.SortedSet<String> held = new java.util.TreeSet<>();
              for (GenericKubernetesResource o : dumper.managedObjects(simulated.client())) {
                String host =
                    o.getMetadata().getAnnotations() == null
                        ? null
                        : o.getMetadata().getAnnotations().get("meshfed.dev/host");
                if (host != null) {
                  held.add(host);
                }
              }
              if (!lifecycle.federatedInto(cluster).equals(held)) {
                violations.add(
                    "events leave federated into " + cluster + " other hosts than it holds");
              }
            });
    return violations;
  }
}
