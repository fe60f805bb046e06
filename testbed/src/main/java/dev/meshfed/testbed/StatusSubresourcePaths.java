package dev.meshfed.testbed;

import io.fabric8.mockwebserver.http.RecordedRequest;

/**
 * fabric8's CRUD handlers know a write to the status subresource by a path that ends in {@code
 * /status}: a query ({@code ?fieldManager=...}) hides it, and the write then goes to the object,
 * where a kind with a status subresource keeps its old status. A real API server reads the path
 * without the query.
 */
final class StatusSubresourcePaths {

  private StatusSubresourcePaths() {}

  /** The request as fabric8 must see it: a status write without its query, others unchanged. */
  static RecordedRequest recognisable(RecordedRequest request) {
    String path = request.getPath();
    int query = path == null ? -1 : path.indexOf('?');
    if (query < 0 || !isStatus(path)) {
      return request;
    }
    return new RecordedRequest(
        request.getHttpVersion(),
        request.method(),
        path.substring(0, query),
        request.getHeaders(),
        request.getBody());
  }

  /** Whether a request path, its query aside, is an object's status subresource. */
  static boolean isStatus(String path) {
    if (path == null) {
      return false;
    }
    int query = path.indexOf('?');
    return (query < 0 ? path : path.substring(0, query)).endsWith("/status");
  }
}
