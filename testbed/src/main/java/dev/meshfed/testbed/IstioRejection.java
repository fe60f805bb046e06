package dev.meshfed.testbed;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshfed.oracle.istio.FieldErrors;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.http.MockResponse;

/**
 * An Istio object the schema or the webhook rejects, thrown from inside the store's write (before
 * anything is stored) and answered as a real server answers: 422, reason Invalid, one cause per
 * field error.
 */
final class IstioRejection extends RuntimeException {

  private static final int HTTP_UNPROCESSABLE_ENTITY = 422;

  private final transient MockResponse response;

  IstioRejection(String group, ObjectNode object, FieldErrors errors) {
    super(null, null, false, false);
    String kind = object.path("kind").asText();
    String name = object.path("metadata").path("name").asText();
    String body =
        Serialization.asJson(
            new StatusBuilder()
                .withStatus("Failure")
                .withCode(HTTP_UNPROCESSABLE_ENTITY)
                .withReason("Invalid")
                .withMessage(errors.message(kind, group, name))
                .withNewDetails()
                .withGroup(group)
                .withKind(kind)
                .withName(name)
                .withCauses(
                    errors.causes().stream()
                        .map(c -> new StatusCause(c.field(), c.message(), c.reason()))
                        .toList())
                .endDetails()
                .build());
    this.response =
        new MockResponse()
            .setResponseCode(HTTP_UNPROCESSABLE_ENTITY)
            .setHeader("Content-Type", "application/json")
            .setBody(body);
  }

  MockResponse response() {
    return response;
  }
}
