package dev.meshfed.cli.audit;

import dev.meshfed.schema.ObjectRef;

/** An input object in a named cluster, as a desired record's sources name it. */
public record Ref(String cluster, String kind, String namespace, String name) {

  public static Ref of(ObjectRef ref) {
    return new Ref(ref.getCluster(), ref.getKind(), ref.getNamespace(), ref.getName());
  }

  /** Whether this input is a workspace or its settings: it allowed the output, not produced it. */
  public boolean allows() {
    return "Workspace".equals(kind) || "WorkspaceSettings".equals(kind);
  }

  /** {@code namespace/name}, or {@code name} for a cluster-scoped object. */
  public String namespacedName() {
    return namespace == null || namespace.isEmpty() ? name : namespace + "/" + name;
  }

  /** {@code cluster/Kind/namespace/name}, as `meshfed events` and `status` name inputs. */
  public String path() {
    return cluster + "/" + kind + "/" + namespace + "/" + name;
  }

  @Override
  public String toString() {
    return cluster + " " + kind + " " + namespacedName();
  }
}
