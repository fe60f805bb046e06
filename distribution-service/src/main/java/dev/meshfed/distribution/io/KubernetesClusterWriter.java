package dev.meshfed.distribution.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.meshfed.distribution.apply.ClusterWriter;
import dev.meshfed.distribution.model.DesiredManifest;
import dev.meshfed.distribution.model.DriftCheck;
import dev.meshfed.distribution.model.LiveObject;
import dev.meshfed.distribution.model.ObjectKey;
import dev.meshfed.distribution.model.ResourceType;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.HttpURLConnection;
import java.util.List;
import java.util.Optional;

/** Applies and deletes through the fabric8 client; its exceptions are failed attempts. */
public final class KubernetesClusterWriter implements ClusterWriter {

  public static final String FIELD_MANAGER = DriftCheck.FIELD_MANAGER;
  private static final ObjectMapper JSON = new ObjectMapper();
  private final ObjectRequests requests;

  public KubernetesClusterWriter(KubernetesClient client) {
    this.requests = new ObjectRequests(client);
  }

  @Override
  public String apply(DesiredManifest manifest) {
    try {
      return requests.apply(manifest, FIELD_MANAGER);
    } catch (KubernetesClientException e) {
      throw ClusterApiException.of("Server-side apply", e);
    }
  }

  /** One JSON patch that replaces the whole status: meshfed owns the status it desires. */
  @Override
  public String writeStatus(DesiredManifest manifest) {
    ArrayNode patch = JSON.createArrayNode();
    try {
      patch
          .addObject()
          .put("op", "add")
          .put("path", "/status")
          .set("value", JSON.readTree(manifest.json()).get("status"));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a validated manifest no longer reads: " + manifest.key(), e);
    }
    try {
      return requests
          .patch(manifest.type(), manifest.key(), true, patch.toString(), FIELD_MANAGER)
          .orElseThrow(() -> notFound(manifest.key()));
    } catch (KubernetesClientException e) {
      throw ClusterApiException.of("Status patch", e);
    }
  }

  @Override
  public Optional<LiveObject> read(ObjectKey key, ResourceType type) {
    try {
      return requests.get(type, key).map(LiveObjects::of);
    } catch (KubernetesClientException e) {
      throw ClusterApiException.of("Get", e);
    }
  }

  /** One JSON patch: removing a field that is gone already fails it, and the retry reads again. */
  @Override
  public void removeFields(ObjectKey key, ResourceType type, List<List<String>> paths) {
    ArrayNode patch = JSON.createArrayNode();
    for (List<String> path : paths) {
      patch.addObject().put("op", "remove").put("path", pointer(path));
    }
    try {
      requests
          .patch(type, key, false, patch.toString(), FIELD_MANAGER)
          .orElseThrow(() -> notFound(key));
    } catch (KubernetesClientException e) {
      throw ClusterApiException.of("Remove fields", e);
    }
  }

  private static String pointer(List<String> path) {
    StringBuilder pointer = new StringBuilder();
    for (String name : path) {
      pointer.append('/').append(name.replace("~", "~0").replace("/", "~1"));
    }
    return pointer.toString();
  }

  /** A delete of an absent object is done, not failed. */
  @Override
  public void delete(ObjectKey key, ResourceType type) {
    try {
      requests.delete(type, key);
    } catch (KubernetesClientException e) {
      throw ClusterApiException.of("Delete", e);
    }
  }

  private static KubernetesClientException notFound(ObjectKey key) {
    return new KubernetesClientException(
        key + " not found", HttpURLConnection.HTTP_NOT_FOUND, null);
  }
}
