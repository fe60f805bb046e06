package dev.meshfed.translation.translate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshfed.oracle.istio.FieldErrors;
import dev.meshfed.oracle.istio.IstioAdmission;
import dev.meshfed.oracle.istio.IstioCrds;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Property: for generated meshes ({@link MeshGenerator}), every object translation emits is
 * admitted by its target cluster's Istio: its group and kind have a CRD in that Istio version,
 * which serves its API version, and {@link IstioAdmission} (that version's structural schema, then
 * Istio's webhook rules) finds no error.
 *
 * <p>Seeds are {@code property.seed} (default fixed, so the run is reproducible) to {@code
 * property.seed + property.meshes - 1}. A failure names the seed, the shrunk input (a golden case's
 * input file, ready to save under {@code golden/}), the rejected object and the causes; {@code
 * -Dproperty.seed=S -Dproperty.meshes=1} replays one mesh.
 */
class TranslationAdmissionPropertyTest {

  private static final long FIRST_SEED = Long.getLong("property.seed", 20_260_101L);
  private static final int MESHES = Integer.getInteger("property.meshes", 800);
  private static final int REPORTED = 3;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, Map<String, CustomResourceDefinition>> CRDS =
      new ConcurrentHashMap<>();

  /** One rejected output of one generated mesh. */
  record Rejection(long seed, Output output, List<String> causes) {

    /** Same object kind and the same causes (field paths and messages): the same defect. */
    String signature() {
      return output.apiVersion() + " " + output.kind() + ": " + causes;
    }
  }

  @Test
  void everyOutputIsAdmittedByItsTargetClustersIstio() throws JsonProcessingException {
    long started = System.nanoTime();
    List<Rejection> rejections = new ArrayList<>();
    Map<String, Integer> checked = new TreeMap<>();
    for (long seed = FIRST_SEED; seed < FIRST_SEED + MESHES; seed++) {
      ObjectNode mesh = MeshGenerator.mesh(seed);
      for (Output output : outputs(mesh)) {
        checked.merge(output.apiVersion() + " " + output.kind(), 1, Integer::sum);
        List<String> causes = admission(output, istioVersion(mesh, output.cluster()));
        if (!causes.isEmpty()) {
          rejections.add(new Rejection(seed, output, causes));
        }
      }
    }
    long millis = (System.nanoTime() - started) / 1_000_000;
    int objects = checked.values().stream().mapToInt(Integer::intValue).sum();
    System.out.printf(
        "admission property: %d meshes, %d objects in %d ms: %s%n",
        MESHES, objects, millis, checked);

    assertThat(report(rejections)).as("rejected outputs").isEmpty();
    // the generator must keep reaching every kind translation writes, in each API version
    assertThat(checked.keySet())
        .as("API versions and kinds checked")
        .contains(
            "networking.istio.io/v1beta1 ServiceEntry",
            "networking.istio.io/v1 ServiceEntry",
            "networking.istio.io/v1beta1 Gateway",
            "networking.istio.io/v1 Gateway",
            "networking.istio.io/v1beta1 Sidecar",
            "networking.istio.io/v1 Sidecar",
            "networking.istio.io/v1beta1 DestinationRule",
            "networking.istio.io/v1 DestinationRule",
            "security.istio.io/v1beta1 AuthorizationPolicy",
            "security.istio.io/v1 AuthorizationPolicy");
  }

  private static List<Output> outputs(ObjectNode mesh) {
    GoldenCase golden = GoldenCase.of(mesh);
    return FederationTranslator.translateAll(golden.mesh(), golden.settings()).values().stream()
        .flatMap(result -> result.outputs().stream())
        .toList();
  }

  /** The version of the cluster's istiod: the generator puts at most one in a cluster. */
  private static Optional<String> istioVersion(ObjectNode mesh, String cluster) {
    List<String> versions = new ArrayList<>();
    mesh.path("clusters")
        .path(cluster)
        .forEach(
            o -> {
              if (o.path("kind").asText().equals("ControlPlane")) {
                versions.add(o.path("version").asText());
              }
            });
    assertThat(versions).as("control planes of %s", cluster).hasSizeLessThanOrEqualTo(1);
    return versions.stream().findFirst();
  }

  /** Why the cluster's Istio would refuse {@code output}: empty when it admits it. */
  static List<String> admission(Output output, Optional<String> istioVersion) {
    ObjectNode manifest = output.manifest();
    List<String> causes = new ArrayList<>();
    String apiVersion = manifest.path("apiVersion").asText();
    JsonNode metadata = manifest.path("metadata");
    if (!apiVersion.equals(output.apiVersion())
        || !manifest.path("kind").asText().equals(output.kind())
        || !metadata.path("name").asText().equals(output.name())
        || !metadata.path("namespace").asText().equals(output.namespace())) {
      causes.add("manifest is not the object the output names");
    }
    if (istioVersion.isEmpty()) {
      causes.add("no Istio control plane in cluster " + output.cluster());
      return causes;
    }
    String group = IstioApi.group(apiVersion);
    String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
    CustomResourceDefinition crd =
        crds(istioVersion.get()).get(group + "/" + manifest.path("kind").asText());
    if (crd == null) {
      causes.add("Istio " + istioVersion.get() + " has no CRD for " + group + " " + output.kind());
      return causes;
    }
    Optional<CustomResourceDefinitionVersion> served =
        crd.getSpec().getVersions().stream()
            .filter(v -> v.getName().equals(version) && Boolean.TRUE.equals(v.getServed()))
            .findFirst();
    if (served.isEmpty()) {
      causes.add("Istio " + istioVersion.get() + " does not serve " + apiVersion);
      return causes;
    }
    JsonNode schema = JSON.valueToTree(served.get().getSchema().getOpenAPIV3Schema());
    if (!schema.path("properties").has("spec")) {
      causes.add("CRD " + crd.getMetadata().getName() + " has no schema of spec");
    }
    FieldErrors errors = IstioAdmission.review(schema, manifest.deepCopy());
    errors.causes().forEach(cause -> causes.add(cause.toString()));
    return causes;
  }

  /**
   * Istio's CRDs of that release, and the Multi-Cluster Services CRDs meshfed ships (k8s/mcs-crds)
   * for the ServiceImports it writes.
   */
  private static Map<String, CustomResourceDefinition> crds(String istioVersion) {
    return CRDS.computeIfAbsent(
        istioVersion,
        v ->
            java.util.stream.Stream.concat(IstioCrds.forVersion(v).stream(), MCS_CRDS.stream())
                .collect(
                    Collectors.toMap(
                        crd -> crd.getSpec().getGroup() + "/" + crd.getSpec().getNames().getKind(),
                        crd -> crd)));
  }

  private static final List<CustomResourceDefinition> MCS_CRDS = mcsCrds();

  private static List<CustomResourceDefinition> mcsCrds() {
    try (var files = java.nio.file.Files.list(java.nio.file.Path.of("../k8s/mcs-crds"))) {
      List<CustomResourceDefinition> crds = new ArrayList<>();
      for (var file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        crds.add(
            io.fabric8.kubernetes.client.utils.Serialization.unmarshal(
                java.nio.file.Files.readString(file), CustomResourceDefinition.class));
      }
      return List.copyOf(crds);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Each distinct defect once, with its first seed's input shrunk, up to {@link #REPORTED}. */
  private static List<String> report(List<Rejection> rejections) throws JsonProcessingException {
    Map<String, List<Rejection>> bySignature =
        rejections.stream()
            .collect(
                Collectors.groupingBy(Rejection::signature, TreeMap::new, Collectors.toList()));
    List<String> report = new ArrayList<>();
    for (List<Rejection> same : bySignature.values()) {
      Rejection first = same.get(0);
      if (report.size() == REPORTED) {
        report.add("... and " + (bySignature.size() - REPORTED) + " more distinct rejections");
        break;
      }
      ObjectNode input = shrink(MeshGenerator.mesh(first.seed()), first.signature());
      Output rejected =
          outputs(input).stream()
              .filter(o -> signature(o, input).equals(first.signature()))
              .findFirst()
              .orElse(first.output());
      report.add(
          String.format(
              "%s%n  in %d outputs of %d meshes (seeds %s)%n  shrunk input of seed %d:%n%s"
                  + "  rejected %s/%s/%s/%s:%n%s",
              first.signature(),
              same.size(),
              same.stream().map(Rejection::seed).distinct().count(),
              same.stream().map(Rejection::seed).distinct().limit(5).toList(),
              first.seed(),
              GoldenCase.YAML.writeValueAsString(input).indent(4),
              rejected.cluster(),
              rejected.kind(),
              rejected.namespace(),
              rejected.name(),
              GoldenCase.YAML.writeValueAsString(rejected.manifest()).indent(4)));
    }
    return report;
  }

  private static String signature(Output output, ObjectNode mesh) {
    List<String> causes = admission(output, istioVersion(mesh, output.cluster()));
    return causes.isEmpty() ? "" : new Rejection(0, output, causes).signature();
  }

  /**
   * The input with as many objects left out as still leaves an output rejected for {@code
   * signature}: each object in turn, dropped for good if the rejection stays.
   */
  static ObjectNode shrink(ObjectNode mesh, String signature) {
    ObjectNode smallest = mesh.deepCopy();
    List<String> clusters = new ArrayList<>();
    smallest.path("clusters").fieldNames().forEachRemaining(clusters::add);
    for (String cluster : clusters) {
      ArrayNode objects = (ArrayNode) smallest.path("clusters").path(cluster);
      for (int i = objects.size() - 1; i >= 0; i--) {
        JsonNode removed = objects.remove(i);
        if (!stillRejected(smallest, signature)) {
          objects.insert(i, removed);
        }
      }
    }
    return smallest;
  }

  private static boolean stillRejected(ObjectNode mesh, String signature) {
    try {
      return outputs(mesh).stream().anyMatch(o -> signature(o, mesh).equals(signature));
    } catch (RuntimeException | AssertionError e) {
      return false;
    }
  }
}
