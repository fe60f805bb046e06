package dev.meshfed.testbed;

import static io.fabric8.kubernetes.client.server.mock.KubernetesAttributesExtractor.API;
import static io.fabric8.kubernetes.client.server.mock.KubernetesAttributesExtractor.NAME;
import static io.fabric8.kubernetes.client.server.mock.KubernetesAttributesExtractor.NAMESPACE;
import static io.fabric8.kubernetes.client.server.mock.KubernetesAttributesExtractor.PLURAL;
import static io.fabric8.kubernetes.client.server.mock.KubernetesAttributesExtractor.VERSION;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.crud.Attribute;
import io.fabric8.mockwebserver.crud.AttributeSet;
import java.util.Optional;

/** What fabric8's store reads from a request's path, and the addresses it keys objects by. */
final class PathAttributes {

  private PathAttributes() {}

  static Optional<String> value(AttributeSet attributes, String key) {
    Attribute attribute = attributes.getAttribute(key);
    if (attribute == null || attribute.getValues().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(attribute.getValues().get(0).toString());
  }

  /** Where the store keeps {@code object} under one version of its kind. */
  static AttributeSet address(String group, String version, String plural, ObjectNode object) {
    AttributeSet address =
        new AttributeSet(
            new Attribute(API, group),
            new Attribute(VERSION, version),
            new Attribute(PLURAL, plural),
            new Attribute(NAME, object.path("metadata").path("name").asText()));
    String namespace = object.path("metadata").path("namespace").asText("");
    return namespace.isEmpty() ? address : address.add(new Attribute(NAMESPACE, namespace));
  }

  /** {@code path}, of a request to {@code version} of the group, as a request to another one. */
  static String otherVersionPath(String path, String group, String version, String otherVersion) {
    String prefix = "/apis/" + group + "/" + version;
    return path.startsWith(prefix)
        ? "/apis/" + group + "/" + otherVersion + path.substring(prefix.length())
        : path;
  }
}
