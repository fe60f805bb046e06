package dev.meshfed.lab.demo;

import dev.meshfed.cli.MeshfedHome;
import dev.meshfed.testbed.SimulatedCluster;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;

/** The demo's simulated clusters, each serving Istio's and meshfed's CRDs. */
final class DemoClusters {

  private DemoClusters() {}

  /** Starts the clusters in order, the CRDs created in each. */
  static Map<String, SimulatedCluster> start(MeshfedHome home, List<String> clusterNames) {
    Map<String, SimulatedCluster> started = new LinkedHashMap<>();
    List<HasMetadata> crds = null;
    for (String name : clusterNames) {
      SimulatedCluster cluster = SimulatedCluster.start(name);
      started.put(name, cluster);
      if (crds == null) {
        crds = readCrds(home, cluster.client());
      }
      crds.forEach(crd -> cluster.client().resource(crd).create());
    }
    return started;
  }

  /** What a start on another thread returned, or the exception it threw, unwrapped. */
  static <T> T joined(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }

  /** Istio's and meshfed's CRDs, read once for every cluster. */
  private static List<HasMetadata> readCrds(MeshfedHome home, KubernetesClient parser) {
    List<HasMetadata> crds = new ArrayList<>();
    try (Stream<Path> files = Files.list(home.crds())) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        try (InputStream in = Files.newInputStream(file)) {
          crds.addAll(parser.load(in).items());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the CRDs in " + home.crds(), e);
    }
    return crds;
  }
}
