package dev.meshfed.oracle.mesh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/** Hand-written meshes for oracle tests: the workshop's two clusters plus each case's objects. */
final class MeshFixture {

  private static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory());

  private final Map<String, List<JsonNode>> objects = new LinkedHashMap<>();

  /**
   * cluster1 (Istio 1.11, trust domain cluster1, namespaces bookinfo with productpage, and web) and
   * cluster2 (Istio 1.24, trust domain cluster2, bookinfo with reviews: two reviews-v3 pods), both
   * with proxy DNS and an east-west gateway, as the Gloo Mesh workshop installs them.
   */
  static MeshFixture workshop() {
    MeshFixture fixture = new MeshFixture();
    fixture.objects.put("cluster1", resource("/mesh/workshop-cluster1.yaml"));
    fixture.objects.put("cluster2", resource("/mesh/workshop-cluster2.yaml"));
    return fixture;
  }

  /**
   * Grouped federation's worked example (docs/design/grouped-federation.md): cluster1 (Istio 1.11,
   * us-east/a, gateway 172.18.0.10, reviews v1 and v2) and cluster2 (Istio 1.24, us-west/b, gateway
   * 172.18.0.20, reviews v3), both with istiod's PILOT_ENABLE_K8S_SELECT_WORKLOAD_ENTRIES false,
   * and in each the design's ServiceEntry, WorkloadEntries and DestinationRule for {@code
   * reviews.global}.
   */
  static MeshFixture groupedFederation() {
    MeshFixture fixture = new MeshFixture();
    for (String cluster : List.of("cluster1", "cluster2")) {
      List<JsonNode> objects = resource("/mesh/grouped-" + cluster + ".yaml");
      objects.addAll(resource("/mesh/grouped-output-" + cluster + ".yaml"));
      fixture.objects.put(cluster, objects);
    }
    return fixture;
  }

  MeshFixture with(String cluster, String yaml) {
    objects.computeIfAbsent(cluster, c -> new ArrayList<>()).addAll(parse(yaml));
    return this;
  }

  MeshFixture without(String cluster, String kind, String name) {
    objects.get(cluster).removeIf(o -> Json.kind(o).equals(kind) && Json.name(o).equals(name));
    return this;
  }

  /** Changes a copy of a cluster's object of that kind and name in place of it. */
  MeshFixture edit(String cluster, String kind, String name, Consumer<ObjectNode> change) {
    List<JsonNode> list = objects.get(cluster);
    for (int i = 0; i < list.size(); i++) {
      JsonNode object = list.get(i);
      if (Json.kind(object).equals(kind) && Json.name(object).equals(name)) {
        ObjectNode copy = object.deepCopy();
        change.accept(copy);
        list.set(i, copy);
        return this;
      }
    }
    throw new IllegalArgumentException("no " + kind + " " + name + " in " + cluster);
  }

  /** A cluster's istiod with an environment variable set, or removed when {@code value} is null. */
  MeshFixture istiodEnv(String cluster, String name, String value) {
    return edit(
        cluster,
        "Deployment",
        "istiod",
        istiod -> {
          ArrayNode env =
              (ArrayNode) istiod.at("/spec/template/spec/containers/0").withArray("env");
          for (int i = env.size() - 1; i >= 0; i--) {
            if (env.get(i).path("name").asText().equals(name)) {
              env.remove(i);
            }
          }
          if (value != null) {
            env.addObject().put("name", name).put("value", value);
          }
        });
  }

  /** A cluster's istiod running another Istio release ({@code 1.24.2}). */
  MeshFixture istioVersion(String cluster, String version) {
    return edit(
        cluster,
        "Deployment",
        "istiod",
        istiod ->
            ((ObjectNode) istiod.at("/spec/template/spec/containers/0"))
                .put("image", "docker.io/istio/pilot:" + version));
  }

  /** A Deployment of a cluster scaled to {@code replicas}. */
  MeshFixture scale(String cluster, String deployment, int replicas) {
    return edit(
        cluster,
        "Deployment",
        deployment,
        d -> ((ObjectNode) d.path("spec")).put("replicas", replicas));
  }

  Map<String, List<JsonNode>> objects() {
    return objects;
  }

  MeshOracle oracle() {
    return new MeshOracle(objects);
  }

  Route route(String cluster, String namespace, String host) {
    return oracle().route(Request.from(cluster, namespace, host, 9080));
  }

  /** Each receiving pod's share of a route, rounded to 1/1000. */
  static Map<String, Double> shares(Route route) {
    Map<String, Double> shares = new TreeMap<>();
    route.arrivals().forEach(a -> shares.merge(a.pod().ref(), a.share(), Double::sum));
    shares.replaceAll((pod, share) -> Math.round(share * 1000) / 1000.0);
    return shares;
  }

  private static List<JsonNode> resource(String path) {
    try (InputStream in = MeshFixture.class.getResourceAsStream(path)) {
      return parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<JsonNode> parse(String yaml) {
    try (YAMLParser parser = ((YAMLFactory) MAPPER.getFactory()).createParser(yaml)) {
      List<JsonNode> documents = new ArrayList<>();
      MAPPER.readValues(parser, JsonNode.class).forEachRemaining(documents::add);
      documents.removeIf(d -> d == null || d.isNull() || d.isEmpty());
      return documents;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
