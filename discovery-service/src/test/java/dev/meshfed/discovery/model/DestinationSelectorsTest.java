package dev.meshfed.discovery.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshfed.schema.discovery.DestinationSelector;
import dev.meshfed.schema.discovery.ObjectSelector;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DestinationSelectorsTest {

  private final LenientReader reader = new LenientReader();

  @Test
  void readsKindSelectorAndPortAsWritten() {
    var destinations =
        List.of(
            Map.of(
                "kind", "VIRTUAL_DESTINATION",
                "selector",
                    Map.of(
                        "name", "reviews",
                        "namespace", "bookinfo",
                        "cluster", "cluster1",
                        "workspace", "bookinfo",
                        "labels", Map.of("app", "reviews")),
                "port", Map.of("number", 9080)),
            Map.of("kind", "EXTERNAL_SERVICE", "port", Map.of("name", "http")));

    assertThat(read(destinations))
        .containsExactly(
            new DestinationSelector(
                "VIRTUAL_DESTINATION",
                new ObjectSelector(
                    "reviews", "bookinfo", "cluster1", "bookinfo", Map.of("app", "reviews")),
                9080,
                null),
            new DestinationSelector("EXTERNAL_SERVICE", null, null, "http"));
    assertThat(reader.problems()).isEmpty();
  }

  @Test
  void anEmptySelectorSelectsEverythingOfItsKindAndAnAbsentOneIsNull() {
    var destinations = List.of(Map.of("selector", Map.of()), Map.of("port", Map.of()), Map.of());

    assertThat(read(destinations))
        .containsExactly(
            new DestinationSelector(
                "SERVICE", new ObjectSelector(null, null, null, null, Map.of()), null, null),
            new DestinationSelector("SERVICE", null, null, null),
            new DestinationSelector("SERVICE", null, null, null));
    assertThat(reader.problems()).isEmpty();
  }

  @Test
  void aDestinationThatCannotBeFullyReadIsLeftOutAsAProblemNamingItsPath() {
    var nullKind = new HashMap<String, Object>();
    nullKind.put("kind", null);
    nullKind.put("port", Map.of("number", 9080));
    var destinations =
        List.of(
            Map.of("kind", 2),
            Map.of("selector", Map.of("namespace", "bookinfo", "labels", Map.of("app", 1))),
            Map.of("selector", "reviews"),
            Map.of("port", 9080),
            Map.of("port", Map.of("number", 9080, "name", "http")),
            Map.of("port", Map.of("number", "9080")),
            "reviews",
            nullKind);

    assertThat(read(destinations))
        .containsExactly(new DestinationSelector("SERVICE", null, 9080, null));
    assertThat(reader.problems())
        .containsExactly(
            "spec.applyToDestinations[0].kind: expected a string, found '2'",
            "spec.applyToDestinations[1].selector.labels.app: expected a string, found '1'",
            "spec.applyToDestinations[2].selector: expected an object, found 'reviews'",
            "spec.applyToDestinations[3].port: expected an object, found '9080'",
            "spec.applyToDestinations[4].port: expected a number or a name, found both",
            "spec.applyToDestinations[5].port.number: expected a whole number, found '9080'",
            "spec.applyToDestinations[6]: expected an object, found 'reviews'");
  }

  @Test
  void noDestinationsReadAsNone() {
    assertThat(read(null)).isEmpty();
    assertThat(read(List.of())).isEmpty();
    assertThat(read(Map.of("kind", "SERVICE"))).isEmpty();
    assertThat(reader.problems())
        .containsExactly("spec.applyToDestinations: expected a list, found an object");
  }

  private List<DestinationSelector> read(Object destinations) {
    return DestinationSelectors.read(reader, destinations, "spec.applyToDestinations");
  }
}
