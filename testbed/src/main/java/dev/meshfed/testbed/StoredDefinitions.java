package dev.meshfed.testbed;

import static io.fabric8.kubernetes.client.server.mock.KubernetesAttributesExtractor.API;
import static io.fabric8.kubernetes.client.server.mock.KubernetesAttributesExtractor.NAME;
import static io.fabric8.kubernetes.client.server.mock.KubernetesAttributesExtractor.PLURAL;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.mockwebserver.crud.Attribute;
import io.fabric8.mockwebserver.crud.AttributeSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The CustomResourceDefinitions a cluster's store holds, read as its API server serves them: the
 * versions of a kind it serves, the kind a plural names, a definition's schemas, and every complete
 * definition for the discovery answers.
 */
final class StoredDefinitions {

  static final String GROUP = "apiextensions.k8s.io";
  private static final String DEFINITIONS = "customresourcedefinitions";
  private static final AttributeSet ALL =
      new AttributeSet(new Attribute(API, GROUP), new Attribute(PLURAL, DEFINITIONS));

  private final ParsedDefinitions parsed = new ParsedDefinitions();
  private final Function<AttributeSet, Map.Entry<AttributeSet, String>> find;
  private final Function<AttributeSet, List<Map.Entry<AttributeSet, String>>> findAll;

  /**
   * @param find the stored object an address names, or null; called under the store's lock
   * @param findAll every stored object a query matches; takes the store's lock itself
   */
  StoredDefinitions(
      Function<AttributeSet, Map.Entry<AttributeSet, String>> find,
      Function<AttributeSet, List<Map.Entry<AttributeSet, String>>> findAll) {
    this.find = find;
    this.findAll = findAll;
  }

  /** The stored CRD of group/plural, parsed; not to be modified. */
  Optional<JsonNode> definition(String group, String plural) {
    return Optional.ofNullable(find.apply(address(group, plural))).map(parsed::of);
  }

  /** The versions the stored CRD of group/plural serves; empty without such a CRD. */
  List<String> servedVersions(String group, String plural) {
    return definition(group, plural).map(StoredDefinitions::servedVersions).orElse(List.of());
  }

  /** The kind the stored CRD of group/plural names, if it serves {@code version}. */
  Optional<String> kind(String group, String version, String plural) {
    return definition(group, plural)
        .filter(crd -> servedVersions(crd).contains(version))
        .map(crd -> crd.path("spec").path("names").path("kind").asText());
  }

  /** Each bound to fabric8's model once per stored state: discovery asks for them all. */
  List<CustomResourceDefinition> complete() {
    List<CustomResourceDefinition> crds = new ArrayList<>();
    for (Map.Entry<AttributeSet, String> entry : findAll.apply(ALL)) {
      CustomResourceDefinition crd = parsed.model(entry);
      if (isComplete(crd)) {
        crds.add(crd);
      }
    }
    return crds;
  }

  /** Whether the CRD has what serving its resources needs: a group, names and versions. */
  static boolean isComplete(CustomResourceDefinition crd) {
    return crd.getSpec() != null
        && crd.getSpec().getGroup() != null
        && crd.getSpec().getNames() != null
        && crd.getSpec().getVersions() != null;
  }

  private static List<String> servedVersions(JsonNode crd) {
    List<String> versions = new ArrayList<>();
    for (JsonNode version : crd.path("spec").path("versions")) {
      if (version.path("served").asBoolean(true)) {
        versions.add(version.path("name").asText());
      }
    }
    return versions;
  }

  private static AttributeSet address(String group, String plural) {
    return new AttributeSet(
        new Attribute(API, GROUP),
        new Attribute(PLURAL, DEFINITIONS),
        new Attribute(NAME, plural + "." + group));
  }
}
