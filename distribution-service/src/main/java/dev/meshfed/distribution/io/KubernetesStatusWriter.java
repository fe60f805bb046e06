package dev.meshfed.distribution.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.meshfed.distribution.apply.StatusWriter;
import dev.meshfed.distribution.model.ConditionTimes;
import dev.meshfed.distribution.model.ObjectKey;
import dev.meshfed.distribution.model.ResourceType;
import dev.meshfed.distribution.model.StatusTarget;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.HttpURLConnection;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Replaces an input's status through its status subresource with one JSON patch: the object's spec
 * is never touched, and a missing object is not created. On Gloo Mesh's resources, whose status is
 * Gloo's, only {@code status.meshfed} is replaced. Conditions (a ServiceExport's) get their {@code
 * lastTransitionTime} from the live object's or from this writer's clock.
 */
public final class KubernetesStatusWriter implements StatusWriter {

  /** Where meshfed's status goes on resources whose status is another controller's. */
  static final String GLOO_STATUS_FIELD = "meshfed";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ObjectRequests requests;
  private final Clock clock;

  public KubernetesStatusWriter(KubernetesClient client, Clock clock) {
    this.requests = new ObjectRequests(client);
    this.clock = clock;
  }

  @Override
  public boolean write(StatusTarget target, ResourceType type, String statusJson) {
    try {
      ObjectKey key =
          new ObjectKey(type.apiVersion(), type.kind().kind(), target.namespace(), target.name());
      JsonNode status = JSON.readTree(statusJson);
      String patch;
      if (StatusTarget.holdsConditions(type)) {
        Optional<GenericKubernetesResource> current = requests.get(type, key);
        if (current.isEmpty()) {
          return false;
        }
        JsonNode live = JSON.valueToTree(current.get().getAdditionalProperties().get("status"));
        patch = add("/status", ConditionTimes.stamped(status, live, now()));
      } else if (StatusTarget.ownsWholeStatus(type)) {
        patch = add("/status", status);
      } else {
        Optional<GenericKubernetesResource> current = requests.get(type, key);
        if (current.isEmpty()) {
          return false;
        }
        patch =
            current.get().getAdditionalProperties().get("status") == null
                ? add("/status", JSON.createObjectNode().set(GLOO_STATUS_FIELD, status))
                : add("/status/" + GLOO_STATUS_FIELD, status);
      }
      return requests
          .patch(type, key, true, patch, KubernetesClusterWriter.FIELD_MANAGER)
          .isPresent();
    } catch (KubernetesClientException e) {
      if (e.getCode() == HttpURLConnection.HTTP_NOT_FOUND) {
        return false;
      }
      throw ClusterApiException.of("Status patch", e);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("The status is not JSON: " + e.getMessage(), e);
    }
  }

  /** RFC 3339 in UTC, to the second, as Kubernetes writes times. */
  private String now() {
    return DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(ChronoUnit.SECONDS));
  }

  private static String add(String path, JsonNode value) throws JsonProcessingException {
    ArrayNode patch = JSON.createArrayNode();
    patch.addObject().put("op", "add").put("path", path).set("value", value);
    return JSON.writeValueAsString(patch);
  }
}
