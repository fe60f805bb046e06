package dev.meshfed.distribution.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.meshfed.distribution.apply.StatusWriter;
import dev.meshfed.distribution.model.ResourceType;
import dev.meshfed.distribution.model.StatusTarget;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.net.HttpURLConnection;

/**
 * Replaces an input's status through its status subresource with one JSON patch: the object's spec
 * is never touched, and a missing object is not created.
 */
public final class KubernetesStatusWriter implements StatusWriter {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final PatchContext JSON_PATCH = PatchContext.of(PatchType.JSON);

  private final KubernetesClient client;

  public KubernetesStatusWriter(KubernetesClient client) {
    this.client = client;
  }

  @Override
  public boolean write(StatusTarget target, ResourceType type, String statusJson) {
    try {
      client
          .genericKubernetesResources(ResourceContexts.of(type))
          .inNamespace(target.namespace())
          .withName(target.name())
          .subresource("status")
          .patch(JSON_PATCH, replaceStatus(statusJson));
      return true;
    } catch (KubernetesClientException e) {
      if (e.getCode() == HttpURLConnection.HTTP_NOT_FOUND) {
        return false;
      }
      throw ClusterApiException.of("Status patch", e);
    }
  }

  private static String replaceStatus(String statusJson) {
    try {
      ArrayNode patch = JSON.createArrayNode();
      patch
          .addObject()
          .put("op", "add")
          .put("path", "/status")
          .set("value", JSON.readTree(statusJson));
      return JSON.writeValueAsString(patch);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("The status is not JSON: " + e.getMessage(), e);
    }
  }
}
