package dev.meshfed.translation.translate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshfed.translation.model.FailoverPolicyInput;
import dev.meshfed.translation.model.FailoverPolicyInput.Locality;
import dev.meshfed.translation.model.FailoverPolicyInput.LocalityMapping;
import dev.meshfed.translation.model.ObjectId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The FailoverPolicy rules golden case failover-locality does not show one by one. */
class FailoverCheckTest {

  private static FailoverPolicyInput policy(List<LocalityMapping> mappings, List<String> labels) {
    return new FailoverPolicyInput(
        new ObjectId("cluster1", "FailoverPolicy", "bookinfo", "failover"),
        "2026-01-01T00:00:00Z",
        1,
        List.of(),
        mappings,
        labels,
        List.of());
  }

  private static LocalityMapping weighted(String from, int east, int west) {
    return new LocalityMapping(
        new Locality(from, null, null),
        List.of(
            new Locality("us-east", null, null, east), new Locality("us-west", null, null, west)));
  }

  @Test
  void priorityLabelsAloneAreEnoughAndValid() {
    assertThat(FailoverCheck.problems(policy(List.of(), List.of("version")))).isEmpty();
    assertThat(FailoverCheck.problems(policy(List.of(), List.of())))
        .containsExactly(
            "spec.config.localityMappings: needs at least one mapping, or"
                + " spec.config.priorityLabels");
  }

  @Test
  void aWeightedMappingMayDistributeToItsOwnRegion() {
    assertThat(FailoverCheck.problems(policy(List.of(weighted("us-east", 70, 30)), List.of())))
        .isEmpty();
  }

  @Test
  void weightsAbove100AndOverlappingFromsAreInvalid() {
    assertThat(
            FailoverCheck.problems(
                policy(
                    List.of(
                        weighted("us-east", 50, 50),
                        new LocalityMapping(
                            new Locality("us-east", "us-east-1a", null),
                            List.of(new Locality("us-west", null, null, 101))),
                        weighted("us-west", 50, 50)),
                    List.of())))
        .containsExactly(
            "spec.config.localityMappings[1].to[0].weight: must be from 1 to 100, not 101",
            "spec.config.localityMappings[1].from: overlaps spec.config.localityMappings[0].from");
  }

  @Test
  void namesWithSlashesOrWildcardsAndBlankOrRepeatedLabelsAreInvalid() {
    LocalityMapping mapping =
        new LocalityMapping(
            new Locality("us-east/a", null, null), List.of(new Locality("*", null, null)));

    assertThat(FailoverCheck.problems(policy(List.of(mapping), List.of("version", " ", "version"))))
        .containsExactly(
            "spec.config.localityMappings[0].from: 'us-east/a' may not contain '/' or '*'",
            "spec.config.localityMappings[0].to[0]: '*' may not contain '/' or '*'",
            "spec.config.priorityLabels[1]: needs a label key",
            "spec.config.priorityLabels[2]: 'version' is named twice");
  }

  @Test
  void localitiesAreIstiosPatternsWithOneTrailingWildcard() {
    assertThat(LocalityLb.locality(new Locality("us-east", null, null))).isEqualTo("us-east/*");
    assertThat(LocalityLb.locality(new Locality("us-east", "a", null))).isEqualTo("us-east/a/*");
    assertThat(LocalityLb.locality(new Locality("us-east", "a", "r1"))).isEqualTo("us-east/a/r1");
  }
}
