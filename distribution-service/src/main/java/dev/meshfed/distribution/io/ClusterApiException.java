package dev.meshfed.distribution.io;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.client.KubernetesClientException;

/**
 * A failed API call, described in one line: fabric8's own message repeats the URL and the whole
 * Status, which makes every retry warning several hundred characters long.
 */
public final class ClusterApiException extends RuntimeException {

  private ClusterApiException(String message, KubernetesClientException cause) {
    super(message, cause);
  }

  static ClusterApiException of(String call, KubernetesClientException cause) {
    Status status = cause.getStatus();
    String reason =
        status == null || status.getMessage() == null
            ? cause.getMessage()
            : status.getReason() + ": " + status.getMessage();
    return new ClusterApiException(
        call + " failed (HTTP " + cause.getCode() + ") " + reason, cause);
  }
}
