package dev.meshfed.translation.translate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshfed.translation.model.Input;
import dev.meshfed.translation.model.MeshInputs;
import dev.meshfed.translation.model.ObjectId;
import dev.meshfed.translation.model.VirtualDestinationInput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A VirtualDestination names its objects, however long its name: explain and take-overs ask. */
class VirtualDestinationNamesTest {

  @Test
  void aVirtualDestinationWithAHashedNameIsACandidateForEachOfItsObjects() throws IOException {
    GoldenCase golden = GoldenCase.named("route-tables");
    List<Input> inputs = new ArrayList<>();
    VirtualDestinationInput reviews = null;
    for (Input input : golden.inputs()) {
      if (input instanceof VirtualDestinationInput vd && vd.id().name().equals("reviews")) {
        reviews = vd;
      } else {
        inputs.add(input);
      }
    }
    String longName = "reviews-" + "x".repeat(60);
    ObjectId id = new ObjectId("cluster1", "VirtualDestination", "bookinfo", longName);
    inputs.add(
        new VirtualDestinationInput(
            id,
            reviews.creationTimestamp(),
            1,
            reviews.hosts(),
            reviews.services(),
            reviews.externalServices(),
            reviews.labels(),
            reviews.ports(),
            reviews.problems()));
    MeshInputs mesh = MeshInputs.of(inputs);
    Membership membership = FederationTranslator.membership(mesh, golden.settings());

    for (UnitId unit : UnitId.virtualDestinationUnits(id)) {
      List<Output> written = FederationTranslator.translate(unit, mesh, membership).outputs();

      assertThat(written).anyMatch(o -> o.name().length() == 63);
      for (Output output : written) {
        assertThat(
                VirtualDestinationTranslator.INSTANCE.candidates(
                    DesiredRef.of(output), mesh, membership))
            .as(output.name())
            .containsExactly((UnitId.VirtualDestinationUnit) unit);
      }
    }
  }
}
