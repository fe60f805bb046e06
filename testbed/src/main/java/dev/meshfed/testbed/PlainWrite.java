package dev.meshfed.testbed;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A create, update or non-apply patch, and the field manager a real API server records for it: the
 * {@code fieldManager} query parameter, or else the user agent up to its first {@code /} (as {@code
 * kubectl/v1.31 ...} becomes {@code kubectl}).
 */
record PlainWrite(String manager, boolean statusSubresource) {

  /** Empty for requests that name no manager: the store's own writes for server-side apply. */
  static Optional<PlainWrite> of(RecordedRequest request) {
    URI uri = URI.create(request.getPath());
    boolean status = uri.getRawPath().endsWith("/status");
    Optional<String> named = queryParameter(uri.getRawQuery(), "fieldManager");
    if (named.isPresent()) {
      return Optional.of(new PlainWrite(named.get(), status));
    }
    String agent = request.getHeader("User-Agent");
    if (agent == null || agent.isBlank()) {
      return Optional.empty();
    }
    int slash = agent.indexOf('/');
    return Optional.of(new PlainWrite(slash < 0 ? agent : agent.substring(0, slash), status));
  }

  /** Adds this write's managedFields entry to {@code written}, given the state it replaced. */
  void recordIn(ObjectNode written, String before) {
    ManagedFields.recordUpdate(
        written, before == null ? null : StoredJson.parse(before), manager, statusSubresource);
  }

  private static Optional<String> queryParameter(String rawQuery, String name) {
    if (rawQuery == null) {
      return Optional.empty();
    }
    for (String pair : rawQuery.split("&")) {
      int equals = pair.indexOf('=');
      if (equals > 0 && pair.substring(0, equals).equals(name)) {
        return Optional.of(URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
      }
    }
    return Optional.empty();
  }
}
