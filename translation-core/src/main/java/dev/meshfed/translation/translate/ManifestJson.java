package dev.meshfed.translation.translate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The manifests of one recompute as JSON, each written once: the digest reads them all, and the
 * desired records of the outputs that changed take the same text. A VirtualDestination's port
 * change writes its 440 manifests (540 kB at 20 clusters) both ways, and writing them twice cost as
 * much as the translation.
 */
public final class ManifestJson {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<ObjectNode, byte[]> written = new IdentityHashMap<>();

  /** {@code manifest.toString()}, byte for byte, as UTF-8. */
  byte[] bytes(ObjectNode manifest) {
    return written.computeIfAbsent(manifest, ManifestJson::write);
  }

  /** The output's manifest as its desired record carries it: {@code manifest.toString()}. */
  public String of(Output output) {
    return new String(bytes(output.manifest()), StandardCharsets.UTF_8);
  }

  private static byte[] write(ObjectNode manifest) {
    try {
      return JSON.writeValueAsBytes(manifest);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write a manifest as JSON", e);
    }
  }
}
