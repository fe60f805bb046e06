package dev.meshfed.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.meshfed.testbed.Kubeconfig;
import dev.meshfed.testbed.SimulatedCluster;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The install scripts (install/) against two simulated clusters through kubectl, wherever they only
 * need the Kubernetes API: the management plane, registering a workload cluster (twice: nothing
 * changes), federation, and an uninstall that leaves nothing of meshfed behind. The Strimzi
 * operator is played by the test: it writes the secrets Strimzi would.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InstallScriptsIT {

  private static final Path INSTALL = Path.of("../install");
  private static final Path TRANSCRIPT = Path.of("target/install-transcript.txt");
  private static final ResourceDefinitionContext KUBERNETES_CLUSTERS =
      meshfed("KubernetesCluster", "kubernetesclusters");
  private static final String SERVICE_EXPORTS_CRD = "serviceexports.multicluster.x-k8s.io";
  private static final String MCS_API_VERSION = "multicluster.x-k8s.io/v1alpha1";
  private static final String SERVICE_IMPORTS_CRD = "serviceimports.multicluster.x-k8s.io";

  @TempDir static Path dir;
  private static SimulatedCluster mgmt;
  private static SimulatedCluster cluster1;
  private static SimulatedStrimzi strimzi;
  private static Path kubeconfig;

  @BeforeAll
  static void start() throws Exception {
    assumeThat(Commands.run(List.of("kubectl", "version", "--client"), Map.of()).exitCode())
        .as("the scripts drive kubectl, which is not installed here")
        .isZero();
    Files.deleteIfExists(TRANSCRIPT);
    mgmt = SimulatedCluster.start("mgmt");
    cluster1 = SimulatedCluster.start("cluster1");
    cluster1.installIstio("1.24");
    strimzi = new SimulatedStrimzi(mgmt);
    kubeconfig = dir.resolve("kubeconfig");
    Kubeconfig.write(kubeconfig, List.of(mgmt, cluster1));
  }

  @AfterAll
  static void stop() {
    if (mgmt != null) {
      mgmt.close();
    }
    if (cluster1 != null) {
      cluster1.close();
    }
  }

  @Test
  @Order(0)
  void bookinfoGoesIntoAnInjectedNamespaceWithOnlyTheServicesAsked() throws Exception {
    Commands.Run bookinfo =
        run(
            "install-bookinfo.sh",
            "--context",
            "cluster1",
            "--manifest",
            Path.of("../scenarios/bookinfo/cluster1/bookinfo.yaml").toAbsolutePath().toString(),
            "--only",
            "reviews,ratings");

    assertThat(bookinfo.exitCode()).as(bookinfo.output()).isZero();
    assertThat(cluster1.client().namespaces().withName("bookinfo").get().getMetadata().getLabels())
        .containsEntry("istio-injection", "enabled");
    assertThat(cluster1.client().services().inNamespace("bookinfo").list().getItems())
        .extracting(service -> service.getMetadata().getName())
        .containsExactly("reviews");
  }

  @Test
  @Order(0)
  void istioGetsAnEastWestGatewayOnALoadBalancerOrANodePort() throws Exception {
    for (String gateway : List.of("loadbalancer", "nodeport")) {
      Commands.Run dryRun =
          run(
              "install-istio.sh",
              "--cluster",
              "cluster1",
              "--network",
              "network1",
              "--gateway",
              gateway,
              "--dry-run");
      assertThat(dryRun.exitCode()).as(dryRun.output()).isZero();
      var operator =
          new com.fasterxml.jackson.databind.ObjectMapper(
                  new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
              .readTree(dryRun.output());
      var values = operator.path("spec").path("values").path("global");
      assertThat(values.path("multiCluster").path("clusterName").asText()).isEqualTo("cluster1");
      assertThat(values.path("network").asText()).isEqualTo("network1");
      var eastWest = operator.path("spec").path("components").path("ingressGateways").get(0);
      assertThat(eastWest.path("label").path("istio").asText()).isEqualTo("eastwestgateway");
      assertThat(eastWest.path("label").path("topology.istio.io/network").asText())
          .isEqualTo("network1");
      var service = eastWest.path("k8s").path("service");
      assertThat(service.path("type").asText())
          .isEqualTo(gateway.equals("nodeport") ? "NodePort" : "LoadBalancer");
      var tls = service.path("ports").get(1);
      assertThat(tls.path("port").asInt()).isEqualTo(15443);
      assertThat(tls.path("nodePort").asInt()).isEqualTo(gateway.equals("nodeport") ? 32443 : 0);
    }
  }

  @Test
  @Order(1)
  void theManagementPlaneIsInstalledAndItsCredentialsCopiedOnceStrimziWroteThem() throws Exception {
    mgmt.client().resource(anotherImplementationsServiceExportCrd()).create();
    assertThat(run("install-management.sh", "--context", "mgmt", "--no-wait").exitCode()).isZero();
    assertThat(crd(mgmt, SERVICE_EXPORTS_CRD).getSpec().getNames().getShortNames())
        .as("the MCS CRDs another implementation serves are left as they are")
        .isEmpty();
    assertThat(crd(mgmt, SERVICE_IMPORTS_CRD)).isNull();
    assertThat(
            mgmt.client()
                .apps()
                .statefulSets()
                .inNamespace("meshfed")
                .withName("meshfed-translation")
                .get())
        .isNotNull();
    assertThat(strimzi.userNames())
        .contains("meshfed-translation", "meshfed-discovery-mgmt", "meshfed-cli");
    assertThat(secret(mgmt, "meshfed-kafka-credentials-translation")).isNull();

    strimzi.writesSecrets(
        "meshfed-translation", "meshfed-discovery-mgmt", "meshfed-distribution-mgmt");
    Commands.Run again = run("install-management.sh", "--context", "mgmt", "--no-wait");

    assertThat(again.exitCode()).as(again.output()).isZero();
    assertThat(
            decoded(
                secret(mgmt, "meshfed-kafka-credentials-translation"), "KAFKA_SASL_JAAS_CONFIG"))
        .isEqualTo(SimulatedStrimzi.jaas("meshfed-translation"));
    assertThat(decoded(secret(mgmt, "meshfed-kafka-ca"), "ca.crt")).isEqualTo("the cluster CA");
    assertThat(env(mgmt, "meshfed-discovery", "MESHFED_CLUSTER")).isEqualTo("mgmt");
  }

  @Test
  @Order(2)
  void aRegisteredClusterGetsItsUsersServicesCredentialsAndRegistration() throws Exception {
    strimzi.writesSecrets("meshfed-discovery-cluster1", "meshfed-distribution-cluster1");
    Commands.Run first = register();
    Commands.Run second = register();

    assertThat(first.exitCode()).as(first.output()).isZero();
    assertThat(second.exitCode()).as(second.output()).isZero();
    assertThat(crd(cluster1, SERVICE_EXPORTS_CRD).getSpec().getNames().getShortNames())
        .as("k8s/mcs-crds, where the cluster served no ServiceExports")
        .containsExactly("svcex");
    assertThat(crd(cluster1, SERVICE_IMPORTS_CRD)).isNotNull();
    assertThat(strimzi.userNames())
        .contains("meshfed-discovery-cluster1", "meshfed-distribution-cluster1");
    assertThat(env(cluster1, "meshfed-discovery", "MESHFED_CLUSTER")).isEqualTo("cluster1");
    assertThat(env(cluster1, "meshfed-distribution", "MESHFED_CLUSTER")).isEqualTo("cluster1");
    assertThat(
            cluster1
                .client()
                .configMaps()
                .inNamespace("meshfed")
                .withName("meshfed-kafka")
                .get()
                .getData())
        .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "kafka.mgmt.example:9094");
    assertThat(
            decoded(
                secret(cluster1, "meshfed-kafka-credentials-distribution"),
                "KAFKA_SASL_JAAS_CONFIG"))
        .isEqualTo(SimulatedStrimzi.jaas("meshfed-distribution-cluster1"));
    assertThat(
            mgmt.client()
                .genericKubernetesResources(KUBERNETES_CLUSTERS)
                .inNamespace("meshfed")
                .withName("cluster1")
                .get())
        .isNotNull();
    assertThat(
            run(
                    "register-cluster.sh",
                    "Not_A_Name",
                    "--context",
                    "cluster1",
                    "--mgmt-context",
                    "mgmt",
                    "--bootstrap",
                    "x:1")
                .exitCode())
        .isNotZero();
  }

  @Test
  @Order(3)
  void federationGroupsTheNamespacesAndTurnsFederationOn() throws Exception {
    Commands.Run federation =
        run(
            "setup-federation.sh",
            "--mgmt-context",
            "mgmt",
            "--workspace",
            "bookinfo",
            "--member",
            "cluster1:bookinfo,bookinfo-backends",
            "--member",
            "mgmt:bookinfo",
            "--settings-context",
            "cluster1",
            "--settings-namespace",
            "bookinfo");

    assertThat(federation.exitCode()).as(federation.output()).isZero();
    GenericKubernetesResource workspace =
        mgmt.client()
            .genericKubernetesResources(meshfed("Workspace", "workspaces"))
            .inNamespace("meshfed")
            .withName("bookinfo")
            .get();
    assertThat(workspace.get("spec", "workloadClusters").toString())
        .contains("name=cluster1", "name=bookinfo-backends", "name=mgmt");
    GenericKubernetesResource settings =
        cluster1
            .client()
            .genericKubernetesResources(meshfed("WorkspaceSettings", "workspacesettings"))
            .inNamespace("bookinfo")
            .withName("bookinfo-settings")
            .get();
    assertThat(settings.get("spec", "options", "federation", "enabled").toString())
        .isEqualTo("true");
  }

  @Test
  @Order(4)
  void uninstallLeavesNothingOfMeshfedBehind() throws Exception {
    cluster1.client().namespaces().resource(namespace("istio-system")).serverSideApply();
    GenericKubernetesResource applied =
        new io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder()
            .withApiVersion("networking.istio.io/v1")
            .withKind("ServiceEntry")
            .withNewMetadata()
            .withName("reviews-bookinfo-svc-mgmt-global")
            .withNamespace("istio-system")
            .withLabels(Map.of("app.kubernetes.io/managed-by", "meshfed"))
            .endMetadata()
            .addToAdditionalProperties(
                "spec",
                Map.of("hosts", List.of("reviews.bookinfo.svc.mgmt.global"), "resolution", "DNS"))
            .build();
    cluster1.client().resource(applied).create();
    cluster1.client().resource(serviceImport("reviews", true)).create();
    cluster1.client().resource(serviceImport("ratings", false)).create();

    Commands.Run uninstall = run("uninstall.sh", "--mgmt-context", "mgmt", "--context", "cluster1");
    assertThat(uninstall.exitCode()).as(uninstall.output()).isZero();

    for (SimulatedCluster cluster : List.of(mgmt, cluster1)) {
      KubernetesClient client = cluster.client();
      assertThat(client.namespaces().withName("meshfed").get()).as(cluster.name()).isNull();
      assertThat(
              client
                  .rbac()
                  .clusterRoles()
                  .withLabel("app.kubernetes.io/part-of", "meshfed")
                  .list()
                  .getItems())
          .isEmpty();
      assertThat(client.apiextensions().v1().customResourceDefinitions().list().getItems())
          .noneMatch(crd -> crd.getSpec().getGroup().equals("meshfed.dev"));
    }
    assertThat(
            cluster1
                .client()
                .genericKubernetesResources("networking.istio.io/v1", "ServiceEntry")
                .inAnyNamespace()
                .list()
                .getItems())
        .isEmpty();
    assertThat(
            cluster1
                .client()
                .genericKubernetesResources(MCS_API_VERSION, "ServiceImport")
                .inAnyNamespace()
                .list()
                .getItems())
        .as("meshfed's ServiceImports go, another implementation's stay, and the MCS CRDs")
        .extracting(i -> i.getMetadata().getName())
        .containsExactly("ratings");
    assertThat(strimzi.userNames()).isEmpty();
    assertThat(
            mgmt.client()
                .genericKubernetesResources(SimulatedStrimzi.KAFKA_TOPICS)
                .inAnyNamespace()
                .list()
                .getItems())
        .isEmpty();
    assertThat(cluster1.client().services().inNamespace("bookinfo").withName("reviews").get())
        .as("the applications stay")
        .isNotNull();
    assertThat(List.of(crd(mgmt, SERVICE_EXPORTS_CRD), crd(cluster1, SERVICE_EXPORTS_CRD)))
        .as("the MCS CRDs stay: other implementations may share them")
        .doesNotContainNull();
    assertThat(crd(cluster1, SERVICE_IMPORTS_CRD)).isNotNull();
    assertThat(run("uninstall.sh", "--mgmt-context", "mgmt", "--context", "cluster1").exitCode())
        .as("again: nothing left to remove, and no error")
        .isZero();
  }

  @Test
  void everyScriptExplainsItselfAndPassesShellcheck() throws Exception {
    List<String> scripts;
    try (var files = Files.list(INSTALL)) {
      scripts =
          files
              .map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith(".sh"))
              .sorted()
              .toList();
    }
    for (String script : scripts) {
      if (script.equals("lib.sh")) {
        continue;
      }
      Commands.Run help = run(script, "--help");
      assertThat(help.exitCode()).as(script).isZero();
      assertThat(help.output()).as(script).startsWith("Usage: " + script);
    }
    List<String> shellcheck = new ArrayList<>(List.of("shellcheck", "-x"));
    scripts.forEach(s -> shellcheck.add(INSTALL.resolve(s).toString()));
    Commands.Run check = Commands.run(shellcheck, Map.of());
    assumeThat(check.exitCode())
        .as("shellcheck is installed (.ci/run installs it)")
        .isNotEqualTo(-1);
    assertThat(check.exitCode()).as(check.output()).isZero();
  }

  private static Commands.Run register() throws Exception {
    return run(
        "register-cluster.sh",
        "cluster1",
        "--context",
        "cluster1",
        "--mgmt-context",
        "mgmt",
        "--bootstrap",
        "kafka.mgmt.example:9094",
        "--no-wait");
  }

  private static CustomResourceDefinition crd(SimulatedCluster cluster, String name) {
    return cluster.client().apiextensions().v1().customResourceDefinitions().withName(name).get();
  }

  /** A ServiceImport in bookinfo, meshfed's or another MCS implementation's. */
  private static GenericKubernetesResource serviceImport(String name, boolean meshfeds) {
    return new io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder()
        .withApiVersion(MCS_API_VERSION)
        .withKind("ServiceImport")
        .withNewMetadata()
        .withName(name)
        .withNamespace("bookinfo")
        .withLabels(meshfeds ? Map.of("app.kubernetes.io/managed-by", "meshfed") : Map.of())
        .endMetadata()
        .addToAdditionalProperties("spec", Map.of("type", "ClusterSetIP", "ports", List.of()))
        .build();
  }

  /** The MCS ServiceExport CRD as another implementation installed it: without short names. */
  private static CustomResourceDefinition anotherImplementationsServiceExportCrd() {
    return new CustomResourceDefinitionBuilder()
        .withNewMetadata()
        .withName(SERVICE_EXPORTS_CRD)
        .endMetadata()
        .withNewSpec()
        .withGroup("multicluster.x-k8s.io")
        .withScope("Namespaced")
        .withNewNames()
        .withKind("ServiceExport")
        .withPlural("serviceexports")
        .endNames()
        .addNewVersion()
        .withName("v1alpha1")
        .withServed(true)
        .withStorage(true)
        .endVersion()
        .endSpec()
        .build();
  }

  private static Secret secret(SimulatedCluster cluster, String name) {
    return cluster.client().secrets().inNamespace("meshfed").withName(name).get();
  }

  private static String decoded(Secret secret, String key) {
    return new String(
        Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8);
  }

  private static String env(SimulatedCluster cluster, String deployment, String name) {
    Deployment found =
        cluster.client().apps().deployments().inNamespace("meshfed").withName(deployment).get();
    return found.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
        .filter(e -> e.getName().equals(name))
        .findFirst()
        .orElseThrow()
        .getValue();
  }

  private static io.fabric8.kubernetes.api.model.Namespace namespace(String name) {
    return new io.fabric8.kubernetes.api.model.NamespaceBuilder()
        .withNewMetadata()
        .withName(name)
        .endMetadata()
        .build();
  }

  private static Commands.Run run(String script, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(INSTALL.resolve(script).toString()));
    command.addAll(List.of(args));
    Commands.Run result =
        Commands.run(
            command,
            Map.of(
                "KUBECONFIG",
                kubeconfig == null ? "" : kubeconfig.toString(),
                "MESHFED_INSTALL_VALIDATE",
                "false",
                "MESHFED_HOME",
                Path.of("..").toAbsolutePath().normalize().toString()));
    // what docs/install.md shows of each step
    Files.writeString(
        TRANSCRIPT,
        "$ install/" + script + " " + String.join(" ", args) + "\n" + result.output() + "\n",
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
    return result;
  }

  private static ResourceDefinitionContext meshfed(String kind, String plural) {
    return new ResourceDefinitionContext.Builder()
        .withGroup("meshfed.dev")
        .withVersion("v1alpha1")
        .withKind(kind)
        .withPlural(plural)
        .withNamespaced(true)
        .build();
  }
}
