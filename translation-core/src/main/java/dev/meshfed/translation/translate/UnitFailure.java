package dev.meshfed.translation.translate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshfed.translation.model.ObjectId;
import dev.meshfed.translation.translate.StatusOutput.State;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a unit keeps when its translation throws, which only a bug in meshfed makes it do (bad input
 * is a {@link Diagnostic}): the objects it wrote before, unchanged, as withdrawing a tenant's
 * federation for meshfed's own bug would do more harm than keeping it as it was; and, on the input
 * it translates, a FAILED status that says so, until a translation of the unit succeeds again and
 * writes its real status over it.
 */
public final class UnitFailure {

  private UnitFailure() {}

  /** The input a unit translates, if it translates one. */
  public static Optional<ObjectId> inputOf(UnitId unit) {
    ObjectId input = null;
    if (unit instanceof UnitId.ServiceUnit s) {
      input = s.service();
    } else if (unit instanceof UnitId.VirtualDestinationUnit vd) {
      input = vd.virtualDestination();
    } else if (unit instanceof UnitId.RouteTableUnit rt) {
      input = rt.routeTable();
    } else if (unit instanceof UnitId.PolicyUnit p) {
      input = p.policy();
    } else if (unit instanceof UnitId.ExternalServiceUnit es) {
      input = es.externalService();
    }
    return Optional.ofNullable(input);
  }

  /** The unit's last summary with its input's status FAILED (added if the unit writes one). */
  public static UnitSummary kept(UnitId unit, UnitSummary before, String error) {
    Optional<ObjectId> input = inputOf(unit);
    if (input.isEmpty()) {
      return before;
    }
    String message = message(error);
    List<StatusOutput> statuses = new ArrayList<>();
    boolean replaced = false;
    for (StatusOutput status : before.statuses()) {
      if (status.input().equals(input.get())) {
        statuses.add(failed(status, message));
        replaced = true;
      } else {
        statuses.add(status);
      }
    }
    if (!replaced && writesStatusOfItsInput(unit)) {
      statuses.add(
          StatusOutputs.of(
              input.get(), 0, List.of(), Manifests.objectNode(), Optional.of(message), "accepted"));
    }
    return new UnitSummary(
        before.objects(), before.diagnostics(), statuses.stream().sorted().toList());
  }

  static String message(String error) {
    return "meshfed failed to translate this object (a bug in meshfed: "
        + error
        + "); the objects it produced before are kept as they were";
  }

  private static StatusOutput failed(StatusOutput status, String message) {
    ObjectNode node = status.status().deepCopy();
    node.put("state", State.FAILED.name());
    node.put("message", message);
    return new StatusOutput(
        status.input(),
        status.apiVersion(),
        State.FAILED,
        message,
        status.observedGeneration(),
        node);
  }

  /** A Service has no status meshfed writes; the kinds users write to configure meshfed have. */
  /**
   * A Service's status is not meshfed's to write, and a VirtualDestination's is its entries'
   * unit's: the WorkloadEntries' unit marking it would leave FAILED there once it recovers.
   */
  private static boolean writesStatusOfItsInput(UnitId unit) {
    return !(unit instanceof UnitId.ServiceUnit)
        && !(unit instanceof UnitId.VirtualDestinationUnit vd && vd.endpoints());
  }
}
