package dev.meshfed.testbed;

import dev.meshfed.oracle.istio.IstioCrds;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Queue;

/**
 * One simulated Kubernetes cluster: an in-memory API server (fabric8's mock server in CRUD mode,
 * extended with server-side apply, shared storage of custom resource versions, namespace deletion
 * and discovery) on its own plain-http port of 127.0.0.1. Like a real one, it starts with the
 * system namespaces.
 */
public final class SimulatedCluster implements AutoCloseable {

  private static final String HOST = "127.0.0.1";

  /** The namespaces every Kubernetes API server has. */
  public static final List<String> SYSTEM_NAMESPACES =
      List.of("default", "kube-node-lease", "kube-public", "kube-system");

  private final String name;
  private final KubernetesMockServer server;
  private final ClusterObjectStore store;
  private final FaultInjector faults;
  private final KubernetesClient client;

  private SimulatedCluster(
      String name, KubernetesMockServer server, ClusterObjectStore store, FaultInjector faults) {
    this.name = name;
    this.server = server;
    this.store = store;
    this.faults = faults;
    this.client = new KubernetesClientBuilder().withConfig(clientConfig(url())).build();
  }

  /** Starts a cluster on a random free port. */
  public static SimulatedCluster start(String name) {
    return start(name, 0);
  }

  /** Starts a cluster on {@code port} (0 picks a free one). */
  public static SimulatedCluster start(String name, int port) {
    return start(name, port, WatchHistory.KEPT_CHANGES);
  }

  /** A cluster whose watches can resume from its last {@code keptChanges} changes only. */
  static SimulatedCluster start(String name, int port, int keptChanges) {
    Objects.requireNonNull(name, "name");
    QuietLogging.apply();
    MockWebServer webServer = new MockWebServer();
    ClusterObjectStore store = new ClusterObjectStore(keptChanges);
    FaultInjector faults = new FaultInjector(store::breakWatches);
    ApiServerDispatcher dispatcher = new ApiServerDispatcher(store, faults, webServer::reset);
    // the store answers every request: the fixed answers the mock server registers go unused
    Map<ServerRequest, Queue<ServerResponse>> unusedFixedAnswers = new HashMap<>();
    KubernetesMockServer server =
        new KubernetesMockServer(new Context(), webServer, unusedFixedAnswers, dispatcher, false);
    try {
      server.init(loopback(), port);
    } catch (RuntimeException e) {
      server.destroy();
      throw e;
    }
    SimulatedCluster cluster = new SimulatedCluster(name, server, store, faults);
    cluster.createSystemNamespaces();
    return cluster;
  }

  /** What a real API server creates on its own and keeps. */
  private void createSystemNamespaces() {
    for (String namespace : SYSTEM_NAMESPACES) {
      client
          .namespaces()
          .resource(
              new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
          .create();
    }
  }

  public String name() {
    return name;
  }

  /** The API server URL, {@code http://127.0.0.1:PORT}. */
  public String url() {
    return "http://" + HOST + ":" + server.getPort();
  }

  /** A client of this cluster, closed by {@link #close()}; callers must not close it. */
  public KubernetesClient client() {
    return client;
  }

  /**
   * Installs Istio {@code istioVersion} (1.11 or later) the way it matters to an API server: stores
   * the CRDs of {@link IstioCrds#forVersion} (so discovery lists Istio's kinds in the versions that
   * release serves, and other versions answer 404) and, from then on, writes of Istio objects are
   * checked against the CRD schemas and Istio's webhook rules (422 when rejected). Without it,
   * Istio objects are stored unchecked in every Istio version.
   */
  public void installIstio(String istioVersion) {
    for (CustomResourceDefinition crd : IstioCrds.forVersion(istioVersion)) {
      client.apiextensions().v1().customResourceDefinitions().resource(crd).create();
    }
  }

  /**
   * From now on, the cluster serves only the built-in kinds and those its stored CRDs define, as a
   * real API server: any other kind answers 404. Without it, objects of any custom kind are stored
   * unchecked, so that tests need not create CRDs.
   */
  public void serveOnlyDefinedKinds() {
    store.refuseUndefinedKinds();
  }

  /**
   * When an object of any of the API {@code groups} last changed in this cluster, by {@link
   * System#nanoTime()} of this JVM; empty if none has. A watch would tell the same, at the cost of
   * serialising and parsing every change.
   */
  public OptionalLong lastChangeNanos(Collection<String> groups) {
    return store.lastChangeNanos(groups);
  }

  /**
   * When an object of an API group other than {@code groups} last changed in this cluster other
   * than through its status subresource, by this JVM's {@link System#nanoTime()}; empty if none
   * has.
   */
  public OptionalLong lastChangeBesidesStatusNanosOutside(Collection<String> groups) {
    return store.lastChangeBesidesStatusNanosOutside(groups);
  }

  public FaultInjector faults() {
    return faults;
  }

  @Override
  public void close() {
    client.close();
    server.destroy();
  }

  @Override
  public String toString() {
    return "SimulatedCluster[" + name + " at " + url() + "]";
  }

  private static Config clientConfig(String url) {
    return new ConfigBuilder(Config.empty())
        .withMasterUrl(url)
        .withNamespace("default")
        .withHttp2Disable(true)
        .build();
  }

  private static InetAddress loopback() {
    try {
      return InetAddress.getByName(HOST);
    } catch (UnknownHostException e) {
      throw new IllegalStateException("cannot resolve " + HOST, e);
    }
  }
}
