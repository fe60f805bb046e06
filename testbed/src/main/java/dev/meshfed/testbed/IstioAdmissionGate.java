package dev.meshfed.testbed;

import static io.fabric8.kubernetes.client.server.mock.KubernetesAttributesExtractor.API;
import static io.fabric8.kubernetes.client.server.mock.KubernetesAttributesExtractor.PLURAL;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshfed.oracle.istio.FieldErrors;
import dev.meshfed.oracle.istio.IstioAdmission;
import io.fabric8.mockwebserver.crud.AttributeSet;
import java.util.Optional;

/**
 * A new state of an Istio object, checked as Istio's CRD schema and webhook would before it is
 * stored; only when the cluster holds the kind's CRD (Istio installed).
 */
final class IstioAdmissionGate {

  private final StoredDefinitions definitions;

  IstioAdmissionGate(StoredDefinitions definitions) {
    this.definitions = definitions;
  }

  /** Throws an {@link IstioRejection} when Istio would not accept {@code object}. */
  void admit(AttributeSet pathAttributes, ObjectNode object) {
    Optional<String> group = PathAttributes.value(pathAttributes, API);
    Optional<String> plural = PathAttributes.value(pathAttributes, PLURAL);
    if (group.isEmpty() || plural.isEmpty() || !IstioAdmission.isIstioGroup(group.get())) {
      return;
    }
    Optional<JsonNode> crd = definitions.definition(group.get(), plural.get());
    if (crd.isEmpty()) {
      return; // Istio is not installed: nothing checks its objects
    }
    String version = object.path("apiVersion").asText().substring(group.get().length() + 1);
    JsonNode schema = null;
    for (JsonNode declared : crd.get().path("spec").path("versions")) {
      if (declared.path("name").asText().equals(version)) {
        schema = declared.path("schema").path("openAPIV3Schema");
      }
    }
    FieldErrors errors = IstioAdmission.review(schema, object);
    if (!errors.isEmpty()) {
      throw new IstioRejection(group.get(), object, errors);
    }
  }
}
