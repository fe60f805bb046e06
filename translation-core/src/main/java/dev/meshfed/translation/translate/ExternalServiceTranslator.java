package dev.meshfed.translation.translate;

import dev.meshfed.translation.model.ExternalServiceInput;
import dev.meshfed.translation.model.MeshInputs;
import dev.meshfed.translation.translate.Exclusion.Rule;
import dev.meshfed.translation.translate.UnitId.ExternalServiceUnit;
import java.util.List;
import java.util.Set;

/**
 * An ExternalService's translation: its MESH_EXTERNAL ServiceEntry and TLS-originating
 * DestinationRules in every cluster of its workspace, and its status (see {@link
 * ExternalServiceTranslation}).
 */
final class ExternalServiceTranslator implements Translator<ExternalServiceUnit> {

  static final ExternalServiceTranslator INSTANCE = new ExternalServiceTranslator();
  static final Set<String> KINDS =
      Set.of(ExternalServiceObjects.SERVICE_ENTRY, ExternalServiceObjects.DESTINATION_RULE);

  private ExternalServiceTranslator() {}

  @Override
  public Set<String> kinds() {
    return KINDS;
  }

  @Override
  public Translation translate(ExternalServiceUnit unit, MeshInputs inputs, Membership membership) {
    return inputs
        .get(unit.externalService())
        .filter(ExternalServiceInput.class::isInstance)
        .map(
            es ->
                new ExternalServiceTranslation((ExternalServiceInput) es, inputs, membership).run())
        .orElse(Translation.EMPTY);
  }

  /** Its entry bears its name and namespace; its rules its hosts. */
  @Override
  public List<ExternalServiceUnit> candidates(
      DesiredRef ref, MeshInputs inputs, Membership membership) {
    return inputs
        .all(ExternalServiceInput.class)
        .filter(
            es ->
                ref.kind().equals(ExternalServiceObjects.SERVICE_ENTRY)
                    ? ExternalServiceObjects.entryName(es.id()).equals(ref.name())
                    : ExternalServiceObjects.hosts(es).stream()
                        .anyMatch(h -> ExternalServiceObjects.ruleName(h).equals(ref.name())))
        .map(es -> new ExternalServiceUnit(es.id()))
        .toList();
  }

  @Override
  public Exclusion unnamed(DesiredRef ref, MeshInputs inputs, Membership membership) {
    return new Exclusion(
        Rule.NO_SUCH_OBJECT,
        null,
        "no ExternalService names a "
            + ref.kind()
            + " "
            + ref.name()
            + "; meshfed names its entry es-NAME-NAMESPACE and its rules es-HOST");
  }
}
