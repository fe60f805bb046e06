package dev.meshfed.distribution.io;

import dev.meshfed.distribution.model.DesiredManifest;
import dev.meshfed.distribution.model.ObjectKey;
import dev.meshfed.distribution.model.ResourceType;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import java.io.ByteArrayInputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The requests the distributor makes of an object (the read and the server-side apply made for
 * every applied object, deletes, JSON patches) as the plain HTTP requests they are: through
 * fabric8's HTTP client (its authentication, TLS and retries) but not its resource DSL. The
 * manifest's JSON is the apply's body as it is, of an answer only the resource version is read, and
 * a read that finds nothing parses nothing. Through the DSL each apply parsed the manifest into an
 * object and wrote it back to JSON, built the URL with regular expressions and parsed the object it
 * got back, and every delete and patch parsed its answer (docs/performance.md).
 */
final class ObjectRequests {

  private static final String CONTENT_TYPE = "application/apply-patch+yaml";
  private static final String JSON_PATCH = "application/json-patch+json";
  private static final String JSON = "application/json";

  /** What fabric8's delete sends: dependents, if any, are deleted in the background. */
  private static final String DELETE_OPTIONS =
      "{\"apiVersion\":\"v1\",\"kind\":\"DeleteOptions\",\"propagationPolicy\":\"Background\"}";

  private final KubernetesClient client;
  private final HttpClient http;
  private final String server;
  private final long timeoutMillis;

  ObjectRequests(KubernetesClient client) {
    this.client = client;
    this.http = client.getHttpClient();
    this.server = withoutTrailingSlash(client.getMasterUrl().toString());
    this.timeoutMillis = client.getConfiguration().getRequestTimeout();
  }

  /**
   * @return the applied object's resource version, read from the answer without parsing the rest;
   *     empty if it has none
   * @throws KubernetesClientException carrying the API server's Status when it refused the apply
   */
  String apply(DesiredManifest manifest, String fieldManager) {
    HttpRequest request =
        http.newHttpRequestBuilder()
            .uri(
                server
                    + path(manifest.type(), manifest.key())
                    + "?fieldManager="
                    + fieldManager
                    + "&force=true")
            .timeout(timeoutMillis, TimeUnit.MILLISECONDS)
            .patch(CONTENT_TYPE, manifest.json())
            .build();
    HttpResponse<byte[]> response = send(request);
    if (!response.isSuccessful()) {
      throw failure(response);
    }
    return ResourceVersions.of(response.body());
  }

  /**
   * A JSON patch (RFC 6902) of the object, or of its status subresource, by {@code fieldManager};
   * of the answer only the resource version is read.
   *
   * @return the patched object's resource version ("" if it has none); empty if there is no object
   * @throws KubernetesClientException carrying the API server's Status when it refused the patch
   */
  Optional<String> patch(
      ResourceType type, ObjectKey key, boolean status, String jsonPatch, String fieldManager) {
    HttpRequest request =
        http.newHttpRequestBuilder()
            .uri(
                server
                    + path(type, key)
                    + (status ? "/status" : "")
                    + "?fieldManager="
                    + fieldManager)
            .timeout(timeoutMillis, TimeUnit.MILLISECONDS)
            .patch(JSON_PATCH, jsonPatch)
            .build();
    HttpResponse<byte[]> response = send(request);
    return foundOrThrow(response)
        ? Optional.of(ResourceVersions.of(response.body()))
        : Optional.empty();
  }

  /**
   * Deletes the object; the answer is not parsed.
   *
   * @return whether the object was there
   */
  boolean delete(ResourceType type, ObjectKey key) {
    HttpRequest request =
        http.newHttpRequestBuilder()
            .uri(server + path(type, key))
            .timeout(timeoutMillis, TimeUnit.MILLISECONDS)
            .delete(JSON, DELETE_OPTIONS)
            .build();
    return foundOrThrow(send(request));
  }

  private boolean foundOrThrow(HttpResponse<byte[]> response) {
    if (response.code() == HttpURLConnection.HTTP_NOT_FOUND) {
      return false;
    }
    if (!response.isSuccessful()) {
      throw failure(response);
    }
    return true;
  }

  /** The object at {@code key}, if there is one. */
  Optional<GenericKubernetesResource> get(ResourceType type, ObjectKey key) {
    HttpRequest request =
        http.newHttpRequestBuilder()
            .uri(server + path(type, key))
            .timeout(timeoutMillis, TimeUnit.MILLISECONDS)
            .build();
    HttpResponse<byte[]> response = send(request);
    if (!foundOrThrow(response)) {
      return Optional.empty();
    }
    return Optional.of(
        client
            .getKubernetesSerialization()
            .unmarshal(new ByteArrayInputStream(response.body()), GenericKubernetesResource.class));
  }

  /**
   * One page of the kind's objects in every namespace that {@code owner} manages, as the API
   * server's list answer.
   *
   * @param continueToken the previous page's {@code metadata.continue}; empty for the first page
   */
  byte[] list(ResourceType type, LabelOwner owner, int limit, String continueToken) {
    HttpRequest request =
        http.newHttpRequestBuilder()
            .uri(
                server
                    + collectionPath(type)
                    + "?labelSelector="
                    + owner.selector
                    + "&limit="
                    + limit
                    + (continueToken.isEmpty()
                        ? ""
                        : "&continue=" + URLEncoder.encode(continueToken, StandardCharsets.UTF_8)))
            .timeout(timeoutMillis, TimeUnit.MILLISECONDS)
            .build();
    HttpResponse<byte[]> response = send(request);
    if (!response.isSuccessful()) {
      throw failure(response);
    }
    return response.body();
  }

  /** The URL of a watch of the kind's objects {@code owner} manages, in every namespace. */
  URI watch(ResourceType type, LabelOwner owner, String version) {
    return URI.create(
        server
            + collectionPath(type)
            + "?labelSelector="
            + owner.selector
            + "&watch=true&allowWatchBookmarks=true&resourceVersion="
            + version);
  }

  HttpClient http() {
    return http;
  }

  /** The object's REST path; Kubernetes names and namespaces need no escaping. */
  static String path(ResourceType type, ObjectKey key) {
    return apiPath(type)
        + "/namespaces/"
        + key.namespace()
        + "/"
        + type.kind().plural()
        + "/"
        + key.name();
  }

  private static String collectionPath(ResourceType type) {
    return apiPath(type) + "/" + type.kind().plural();
  }

  private static String apiPath(ResourceType type) {
    String group = type.kind().group();
    return (group.isEmpty() ? "/api/" : "/apis/" + group + "/") + type.version();
  }

  private HttpResponse<byte[]> send(HttpRequest request) {
    try {
      return http.sendAsync(request, byte[].class).get(timeoutMillis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KubernetesClientException("Interrupted during " + request.method(), e);
    } catch (ExecutionException e) {
      throw new KubernetesClientException(
          request.method() + " " + request.uri() + ": " + e.getCause(), e.getCause());
    } catch (TimeoutException e) {
      throw new KubernetesClientException(
          "No answer to " + request.method() + " within " + timeoutMillis + " ms", e);
    }
  }

  private KubernetesClientException failure(HttpResponse<byte[]> response) {
    String body =
        response.body() == null ? "" : new String(response.body(), StandardCharsets.UTF_8);
    Status status;
    try {
      status = client.getKubernetesSerialization().unmarshal(body, Status.class);
    } catch (RuntimeException notAStatus) {
      status = null;
    }
    if (status == null || status.getMessage() == null) {
      return new KubernetesClientException(
          "HTTP " + response.code() + ": " + body, response.code(), null);
    }
    if (status.getCode() == null) {
      status.setCode(response.code());
    }
    return new KubernetesClientException(status);
  }

  private static String withoutTrailingSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
