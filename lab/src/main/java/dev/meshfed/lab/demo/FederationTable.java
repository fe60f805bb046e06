package dev.meshfed.lab.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * What is federated where: the ServiceEntries of every cluster's desired config, and from which of
 * that cluster's namespaces requests reach the Service's pods (the mesh oracle's verdict).
 */
public final class FederationTable {

  public record Row(
      String host, String from, String in, String apiVersion, String exportTo, String reachable) {}

  private FederationTable() {}

  /**
   * Rows from desired manifests, by cluster; {@code reachable} says, for a host and a cluster, from
   * which of its namespaces requests reach the pods.
   */
  static List<Row> rows(
      Map<String, List<JsonNode>> manifestsByCluster,
      BiFunction<String, String, String> reachable) {
    List<Row> rows = new ArrayList<>();
    manifestsByCluster.forEach(
        (cluster, manifests) -> {
          for (JsonNode manifest : manifests) {
            JsonNode metadata = manifest.path("metadata");
            JsonNode host = metadata.path("annotations").get("meshfed.dev/host");
            if (host != null) {
              List<String> exportTo = new ArrayList<>();
              manifest.path("spec").path("exportTo").forEach(n -> exportTo.add(n.asText()));
              rows.add(
                  new Row(
                      host.asText(),
                      metadata.path("labels").path("meshfed.dev/source-cluster").asText(),
                      cluster,
                      manifest.path("apiVersion").asText(),
                      String.join(",", exportTo),
                      reachable.apply(host.asText(), cluster)));
            }
          }
        });
    rows.sort(Comparator.comparing(Row::host).thenComparing(Row::in));
    return rows;
  }

  public static void print(List<Row> rows, PrintStream out) {
    String format = "%-42s %-9s %-9s %-28s %-24s %s%n";
    out.printf(format, "HOST", "FROM", "IN", "API VERSION", "EXPORTED TO", "REACHABLE FROM");
    rows.forEach(
        r ->
            out.printf(
                format, r.host(), r.from(), r.in(), r.apiVersion(), r.exportTo(), r.reachable()));
  }
}
