package dev.meshfed.oracle.mesh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

/**
 * The Istio objects of each cluster an API server with that cluster's Istio release would refuse:
 * an API version the release does not serve, its CRD's structural schema, Istio's webhook rules.
 */
public final class ConfigAdmission {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ConfigAdmission() {}

  /** An object refused in a cluster, and why. */
  public record Refusal(String cluster, String object, String reason) {}

  public static List<Refusal> refusals(MeshOracle oracle, Map<String, List<JsonNode>> objects) {
    List<Refusal> refusals = new ArrayList<>();
    objects.forEach(
        (cluster, list) ->
            oracle
                .istioVersion(cluster)
                .ifPresent(
                    version -> {
                      List<CustomResourceDefinition> crds =
                          IstioCrds.forVersion(version.toString());
                      for (JsonNode object : list) {
                        review(crds, object, version.toString())
                            .ifPresent(
                                reason -> refusals.add(new Refusal(cluster, ref(object), reason)));
                      }
                    }));
    return refusals;
  }

  private static Optional<String> review(
      List<CustomResourceDefinition> crds, JsonNode object, String istioVersion) {
    String[] apiVersion = Json.text(object, "apiVersion").split("/", 2);
    if (apiVersion.length < 2 || !IstioAdmission.isIstioGroup(apiVersion[0])) {
      return Optional.empty();
    }
    Optional<CustomResourceDefinition> crd =
        crds.stream()
            .filter(c -> c.getSpec().getGroup().equals(apiVersion[0]))
            .filter(c -> c.getSpec().getNames().getKind().equals(Json.kind(object)))
            .findFirst();
    Optional<CustomResourceDefinitionVersion> served =
        crd.stream()
            .flatMap(c -> c.getSpec().getVersions().stream())
            .filter(v -> v.getName().equals(apiVersion[1]) && v.getServed())
            .findFirst();
    if (served.isEmpty()) {
      return Optional.of("this Istio release does not serve " + Json.text(object, "apiVersion"));
    }
    ObjectNode written = object.deepCopy();
    written.remove("status");
    JsonNode schema = JSON.valueToTree(served.get().getSchema().getOpenAPIV3Schema());
    FieldErrors errors = IstioAdmission.review(schema, written, istioVersion);
    return errors.isEmpty() ? Optional.empty() : Optional.of(errors.causes().toString());
  }

  private static String ref(JsonNode object) {
    return Json.kind(object) + "/" + Json.namespace(object) + "/" + Json.name(object);
  }
}
