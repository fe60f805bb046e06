package dev.meshfed.lab.demo;

import dev.meshfed.cli.MeshfedHome;
import dev.meshfed.testbed.SimulatedCluster;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The service processes of a demo pipeline, as the layout asks: one translation-service, and a
 * discovery-service and a distribution-service per cluster or shared by all, each with its own
 * Kafka login.
 */
final class ServiceProcesses {

  static final String TRANSLATION = "translation-service";

  private final MeshfedHome home;
  private final Path workDir;
  private final Map<String, SimulatedCluster> clusters;
  private final KafkaLogins logins;
  private final ServiceJvm jvm;
  private int translationPartitions = 1;

  ServiceProcesses(
      MeshfedHome home,
      Path workDir,
      Map<String, SimulatedCluster> clusters,
      KafkaLogins logins,
      ServiceJvm jvm) {
    this.home = home;
    this.workDir = workDir.toAbsolutePath(); // the services run in their jars' directories
    this.clusters = clusters;
    this.logins = logins;
    this.jvm = jvm;
  }

  /** How many ways the translation-services split the units: for instances defined from now on. */
  void translationPartitions(int partitions) {
    this.translationPartitions = partitions;
  }

  /** A kubeconfig with just this cluster: what its discovery and distribution processes use. */
  static Path clusterKubeconfig(Path workDir, String cluster) {
    return workDir.resolve("kubeconfigs").resolve(cluster);
  }

  /** The processes by name: {@code translation-service}, {@code discovery-service/<cluster>}, … */
  Map<String, ServiceProcess> define(ServiceLayout layout) {
    Map<String, ServiceProcess> processes = new LinkedHashMap<>();
    processes.put(TRANSLATION, translation(TRANSLATION, "translation-state"));
    for (String service : List.of("discovery-service", "distribution-service")) {
      if (layout == ServiceLayout.SHARED) {
        processes.put(service, sharedProcess(service));
      } else {
        for (SimulatedCluster cluster : clusters.values()) {
          processes.put(service + "/" + cluster.name(), perClusterProcess(service, cluster));
        }
      }
    }
    return processes;
  }

  /**
   * A translation-service instance: its own state directory, and its name as the prefix of its
   * Kafka clients' ids, which tells the instances apart in the consumer group. Each keeps a standby
   * of the task it does not run, as {@code k8s/} configures them.
   */
  ServiceProcess translation(String name, String stateDirectory) {
    return process(
        name,
        TRANSLATION,
        with(
            logins.translation(DemoPipeline.TRANSLATION_APP_ID),
            Map.of(
                "quarkus.kafka-streams.application-id",
                DemoPipeline.TRANSLATION_APP_ID,
                "kafka-streams.state.dir",
                workDir.resolve(stateDirectory).toString(),
                "kafka-streams.client.id",
                name,
                "kafka-streams.num.standby.replicas",
                "1",
                "meshfed.translation.partitions",
                String.valueOf(translationPartitions))),
        log(name));
  }

  private ServiceProcess perClusterProcess(String service, SimulatedCluster cluster) {
    return process(
        service + "/" + cluster.name(),
        service,
        with(
            login(service, List.of(cluster.name())),
            Map.of(
                "meshfed.cluster",
                cluster.name(),
                "quarkus.kubernetes-client.api-server-url",
                cluster.url(),
                "quarkus.kubernetes-client.trust-certs",
                "true")),
        log(service + "-" + cluster.name()));
  }

  /** Multi-cluster mode: each cluster through its own kubeconfig, as its credentials. */
  private ServiceProcess sharedProcess(String service) {
    Map<String, String> properties =
        new LinkedHashMap<>(login(service, List.copyOf(clusters.keySet())));
    for (String cluster : clusters.keySet()) {
      properties.put(
          "meshfed.clusters." + cluster + ".kubeconfig",
          clusterKubeconfig(workDir, cluster).toString());
    }
    return process(service, service, properties, log(service));
  }

  private ServiceProcess process(
      String name, String service, Map<String, String> properties, Path log) {
    Path jar = home.serviceJar(service);
    return new ServiceProcess(name, jar, properties, log, jvm.options(), jvm.archive(jar));
  }

  private Map<String, String> login(String service, List<String> served) {
    return service.equals("discovery-service")
        ? logins.discovery(served)
        : logins.distribution(served);
  }

  private Path log(String name) {
    return workDir.resolve("logs").resolve(name + ".log");
  }

  private static Map<String, String> with(Map<String, String> kafka, Map<String, String> more) {
    Map<String, String> properties = new LinkedHashMap<>(kafka);
    properties.putAll(more);
    return properties;
  }
}
