package dev.meshfed.translation.translate;

import dev.meshfed.translation.model.MeshInputs;
import dev.meshfed.translation.translate.Exclusion.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

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
    Optional<Translator<?>> translator = Translators.writing(ref.kind());
    if (translator.isEmpty()) {
      return excluded(
          new Exclusion(
              Rule.NOT_A_MESHFED_KIND,
              null,
              "meshfed writes only "
                  + String.join(", ", new TreeSet<>(Translators.kinds()))
                  + " objects, not "
                  + ref.kind()));
    }
    return of(translator.get(), inputs, membership, ref);
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
