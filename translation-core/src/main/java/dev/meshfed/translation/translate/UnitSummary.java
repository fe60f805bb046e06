package dev.meshfed.translation.translate;

import java.util.List;

/**
 * What a unit last wrote, as kept between its recomputes: each object's key and digest rather than
 * its manifest (a VirtualDestination backed in 20 clusters writes 440 objects, 1.5 MB in full), and
 * its diagnostics and statuses whole. {@link OutputDiff} diffs the next result against it.
 *
 * @param objects in the order of the result's outputs
 */
public record UnitSummary(
    List<WrittenObject> objects, List<Diagnostic> diagnostics, List<StatusOutput> statuses) {

  public static final UnitSummary EMPTY = new UnitSummary(List.of(), List.of(), List.of());

  public UnitSummary {
    objects = List.copyOf(objects);
    diagnostics = List.copyOf(diagnostics);
    statuses = List.copyOf(statuses);
  }

  public static UnitSummary of(UnitResult result) {
    return of(result, new ManifestJson());
  }

  /** With the manifests' JSON kept in {@code json}, for the records of those that changed. */
  public static UnitSummary of(UnitResult result, ManifestJson json) {
    OutputDigest digest = new OutputDigest(json);
    return new UnitSummary(
        result.outputs().stream().map(output -> WrittenObject.of(output, digest)).toList(),
        result.diagnostics(),
        result.statuses());
  }

  public boolean isEmpty() {
    return objects.isEmpty() && diagnostics.isEmpty() && statuses.isEmpty();
  }
}
