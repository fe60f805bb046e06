package dev.meshfed.translation.translate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshfed.translation.model.Input;
import dev.meshfed.translation.model.MeshInputs;
import dev.meshfed.translation.model.VirtualDestinationInput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.function.UnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A change that recomputes only some units ({@link FederationTranslator#unitsAffectedBy}) leaves
 * every other unit's result exactly as a translation after the change would make it: checked for
 * changes to each VirtualDestination of every golden case that keep its hosts and backing.
 */
class NarrowedRecomputeTest {

  static List<String> cases() throws IOException {
    return GoldenCase.names();
  }

  @ParameterizedTest
  @MethodSource("cases")
  void unitsLeftOutOfAVirtualDestinationsChangeComeOutTheSame(String name) throws IOException {
    GoldenCase golden = GoldenCase.named(name);
    List<VirtualDestinationInput> vds = golden.mesh().all(VirtualDestinationInput.class).toList();
    for (VirtualDestinationInput vd : vds) {
      check(golden, vd, NarrowedRecomputeTest::otherPort);
      check(golden, vd, NarrowedRecomputeTest::labelled);
    }
  }

  @org.junit.jupiter.api.Test
  void aPortChangeOfAVirtualDestinationRecomputesItsRoutesAndPoliciesOnly() throws IOException {
    GoldenCase golden = GoldenCase.named("destination-policies");
    VirtualDestinationInput reviews =
        golden
            .mesh()
            .all(VirtualDestinationInput.class)
            .filter(vd -> vd.id().name().equals("reviews"))
            .findFirst()
            .orElseThrow();
    MeshInputs mesh = golden.mesh();

    Optional<SortedSet<UnitId>> affected =
        FederationTranslator.unitsAffectedBy(
            reviews.id(),
            Optional.of(reviews),
            Optional.of(otherPort(reviews)),
            mesh,
            FederationTranslator.membership(mesh, golden.settings()));

    assertThat(affected).isPresent();
    assertThat(affected.get())
        .contains(UnitId.virtualDestination(reviews.id()))
        .noneMatch(u -> u instanceof UnitId.GatewayUnit || u instanceof UnitId.ServiceUnit)
        .anyMatch(u -> u instanceof UnitId.PolicyUnit);
  }

  private static void check(
      GoldenCase golden,
      VirtualDestinationInput vd,
      UnaryOperator<VirtualDestinationInput> change) {
    MeshInputs before = golden.mesh();
    List<Input> changedInputs = new ArrayList<>(golden.inputs());
    VirtualDestinationInput changed = change.apply(vd);
    changedInputs.replaceAll(i -> i.id().equals(vd.id()) ? changed : i);
    MeshInputs after = MeshInputs.of(changedInputs);
    Membership membership = FederationTranslator.membership(before, golden.settings());
    Optional<SortedSet<UnitId>> affected =
        FederationTranslator.unitsAffectedBy(
            vd.id(), Optional.of(vd), Optional.of(changed), after, membership);
    if (affected.isEmpty()) {
      return;
    }
    Map<UnitId, UnitResult> was =
        new HashMap<>(FederationTranslator.translateAll(before, golden.settings()));
    Map<UnitId, UnitResult> is =
        new HashMap<>(FederationTranslator.translateAll(after, golden.settings()));
    for (UnitId unit : FederationTranslator.allUnits(after)) {
      if (!affected.get().contains(unit)) {
        assertThat(is.getOrDefault(unit, UnitResult.EMPTY))
            .as("%s, left out of the recompute after a change to %s", unit.key(), vd.id().ref())
            .isEqualTo(was.getOrDefault(unit, UnitResult.EMPTY));
      }
    }
  }

  private static VirtualDestinationInput otherPort(VirtualDestinationInput vd) {
    return new VirtualDestinationInput(
        vd.id(),
        vd.creationTimestamp(),
        vd.generation() + 1,
        vd.hosts(),
        vd.services(),
        vd.externalServices(),
        vd.labels(),
        vd.ports().stream()
            .map(
                p ->
                    new VirtualDestinationInput.Port(
                        p.number() == null ? null : p.number() + 1, p.protocol(), p.targetPort()))
            .toList(),
        vd.problems());
  }

  private static VirtualDestinationInput labelled(VirtualDestinationInput vd) {
    Map<String, String> labels = new HashMap<>(vd.labels());
    labels.put("tier", "changed");
    return new VirtualDestinationInput(
        vd.id(),
        vd.creationTimestamp(),
        vd.generation() + 1,
        vd.hosts(),
        vd.services(),
        vd.externalServices(),
        labels,
        vd.ports(),
        vd.problems());
  }
}
