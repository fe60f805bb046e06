package dev.meshfed.translation.translate;

import dev.meshfed.translation.model.MeshInputs;
import dev.meshfed.translation.model.RouteTableInput;
import dev.meshfed.translation.translate.Exclusion.Rule;
import dev.meshfed.translation.translate.UnitId.RouteTableUnit;
import java.util.List;
import java.util.Set;

/**
 * A RouteTable's translation: in every cluster where it selects clients, a VirtualService with its
 * routes and the policies that select them; and its status (see {@link RouteTableTranslation}).
 */
final class RouteTableTranslator implements Translator<RouteTableUnit> {

  static final RouteTableTranslator INSTANCE = new RouteTableTranslator();
  static final Set<String> KINDS = Set.of(RouteTableObjects.VIRTUAL_SERVICE);

  private RouteTableTranslator() {}

  @Override
  public Set<String> kinds() {
    return KINDS;
  }

  @Override
  public Translation translate(RouteTableUnit unit, MeshInputs inputs, Membership membership) {
    return inputs
        .get(unit.routeTable())
        .filter(RouteTableInput.class::isInstance)
        .map(RouteTableInput.class::cast)
        .map(rt -> new RouteTableTranslation(rt, inputs, membership).run())
        .orElse(Translation.EMPTY);
  }

  @Override
  public List<RouteTableUnit> candidates(DesiredRef ref, MeshInputs inputs, Membership membership) {
    return inputs
        .all(RouteTableInput.class)
        .filter(rt -> RouteTableObjects.name(rt.id()).equals(ref.name()))
        .map(rt -> new RouteTableUnit(rt.id()))
        .toList();
  }

  @Override
  public Exclusion unnamed(DesiredRef ref, MeshInputs inputs, Membership membership) {
    return new Exclusion(
        Rule.NO_SUCH_OBJECT,
        null,
        "no RouteTable names a "
            + ref.kind()
            + " "
            + ref.name()
            + "; meshfed names a RouteTable's VirtualServices rt-NAME-NAMESPACE");
  }
}
