package dev.meshfed.translation.translate;

import dev.meshfed.translation.model.MeshInputs;
import dev.meshfed.translation.translate.Exclusion.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Whether the translation of some inputs produces one object of one cluster (in any API version),
 * and if not, which rule keeps it out: read from the very translations that publish the config.
 *
 * @param produced the object, when the translation produces it
 * @param exclusions when it does not: for every unit whose translation could name such an object,
 *     the first rule that stopped it, in the translator's order; else why no unit could
 */
public record Verdict(Optional<Output> produced, List<Exclusion> exclusions) {

  public Verdict {
    exclusions = List.copyOf(exclusions);
  }

  static Verdict of(MeshInputs inputs, Membership membership, DesiredRef ref) {
    List<Translator<?>> translators = Translators.writing(ref.kind());
    if (translators.isEmpty()) {
      return excluded(
          new Exclusion(
              Rule.NOT_A_MESHFED_KIND,
              null,
              "meshfed writes only "
                  + String.join(", ", new TreeSet<>(Translators.kinds()))
                  + " objects, not "
                  + ref.kind()));
    }
    List<Exclusion> exclusions = new ArrayList<>();
    List<Exclusion> unnamed = new ArrayList<>();
    for (Translator<?> translator : translators) {
      Verdict verdict = of(translator, inputs, membership, ref);
      if (verdict.produced().isPresent()) {
        return verdict;
      }
      (verdict.named() ? exclusions : unnamed).addAll(verdict.exclusions());
    }
    return new Verdict(
        Optional.empty(), exclusions.isEmpty() ? List.of(unnamed(unnamed)) : exclusions);
  }

  /** Why no translator could name it: the first's rule, with every naming convention. */
  private static Exclusion unnamed(List<Exclusion> unnamed) {
    return new Exclusion(
        unnamed.get(0).rule(),
        null,
        unnamed.stream().map(Exclusion::message).collect(Collectors.joining("; ")));
  }

  /** Whether some unit could name the object: its exclusions are rules, not naming. */
  private boolean named() {
    return exclusions.stream().noneMatch(Verdict::isNaming);
  }

  private static boolean isNaming(Exclusion exclusion) {
    return exclusion.rule() == Rule.NO_SUCH_OBJECT
        || exclusion.rule() == Rule.NO_SUCH_SERVICE
        || exclusion.rule() == Rule.NO_SUCH_HOST_SUFFIX;
  }

  private static <U extends UnitId> Verdict of(
      Translator<U> translator, MeshInputs inputs, Membership membership, DesiredRef ref) {
    List<U> candidates = translator.candidates(ref, inputs, membership);
    if (candidates.isEmpty()) {
      return excluded(translator.unnamed(ref, inputs, membership));
    }
    List<Exclusion> exclusions = new ArrayList<>();
    for (U unit : candidates) {
      Translation translation = translator.translate(unit, inputs, membership);
      Optional<Output> produced = translation.output(ref);
      if (produced.isPresent()) {
        return new Verdict(produced, List.of());
      }
      exclusions.add(translation.exclusion(ref).orElseGet(() -> unexplained(ref)));
    }
    return new Verdict(Optional.empty(), exclusions);
  }

  private static Verdict excluded(Exclusion exclusion) {
    return new Verdict(Optional.empty(), List.of(exclusion));
  }

  private static Exclusion unexplained(DesiredRef ref) {
    return new Exclusion(
        Rule.UNEXPLAINED,
        null,
        "no rule excludes " + ref.name() + ", yet the translation does not produce it");
  }
}
