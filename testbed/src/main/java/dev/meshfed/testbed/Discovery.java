package dev.meshfed.testbed;

import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIGroupBuilder;
import io.fabric8.kubernetes.api.model.APIGroupListBuilder;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceBuilder;
import io.fabric8.kubernetes.api.model.APIResourceListBuilder;
import io.fabric8.kubernetes.api.model.APIVersionsBuilder;
import io.fabric8.kubernetes.api.model.GroupVersionForDiscovery;
import io.fabric8.kubernetes.api.model.RootPathsBuilder;
import io.fabric8.kubernetes.api.model.ServerAddressByClientCIDRBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionNames;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.client.utils.KubernetesVersionPriority;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.http.MockResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The documents clients read before touching objects: {@code /}, {@code /version}, {@code /api},
 * {@code /apis} and the resource list of every built-in or CRD-defined group version. Enough for
 * fabric8's lookups by apiVersion/kind and for {@code kubectl get}.
 */
final class Discovery {

  private static final List<String> VERBS =
      List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");

  private static final Map<String, Object> VERSION =
      Map.of(
          "major", "1",
          "minor", "32",
          "gitVersion", "v1.32.0",
          "gitCommit", "meshfed-testbed",
          "gitTreeState", "clean",
          "buildDate", "2025-01-01T00:00:00Z",
          "goVersion", "go1.23.0",
          "compiler", "gc",
          "platform", "linux/amd64");

  private record Resource(
      String plural, String singular, String kind, boolean namespaced, List<String> shortNames) {

    APIResource toApiResource() {
      return new APIResourceBuilder()
          .withName(plural)
          .withSingularName(singular)
          .withKind(kind)
          .withNamespaced(namespaced)
          .withShortNames(shortNames)
          .withVerbs(VERBS)
          .build();
    }
  }

  private static final Map<String, List<Resource>> BUILT_IN_RESOURCES =
      Map.of(
          "v1",
          List.of(
              new Resource("namespaces", "namespace", "Namespace", false, List.of("ns")),
              new Resource("nodes", "node", "Node", false, List.of("no")),
              new Resource("services", "service", "Service", true, List.of("svc")),
              new Resource("endpoints", "endpoints", "Endpoints", true, List.of("ep")),
              new Resource("pods", "pod", "Pod", true, List.of("po")),
              new Resource("configmaps", "configmap", "ConfigMap", true, List.of("cm")),
              new Resource("secrets", "secret", "Secret", true, List.of()),
              new Resource(
                  "persistentvolumeclaims",
                  "persistentvolumeclaim",
                  "PersistentVolumeClaim",
                  true,
                  List.of("pvc")),
              new Resource(
                  "serviceaccounts", "serviceaccount", "ServiceAccount", true, List.of("sa")),
              new Resource("events", "event", "Event", true, List.of("ev"))),
          "apps/v1",
          List.of(
              new Resource("deployments", "deployment", "Deployment", true, List.of("deploy")),
              new Resource("statefulsets", "statefulset", "StatefulSet", true, List.of("sts")),
              new Resource("daemonsets", "daemonset", "DaemonSet", true, List.of("ds")),
              new Resource("replicasets", "replicaset", "ReplicaSet", true, List.of("rs"))),
          "discovery.k8s.io/v1",
          List.of(
              new Resource("endpointslices", "endpointslice", "EndpointSlice", true, List.of())),
          "rbac.authorization.k8s.io/v1",
          List.of(
              new Resource("clusterroles", "clusterrole", "ClusterRole", false, List.of()),
              new Resource(
                  "clusterrolebindings",
                  "clusterrolebinding",
                  "ClusterRoleBinding",
                  false,
                  List.of()),
              new Resource("roles", "role", "Role", true, List.of()),
              new Resource("rolebindings", "rolebinding", "RoleBinding", true, List.of())),
          "policy/v1",
          List.of(
              new Resource(
                  "poddisruptionbudgets",
                  "poddisruptionbudget",
                  "PodDisruptionBudget",
                  true,
                  List.of("pdb"))),
          "apiextensions.k8s.io/v1",
          List.of(
              new Resource(
                  "customresourcedefinitions",
                  "customresourcedefinition",
                  "CustomResourceDefinition",
                  false,
                  List.of("crd", "crds"))));

  private final Supplier<List<CustomResourceDefinition>> storedCrds;

  Discovery(Supplier<List<CustomResourceDefinition>> storedCrds) {
    this.storedCrds = storedCrds;
  }

  Optional<MockResponse> answer(String pathAndQuery) {
    String path = pathAndQuery.split("\\?", 2)[0];
    return switch (path) {
      case "/" -> Optional.of(json(rootPaths()));
      case "/version" -> Optional.of(json(VERSION));
      case "/api" -> Optional.of(json(apiVersions()));
      case "/apis" -> Optional.of(json(apiGroups()));
      case "/api/v1" -> Optional.of(json(resourceList("v1", BUILT_IN_RESOURCES.get("v1"))));
      case "/openapi/v2", "/openapi/v3" -> Optional.of(StatusResponses.failure(404, "no OpenAPI"));
      default -> path.matches("/apis/[^/]+") ? group(path) : groupVersionResources(path);
    };
  }

  /** The kind a built-in resource {@code plural} of {@code groupVersion} holds. */
  static Optional<String> builtInKind(String groupVersion, String plural) {
    return BUILT_IN_RESOURCES.getOrDefault(groupVersion, List.of()).stream()
        .filter(resource -> resource.plural().equals(plural))
        .map(Resource::kind)
        .findFirst();
  }

  private List<Resource> servedIn(String groupVersion) {
    List<Resource> resources =
        new ArrayList<>(BUILT_IN_RESOURCES.getOrDefault(groupVersion, List.of()));
    for (CustomResourceDefinition crd : storedCrds.get()) {
      if (servedVersions(crd).stream()
          .anyMatch(v -> groupVersion.equals(crd.getSpec().getGroup() + "/" + v))) {
        resources.add(resourceOf(crd));
      }
    }
    return resources;
  }

  private Optional<MockResponse> group(String path) {
    String group = path.substring("/apis/".length());
    TreeSet<String> versions = apiGroupVersions().get(group);
    return versions == null ? Optional.empty() : Optional.of(json(apiGroup(group, versions)));
  }

  private Optional<MockResponse> groupVersionResources(String path) {
    if (!path.matches("/apis/[^/]+/[^/]+")) {
      return Optional.empty();
    }
    String groupVersion = path.substring("/apis/".length());
    List<Resource> resources = servedIn(groupVersion);
    return resources.isEmpty()
        ? Optional.empty()
        : Optional.of(json(resourceList(groupVersion, resources)));
  }

  private Object rootPaths() {
    List<String> paths = new ArrayList<>(List.of("/api", "/api/v1", "/apis", "/version"));
    apiGroupVersions()
        .forEach(
            (group, versions) -> {
              paths.add("/apis/" + group);
              versions.forEach(version -> paths.add("/apis/" + group + "/" + version));
            });
    return new RootPathsBuilder().withPaths(paths).build();
  }

  private static Object apiVersions() {
    return new APIVersionsBuilder()
        .withVersions("v1")
        .withServerAddressByClientCIDRs(
            new ServerAddressByClientCIDRBuilder()
                .withClientCIDR("0.0.0.0/0")
                .withServerAddress("127.0.0.1")
                .build())
        .build();
  }

  private Object apiGroups() {
    List<APIGroup> groups = new ArrayList<>();
    apiGroupVersions().forEach((group, versions) -> groups.add(apiGroup(group, versions)));
    return new APIGroupListBuilder().withGroups(groups).build();
  }

  private Map<String, TreeSet<String>> apiGroupVersions() {
    Map<String, TreeSet<String>> versionsByGroup = new TreeMap<>();
    for (String groupVersion : BUILT_IN_RESOURCES.keySet()) {
      if (groupVersion.contains("/")) {
        String[] parts = groupVersion.split("/");
        versionsByGroup.computeIfAbsent(parts[0], g -> new TreeSet<>()).add(parts[1]);
      }
    }
    for (CustomResourceDefinition crd : storedCrds.get()) {
      versionsByGroup
          .computeIfAbsent(crd.getSpec().getGroup(), g -> new TreeSet<>())
          .addAll(servedVersions(crd));
    }
    return versionsByGroup;
  }

  private static APIGroup apiGroup(String group, TreeSet<String> versions) {
    List<GroupVersionForDiscovery> groupVersions =
        versions.stream()
            .map(version -> new GroupVersionForDiscovery(group + "/" + version, version))
            .toList();
    String preferred = KubernetesVersionPriority.highestPriority(new ArrayList<>(versions));
    return new APIGroupBuilder()
        .withName(group)
        .withVersions(groupVersions)
        .withPreferredVersion(new GroupVersionForDiscovery(group + "/" + preferred, preferred))
        .build();
  }

  private static List<String> servedVersions(CustomResourceDefinition crd) {
    return crd.getSpec().getVersions().stream()
        .filter(version -> !Boolean.FALSE.equals(version.getServed()))
        .map(CustomResourceDefinitionVersion::getName)
        .toList();
  }

  private static Resource resourceOf(CustomResourceDefinition crd) {
    CustomResourceDefinitionNames names = crd.getSpec().getNames();
    return new Resource(
        names.getPlural(),
        names.getSingular() == null ? "" : names.getSingular(),
        names.getKind(),
        "Namespaced".equals(crd.getSpec().getScope()),
        names.getShortNames() == null ? List.of() : names.getShortNames());
  }

  private static Object resourceList(String groupVersion, List<Resource> resources) {
    return new APIResourceListBuilder()
        .withGroupVersion(groupVersion)
        .withResources(resources.stream().map(Resource::toApiResource).toList())
        .build();
  }

  private static MockResponse json(Object body) {
    return new MockResponse()
        .setResponseCode(200)
        .setHeader("Content-Type", "application/json")
        .setBody(Serialization.asJson(body));
  }
}
