package dev.meshfed.testbed;

import static io.fabric8.kubernetes.client.server.mock.KubernetesAttributesExtractor.NAME;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.mockwebserver.crud.Attribute;
import io.fabric8.mockwebserver.crud.AttributeSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoredDefinitionsTest {

  private static final String WIDGETS =
      "{\"apiVersion\":\"apiextensions.k8s.io/v1\",\"kind\":\"CustomResourceDefinition\","
          + "\"metadata\":{\"name\":\"widgets.example.com\"},"
          + "\"spec\":{\"group\":\"example.com\",\"scope\":\"Namespaced\","
          + "\"names\":{\"kind\":\"Widget\",\"plural\":\"widgets\"},"
          + "\"versions\":[{\"name\":\"v1\",\"served\":true,\"storage\":true},"
          + "{\"name\":\"v1beta1\",\"served\":false},{\"name\":\"v1alpha1\"}]}}";
  private static final String INCOMPLETE =
      "{\"apiVersion\":\"apiextensions.k8s.io/v1\",\"kind\":\"CustomResourceDefinition\","
          + "\"metadata\":{\"name\":\"gadgets.example.com\"},\"spec\":{\"group\":\"example.com\"}}";

  private final Map<AttributeSet, String> stored = new LinkedHashMap<>();
  private final StoredDefinitions definitions =
      new StoredDefinitions(
          address ->
              stored.entrySet().stream()
                  .filter(entry -> entry.getKey().matches(address))
                  .findFirst()
                  .orElse(null),
          query -> List.copyOf(stored.entrySet()));

  @Test
  void aKindIsServedInTheVersionsItsDefinitionServesOnly() {
    stored.put(key("widgets.example.com"), WIDGETS);

    assertThat(definitions.servedVersions("example.com", "widgets"))
        .containsExactly("v1", "v1alpha1");
    assertThat(definitions.kind("example.com", "v1", "widgets")).hasValue("Widget");
    assertThat(definitions.kind("example.com", "v1beta1", "widgets")).isEmpty();
  }

  @Test
  void withoutADefinitionNothingIsServed() {
    assertThat(definitions.servedVersions("example.com", "widgets")).isEmpty();
    assertThat(definitions.kind("example.com", "v1", "widgets")).isEmpty();
    assertThat(definitions.definition("example.com", "widgets")).isEmpty();
  }

  @Test
  void discoveryIsGivenTheCompleteDefinitionsOnly() {
    stored.put(key("widgets.example.com"), WIDGETS);
    stored.put(key("gadgets.example.com"), INCOMPLETE);

    assertThat(definitions.complete())
        .extracting(crd -> crd.getMetadata().getName())
        .containsExactly("widgets.example.com");
  }

  private static AttributeSet key(String name) {
    return new AttributeSet(
        new Attribute("api", StoredDefinitions.GROUP),
        new Attribute("plural", "customresourcedefinitions"),
        new Attribute(NAME, name));
  }
}
