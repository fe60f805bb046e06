package dev.meshfed.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshfed.testbed.SimulatedCluster;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * options.serviceIsolation, step by step: bookinfo (namespace bookinfo in cluster1; bookinfo and
 * bookinfo-backends in cluster2) federates its services; isolation admits only its own identities
 * (cluster1's in trust domain cluster1.example.com, from its mesh config; cluster2's in Istio's
 * default cluster.local), then an importing workspace's too; trimProxyConfig adds a Sidecar per
 * bookinfo namespace; turning isolation off prunes all of it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServiceIsolationIT {

  private static final String POLICY = "AuthorizationPolicy";
  private static final String SIDECAR = "Sidecar";

  private static final List<String> BOOKINFO_PRINCIPALS =
      List.of(
          "cluster.local/ns/bookinfo-backends/sa/*",
          "cluster.local/ns/bookinfo/sa/*",
          "cluster1.example.com/ns/bookinfo/sa/*");
  private static final List<String> BOOKINFO_AND_WEB_PRINCIPALS =
      List.of(
          "cluster.local/ns/bookinfo-backends/sa/*",
          "cluster.local/ns/bookinfo/sa/*",
          "cluster.local/ns/web/sa/*",
          "cluster1.example.com/ns/bookinfo/sa/*");

  private static final List<String> HOSTS =
      List.of(
          "productpage.bookinfo.svc.cluster1.global",
          "ratings.bookinfo-backends.svc.cluster2.global",
          "reviews.bookinfo.svc.cluster2.global");

  @RegisterExtension static final ScenarioRun run = new ScenarioRun("service-isolation");

  private static final String PRODUCTPAGE = "cluster1/bookinfo/productpage";
  private static final String REVIEWS = "cluster2/bookinfo/reviews";
  private static final String RATINGS = "cluster2/bookinfo-backends/ratings";
  private static final String[] BOOKINFO = {
    "cluster1/bookinfo", "cluster2/bookinfo", "cluster2/bookinfo-backends"
  };
  private static final String[] BOOKINFO_AND_WEB = {
    "cluster1/bookinfo", "cluster2/bookinfo", "cluster2/bookinfo-backends", "cluster2/web"
  };

  @Test
  @Order(1)
  void withoutIsolationThereIsNeitherPolicyNorSidecar() throws Exception {
    run.runAndCompare("01-federated");

    for (String cluster : List.of("cluster1", "cluster2")) {
      assertThat(run.hosts(cluster)).containsExactlyInAnyOrderElementsOf(HOSTS);
      assertNoPolicyOrSidecar(cluster);
    }
    assertNoPolicyOrSidecar("mgmt");
    federated(BOOKINFO).check();
  }

  @Test
  @Order(2)
  void isolationAdmitsTheWorkspacesIdentitiesInEachClustersTrustDomainOnTheTargetPorts()
      throws Exception {
    run.runAndCompare("02-isolated");

    GenericKubernetesResource productpage =
        policy("cluster1", "bookinfo", "meshfed-isolation-productpage");
    assertThat(principals(productpage))
        .as("cluster.local cannot be named in cluster1, whose trust domain is its own")
        .containsExactly("cluster1.example.com/ns/bookinfo/sa/*");
    assertThat(anyDomainNamespaces(productpage)).containsExactly("bookinfo", "bookinfo-backends");
    assertThat(ports(productpage)).containsExactly("9080");
    assertThat(selector(productpage)).containsExactly(Map.entry("app", "productpage"));
    assertThat(productpage.<String>get("spec", "action")).isEqualTo("ALLOW");

    GenericKubernetesResource reviews = policy("cluster2", "bookinfo", "meshfed-isolation-reviews");
    assertThat(principals(reviews)).containsExactlyElementsOf(BOOKINFO_PRINCIPALS);
    assertThat(ports(reviews)).as("the target port, not the service port").containsExactly("9081");

    GenericKubernetesResource ratings =
        policy("cluster2", "bookinfo-backends", "meshfed-isolation-ratings");
    assertThat(principals(ratings)).containsExactlyElementsOf(BOOKINFO_PRINCIPALS);
    assertThat(ports(ratings)).containsExactly("9080");

    assertThat(policyNames("cluster1"))
        .as("only in the service's own cluster")
        .containsExactly("bookinfo/meshfed-isolation-productpage");
    assertThat(policyNames("cluster2"))
        .containsExactlyInAnyOrder(
            "bookinfo/meshfed-isolation-reviews", "bookinfo-backends/meshfed-isolation-ratings");
    assertThat(run.managed("cluster1", SIDECAR)).isEmpty();
    assertThat(run.managed("cluster2", SIDECAR)).isEmpty();
    isolated(federated(BOOKINFO), "bookinfo", "bookinfo-backends").check();
  }

  @Test
  @Order(3)
  void anImportingWorkspacesNamespacesJoinThePrincipals() throws Exception {
    run.runAndCompare("03-imported");

    assertThat(anyDomainNamespaces(policy("cluster1", "bookinfo", "meshfed-isolation-productpage")))
        .containsExactly("bookinfo", "bookinfo-backends", "web");
    assertThat(principals(policy("cluster2", "bookinfo", "meshfed-isolation-reviews")))
        .containsExactlyElementsOf(BOOKINFO_AND_WEB_PRINCIPALS);
    assertThat(principals(policy("cluster2", "bookinfo-backends", "meshfed-isolation-ratings")))
        .containsExactlyElementsOf(BOOKINFO_AND_WEB_PRINCIPALS);
    assertThat(policyNames("cluster2"))
        .as("web isolates nothing of its own")
        .containsExactlyInAnyOrder(
            "bookinfo/meshfed-isolation-reviews", "bookinfo-backends/meshfed-isolation-ratings");
    assertThat(exportTo("cluster2", "productpage-bookinfo-svc-cluster1-global"))
        .containsExactly("bookinfo", "bookinfo-backends", "web");
    isolated(federated(BOOKINFO_AND_WEB), "bookinfo", "bookinfo-backends", "web").check();
  }

  @Test
  @Order(4)
  void trimmingAddsASidecarInEachWorkspaceNamespace() throws Exception {
    run.runAndCompare("04-trimmed");

    assertThat(egressHosts(sidecar("cluster1", "bookinfo")))
        .containsExactly("bookinfo/*", "*/*.global");
    List<String> cluster2Hosts = List.of("bookinfo/*", "bookinfo-backends/*", "*/*.global");
    assertThat(egressHosts(sidecar("cluster2", "bookinfo")))
        .containsExactlyElementsOf(cluster2Hosts);
    assertThat(egressHosts(sidecar("cluster2", "bookinfo-backends")))
        .containsExactlyElementsOf(cluster2Hosts);
    assertThat(run.managed("cluster2", SIDECAR))
        .as("web does not trim its proxies")
        .extracting(o -> o.getMetadata().getNamespace())
        .containsExactlyInAnyOrder("bookinfo", "bookinfo-backends");
    assertThat(principals(policy("cluster2", "bookinfo", "meshfed-isolation-reviews")))
        .containsExactlyElementsOf(BOOKINFO_AND_WEB_PRINCIPALS);
    isolated(federated(BOOKINFO_AND_WEB), "bookinfo", "bookinfo-backends", "web").check();
  }

  @Test
  @Order(5)
  void disablingIsolationPrunesEveryPolicyAndSidecar() throws Exception {
    run.runAndCompare("05-disabled");

    for (String cluster : List.of("cluster1", "cluster2")) {
      assertNoPolicyOrSidecar(cluster);
      assertThat(run.hosts(cluster)).as("federation goes on").containsAll(HOSTS);
    }
    federated(BOOKINFO_AND_WEB)
        .admitsLocally(
            "cluster2/bookinfo/reviews",
            9080,
            withSystemNamespaces("bookinfo", "bookinfo-backends", "istio-system", "web"))
        .admitsLocally(
            "cluster1/bookinfo/productpage", 9080, withSystemNamespaces("bookinfo", "istio-system"))
        .check();
  }

  /** Without isolation every namespace of the cluster is admitted: the system ones too. */
  private static String[] withSystemNamespaces(String... namespaces) {
    List<String> all = new ArrayList<>(List.of(namespaces));
    all.addAll(SimulatedCluster.SYSTEM_NAMESPACES);
    return all.toArray(String[]::new);
  }

  /** Every federated host reaches its pods from exactly the consumers. */
  private static Traffic federated(String[] consumers) {
    return Traffic.of(run)
        .federated("productpage.bookinfo.svc.cluster1.global", 9080, PRODUCTPAGE, consumers)
        .federated("reviews.bookinfo.svc.cluster2.global", 9080, REVIEWS, consumers)
        .federated("ratings.bookinfo-backends.svc.cluster2.global", 9080, RATINGS, consumers);
  }

  /**
   * Isolation admits exactly the workspace's and importers' namespaces to each service, local
   * callers included, and denies the rest of its cluster (its gateway namespace too).
   */
  private static Traffic isolated(Traffic traffic, String... cluster2Namespaces) {
    return traffic
        .admitsLocally("cluster1/bookinfo/productpage", 9080, "bookinfo")
        .admitsLocally("cluster2/bookinfo/reviews", 9080, cluster2Namespaces)
        .admitsLocally("cluster2/bookinfo-backends/ratings", 9080, cluster2Namespaces);
  }

  private static void assertNoPolicyOrSidecar(String cluster) {
    assertThat(run.managed(cluster, POLICY)).as("policies in %s", cluster).isEmpty();
    assertThat(run.managed(cluster, SIDECAR)).as("Sidecars in %s", cluster).isEmpty();
  }

  private static GenericKubernetesResource policy(String cluster, String namespace, String name) {
    return run.managed(cluster, POLICY, namespace, name)
        .orElseThrow(
            () ->
                new AssertionError(
                    "no " + POLICY + " " + namespace + "/" + name + " in " + cluster));
  }

  private static GenericKubernetesResource sidecar(String cluster, String namespace) {
    return run.managed(cluster, SIDECAR, namespace, "meshfed-bookinfo")
        .orElseThrow(
            () ->
                new AssertionError("no Sidecar meshfed-bookinfo in " + cluster + "/" + namespace));
  }

  private static List<String> policyNames(String cluster) {
    return run.managed(cluster, POLICY).stream()
        .map(o -> o.getMetadata().getNamespace() + "/" + o.getMetadata().getName())
        .toList();
  }

  private static List<String> principals(GenericKubernetesResource policy) {
    return policy.get("spec", "rules", 0, "from", 0, "source", "principals");
  }

  /** The namespaces a policy admits in any trust domain (its second source). */
  private static List<String> anyDomainNamespaces(GenericKubernetesResource policy) {
    return policy.get("spec", "rules", 0, "from", 1, "source", "namespaces");
  }

  private static List<String> ports(GenericKubernetesResource policy) {
    return policy.get("spec", "rules", 0, "to", 0, "operation", "ports");
  }

  private static Map<String, String> selector(GenericKubernetesResource policy) {
    return policy.get("spec", "selector", "matchLabels");
  }

  private static List<String> egressHosts(GenericKubernetesResource sidecar) {
    return sidecar.get("spec", "egress", 0, "hosts");
  }

  private static List<String> exportTo(String cluster, String serviceEntry) {
    return run.serviceEntry(cluster, serviceEntry).get("spec", "exportTo");
  }
}
