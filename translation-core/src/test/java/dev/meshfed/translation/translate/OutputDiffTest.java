package dev.meshfed.translation.translate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshfed.translation.model.ObjectId;
import dev.meshfed.translation.translate.OutputDiff.HostChangeType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A unit's new result against the summary of what it wrote before. */
class OutputDiffTest {

  private static final ObjectId REVIEWS = new ObjectId("c1", "Service", "bookinfo", "reviews");
  private static final ObjectId REVIEWS_2 = new ObjectId("c2", "Service", "bookinfo", "reviews");

  @Test
  void anUnchangedResultWritesNothing() {
    UnitResult result = result(entry("c2", 9080, REVIEWS), rule("c2", "ISTIO_MUTUAL"));

    assertThat(diff(result, result).isEmpty()).isTrue();
  }

  @Test
  void onlyTheObjectsThatChangedAreWritten() {
    UnitResult before = result(entry("c2", 9080, REVIEWS), rule("c2", "ISTIO_MUTUAL"));
    UnitResult after = result(entry("c2", 9080, REVIEWS), rule("c2", "DISABLE"));

    OutputDiff diff = diff(before, after);

    assertThat(diff.written()).extracting(Output::kind).containsExactly("DestinationRule");
    assertThat(diff.removed()).isEmpty();
    assertThat(diff.hostChanges()).isEmpty();
  }

  @Test
  void newProvenanceIsAChangeThoughTheManifestIsNot() {
    UnitResult before = result(entry("c2", 9080, REVIEWS));
    UnitResult after = result(entry("c2", 9080, REVIEWS, REVIEWS_2));

    OutputDiff diff = diff(before, after);

    assertThat(diff.written()).hasSize(1);
    assertThat(diff.hostChanges())
        .extracting(OutputDiff.HostChange::type)
        .containsExactly(HostChangeType.UPDATED);
  }

  @Test
  void aWithdrawnHostIsToldWithWhatItWas() {
    UnitResult before = result(entry("c2", 9080, REVIEWS), entry("c3", 9080, REVIEWS));
    UnitResult after = result(entry("c2", 9080, REVIEWS));

    OutputDiff diff = diff(before, after);

    assertThat(diff.removed()).extracting(WrittenObject::cluster).containsExactly("c3");
    assertThat(diff.hostChanges())
        .singleElement()
        .satisfies(
            change -> {
              assertThat(change.type()).isEqualTo(HostChangeType.WITHDRAWN);
              assertThat(change.object())
                  .isEqualTo(
                      new HostedObject(
                          "c3",
                          "ServiceEntry",
                          "istio-system",
                          "reviews",
                          "reviews.bookinfo.global",
                          "ws",
                          "c1",
                          List.of(REVIEWS),
                          "exported"));
            });
  }

  @Test
  void anObjectMovedToAnotherApiVersionIsWrittenAndItsOldKeyRemoved() {
    Output v1beta1 = entry("c2", 9080, REVIEWS);
    Output v1 = withApiVersion(v1beta1, "networking.istio.io/v1");

    OutputDiff diff = diff(result(v1beta1), result(v1));

    assertThat(diff.written()).containsExactly(v1);
    assertThat(diff.removed())
        .extracting(WrittenObject::apiVersion)
        .containsExactly("networking.istio.io/v1beta1");
    assertThat(diff.hostChanges())
        .as("one live object, rewritten")
        .extracting(OutputDiff.HostChange::type)
        .containsExactly(HostChangeType.UPDATED);
  }

  @Test
  void digestsTellManifestsApartAndAgreeOnEqualOnes() {
    assertThat(WrittenObject.of(entry("c2", 9080, REVIEWS)).digest())
        .isEqualTo(WrittenObject.of(entry("c2", 9080, REVIEWS)).digest())
        .isNotEqualTo(WrittenObject.of(entry("c2", 9081, REVIEWS)).digest());
  }

  private static OutputDiff diff(UnitResult before, UnitResult after) {
    return OutputDiff.between(UnitSummary.of(before), after, UnitSummary.of(after));
  }

  private static UnitResult result(Output... outputs) {
    return new UnitResult(List.of(outputs), List.of());
  }

  private static Output entry(String cluster, int port, ObjectId... sources) {
    ObjectNode manifest = JsonNodeFactory.instance.objectNode();
    manifest.putObject("spec").putArray("ports").addObject().put("number", port);
    return new Output(
        cluster,
        "networking.istio.io/v1beta1",
        "ServiceEntry",
        "istio-system",
        "reviews",
        manifest,
        "ws",
        List.of(sources),
        "reviews.bookinfo.global",
        "c1",
        "exported");
  }

  private static Output rule(String cluster, String tlsMode) {
    ObjectNode manifest = JsonNodeFactory.instance.objectNode();
    manifest.putObject("spec").putObject("trafficPolicy").putObject("tls").put("mode", tlsMode);
    return new Output(
        cluster,
        "networking.istio.io/v1beta1",
        "DestinationRule",
        "istio-system",
        "reviews",
        manifest,
        "ws",
        List.of(REVIEWS),
        null,
        "c1",
        "exported");
  }

  private static Output withApiVersion(Output o, String apiVersion) {
    return new Output(
        o.cluster(),
        apiVersion,
        o.kind(),
        o.namespace(),
        o.name(),
        o.manifest(),
        o.workspace(),
        o.sources(),
        o.host(),
        o.sourceCluster(),
        o.reason());
  }
}
