package dev.meshfed.translation.translate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshfed.translation.model.ObjectId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Property: a tenant's malformed or hostile inputs ({@link HostileTenant}) disturb nothing of the
 * other tenants. For generated meshes ({@link MeshGenerator}), translated with the tenant's
 * Workspace alone and then with its inputs: nothing throws; every other object is byte-identical,
 * unless the tenant's inputs are among its sources (an importer of "*" legitimately gains the
 * tenant's exported services); no object is withdrawn; every object passes its cluster's Istio
 * admission; an input given a field that must be refused (an ExternalService's impossible port, a
 * Service field Kubernetes would refuse) is INVALID, naming the field.
 *
 * <p>Seeds from {@code property.seed}; {@code -Dproperty.meshes} and {@code -Dproperty.inputs}
 * (hostile inputs per mesh) run longer. A failure names the seed and the differing object.
 */
class TenantIsolationPropertyTest {

  private static final long FIRST_SEED = Long.getLong("property.seed", 20_261_204L);
  private static final int MESHES = Integer.getInteger("property.meshes", 400);
  private static final int INPUTS_PER_MESH = Integer.getInteger("property.inputs", 25);
  private static final int REPORTED = 5;

  @Test
  void aTenantsBadInputsDisturbNoOtherTenant() {
    List<String> failures = new ArrayList<>();
    int hostileInputs = 0;
    int refusals = 0;
    Map<String, Integer> diagnosed = new TreeMap<>();
    for (long seed = FIRST_SEED; seed < FIRST_SEED + MESHES; seed++) {
      ObjectNode mesh = MeshGenerator.mesh(seed);
      String management = mesh.path("settings").path("managementCluster").asText();
      List<String> clusters = new ArrayList<>();
      mesh.path("clusters").fieldNames().forEachRemaining(clusters::add);
      clusters.remove(management);
      if (clusters.isEmpty()) {
        continue;
      }
      Random random = new Random(seed);
      SortedMap<UnitId, UnitResult> before = translate(mesh);
      HostileTenant tenant =
          new HostileTenant(
              random,
              clusters,
              HostileTenant.namespacesOf(mesh),
              hosts(before),
              workspaces(mesh, management));
      tenant.addShell(mesh, management);
      SortedMap<UnitId, UnitResult> baseline = translate(mesh);
      List<HostileTenant.Placed> inputs = tenant.addInputs(mesh, INPUTS_PER_MESH);
      hostileInputs += inputs.size();
      refusals += (int) inputs.stream().filter(p -> p.refused() != null).count();
      SortedMap<UnitId, UnitResult> hostile;
      try {
        hostile = translate(mesh);
      } catch (RuntimeException e) {
        failures.add("seed " + seed + ": translation threw " + e);
        continue;
      }
      String problem = isolationProblem(outputs(baseline), outputs(hostile));

      if (problem != null && failures.size() < REPORTED) {
        failures.add("seed " + seed + ": " + problem);
      }
      String undiagnosed = undiagnosedRefusal(inputs, diagnostics(hostile));
      if (undiagnosed != null && failures.size() < REPORTED) {
        failures.add("seed " + seed + ": " + undiagnosed);
      }
      String refused = admissionProblem(mesh, hostile);
      if (refused != null && failures.size() < REPORTED) {
        failures.add("seed " + seed + ": " + refused);
      }
      diagnostics(hostile)
          .forEach(d -> diagnosed.merge(d.input().kind() + " " + d.severity(), 1, Integer::sum));
    }
    System.out.printf(
        "tenant isolation property: %d meshes, %d hostile inputs (%d given a field to refuse);"
            + " diagnostics on the tenant's inputs: %s%n",
        MESHES, hostileInputs, refusals, diagnosed);

    assertThat(failures).as("other tenants disturbed").isEmpty();
    assertThat(hostileInputs).isGreaterThanOrEqualTo(MESHES * INPUTS_PER_MESH * 9 / 10);
    assertThat(refusals).as("inputs given a field to refuse").isGreaterThan(MESHES);
  }

  private static SortedMap<UnitId, UnitResult> translate(ObjectNode mesh) {
    GoldenCase golden = GoldenCase.of(mesh);
    return FederationTranslator.translateAll(golden.mesh(), golden.settings());
  }

  private static Map<String, Output> outputs(SortedMap<UnitId, UnitResult> results) {
    Map<String, Output> outputs = new HashMap<>();
    results.values().stream()
        .flatMap(r -> r.outputs().stream())
        .forEach(
            o ->
                outputs.put(
                    String.join(
                        "/", o.cluster(), o.apiVersion(), o.kind(), o.namespace(), o.name()),
                    o));
    return outputs;
  }

  private static List<Diagnostic> diagnostics(SortedMap<UnitId, UnitResult> results) {
    return results.values().stream()
        .flatMap(r -> r.diagnostics().stream())
        .filter(d -> isTenants(d.input()))
        .toList();
  }

  /** What changed for others, or null: each change must come from the tenant's inputs. */
  static String isolationProblem(Map<String, Output> baseline, Map<String, Output> hostile) {
    for (Map.Entry<String, Output> entry : baseline.entrySet()) {
      Output after = hostile.get(entry.getKey());
      if (after == null) {
        return "withdrew " + entry.getKey() + " (sources " + entry.getValue().sources() + ")";
      }
      if (!after.manifest().equals(entry.getValue().manifest()) && !fromTenant(after)) {
        return "changed "
            + entry.getKey()
            + " without a source of the tenant: "
            + entry.getValue().manifest()
            + " -> "
            + after.manifest();
      }
    }
    for (Map.Entry<String, Output> entry : hostile.entrySet()) {
      if (!baseline.containsKey(entry.getKey()) && !fromTenant(entry.getValue())) {
        return "added "
            + entry.getKey()
            + " without a source of the tenant: "
            + entry.getValue().sources();
      }
    }
    return null;
  }

  /**
   * A hostile input given a field that must be refused (an ExternalService's impossible port, a
   * Service field Kubernetes would refuse) with no INVALID diagnostic naming that field; null when
   * every such input has one.
   */
  private static String undiagnosedRefusal(
      List<HostileTenant.Placed> inputs, List<Diagnostic> diagnostics) {
    // a later input of the same id replaces an earlier one, as on an API server
    Map<ObjectId, HostileTenant.Placed> last = new java.util.LinkedHashMap<>();
    for (HostileTenant.Placed placed : inputs) {
      JsonNode input = placed.input();
      last.put(
          new ObjectId(
              placed.cluster(),
              input.path("kind").asText(),
              input.path("namespace").asText(),
              input.path("name").asText()),
          placed);
    }
    for (Map.Entry<ObjectId, HostileTenant.Placed> entry : last.entrySet()) {
      ObjectId id = entry.getKey();
      String refused = entry.getValue().refused();
      if (refused == null) {
        continue;
      }
      boolean named =
          diagnostics.stream()
              .anyMatch(
                  d ->
                      d.input().equals(id)
                          && d.severity() == Diagnostic.Severity.INVALID
                          && d.message().contains(refused));
      if (!named) {
        return id
            + " has no INVALID diagnostic naming "
            + refused
            + ": "
            + entry.getValue().input();
      }
    }
    return null;
  }

  private static String admissionProblem(ObjectNode mesh, SortedMap<UnitId, UnitResult> results) {
    for (Output output : outputs(results).values()) {
      Optional<String> version = istioVersion(mesh, output.cluster());
      List<String> causes = TranslationAdmissionPropertyTest.admission(output, version);
      if (!causes.isEmpty()) {
        return "Istio "
            + version.orElse("-")
            + " refuses "
            + output.kind()
            + " "
            + output.namespace()
            + "/"
            + output.name()
            + " in "
            + output.cluster()
            + ": "
            + causes
            + "\n"
            + output.manifest();
      }
    }
    return null;
  }

  /**
   * Whether the tenant's inputs are among the object's sources; or it is a cluster's shared
   * east-west Gateway for a host suffix, which exists while any service with that suffix needs it.
   */
  private static boolean fromTenant(Output output) {
    return output.sources().stream().anyMatch(TenantIsolationPropertyTest::isTenants)
        || (output.kind().equals("Gateway") && output.name().startsWith("meshfed-eastwest-"));
  }

  private static boolean isTenants(ObjectId id) {
    return id.namespace().equals(HostileTenant.NAMESPACE)
        || id.namespace().equals(HostileTenant.NO_WORKSPACE)
        || id.name().equals(HostileTenant.WORKSPACE);
  }

  private static List<String> hosts(SortedMap<UnitId, UnitResult> results) {
    Set<String> hosts = new LinkedHashSet<>();
    outputs(results).values().stream()
        .sorted(Comparator.comparing(Output::name))
        .map(Output::host)
        .filter(h -> h != null && !h.isEmpty())
        .forEach(hosts::add);
    return List.copyOf(hosts);
  }

  private static List<String> workspaces(JsonNode mesh, String management) {
    List<String> names = new ArrayList<>();
    mesh.path("clusters")
        .path(management)
        .forEach(
            o -> {
              if (o.path("kind").asText().equals("Workspace")) {
                names.add(o.path("name").asText());
              }
            });
    return names;
  }

  private static Optional<String> istioVersion(JsonNode mesh, String cluster) {
    for (JsonNode o : mesh.path("clusters").path(cluster)) {
      if (o.path("kind").asText().equals("ControlPlane")) {
        return Optional.of(o.path("version").asText());
      }
    }
    return Optional.empty();
  }
}
