package dev.meshfed.testbed;

import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.http.MockResponse;

/** Error answers with a Kubernetes Status body, as a real API server sends them. */
final class StatusResponses {

  private StatusResponses() {}

  static MockResponse failure(int code, String message) {
    String body =
        Serialization.asJson(
            new StatusBuilder()
                .withStatus("Failure")
                .withCode(code)
                .withMessage(message)
                .withReason(reason(code))
                .build());
    return new MockResponse()
        .setResponseCode(code)
        .setHeader("Content-Type", "application/json")
        .setBody(body);
  }

  private static String reason(int code) {
    return switch (code) {
      case 400 -> "BadRequest";
      case 404 -> "NotFound";
      case 409 -> "Conflict";
      case 422 -> "Invalid";
      case 429 -> "TooManyRequests";
      case 503 -> "ServiceUnavailable";
      default -> code >= 500 ? "InternalError" : "Unknown";
    };
  }
}
