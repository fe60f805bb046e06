package dev.meshfed.translation.translate;

import dev.meshfed.translation.translate.Output.Identity;

/**
 * One object a unit wrote, as the unit's summary keeps it: the key it was written under, a digest
 * of what was written, and what its events name where it is a federated host's ServiceEntry.
 *
 * @param digest of the apiVersion, manifest and sources: an object is rewritten when it changes
 * @param hosted null unless the object is a federated host's
 */
public record WrittenObject(
    String cluster,
    String apiVersion,
    String kind,
    String namespace,
    String name,
    String digest,
    HostedObject hosted) {

  public static WrittenObject of(Output output) {
    return of(output, new OutputDigest());
  }

  static WrittenObject of(Output output, OutputDigest digest) {
    return new WrittenObject(
        output.cluster(),
        output.apiVersion(),
        output.kind(),
        output.namespace(),
        output.name(),
        digest.digest(output),
        HostedObject.of(output));
  }

  /** The same object, with what its host's events say of it ({@code null}: none). */
  public WrittenObject withHosted(HostedObject hosted) {
    return new WrittenObject(cluster, apiVersion, kind, namespace, name, digest, hosted);
  }

  /** The live object it becomes: the same for every apiVersion of its group. */
  public Identity identity() {
    return new Identity(cluster, IstioApi.group(apiVersion), kind, namespace, name);
  }

  /** Two objects with one key are one record on the desired topic. */
  String key() {
    return cluster + "|" + apiVersion + "|" + kind + "|" + namespace + "|" + name;
  }
}
