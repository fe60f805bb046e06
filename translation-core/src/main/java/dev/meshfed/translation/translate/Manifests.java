package dev.meshfed.translation.translate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshfed.translation.model.ObjectId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Kubernetes object envelopes: metadata, meshfed's labels and provenance. */
public final class Manifests {

  public static final String MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";
  public static final String MANAGED_BY = "meshfed";
  public static final String WORKSPACE_LABEL = "meshfed.dev/workspace";
  public static final String SOURCE_CLUSTER_LABEL = "meshfed.dev/source-cluster";
  public static final String SOURCES_ANNOTATION = "meshfed.dev/sources";
  public static final String HOST_ANNOTATION = "meshfed.dev/host";

  private static final int MAX_NAME = 63;
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private Manifests() {}

  public static ObjectNode object(
      String apiVersion,
      String kind,
      String namespace,
      String name,
      Map<String, String> labels,
      Map<String, String> annotations,
      ObjectNode spec) {
    ObjectNode object = JSON.objectNode();
    object.put("apiVersion", apiVersion);
    object.put("kind", kind);
    ObjectNode metadata = object.putObject("metadata");
    metadata.put("name", name);
    metadata.put("namespace", namespace);
    Map<String, String> allLabels = new TreeMap<>(labels);
    allLabels.put(MANAGED_BY_LABEL, MANAGED_BY);
    putStrings(metadata.putObject("labels"), allLabels);
    putStrings(metadata.putObject("annotations"), new TreeMap<>(annotations));
    object.set("spec", spec);
    return object;
  }

  /** The provenance annotation value: sorted input references, comma separated. */
  public static String sources(Collection<ObjectId> inputs) {
    return Provenance.of(inputs).annotation();
  }

  /** A DNS-1123 label from a host; long hosts keep a prefix and a hash so names stay unique. */
  public static String objectName(String host) {
    String name = host.replace('.', '-');
    if (name.length() <= MAX_NAME) {
      return name;
    }
    String hash = sha256(host).substring(0, 10);
    String prefix = name.substring(0, MAX_NAME - hash.length() - 1).replaceAll("-+$", "");
    return prefix + "-" + hash;
  }

  public static ArrayNode strings(List<String> values) {
    ArrayNode array = JSON.arrayNode();
    values.forEach(array::add);
    return array;
  }

  public static ObjectNode stringMap(Map<String, String> values) {
    ObjectNode node = JSON.objectNode();
    putStrings(node, new TreeMap<>(values));
    return node;
  }

  public static ObjectNode objectNode() {
    return JSON.objectNode();
  }

  private static void putStrings(ObjectNode node, Map<String, String> values) {
    values.forEach(node::put);
  }

  static String sha256(String value) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
