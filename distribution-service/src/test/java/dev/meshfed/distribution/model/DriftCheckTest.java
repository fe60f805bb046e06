package dev.meshfed.distribution.model;

import static dev.meshfed.distribution.model.TestManifests.V1;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DriftCheckTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String HOSTS_AND_LABELS =
      """
      {"f:metadata":{"f:labels":{"f:app.kubernetes.io/managed-by":{}}},
       "f:spec":{"f:hosts":{},"f:resolution":{}}}""";

  private final DesiredManifest desired = desired("a.example");

  @Test
  void anAbsentObjectWasDeleted() {
    assertThat(DriftCheck.of(desired, Optional.empty()))
        .hasValueSatisfying(drift -> assertThat(drift.kind()).isEqualTo(Drift.Kind.DELETED));
  }

  @Test
  void theObjectAsAppliedHasNoDrift() {
    ObjectNode live = applied(desired);
    live.withObjectProperty("metadata").put("resourceVersion", "42").put("uid", "u-1");
    live.putObject("status").put("observedGeneration", 3);

    assertThat(check(live)).isEmpty();
  }

  @Test
  void labelsAndAnnotationsOthersAddAreNotDrift() {
    ObjectNode live = applied(desired);
    live.withObjectProperty("metadata").withObjectProperty("labels").put("argocd", "tracked");
    live.withObjectProperty("metadata").putObject("annotations").put("note", "hi");
    entry(live, "argocd", "Update", "{\"f:metadata\":{\"f:labels\":{\"f:argocd\":{}}}}");

    assertThat(check(live)).isEmpty();
  }

  @Test
  void aChangedValueIsAnEditByWhoeverOwnsItNow() {
    ObjectNode live = applied(desired);
    live.withObjectProperty("spec").putArray("hosts").add("evil.example");
    entry(live, "kubectl-edit", "Update", "{\"f:spec\":{\"f:hosts\":{}}}");

    assertThat(check(live))
        .contains(
            new Drift(
                Drift.Kind.EDITED, List.of("spec.hosts"), List.of(), List.of("kubectl-edit")));
  }

  @Test
  void aValueAnotherManagerAppliedIsTakenOver() {
    ObjectNode live = applied(desired);
    live.withObjectProperty("spec").putArray("hosts").add("other.example");
    entry(live, "ops-tool", "Apply", "{\"f:spec\":{\"f:hosts\":{}}}");

    assertThat(check(live))
        .contains(
            new Drift(
                Drift.Kind.TAKEN_OVER, List.of("spec.hosts"), List.of(), List.of("ops-tool")));
  }

  @Test
  void aRemovedFieldIsAnEdit() {
    ObjectNode live = applied(desired);
    live.withObjectProperty("spec").remove("resolution");

    assertThat(check(live))
        .hasValueSatisfying(
            drift -> {
              assertThat(drift.kind()).isEqualTo(Drift.Kind.EDITED);
              assertThat(drift.fields()).containsExactly("spec.resolution");
              assertThat(drift.managers()).isEmpty();
            });
  }

  @Test
  void aFieldAddedToTheSpecIsAnEditThatAnApplyCannotUndo() {
    ObjectNode live = applied(desired);
    live.withObjectProperty("spec").putArray("exportTo").add(".");
    entry(live, "kubectl", "Update", "{\"f:spec\":{\"f:exportTo\":{}}}");

    assertThat(check(live))
        .contains(
            new Drift(
                Drift.Kind.EDITED,
                List.of("spec.exportTo"),
                List.of(List.of("spec", "exportTo")),
                List.of("kubectl")));
  }

  @Test
  void anotherManagerSettingTheSameValuesSharesTheFields() {
    ObjectNode live = applied(desired);
    entry(live, "ops-tool", "Apply", "{\"f:spec\":{\"f:hosts\":{}}}");

    assertThat(check(live)).isEmpty();
  }

  @Test
  void fieldsMeshfedNoLongerOwnsAreTakenOverEvenWithTheSameValues() {
    ObjectNode live = (ObjectNode) JSON.valueToTree(desired.object());
    entry(
        live,
        DriftCheck.FIELD_MANAGER,
        "Apply",
        "{\"f:metadata\":{\"f:labels\":{\"f:app.kubernetes.io/managed-by\":{}}},"
            + "\"f:spec\":{\"f:resolution\":{}}}");
    entry(live, "ops-tool", "Apply", "{\"f:spec\":{\"f:hosts\":{}}}");

    assertThat(check(live))
        .contains(
            new Drift(
                Drift.Kind.TAKEN_OVER, List.of("spec.hosts"), List.of(), List.of("ops-tool")));
  }

  @Test
  void ownersOfTheStatusOrOfOtherFieldsTakeNothingOver() {
    ObjectNode live = applied(desired);
    entry(live, "pilot-discovery", "Apply", "{\"f:status\":{\"f:conditions\":{}}}")
        .put("subresource", "status");
    entry(live, "argocd", "Update", "{\"f:metadata\":{\"f:labels\":{\"f:argocd\":{}}}}");
    live.withObjectProperty("metadata").withObjectProperty("labels").put("argocd", "x");

    assertThat(check(live)).isEmpty();
  }

  @Test
  void withoutManagedFieldsOwnershipIsNotJudged() {
    ObjectNode live = (ObjectNode) JSON.valueToTree(desired.object());

    assertThat(check(live)).isEmpty();
  }

  @Test
  void anObjectWithoutTheManagedByLabelIsNotMeshfeds() {
    ObjectNode live = applied(desired);
    live.withObjectProperty("metadata").remove("labels");

    assertThat(check(live))
        .hasValueSatisfying(drift -> assertThat(drift.kind()).isEqualTo(Drift.Kind.UNMANAGED));
  }

  @Test
  void describeSaysWhatWhereAndWho() {
    Drift drift =
        new Drift(
            Drift.Kind.EDITED,
            List.of("spec.exportTo"),
            List.of(List.of("spec", "exportTo")),
            List.of("kubectl"));

    assertThat(drift.describe()).isEqualTo("edited (spec.exportTo) by kubectl");
    assertThat(Drift.deleted().describe()).isEqualTo("deleted");
  }

  @Test
  void aServiceImportWithItsDesiredStatusHasNoDrift() {
    DesiredManifest serviceImport = serviceImport();
    ObjectNode live = appliedWithStatus(serviceImport);

    assertThat(DriftCheck.of(serviceImport, Optional.of(liveObject(serviceImport, live))))
        .isEmpty();
  }

  @Test
  void aStatusWithoutTheDesiredValuesOrWithFieldsAddedIsAnEditByItsWriter() {
    DesiredManifest serviceImport = serviceImport();
    ObjectNode live = appliedWithStatus(serviceImport);
    ObjectNode status = live.withObjectProperty("status");
    status.putArray("clusters").addObject().put("cluster", "east");
    status.put("conflict", true);
    entry(live, "other-mcs", "Update", "{\"f:status\":{\"f:clusters\":{},\"f:conflict\":{}}}")
        .put("subresource", "status");

    assertThat(DriftCheck.of(serviceImport, Optional.of(liveObject(serviceImport, live))))
        .contains(
            new Drift(
                Drift.Kind.EDITED,
                List.of("status.clusters", "status.conflict"),
                List.of(),
                List.of("other-mcs")));
  }

  @Test
  void aMissingDesiredStatusIsDrift() {
    DesiredManifest serviceImport = serviceImport();
    ObjectNode live = appliedWithStatus(serviceImport);
    live.remove("status");

    assertThat(DriftCheck.of(serviceImport, Optional.of(liveObject(serviceImport, live))))
        .contains(new Drift(Drift.Kind.EDITED, List.of("status.clusters"), List.of(), List.of()));
  }

  private static LiveObject liveObject(DesiredManifest desired, ObjectNode live) {
    return new LiveObject(desired.key(), live);
  }

  /** A ServiceImport as the API server stores it after meshfed's apply and status write. */
  private static ObjectNode appliedWithStatus(DesiredManifest manifest) {
    try {
      ObjectNode live = (ObjectNode) JSON.readTree(manifest.json());
      entry(
          live,
          DriftCheck.FIELD_MANAGER,
          "Apply",
          "{\"f:metadata\":{\"f:labels\":{\"f:app.kubernetes.io/managed-by\":{}}},"
              + "\"f:spec\":{\"f:type\":{},\"f:ports\":{}}}");
      entry(live, DriftCheck.FIELD_MANAGER, "Update", "{\"f:status\":{\"f:clusters\":{}}}")
          .put("subresource", "status");
      return live;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static DesiredManifest serviceImport() {
    try {
      return new ManifestParser(KindTable.DISTRIBUTED)
          .parse(
              new ObjectKey("multicluster.x-k8s.io/v1alpha1", "ServiceImport", "apps", "reviews"),
              """
              {"apiVersion":"multicluster.x-k8s.io/v1alpha1","kind":"ServiceImport",
               "metadata":{"name":"reviews","namespace":"apps",
                           "labels":{"app.kubernetes.io/managed-by":"meshfed"}},
               "spec":{"type":"ClusterSetIP","ports":[{"protocol":"TCP","port":9080}]},
               "status":{"clusters":[{"cluster":"east"},{"cluster":"west"}]}}""");
    } catch (InvalidRecordException e) {
      throw new IllegalStateException(e);
    }
  }

  private Optional<Drift> check(ObjectNode live) {
    return DriftCheck.of(desired, Optional.of(new LiveObject(desired.key(), (JsonNode) live)));
  }

  /** The object as the API server stores it after meshfed's apply. */
  private static ObjectNode applied(DesiredManifest manifest) {
    try {
      ObjectNode live = (ObjectNode) JSON.readTree(manifest.json());
      entry(live, DriftCheck.FIELD_MANAGER, "Apply", HOSTS_AND_LABELS);
      return live;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static ObjectNode entry(
      ObjectNode live, String manager, String operation, String fields) {
    ArrayNode entries = live.withObjectProperty("metadata").withArrayProperty("managedFields");
    ObjectNode entry = entries.addObject();
    entry.put("manager", manager).put("operation", operation).put("fieldsType", "FieldsV1");
    try {
      entry.set("fieldsV1", JSON.readTree(fields));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return entry;
  }

  private static DesiredManifest desired(String host) {
    try {
      return new ManifestParser(KindTable.ISTIO)
          .parse(
              TestManifests.serviceEntryKey(V1, "se"),
              TestManifests.serviceEntryJson(V1, "se", host));
    } catch (InvalidRecordException e) {
      throw new IllegalStateException(e);
    }
  }
}
