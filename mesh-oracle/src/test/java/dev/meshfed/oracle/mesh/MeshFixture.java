package dev.meshfed.oracle.mesh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

  MeshFixture with(String cluster, String yaml) {
    objects.computeIfAbsent(cluster, c -> new ArrayList<>()).addAll(parse(yaml));
    return this;
  }

  MeshFixture without(String cluster, String kind, String name) {
    objects.get(cluster).removeIf(o -> Json.kind(o).equals(kind) && Json.name(o).equals(name));
    return this;
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
