package dev.meshfed.lab.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FederationTableTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void listsServiceEntriesByHostThenClusterAndSkipsOtherObjects() throws Exception {
    List<FederationTable.Row> rows =
        FederationTable.rows(
            Map.of(
                "cluster2",
                List.of(
                    serviceEntry(
                        "networking.istio.io/v1",
                        "reviews.bookinfo.svc.cluster1.global",
                        "cluster1",
                        "bookinfo"),
                    gateway()),
                "cluster1",
                List.of(
                    serviceEntry(
                        "networking.istio.io/v1beta1",
                        "reviews.bookinfo.svc.cluster1.global",
                        "cluster1",
                        "bookinfo\", \"istio-system"))),
            (host, cluster) -> cluster.equals("cluster1") ? "bookinfo" : "NOT bookinfo [DENIED]");

    assertThat(rows)
        .containsExactly(
            new FederationTable.Row(
                "reviews.bookinfo.svc.cluster1.global",
                "cluster1",
                "cluster1",
                "networking.istio.io/v1beta1",
                "bookinfo,istio-system",
                "bookinfo"),
            new FederationTable.Row(
                "reviews.bookinfo.svc.cluster1.global",
                "cluster1",
                "cluster2",
                "networking.istio.io/v1",
                "bookinfo",
                "NOT bookinfo [DENIED]"));
  }

  @Test
  void printsAHeaderAndOneLinePerRow() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    FederationTable.print(
        List.of(
            new FederationTable.Row("h.global", "c1", "c2", "networking.istio.io/v1", "ns", "ns")),
        new PrintStream(bytes, true, StandardCharsets.UTF_8));

    assertThat(bytes.toString(StandardCharsets.UTF_8).lines())
        .hasSize(2)
        .first()
        .asString()
        .startsWith("HOST");
  }

  private static JsonNode serviceEntry(String apiVersion, String host, String from, String exportTo)
      throws Exception {
    return JSON.readTree(
        """
        {"apiVersion": "%s", "kind": "ServiceEntry",
         "metadata": {"name": "x", "namespace": "istio-system",
           "labels": {"meshfed.dev/source-cluster": "%s"},
           "annotations": {"meshfed.dev/host": "%s"}},
         "spec": {"exportTo": ["%s"]}}
        """
            .formatted(apiVersion, from, host, exportTo));
  }

  private static JsonNode gateway() throws Exception {
    return JSON.readTree(
        """
        {"apiVersion": "networking.istio.io/v1", "kind": "Gateway",
         "metadata": {"name": "meshfed-eastwest-global", "namespace": "istio-system"},
         "spec": {}}
        """);
  }
}
