package dev.meshfed.translation.translate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshfed.translation.model.MeshInputs;
import java.io.IOException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Routes ask a VirtualDestination only where it is placed: that answer, taken without building its
 * objects, is where its translation writes its ServiceEntry, in every golden case.
 */
class VirtualDestinationPlacementTest {

  static Stream<String> cases() throws IOException {
    return GoldenCase.names().stream();
  }

  @ParameterizedTest
  @MethodSource("cases")
  void placementIsWhereTheTranslationWritesTheEntry(String name) throws IOException {
    GoldenCase golden = GoldenCase.named(name);
    MeshInputs inputs = golden.mesh();
    Membership membership = FederationTranslator.membership(inputs, golden.settings());

    VirtualDestinationTranslator.all(inputs)
        .forEach(
            vd ->
                assertThat(VirtualDestinationTranslation.placement(vd, inputs, membership))
                    .as(vd.id().ref())
                    .containsExactlyElementsOf(
                        new VirtualDestinationTranslation(
                                vd, VirtualDestinationTranslator.Part.ENTRIES, inputs, membership)
                            .run().result().outputs().stream()
                                .filter(
                                    o -> o.kind().equals(VirtualDestinationObjects.SERVICE_ENTRY))
                                .map(Output::cluster)
                                .collect(Collectors.toCollection(java.util.TreeSet::new))));
  }
}
