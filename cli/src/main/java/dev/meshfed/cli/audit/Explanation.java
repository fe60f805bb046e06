package dev.meshfed.cli.audit;

import dev.meshfed.cli.audit.Lookup.Deleted;
import dev.meshfed.cli.audit.Lookup.DesiredState;
import dev.meshfed.cli.audit.Lookup.Exists;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Why an object of a cluster's desired config exists (or does not) at an instant.
 *
 * @param inputs one row per source of the existing object, or of its last version when deleted
 * @param whyMissing for a missing object, what the inputs recorded then say about it, when known
 */
public record Explanation(
    String cluster,
    String kind,
    String namespace,
    String name,
    Instant at,
    DesiredState state,
    List<Input> inputs,
    Optional<WhyMissing> whyMissing) {

  /**
   * A source and its latest discovered record at or before the instant.
   *
   * @param record empty when its topic has no record for it at or before the instant
   */
  public record Input(Ref ref, Optional<DiscoveredEntry> record) {}

  /**
   * Looks the object up in its cluster's desired records and each source in its cluster's
   * discovered records ({@code discovered} is asked once per source; callers cache topics).
   */
  public static Explanation of(
      String cluster,
      String kind,
      String namespace,
      String name,
      Instant at,
      List<DesiredEntry> desired,
      Function<String, List<DiscoveredEntry>> discovered) {
    DesiredState state = Lookup.desiredAt(desired, kind, namespace, name, at);
    DesiredEntry version =
        state instanceof Exists e ? e.entry() : state instanceof Deleted d ? d.lastVersion() : null;
    List<Input> inputs =
        version == null
            ? List.of()
            : version.sources().stream()
                .map(
                    ref ->
                        new Input(
                            ref, Lookup.discoveredAt(discovered.apply(ref.cluster()), ref, at)))
                .toList();
    return new Explanation(cluster, kind, namespace, name, at, state, inputs, Optional.empty());
  }

  /** This explanation with what the recorded inputs say about the missing object. */
  public Explanation withWhyMissing(WhyMissing why) {
    return new Explanation(cluster, kind, namespace, name, at, state, inputs, Optional.of(why));
  }

  public boolean exists() {
    return state instanceof Exists;
  }

  /** {@code KIND/NAMESPACE/NAME}, or {@code KIND/NAME} for a cluster-scoped object. */
  public String object() {
    return kind + "/" + (namespace.isEmpty() ? name : namespace + "/" + name);
  }
}
