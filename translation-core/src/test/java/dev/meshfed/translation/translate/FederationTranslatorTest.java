package dev.meshfed.translation.translate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshfed.translation.model.Input;
import dev.meshfed.translation.model.MeshInputs;
import dev.meshfed.translation.model.ObjectId;
import dev.meshfed.translation.model.ServiceInput;
import dev.meshfed.translation.model.ServicePortInput;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Which units a Service change recomputes (case label-selector: reviews is federated). */
class FederationTranslatorTest {

  private static final ObjectId REVIEWS =
      new ObjectId("cluster1", "Service", "bookinfo", "reviews");
  private static final ObjectId DETAILS =
      new ObjectId("cluster1", "Service", "bookinfo", "details");

  private GoldenCase golden;
  private Membership membership;
  private MeshInputs mesh;

  @BeforeEach
  void load() throws IOException {
    golden = GoldenCase.named("label-selector");
    mesh = golden.mesh();
    membership = FederationTranslator.membership(mesh, golden.settings());
  }

  @Test
  void aPortChangeOfAFederatedServiceLeavesItsClustersGatewayAlone() {
    ServiceInput reviews = service(REVIEWS);
    ServiceInput changed = withPort(reviews, 9081);

    assertThat(affected(REVIEWS, Optional.of(reviews), Optional.of(changed)))
        .containsExactly(UnitId.service(REVIEWS));
  }

  @Test
  void aServiceThatStartsOrStopsBeingFederatedRecomputesTheGatewayAndTheCounts() {
    ServiceInput details = service(DETAILS);
    ServiceInput selected =
        new ServiceInput(
            DETAILS,
            details.type(),
            Map.of("federate", "yes"),
            details.selector(),
            details.ports());

    assertThat(affected(DETAILS, Optional.of(details), Optional.of(selected)))
        .containsExactlyInAnyOrder(
            UnitId.service(DETAILS),
            UnitId.gateway("cluster1"),
            UnitId.status("cluster1"),
            UnitId.status("mgmt"));
    assertThat(affected(REVIEWS, Optional.of(service(REVIEWS)), Optional.empty()))
        .containsExactlyInAnyOrder(
            UnitId.service(REVIEWS),
            UnitId.gateway("cluster1"),
            UnitId.status("cluster1"),
            UnitId.status("mgmt"));
    assertThat(affected(REVIEWS, Optional.empty(), Optional.of(service(REVIEWS))))
        .containsExactlyInAnyOrder(
            UnitId.service(REVIEWS),
            UnitId.gateway("cluster1"),
            UnitId.status("cluster1"),
            UnitId.status("mgmt"));
  }

  @Test
  void aServiceThatStaysUnfederatedRecomputesOnlyItself() {
    ServiceInput details = service(DETAILS);

    assertThat(affected(DETAILS, Optional.of(details), Optional.of(withPort(details, 1))))
        .containsExactly(UnitId.service(DETAILS));
  }

  @Test
  void aServiceThatMayClaimAnotherOnesObjectsRecomputesItToo() throws IOException {
    GoldenCase conflict = GoldenCase.named("host-conflict");
    MeshInputs conflicting = conflict.mesh();
    Membership resolved = FederationTranslator.membership(conflicting, conflict.settings());
    ObjectId winner = new ObjectId("cluster1", "Service", "v2", "reviews-bookinfo");
    ObjectId loser = new ObjectId("cluster1", "Service", "bookinfo-v2", "reviews");
    Optional<Input> before = conflicting.get(winner);
    conflicting.remove(winner);

    assertThat(
            FederationTranslator.unitsAffectedBy(
                    winner, before, Optional.empty(), conflicting, resolved)
                .orElseThrow())
        .contains(UnitId.service(winner), UnitId.service(loser), UnitId.gateway("cluster1"));
    assertThat(
            FederationTranslator.translate(UnitId.service(loser), conflicting, resolved).outputs())
        .isNotEmpty();
  }

  @Test
  void theSameServiceInAnotherClusterIsNoRival() throws IOException {
    GoldenCase bookinfo = GoldenCase.named("bookinfo");
    MeshInputs inputs = bookinfo.mesh();
    Membership resolved = FederationTranslator.membership(inputs, bookinfo.settings());
    ObjectId reviews = new ObjectId("cluster1", "Service", "bookinfo", "reviews");
    Optional<Input> before = inputs.get(reviews);
    inputs.remove(reviews);

    assertThat(
            FederationTranslator.unitsAffectedBy(
                    reviews, before, Optional.empty(), inputs, resolved)
                .orElseThrow())
        .doesNotContain(
            UnitId.service(new ObjectId("cluster2", "Service", "bookinfo", "reviews")),
            UnitId.gateway("cluster2"));
  }

  @Test
  void aLabelThatChangesWhoImportsAServiceRecountsTheWorkspacesOnBothSides() throws IOException {
    GoldenCase sharing = GoldenCase.named("sharing-by-resource-and-label");
    MeshInputs inputs = sharing.mesh();
    Membership resolved = FederationTranslator.membership(inputs, sharing.settings());
    ObjectId catalog = new ObjectId("cluster1", "Service", "shop", "catalog");
    ServiceInput exported = (ServiceInput) inputs.get(catalog).orElseThrow();
    ServiceInput unlabelled =
        new ServiceInput(catalog, exported.type(), Map.of(), exported.selector(), exported.ports());
    inputs.put(unlabelled);

    // shop (its own workspace, in mgmt) counts it exported, platform (mgmt) imported
    assertThat(
            FederationTranslator.unitsAffectedBy(
                    catalog, Optional.of(exported), Optional.of(unlabelled), inputs, resolved)
                .orElseThrow())
        .contains(UnitId.service(catalog), UnitId.status("mgmt"));
    assertThat(
            FederationTranslator.unitsAffectedBy(
                    catalog,
                    Optional.of(unlabelled),
                    Optional.of(withPort(unlabelled, 1)),
                    inputs,
                    resolved)
                .orElseThrow())
        .containsExactly(UnitId.service(catalog));
  }

  @Test
  void workloadsAndEndpointSlicesAffectNoUnit() {
    for (String kind : List.of("Deployment", "StatefulSet", "DaemonSet", "EndpointSlice")) {
      ObjectId changed = new ObjectId("cluster1", kind, "bookinfo", "reviews");

      assertThat(
              FederationTranslator.unitsAffectedBy(
                  changed, Optional.empty(), Optional.empty(), mesh, membership))
          .as(kind)
          .hasValueSatisfying(units -> assertThat(units).isEmpty());
    }
  }

  @Test
  void anythingButAServiceMayAffectEveryUnit() {
    ObjectId namespace = new ObjectId("cluster1", "Namespace", "", "bookinfo");

    assertThat(
            FederationTranslator.unitsAffectedBy(
                namespace, Optional.empty(), Optional.empty(), mesh, membership))
        .isEmpty();
  }

  private List<UnitId> affected(ObjectId id, Optional<Input> before, Optional<Input> after) {
    return List.copyOf(
        FederationTranslator.unitsAffectedBy(id, before, after, mesh, membership).orElseThrow());
  }

  private ServiceInput service(ObjectId id) {
    return (ServiceInput) golden.mesh().get(id).orElseThrow();
  }

  private static ServiceInput withPort(ServiceInput service, int port) {
    return new ServiceInput(
        service.id(),
        service.type(),
        service.labels(),
        service.selector(),
        List.of(new ServicePortInput("http", port, null, "TCP", null)));
  }
}
