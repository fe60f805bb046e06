package dev.meshfed.cli.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.meshfed.oracle.mesh.ClusterObjects;
import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Where check reads a mesh from: live clusters, or directories of YAML, one folder a cluster. */
public final class MeshSources {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private MeshSources() {}

  /**
   * Every context of a kubeconfig (or the named ones) as a cluster of that name, read live.
   *
   * @throws IllegalArgumentException for a kubeconfig that cannot be read or lacks a context
   */
  public static Map<String, List<JsonNode>> fromKubeconfig(Path kubeconfig, List<String> contexts)
      throws IOException {
    String content = Files.readString(kubeconfig);
    List<String> names = contexts;
    if (names.isEmpty()) {
      names =
          Config.fromKubeconfig(null, content, kubeconfig.toString()).getContexts().stream()
              .map(NamedContext::getName)
              .toList();
    }
    Map<String, List<JsonNode>> objects = new TreeMap<>();
    for (String context : names) {
      Config config = Config.fromKubeconfig(context, content, kubeconfig.toString());
      if (config.getCurrentContext() == null
          || !context.equals(config.getCurrentContext().getName())) {
        throw new IllegalArgumentException(
            "kubeconfig " + kubeconfig + " has no context " + context);
      }
      try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build()) {
        objects.put(context, ClusterObjects.read(client));
      }
    }
    return objects;
  }

  /**
   * The YAML files under each directory, by the name of the cluster folder directly under it (a
   * scenario's inputs, a {@code demo --dump} step): several directories add up per cluster.
   */
  public static Map<String, List<JsonNode>> fromDirectories(List<Path> directories)
      throws IOException {
    Map<String, List<JsonNode>> objects = new TreeMap<>();
    for (Path directory : directories) {
      try (Stream<Path> clusters = Files.list(directory)) {
        for (Path cluster : clusters.filter(Files::isDirectory).sorted().toList()) {
          List<JsonNode> list =
              objects.computeIfAbsent(cluster.getFileName().toString(), c -> new ArrayList<>());
          list.addAll(yamlUnder(cluster));
        }
      }
    }
    return objects;
  }

  private static List<JsonNode> yamlUnder(Path dir) throws IOException {
    List<JsonNode> documents = new ArrayList<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.filter(MeshSources::isYaml).sorted().toList()) {
        try (YAMLParser parser =
            ((YAMLFactory) YAML.getFactory()).createParser(Files.readString(file))) {
          YAML.readValues(parser, JsonNode.class)
              .forEachRemaining(
                  document -> {
                    if (document != null && document.has("kind")) {
                      documents.add(document);
                    }
                  });
        } catch (IOException e) {
          throw new IOException("cannot read " + file + ": " + e.getMessage(), e);
        }
      }
    }
    return documents;
  }

  private static boolean isYaml(Path file) {
    String name = file.getFileName().toString();
    return Files.isRegularFile(file) && (name.endsWith(".yaml") || name.endsWith(".yml"));
  }
}
