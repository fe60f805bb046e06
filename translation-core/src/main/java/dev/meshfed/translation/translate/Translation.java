package dev.meshfed.translation.translate;

import dev.meshfed.translation.model.ObjectId;
import dev.meshfed.translation.translate.Diagnostic.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * What a translator decides for one unit: the objects it writes to each target cluster, and for
 * every object it would otherwise write, the rule that stopped it. Translation publishes the
 * outputs, diagnostics and statuses; {@code explain} reads the exclusions of the same call.
 *
 * <p>The exclusions are kept in the order the translator took its decisions, each with the objects
 * it applies to; the first that applies to an object is why it is not written. They are built only
 * when asked for: translation takes these decisions for every service on every change and mostly
 * needs no sentence.
 */
public final class Translation {

  public static final Translation EMPTY = new Builder().build();

  private final UnitResult result;
  private final List<Stop> stops;

  private Translation(UnitResult result, List<Stop> stops) {
    this.result = result;
    this.stops = List.copyOf(stops);
  }

  /** A decision that keeps some objects out, and why (given the object asked about). */
  private record Stop(Predicate<DesiredRef> applies, Function<DesiredRef, Exclusion> why) {}

  public UnitResult result() {
    return result;
  }

  /** The object, if this translation writes it (in any API version). */
  public Optional<Output> output(DesiredRef ref) {
    return result.outputs().stream().filter(o -> DesiredRef.of(o).equals(ref)).findFirst();
  }

  /** The first rule that keeps the object out, if one does. */
  public Optional<Exclusion> exclusion(DesiredRef ref) {
    return stops.stream()
        .filter(stop -> stop.applies().test(ref))
        .findFirst()
        .map(stop -> stop.why().apply(ref));
  }

  static Builder builder() {
    return new Builder();
  }

  static final class Builder {

    private final List<Output> outputs = new ArrayList<>();
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final List<StatusOutput> statuses = new ArrayList<>();
    private final List<Stop> stops = new ArrayList<>();

    Builder output(Output output) {
      outputs.add(output);
      return this;
    }

    Builder warn(ObjectId input, String message) {
      diagnostics.add(new Diagnostic(input, Severity.WARNING, message));
      return this;
    }

    Builder diagnostic(Diagnostic diagnostic) {
      diagnostics.add(diagnostic);
      return this;
    }

    Builder status(StatusOutput status) {
      statuses.add(status);
      return this;
    }

    /** Keeps the objects {@code applies} selects out, for the reason {@code why} gives. */
    Builder stop(Predicate<DesiredRef> applies, Supplier<Exclusion> why) {
      stops.add(new Stop(applies, ref -> why.get()));
      return this;
    }

    /** Keeps them out for a reason that names the object asked about. */
    Builder stopEach(Predicate<DesiredRef> applies, Function<DesiredRef, Exclusion> why) {
      stops.add(new Stop(applies, why));
      return this;
    }

    /** Keeps them out, and reports why on the exclusion's subject as a warning. */
    Builder stopAndWarn(Predicate<DesiredRef> applies, Exclusion why) {
      warn(why.subject(), why.message());
      return stop(applies, () -> why);
    }

    /**
     * Takes another translation's objects and exclusions, not its diagnostics or statuses: for a
     * unit that translates through another's rules and reports on inputs of its own.
     */
    Builder objectsOf(Translation other, Predicate<Output> kept) {
      return objectsOf(other, kept, ref -> true);
    }

    /**
     * {@link #objectsOf(Translation, Predicate)}, its exclusions explaining only the objects {@code
     * concerned} selects: where one unit translates several inputs through another's rules, each
     * input's exclusions concern its own objects.
     */
    Builder objectsOf(Translation other, Predicate<Output> kept, Predicate<DesiredRef> concerned) {
      other.result.outputs().stream().filter(kept).forEach(outputs::add);
      other.stops.forEach(stop -> stops.add(new Stop(concerned.and(stop.applies()), stop.why())));
      return this;
    }

    Translation build() {
      return new Translation(new UnitResult(outputs, diagnostics, statuses), stops);
    }
  }
}
