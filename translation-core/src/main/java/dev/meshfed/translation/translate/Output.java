package dev.meshfed.translation.translate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshfed.translation.model.ObjectId;
import java.util.Comparator;
import java.util.List;

/**
 * One desired object for one cluster, with what it was derived from and why.
 *
 * @param host the federated host, for ServiceEntries; null otherwise
 * @param reason a sentence for events and explain
 */
public record Output(
    String cluster,
    String apiVersion,
    String kind,
    String namespace,
    String name,
    ObjectNode manifest,
    String workspace,
    List<ObjectId> sources,
    String host,
    String sourceCluster,
    String reason)
    implements Comparable<Output> {

  private static final Comparator<Output> ORDER =
      Comparator.comparing(Output::cluster)
          .thenComparing(Output::kind)
          .thenComparing(Output::namespace)
          .thenComparing(Output::name)
          .thenComparing(Output::apiVersion);

  public Output {
    sources = List.copyOf(sources);
  }

  /** The live object it becomes: the same for every apiVersion of its group. */
  public Identity identity() {
    return new Identity(cluster, IstioApi.group(apiVersion), kind, namespace, name);
  }

  @Override
  public int compareTo(Output other) {
    return ORDER.compare(this, other);
  }

  public record Identity(String cluster, String group, String kind, String namespace, String name) {

    @Override
    public String toString() {
      return cluster + "/" + kind + "/" + namespace + "/" + name;
    }
  }
}
