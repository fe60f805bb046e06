package dev.meshfed.distribution.model;

import static dev.meshfed.distribution.model.TestManifests.V1;
import static dev.meshfed.distribution.model.TestManifests.serviceEntryJson;
import static dev.meshfed.distribution.model.TestManifests.serviceEntryKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ManifestParserTest {

  private final ManifestParser parser = new ManifestParser(KindTable.ISTIO);

  @Test
  void parsesACompleteManifest() throws InvalidRecordException {
    DesiredManifest manifest =
        parser.parse(serviceEntryKey(V1, "foo"), serviceEntryJson(V1, "foo", "foo.global"));

    assertThat(manifest.type().kind().plural()).isEqualTo("serviceentries");
    assertThat(manifest.object().getMetadata().getLabels())
        .containsEntry("app.kubernetes.io/managed-by", "meshfed");
    assertThat(manifest.object().getAdditionalProperties().get("spec"))
        .isEqualTo(Map.of("hosts", List.of("foo.global"), "resolution", "DNS"));
  }

  @Test
  void aCompleteManifestIsAppliedAsItCame() throws InvalidRecordException {
    String json = serviceEntryJson(V1, "foo", "foo.global");

    DesiredManifest manifest = parser.parse(serviceEntryKey(V1, "foo"), json);

    assertThat(manifest.json()).isSameAs(json);
    assertThat(manifest.hasStatus()).isFalse();
  }

  @Test
  void aStatusIsNoticedWhetherTheManifestWasCompleteOrNot() throws InvalidRecordException {
    String complete =
        """
        {"apiVersion":"networking.istio.io/v1","kind":"ServiceEntry","status":{},
         "metadata":{"name":"foo","namespace":"apps",
                     "labels":{"app.kubernetes.io/managed-by":"meshfed"}}}""";
    String completed = complete.replace(",\"namespace\":\"apps\"", "");

    assertThat(parser.parse(serviceEntryKey(V1, "foo"), complete).hasStatus()).isTrue();
    DesiredManifest filledIn = parser.parse(serviceEntryKey(V1, "foo"), completed);
    assertThat(filledIn.hasStatus()).isTrue();
    assertThat(filledIn.object().getMetadata().getNamespace()).isEqualTo("apps");
  }

  @Test
  void eachObjectToApplyIsAFreshCopy() throws InvalidRecordException {
    DesiredManifest manifest =
        parser.parse(serviceEntryKey(V1, "foo"), serviceEntryJson(V1, "foo", "foo.global"));

    manifest.object().getMetadata().setName("changed-by-a-client");

    assertThat(manifest.object().getMetadata().getName()).isEqualTo("foo");
  }

  @Test
  void fillsInTheNamespaceOfTheKeyAndTheManagedByLabel() throws InvalidRecordException {
    String json =
        """
        {"apiVersion":"networking.istio.io/v1","kind":"ServiceEntry",
         "metadata":{"name":"foo","labels":{"team":"a"}},"spec":{}}""";

    DesiredManifest manifest = parser.parse(serviceEntryKey(V1, "foo"), json);

    assertThat(manifest.object().getMetadata().getNamespace()).isEqualTo("apps");
    assertThat(manifest.object().getMetadata().getLabels())
        .containsEntry("team", "a")
        .containsEntry("app.kubernetes.io/managed-by", "meshfed");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{not json | not a JSON object",
        "[1, 2] | not a JSON object",
        "null | JSON null",
        "{\"apiVersion\":\"networking.istio.io/v1beta1\",\"kind\":\"ServiceEntry\"} | apiVersion",
        "{\"apiVersion\":\"networking.istio.io/v1\",\"kind\":\"Gateway\"} | kind",
        "{\"apiVersion\":\"networking.istio.io/v1\",\"kind\":\"ServiceEntry\"} | no metadata",
        "{\"apiVersion\":\"networking.istio.io/v1\",\"kind\":\"ServiceEntry\",\"metadata\":{\"name\":\"bar\"}} | metadata.name",
        "{\"apiVersion\":\"networking.istio.io/v1\",\"kind\":\"ServiceEntry\",\"metadata\":{\"name\":\"foo\",\"namespace\":\"x\"}} | metadata.namespace",
        "{\"apiVersion\":\"networking.istio.io/v1\",\"kind\":\"ServiceEntry\",\"metadata\":{\"name\":\"foo\",\"labels\":[\"a\"]}} | metadata.labels"
      })
  void rejectsAManifestThatDoesNotFitItsKey(String json, String complaint) {
    assertThatThrownBy(() -> parser.parse(serviceEntryKey(V1, "foo"), json))
        .isInstanceOf(InvalidRecordException.class)
        .hasMessageContaining(complaint);
  }

  @Test
  void rejectsAnUnknownKind() {
    ObjectKey key = new ObjectKey("apps/v1", "Deployment", "apps", "web");

    assertThatThrownBy(() -> parser.parse(key, "{}"))
        .isInstanceOf(InvalidRecordException.class)
        .hasMessageContaining("unknown kind apps/v1 Deployment");
  }

  @Test
  void rejectsAnObjectWithoutNamespace() {
    ObjectKey key = new ObjectKey(V1, "ServiceEntry", "", "foo");

    assertThatThrownBy(() -> parser.resolve(key))
        .isInstanceOf(InvalidRecordException.class)
        .hasMessageContaining("no namespace");
  }
}
