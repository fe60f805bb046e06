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
 * admission; an ExternalService with a port no port can have is INVALID, naming the field.
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
      String undiagnosed = undiagnosedPort(inputs, diagnostics(hostile));
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
        "tenant isolation property: %d meshes, %d hostile inputs; diagnostics on the tenant's"
            + " inputs: %s%n",
        MESHES, hostileInputs, diagnosed);

    assertThat(failures).as("other tenants disturbed").isEmpty();
    assertThat(hostileInputs).isGreaterThanOrEqualTo(MESHES * INPUTS_PER_MESH * 9 / 10);
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
   * A hostile ExternalService with a port no port can have, and no INVALID diagnostic that names
   * that port's field; null when every such input has one.
   */
  private static String undiagnosedPort(
      List<HostileTenant.Placed> inputs, List<Diagnostic> diagnostics) {
    for (HostileTenant.Placed placed : inputs) {
      JsonNode input = placed.input();
      if (!input.path("kind").asText().equals("ExternalService")) {
        continue;
      }
      int port = input.path("ports").path(0).path("number").asInt();
      if (port >= 1 && port <= 65535) {
        continue;
      }
      ObjectId id =
          new ObjectId(
              placed.cluster(),
              "ExternalService",
              input.path("namespace").asText(),
              input.path("name").asText());
      boolean named =
          diagnostics.stream()
              .anyMatch(
                  d ->
                      d.input().equals(id)
                          && d.severity() == Diagnostic.Severity.INVALID
                          && d.message().contains("spec.ports[0].number"));
      if (!named) {
        return id + " has port " + port + " and no INVALID diagnostic naming spec.ports[0].number";
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
