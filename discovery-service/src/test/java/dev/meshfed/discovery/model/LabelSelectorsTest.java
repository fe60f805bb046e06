package dev.meshfed.discovery.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LabelSelectorsTest {

  @Test
  void parsesEveryRequirementAsAMatchExpression() {
    LabelSelector selector =
        LabelSelectors.parse(
            "env in (prod, staging),tier notin (cache),!legacy,team,app=web,ver==v1,zone!=a");

    assertThat(selector.getMatchLabels()).isEmpty();
    assertThat(selector.getMatchExpressions())
        .containsExactly(
            requirement("env", "In", "prod", "staging"),
            requirement("tier", "NotIn", "cache"),
            requirement("legacy", "DoesNotExist"),
            requirement("team", "Exists"),
            requirement("app", "In", "web"),
            requirement("ver", "In", "v1"),
            requirement("zone", "NotIn", "a"));
  }

  @Test
  void aBlankSelectorHasNoRequirementAndMatchesEverything() {
    LabelSelector selector = LabelSelectors.parse("  ");

    assertThat(selector.getMatchExpressions()).isEmpty();
    assertThat(LabelSelectors.matches(selector, Map.of())).isTrue();
  }

  @Test
  void keysMayHaveAPrefixAndValuesMayBeEmptyOrKeywords() {
    assertThat(LabelSelectors.parse("istio.io/rev=1-22,x=,y in (in, notin)").getMatchExpressions())
        .containsExactly(
            requirement("istio.io/rev", "In", "1-22"),
            requirement("x", "In", ""),
            requirement("y", "In", "in", "notin"));
  }

  @ParameterizedTest(name = "{0} on {1}: {2}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          istio-discovery=enabled        | istio-discovery=enabled  | true
          istio-discovery=enabled        | istio-discovery=disabled | false
          istio-discovery=enabled        | ""                       | false
          env in (prod,staging)          | env=staging              | true
          env in (prod,staging)          | env=dev                  | false
          env in (prod,staging)          | ""                       | false
          env notin (prod)               | ""                       | true
          env notin (prod)               | env=prod                 | false
          env!=prod                      | ""                       | true
          env!=prod                      | env=dev                  | true
          env!=prod                      | env=prod                 | false
          legacy                         | legacy=                  | true
          legacy                         | other=x                  | false
          !legacy                        | legacy=true              | false
          !legacy                        | env=prod                 | true
          env in (prod,staging),!legacy  | env=prod                 | true
          env in (prod,staging),!legacy  | env=prod;legacy=yes      | false
          x=,y                           | x=;y=1                   | true
          x=                             | x=1                      | false
          a=1,a=2                        | a=1                      | false
          """)
  void matchesAsKubernetesDoes(String expression, String labels, boolean matches) {
    assertThat(LabelSelectors.matches(LabelSelectors.parse(expression), labels(labels)))
        .isEqualTo(matches);
  }

  @Test
  void matchLabelsOfASelectorMustAllBeEqual() {
    LabelSelector selector =
        new LabelSelectorBuilder()
            .addToMatchLabels("env", "prod")
            .addToMatchLabels("a", "b")
            .build();

    assertThat(LabelSelectors.matches(selector, Map.of("env", "prod", "a", "b", "c", "d")))
        .isTrue();
    assertThat(LabelSelectors.matches(selector, Map.of("env", "prod"))).isFalse();
  }

  @Test
  void anUnknownOperatorMatchesNothing() {
    LabelSelector selector =
        new LabelSelectorBuilder()
            .addToMatchExpressions(new LabelSelectorRequirement("env", "Gt", List.of("1")))
            .build();

    assertThat(LabelSelectors.matches(selector, Map.of("env", "2"))).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          env in prod       | position 8: found 'prod', expected '('
          env in ()         | position 9: found ')', expected a label value
          env in (a,)       | position 11: found ')', expected a label value
          env in (a b)      | position 11: found 'b', expected ',' or ')'
          env in (a         | position 10: found the end, expected ',' or ')'
          env=a,            | position 7: found the end, expected a label key
          ,env=a            | position 1: found ',', expected a label key
          env=a=b           | position 6: found '=', expected ',' or the end
          env a             | position 5: found 'a', expected '=', '==', '!=', 'in', 'notin', ','
          !                 | position 2: found the end, expected a label key after '!'
          !env=a            | position 5: found '=', expected ',' or the end
          replicas>3        | position 9: '>' is not supported for labels
          -env=a            | position 1: found '-env', expected a label key
          Example.com/env=a | position 1: found 'Example.com/env', expected a label key whose prefix
          env=-a            | position 5: found '-a', expected a label value
          """)
  void rejectsWhatIsNoLabelSelectorSayingWhereAndWhy(String expression, String message) {
    assertThatThrownBy(() -> LabelSelectors.parse(expression))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Invalid label selector '" + expression + "'")
        .hasMessageContaining(message);
  }

  @Test
  void rejectsKeysAndValuesLongerThanKubernetesAllows() {
    String longName = "a".repeat(64);

    assertThatThrownBy(() -> LabelSelectors.parse(longName + "=x"))
        .hasMessageContaining("expected a label key");
    assertThatThrownBy(() -> LabelSelectors.parse("x=" + longName))
        .hasMessageContaining("expected a label value");
    assertThat(LabelSelectors.parse("a".repeat(63) + "=" + "b".repeat(63)).getMatchExpressions())
        .hasSize(1);
  }

  private static LabelSelectorRequirement requirement(
      String key, String operator, String... values) {
    return new LabelSelectorRequirement(key, operator, List.of(values));
  }

  /** "a=1;b=2" as a map; "" as none. */
  private static Map<String, String> labels(String text) {
    if (text.isEmpty()) {
      return Map.of();
    }
    var labels = new HashMap<String, String>();
    for (String pair : text.split(";")) {
      int equals = pair.indexOf('=');
      labels.put(pair.substring(0, equals), pair.substring(equals + 1));
    }
    return labels;
  }
}
