package dev.meshfed.testbed;

import static io.fabric8.kubernetes.client.server.mock.KubernetesAttributesExtractor.NAME;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.mockwebserver.crud.Attribute;
import io.fabric8.mockwebserver.crud.AttributeSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParsedDefinitionsTest {

  private static final AttributeSet KEY = new AttributeSet(new Attribute(NAME, "a.example.com"));

  private final ParsedDefinitions definitions = new ParsedDefinitions();

  @Test
  void anUnchangedDefinitionIsParsedOnce() {
    String state = "{\"spec\":{\"group\":\"example.com\"}}";

    assertThat(definitions.of(Map.entry(KEY, state)))
        .isSameAs(definitions.of(Map.entry(KEY, state)));
  }

  @Test
  void aChangedDefinitionIsParsedAgain() {
    definitions.of(Map.entry(KEY, "{\"spec\":{\"group\":\"example.com\"}}"));

    String group =
        definitions
            .of(Map.entry(KEY, "{\"spec\":{\"group\":\"example.org\"}}"))
            .path("spec")
            .path("group")
            .asText();

    assertThat(group).isEqualTo("example.org");
  }

  @Test
  void itsModelIsMadeOncePerStoredStateToo() {
    String state = "{\"spec\":{\"group\":\"example.com\"}}";
    assertThat(definitions.model(Map.entry(KEY, state)))
        .isSameAs(definitions.model(Map.entry(KEY, state)));

    String changed = "{\"spec\":{\"group\":\"example.org\"}}";
    assertThat(definitions.model(Map.entry(KEY, changed)).getSpec().getGroup())
        .isEqualTo("example.org");
  }
}
