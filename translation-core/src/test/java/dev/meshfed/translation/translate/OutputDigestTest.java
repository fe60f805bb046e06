package dev.meshfed.translation.translate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshfed.translation.model.ObjectId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Digests are kept in the units store: one computed differently after an upgrade would rewrite
 * every object of the mesh once. This one was computed by the version that first stored digests.
 */
class OutputDigestTest {

  private static final ObjectId REVIEWS = new ObjectId("c1", "Service", "bookinfo", "reviews");

  @Test
  void aDigestIsTheOneEarlierVersionsStored() {
    assertThat(OutputDigest.of(entry(9080))).isEqualTo("geXp699iHXzldDKuqFFeiQ");
  }

  @Test
  void anyChangeOfTheManifestOrSourcesChangesIt() {
    Output entry = entry(9080);

    assertThat(OutputDigest.of(entry(9081))).isNotEqualTo(OutputDigest.of(entry));
    assertThat(
            OutputDigest.of(
                new Output(
                    entry.cluster(),
                    entry.apiVersion(),
                    entry.kind(),
                    entry.namespace(),
                    entry.name(),
                    entry.manifest(),
                    entry.workspace(),
                    List.of(REVIEWS, new ObjectId("c3", "Service", "bookinfo", "reviews")),
                    entry.host(),
                    entry.sourceCluster(),
                    entry.reason())))
        .isNotEqualTo(OutputDigest.of(entry));
  }

  @Test
  void outputsDigestedTogetherGetTheDigestsEachGetsAlone() {
    OutputDigest unit = new OutputDigest();
    Output first = entry(9080);
    Output second = entry(9081);
    Output withoutNamespace =
        new Output(
            "c2",
            first.apiVersion(),
            first.kind(),
            first.namespace(),
            first.name(),
            first.manifest(),
            first.workspace(),
            List.of(new ObjectId("mgmt", "Namespace", null, "gloo-mesh"), REVIEWS),
            first.host(),
            first.sourceCluster(),
            first.reason());

    assertThat(List.of(unit.digest(first), unit.digest(second), unit.digest(withoutNamespace)))
        .containsExactly(
            "geXp699iHXzldDKuqFFeiQ",
            OutputDigest.of(entry(9081)),
            OutputDigest.of(withoutNamespace))
        .doesNotHaveDuplicates();
  }

  private static Output entry(int port) {
    ObjectNode manifest = JsonNodeFactory.instance.objectNode();
    manifest.put("apiVersion", "networking.istio.io/v1beta1").put("kind", "ServiceEntry");
    manifest.putObject("metadata").put("name", "reviews-bookinfo-svc-c1-global");
    ObjectNode spec = manifest.putObject("spec");
    spec.putArray("hosts").add("reviews.bookinfo.svc.c1.global");
    spec.putArray("ports").addObject().put("number", port).put("name", "http-é");
    return new Output(
        "c2",
        "networking.istio.io/v1beta1",
        "ServiceEntry",
        "bookinfo",
        "reviews-bookinfo-svc-c1-global",
        manifest,
        "bookinfo-ws",
        List.of(REVIEWS),
        "reviews.bookinfo.svc.c1.global",
        "c1",
        "federated");
  }
}
