package dev.meshfed.testbed;

import static io.fabric8.kubernetes.client.server.mock.KubernetesAttributesExtractor.API;
import static io.fabric8.kubernetes.client.server.mock.KubernetesAttributesExtractor.NAMESPACE;
import static io.fabric8.kubernetes.client.server.mock.KubernetesAttributesExtractor.PLURAL;
import static io.fabric8.kubernetes.client.server.mock.KubernetesAttributesExtractor.VERSION;
import static java.net.HttpURLConnection.HTTP_NOT_FOUND;
import static java.net.HttpURLConnection.HTTP_OK;
import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.TypeMeta;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.crud.Attribute;
import io.fabric8.mockwebserver.crud.AttributeSet;
import io.fabric8.mockwebserver.crud.CrudDispatcher;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.lang.reflect.Field;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.locks.ReadWriteLock;

/**
 * fabric8's CRUD store extended towards a real API server: server-side apply, several versions of
 * one custom resource sharing their objects, namespace deletion deleting the namespace's objects,
 * and discovery documents.
 */
final class ClusterObjectStore extends KubernetesCrudDispatcher {

  private final ServerSideApply serverSideApply = new ServerSideApply(new StoreOperations());
  private final NameIndexedObjects objects = new NameIndexedObjects();
  private final StoredDefinitions definitions =
      new StoredDefinitions(this::findResource, this::allStoredMatching);
  private final Discovery discovery = new Discovery(definitions::complete);
  private final IstioAdmissionGate admission = new IstioAdmissionGate(definitions);
  // the write a request handler is making on this thread, for its managedFields entry
  private final ThreadLocal<PlainWrite> plainWrite = new ThreadLocal<>();
  private final WatchHistory history;
  private final WriteTimes writeTimes = new WriteTimes();
  private final ReadWriteLock storeLock;
  private volatile boolean undefinedKindsRefused;

  /**
   * fabric8 keeps the objects in a final field and guards them with a private lock: the indexed map
   * replaces the first, and look-ups by name take the second, as fabric8's own do.
   */
  ClusterObjectStore(int keptChanges) {
    this.history = new WatchHistory(keptChanges);
    try {
      Field store = CrudDispatcher.class.getDeclaredField("map");
      store.setAccessible(true);
      store.set(this, objects);
      Field lockField = KubernetesCrudDispatcher.class.getDeclaredField("lock");
      lockField.setAccessible(true);
      this.storeLock = (ReadWriteLock) lockField.get(this);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("fabric8's CRUD store is not as this test bed expects", e);
    }
  }

  /** Under the store's lock, as fabric8 calls it. */
  @Override
  public Map.Entry<AttributeSet, String> findResource(AttributeSet attributes) {
    return NameIndexedObjects.isByName(attributes)
        ? objects.findNamed(attributes).orElse(null)
        : super.findResource(attributes);
  }

  /**
   * From now on, a request for a kind that is neither built in nor defined by a stored CRD finds
   * nothing, as on a real server. Until then such objects are stored unchecked.
   */
  void refuseUndefinedKinds() {
    undefinedKindsRefused = true;
  }

  /**
   * A request of a version the stored CRD does not serve finds nothing, as on a real server, and so
   * does one of an undefined kind once they are refused.
   */
  @Override
  public MockResponse dispatch(RecordedRequest request) {
    AttributeSet address = attributeExtractor.fromPath(request.getPath());
    Optional<String> group = PathAttributes.value(address, API);
    Optional<String> version = PathAttributes.value(address, VERSION);
    Optional<String> plural = PathAttributes.value(address, PLURAL);
    if (group.isPresent() && version.isPresent() && plural.isPresent()) {
      List<String> served;
      storeLock.readLock().lock();
      try {
        served = definitions.servedVersions(group.get(), plural.get());
      } finally {
        storeLock.readLock().unlock();
      }
      boolean undefined =
          served.isEmpty()
              && undefinedKindsRefused
              && Discovery.builtInKind(group.get() + "/" + version.get(), plural.get()).isEmpty();
      if (undefined || (!served.isEmpty() && !served.contains(version.get()))) {
        return StatusResponses.failure(
            HTTP_NOT_FOUND, "the server could not find the requested resource");
      }
    }
    return super.dispatch(request);
  }

  @Override
  public MockResponse handleCreate(RecordedRequest request) {
    plainWrite.set(PlainWrite.of(request).orElse(null));
    try {
      return super.handleCreate(request);
    } catch (IstioRejection rejection) {
      return rejection.response();
    } finally {
      plainWrite.remove();
    }
  }

  @Override
  public MockResponse handleUpdate(RecordedRequest request) {
    plainWrite.set(PlainWrite.of(request).orElse(null));
    try {
      return super.handleUpdate(StatusSubresourcePaths.recognisable(request));
    } catch (IstioRejection rejection) {
      return rejection.response();
    } finally {
      plainWrite.remove();
    }
  }

  @Override
  public MockResponse handlePatch(RecordedRequest request) {
    if (ServerSideApply.isApply(request)) {
      return serverSideApply.handle(request);
    }
    plainWrite.set(PlainWrite.of(request).orElse(null));
    try {
      return super.handlePatch(StatusSubresourcePaths.recognisable(request));
    } catch (IstioRejection rejection) {
      return rejection.response();
    } finally {
      plainWrite.remove();
    }
  }

  @Override
  public MockResponse handleGet(String path) {
    return discovery.answer(path).orElseGet(() -> getObject(path));
  }

  /** One object by name from the index; lists, watches and the rest as fabric8 answers them. */
  private MockResponse getObject(String path) {
    AttributeSet query = attributeExtractor.fromPath(path);
    if (path.contains("watch=") || !NameIndexedObjects.isByName(query)) {
      return super.handleGet(path);
    }
    storeLock.readLock().lock();
    try {
      MockResponse response = new MockResponse();
      objects
          .findNamed(query)
          .ifPresentOrElse(
              found -> response.setResponseCode(HTTP_OK).setBody(found.getValue()),
              () -> response.setResponseCode(HTTP_NOT_FOUND));
      return response;
    } finally {
      storeLock.readLock().unlock();
    }
  }

  private Optional<TypeMeta> watchedType(AttributeSet query) {
    Optional<String> version = PathAttributes.value(query, VERSION);
    Optional<String> plural = PathAttributes.value(query, PLURAL);
    if (version.isEmpty() || plural.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> group = PathAttributes.value(query, API);
    String apiVersion = group.map(g -> g + "/").orElse("") + version.get();
    Optional<String> kind = Discovery.builtInKind(apiVersion, plural.get());
    if (kind.isEmpty() && group.isPresent()) {
      kind = definitions.kind(group.get(), version.get(), plural.get());
    }
    return kind.map(k -> new TypeMeta(apiVersion, k));
  }

  /** Breaks off every open watch with 410 Gone, as an API server does once etcd compacted. */
  void breakWatches() {
    storeLock.readLock().lock();
    try {
      history.expireAll("the watch was broken off by an injected fault");
    } finally {
      storeLock.readLock().unlock();
    }
  }

  /** A watch that resumes from its resource version, where fabric8's always starts afresh. */
  @Override
  public MockResponse handleWatch(String path) {
    WatchRequest request = WatchRequest.of(path, attributeExtractor.fromPath(path));
    storeLock.readLock().lock();
    try {
      ResumableWatch watch =
          history.start(request, watchedType(request.query()), objects.entrySet().stream());
      return new MockResponse().withWebSocketUpgrade(watch);
    } finally {
      storeLock.readLock().unlock();
    }
  }

  /** A delete by name through the index; as fabric8's, it waits for finalizers. */
  @Override
  public MockResponse handleDelete(String path) {
    AttributeSet query = attributeExtractor.fromPath(path);
    if (!NameIndexedObjects.isByName(query)) {
      return super.handleDelete(path);
    }
    storeLock.writeLock().lock();
    try {
      List<Map.Entry<AttributeSet, String>> found = objects.allNamed(query);
      if (found.isEmpty()) {
        return new MockResponse().setResponseCode(HTTP_NOT_FOUND);
      }
      found.forEach(entry -> delete(path, query, entry));
      return new MockResponse().setResponseCode(HTTP_OK).setBody(found.get(0).getValue());
    } finally {
      storeLock.writeLock().unlock();
    }
  }

  private void delete(String path, AttributeSet query, Map.Entry<AttributeSet, String> entry) {
    GenericKubernetesResource resource =
        Serialization.unmarshal(entry.getValue(), GenericKubernetesResource.class);
    if (resource.getFinalizers().isEmpty()) {
      write(path, query, entry.getKey(), null, null);
    } else if (!resource.isMarkedForDeletion()) {
      resource
          .getMetadata()
          .setDeletionTimestamp(
              ZonedDateTime.now(ZoneOffset.UTC)
                  .truncatedTo(ChronoUnit.SECONDS)
                  .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
      resource.getMetadata().setResourceVersion(String.valueOf(requestResourceVersion()));
      String marked = Serialization.asJson(resource);
      write(
          path, query, entry.getKey(), resource, new ParsedState(marked, StoredJson.parse(marked)));
    }
  }

  /**
   * Every write of fabric8's handlers ends here, under the store's write lock: a new state of an
   * Istio object is first admitted as Istio's CRDs and webhook would (when its CRD is stored).
   */
  @Override
  public void processEvent(
      String path,
      AttributeSet pathAttributes,
      AttributeSet oldAttributes,
      GenericKubernetesResource resource,
      String newState) {
    if (newState == null) {
      write(path, pathAttributes, oldAttributes, resource, null);
      return;
    }
    ObjectNode object = StoredJson.parse(newState);
    admission.admit(pathAttributes, object);
    PlainWrite writer = plainWrite.get();
    if (writer == null) {
      write(path, pathAttributes, oldAttributes, resource, new ParsedState(newState, object));
    } else {
      writer.recordIn(object, oldAttributes == null ? null : map.get(oldAttributes));
      write(path, pathAttributes, oldAttributes, resource, ParsedState.of(object));
    }
  }

  /** A new state and its JSON, parsed once for every step of the write; null for a delete. */
  private record ParsedState(String json, ObjectNode object) {
    static ParsedState of(ObjectNode object) {
      return new ParsedState(object.toString(), object);
    }
  }

  private void write(
      String path,
      AttributeSet pathAttributes,
      AttributeSet oldAttributes,
      GenericKubernetesResource resource,
      ParsedState written) {
    String oldState = oldAttributes == null ? null : map.get(oldAttributes);
    String newState = written == null ? null : written.json();
    if (written == null && oldState == null) {
      super.processEvent(path, pathAttributes, oldAttributes, resource, null);
      return;
    }
    ObjectNode object = written != null ? written.object() : StoredJson.parse(oldState);
    long version = written != null ? versionOf(object) : requestResourceVersion();
    store(path, pathAttributes, oldAttributes, keyOf(resource, written), newState, version);
    mirrorToEquivalentVersions(path, pathAttributes, object, newState != null, version);
    if (newState == null && StoredJson.isKind(object, "v1", "Namespace")) {
      deleteContentsOfNamespace(path, object.path("metadata").path("name").asText());
    }
    if (newState != null
        && StoredJson.isKind(object, StoredDefinitions.GROUP + "/v1", "CustomResourceDefinition")) {
      CustomResourceDefinition crd =
          Serialization.unmarshal(newState, CustomResourceDefinition.class);
      if (StoredDefinitions.isComplete(crd)) {
        serveAllVersions(crd);
      }
    }
  }

  /** fabric8's write, recorded for watches with the version it was made at. */
  private void store(
      String path,
      AttributeSet pathAttributes,
      AttributeSet oldAttributes,
      GenericKubernetesResource resource,
      String newState,
      long version) {
    String oldState = oldAttributes == null ? null : map.get(oldAttributes);
    super.processEvent(path, pathAttributes, oldAttributes, resource, newState);
    if (Objects.equals(oldState, newState)) {
      return;
    }
    AttributeSet newAttributes = newState == null ? null : objects.lastStoredKey();
    String shownState =
        newState != null ? newState : StoredJson.withResourceVersion(oldState, version);
    history.record(
        new WatchHistory.Change(version, oldAttributes, shownState, newAttributes, newState));
    writeTimes.changed(
        newAttributes != null ? newAttributes : oldAttributes,
        StatusSubresourcePaths.isStatus(path));
  }

  /** When an object of any of {@code groups} last changed, by {@link System#nanoTime()}. */
  OptionalLong lastChangeNanos(Collection<String> groups) {
    return writeTimes.last(groups);
  }

  /**
   * When an object of a group other than {@code groups} last changed other than through its status
   * subresource, by {@link System#nanoTime()}.
   */
  OptionalLong lastChangeBesidesStatusNanosOutside(Collection<String> groups) {
    return writeTimes.lastBesidesStatusOutside(groups);
  }

  /** The version a write gave its object; a write that gave none is recorded at a new one. */
  private long versionOf(ObjectNode object) {
    long version = object.path("metadata").path("resourceVersion").asLong(0);
    return version > 0 ? version : requestResourceVersion();
  }

  private void mirrorToEquivalentVersions(
      String path,
      AttributeSet pathAttributes,
      ObjectNode object,
      boolean exists,
      long resourceVersion) {
    Optional<String> group = PathAttributes.value(pathAttributes, API);
    Optional<String> version = PathAttributes.value(pathAttributes, VERSION);
    Optional<String> plural = PathAttributes.value(pathAttributes, PLURAL);
    if (group.isEmpty() || version.isEmpty() || plural.isEmpty()) {
      return;
    }
    List<String> declared = definitions.servedVersions(group.get(), plural.get());
    for (String other : StorageVersions.equivalentVersions(group.get(), version.get(), declared)) {
      AttributeSet address = PathAttributes.address(group.get(), other, plural.get(), object);
      Map.Entry<AttributeSet, String> existing = findResource(address);
      if (existing == null && !exists) {
        continue;
      }
      ParsedState otherState =
          exists
              ? ParsedState.of(StoredJson.withApiVersion(object, group.get() + "/" + other))
              : null;
      store(
          PathAttributes.otherVersionPath(path, group.get(), version.get(), other),
          address,
          existing == null ? null : existing.getKey(),
          keyOf(null, otherState),
          otherState == null ? null : otherState.json(),
          resourceVersion);
    }
  }

  private void deleteContentsOfNamespace(String path, String namespace) {
    AttributeSet inNamespace = new AttributeSet(new Attribute(NAMESPACE, namespace));
    List<AttributeSet> contents =
        new ArrayList<>(map.keySet()).stream().filter(key -> key.matches(inNamespace)).toList();
    contents.forEach(key -> store(path, key, key, null, null, requestResourceVersion()));
  }

  private void serveAllVersions(CustomResourceDefinition crd) {
    for (CustomResourceDefinitionVersion version : crd.getSpec().getVersions()) {
      if (Boolean.FALSE.equals(version.getServed())) {
        continue;
      }
      expectCustomResource(
          new CustomResourceDefinitionContext.Builder()
              .withName(crd.getMetadata().getName())
              .withGroup(crd.getSpec().getGroup())
              .withVersion(version.getName())
              .withKind(crd.getSpec().getNames().getKind())
              .withPlural(crd.getSpec().getNames().getPlural())
              .withScope(crd.getSpec().getScope())
              .withStatusSubresource(
                  version.getSubresources() != null
                      && version.getSubresources().getStatus() != null)
              .build());
    }
  }

  /** Every stored object a query matches, under the store's lock. */
  private List<Map.Entry<AttributeSet, String>> allStoredMatching(AttributeSet query) {
    storeLock.readLock().lock();
    try {
      return objects.allMatching(query);
    } finally {
      storeLock.readLock().unlock();
    }
  }

  /** What fabric8 keys a new state by: the resource its handler parsed, or else ours. */
  private static GenericKubernetesResource keyOf(
      GenericKubernetesResource resource, ParsedState written) {
    return resource != null || written == null ? resource : StoredKey.of(written.object());
  }

  private static RecordedRequest request(HttpMethod method, String path, String json) {
    return new RecordedRequest(
        "HTTP/1.1",
        method,
        path,
        Headers.builder().add("Content-Type", "application/json").build(),
        new Buffer(json.getBytes(UTF_8)));
  }

  /** Plain reads and writes through fabric8's handlers, so they take the store's lock. */
  private final class StoreOperations implements ServerSideApply.Store {
    @Override
    public MockResponse get(String path) {
      return getObject(path);
    }

    @Override
    public MockResponse create(String collectionPath, String json) {
      return handleCreate(request(HttpMethod.POST, collectionPath, json));
    }

    @Override
    public MockResponse replace(String path, String json) {
      return handleUpdate(request(HttpMethod.PUT, path, json));
    }
  }
}
