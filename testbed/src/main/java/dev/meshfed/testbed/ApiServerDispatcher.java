package dev.meshfed.testbed;

import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.Set;

/** Routes a request of a simulated cluster: injected faults first, then the object store. */
final class ApiServerDispatcher extends Dispatcher {

  private static final Set<HttpMethod> WRITES =
      Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);

  private final ClusterObjectStore store;
  private final FaultInjector faults;
  private final Runnable forgetRecordedRequests;

  ApiServerDispatcher(
      ClusterObjectStore store, FaultInjector faults, Runnable forgetRecordedRequests) {
    this.store = store;
    this.faults = faults;
    this.forgetRecordedRequests = forgetRecordedRequests;
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    // the mock web server keeps every request in an unbounded queue: a long demo would pile up
    forgetRecordedRequests.run();
    if (WRITES.contains(request.method())) {
      OptionalInt failure = faults.takeFailure();
      if (failure.isPresent()) {
        return StatusResponses.failure(
            failure.getAsInt(), "injected fault for " + request.getRequestLine());
      }
    }
    if (request.method() == HttpMethod.GET) {
      OptionalInt failure = faults.readFailure();
      if (failure.isPresent()) {
        return StatusResponses.failure(
            failure.getAsInt(), "injected fault for " + request.getRequestLine());
      }
    }
    Duration delay = faults.answerDelay();
    MockResponse response = store.dispatch(request);
    if (request.method() == HttpMethod.GET && faults.emptyLists()) {
      response = EmptyLists.emptied(response);
    }
    if (!delay.isZero() && !isWatch(request)) {
      response.setBodyDelay(delay);
    }
    return response;
  }

  private static boolean isWatch(RecordedRequest request) {
    return request.getPath() != null && request.getPath().contains("watch=");
  }

  @Override
  public void shutdown() {
    store.shutdown();
  }
}
