package dev.meshfed.cli.audit;

import dev.meshfed.translation.translate.TranslationSettings;
import dev.meshfed.translation.translate.Verdict;
import java.util.List;

/**
 * What the inputs recorded as of an instant say about an object missing from a cluster's desired
 * config: the translation rule that keeps it out, or that they imply it after all. No I/O.
 *
 * @param source which inputs and settings the verdict was reached from, as one phrase
 * @param notes what those inputs cannot tell, one sentence each
 */
public record WhyMissing(String source, List<String> notes, Verdict verdict) {

  public static WhyMissing of(
      RecordedInputs inputs,
      TranslationSettings settings,
      String cluster,
      String kind,
      String namespace,
      String name) {
    return new WhyMissing(
        inputs.summary()
            + " (management cluster "
            + settings.managementCluster()
            + ", default host suffix "
            + settings.defaultHostSuffix()
            + ")",
        inputs.notes(),
        inputs.recomputation().verdict(settings, cluster, kind, namespace, name));
  }

  /** Whether the inputs imply the object: then its absence is an inconsistency, not a rule. */
  public boolean implied() {
    return verdict.produced().isPresent();
  }
}
