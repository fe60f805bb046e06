package dev.meshfed.translation.translate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RouteSubsetsTest {

  @Test
  void aSubsetIsNamedByItsLabelsSortedByKey() {
    assertThat(RouteSubsets.name(Map.of("version", "v1"))).isEqualTo("version-v1");
    assertThat(RouteSubsets.name(Map.of("version", "v1", "track", "stable")))
        .isEqualTo("track-stable-version-v1");
  }

  @Test
  void labelsADnsLabelCannotSpellAreKeptApartByAHash() {
    String dotted = RouteSubsets.name(Map.of("app.kubernetes.io/version", "v1"));
    String dashed = RouteSubsets.name(Map.of("app-kubernetes-io-version", "v1"));

    assertThat(dotted).matches("app-kubernetes-io-version-v1-[0-9a-f]{10}");
    assertThat(dashed).isEqualTo("app-kubernetes-io-version-v1");
    assertThat(RouteSubsets.name(Map.of("version", "V1")))
        .isNotEqualTo(RouteSubsets.name(Map.of("version", "v1")));
  }

  @Test
  void longLabelsStayWithinADnsLabel() {
    String name = RouteSubsets.name(Map.of("k".repeat(40), "v".repeat(40)));

    assertThat(name).hasSizeLessThanOrEqualTo(63).matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  }
}
