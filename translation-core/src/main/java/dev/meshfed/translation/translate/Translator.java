package dev.meshfed.translation.translate;

import dev.meshfed.translation.model.MeshInputs;
import java.util.List;
import java.util.Set;

/**
 * The translation of one kind of unit: a pure function from the inputs to, per target cluster, the
 * objects written or the rule that stopped them. Translation and {@code explain} both call {@link
 * #translate}; nothing else decides what is written.
 */
interface Translator<U extends UnitId> {

  /** The kinds of object it writes. */
  Set<String> kinds();

  Translation translate(U unit, MeshInputs inputs, Membership membership);

  /**
   * The units whose translation would write an object of that kind and name to that cluster, were
   * no rule to stop it: naming only, no decision.
   */
  List<U> candidates(DesiredRef ref, MeshInputs inputs, Membership membership);

  /** Why no unit could write such an object: how this translator names what it writes. */
  Exclusion unnamed(DesiredRef ref, MeshInputs inputs, Membership membership);
}
