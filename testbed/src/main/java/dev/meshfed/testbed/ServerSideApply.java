package dev.meshfed.testbed;

import static java.net.HttpURLConnection.HTTP_CONFLICT;
import static java.net.HttpURLConnection.HTTP_CREATED;
import static java.net.HttpURLConnection.HTTP_NOT_FOUND;
import static java.net.HttpURLConnection.HTTP_OK;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Server-side apply ({@code application/apply-patch+yaml}) with the semantics a real API server has
 * for objects with one field manager: the first apply creates the object; a later apply sets the
 * fields it sends and removes those the same manager sent before but not now; fields nobody applied
 * (status, server metadata, fields set by plain writes) stay. Lists are atomic. An apply that
 * changes nothing leaves the object, its resourceVersion and generation alone.
 */
final class ServerSideApply {

  static final String CONTENT_TYPE = "application/apply-patch+yaml";
  private static final int MAX_ATTEMPTS = 10;

  /** Reads and writes of the object store, each atomic. */
  interface Store {
    MockResponse get(String path);

    MockResponse create(String collectionPath, String json);

    MockResponse replace(String path, String json);
  }

  private final Store store;
  private final Map<String, ObjectNode> lastAppliedByManagerAndObject = new HashMap<>();

  ServerSideApply(Store store) {
    this.store = store;
  }

  static boolean isApply(RecordedRequest request) {
    String contentType = request.getHeader("Content-Type");
    return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith(CONTENT_TYPE);
  }

  synchronized MockResponse handle(RecordedRequest request) {
    ApplyRequest apply;
    try {
      apply = ApplyRequest.parse(request.getPath(), request.getBody().readUtf8());
    } catch (ApplyRequest.InvalidApplyException e) {
      return StatusResponses.failure(e.status(), e.getMessage());
    }
    // writes by others between our read and our write make the store answer 409: read again
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      MockResponse response = applyOnce(apply);
      if (response.code() != HTTP_CONFLICT) {
        return response;
      }
    }
    return StatusResponses.failure(HTTP_CONFLICT, "concurrent writes to " + apply.objectPath());
  }

  private MockResponse applyOnce(ApplyRequest apply) {
    MockResponse current = store.get(apply.objectPath());
    if (current.code() == HTTP_NOT_FOUND && !apply.statusSubresource()) {
      ObjectNode created = apply.newObject();
      ManagedFields.recordApply(created, null, apply);
      return remember(apply, store.create(apply.collectionPath(), created.toString()));
    }
    if (current.code() != HTTP_OK) {
      return current;
    }
    ObjectNode stored = StoredJson.parse(StoredJson.bodyOf(current));
    ObjectNode previous = lastAppliedByManagerAndObject.get(recordKey(apply, stored));
    ObjectNode desired = AppliedFields.merge(stored, previous, apply.fields());
    ManagedFields.recordApply(desired, stored, apply);
    if (desired.equals(stored)) {
      return remember(apply, current);
    }
    String target = apply.statusSubresource() ? apply.objectPath() + "/status" : apply.objectPath();
    return remember(apply, store.replace(target, desired.toString()));
  }

  private MockResponse remember(ApplyRequest apply, MockResponse response) {
    if (response.code() == HTTP_OK || response.code() == HTTP_CREATED) {
      ObjectNode stored = StoredJson.parse(StoredJson.bodyOf(response));
      lastAppliedByManagerAndObject.put(recordKey(apply, stored), apply.fields());
    }
    return response;
  }

  private static String recordKey(ApplyRequest apply, ObjectNode stored) {
    String uid = stored.path("metadata").path("uid").asText();
    return apply.fieldManager() + "|" + uid + "|" + apply.statusSubresource();
  }
}
