package dev.meshfed.translation.translate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshfed.translation.model.Input;
import dev.meshfed.translation.model.MeshInputs;
import dev.meshfed.translation.model.ObjectId;
import dev.meshfed.translation.model.RouteTableInput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Which RouteTable units a change recomputes or may hold objects (case route-tables). */
class RouteTableUnitsTest {

  private static final ObjectId SPLIT =
      new ObjectId("cluster1", "RouteTable", "bookinfo", "reviews-split");
  private static final ObjectId RATINGS =
      new ObjectId("cluster1", "RouteTable", "bookinfo", "ratings");
  private static final ObjectId CLUSTER2_REVIEWS =
      new ObjectId("cluster2", "Service", "bookinfo", "reviews");

  private GoldenCase golden;

  @BeforeEach
  void load() throws IOException {
    golden = GoldenCase.named("route-tables");
  }

  @Test
  void aChangeToAServiceRecomputesTheRouteTablesRoutingToItAndToTheHostsItBacks() {
    MeshInputs mesh = golden.mesh();
    Membership membership = FederationTranslator.membership(mesh, golden.settings());
    Optional<Input> reviews = mesh.get(CLUSTER2_REVIEWS);

    assertThat(
            FederationTranslator.unitsAffectedBy(
                    CLUSTER2_REVIEWS, reviews, reviews, mesh, membership)
                .orElseThrow())
        .contains(UnitId.routeTable(SPLIT))
        .doesNotContain(UnitId.routeTable(RATINGS));
  }

  @Test
  void aRouteTableReplacedByOneOfTheOtherDialectLeavesItsVirtualServicesToIt() {
    List<Input> inputs = new ArrayList<>(golden.inputs());
    RouteTableInput split = (RouteTableInput) golden.mesh().get(SPLIT).orElseThrow();
    ObjectId gloo =
        new ObjectId("cluster1", "RouteTable.networking.gloo.solo.io", "bookinfo", "reviews-split");
    MeshInputs before = MeshInputs.of(inputs);
    Membership membership = FederationTranslator.membership(before, golden.settings());
    List<WrittenObject> written =
        UnitSummary.of(FederationTranslator.translate(UnitId.routeTable(SPLIT), before, membership))
            .objects();
    inputs.remove(split);
    inputs.add(
        new RouteTableInput(
            gloo,
            split.creationTimestamp(),
            split.generation(),
            split.hosts(),
            split.workloadSelectors(),
            split.virtualGateways(),
            split.defaultDestination(),
            split.http(),
            split.weight(),
            split.problems()));
    MeshInputs after = MeshInputs.of(inputs);

    assertThat(written).isNotEmpty();
    assertThat(
            FederationTranslator.rivalsHolding(
                UnitId.routeTable(SPLIT),
                written,
                after,
                FederationTranslator.membership(after, golden.settings())))
        .containsExactly(UnitId.routeTable(gloo));
  }
}
