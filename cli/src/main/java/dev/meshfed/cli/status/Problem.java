package dev.meshfed.cli.status;

import dev.meshfed.cli.audit.Ref;
import dev.meshfed.cli.events.EventView;
import dev.meshfed.schema.ObjectRef;
import dev.meshfed.schema.events.InputAccepted;
import dev.meshfed.schema.events.InputRejected;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An input translation rejected (in part) and has not accepted since.
 *
 * @param since the time of the rejection: when the input changed so that the problem arose
 */
public record Problem(Ref input, String severity, String reason, Instant since) {

  /** The open problems of meshfed.events (in topic order), oldest first. */
  static List<Problem> open(List<EventView> events) {
    // an InputAccepted names the reason it resolves: one input can have several problems
    Map<List<Object>, Problem> open = new LinkedHashMap<>();
    for (EventView e : events) {
      Object typed = e.event().getEvent();
      if (typed instanceof InputRejected r) {
        Ref input = ref(r.getInput());
        open.putIfAbsent(
            List.of(input, r.getReason()),
            new Problem(
                input, r.getSeverity().name(), r.getReason(), Instant.ofEpochMilli(e.timestamp())));
      } else if (typed instanceof InputAccepted a) {
        open.remove(List.of(ref(a.getInput()), a.getResolved()));
      }
    }
    return open.values().stream()
        .sorted(Comparator.comparing(Problem::since).thenComparing(Problem::describeInput))
        .toList();
  }

  /** {@code cluster/Kind/namespace/name}, as `meshfed events` names inputs. */
  public String describeInput() {
    return input.path();
  }

  private static Ref ref(ObjectRef r) {
    return new Ref(r.getCluster(), r.getKind(), r.getNamespace(), r.getName());
  }
}
