package dev.meshfed.oracle.istio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Istio's webhook on what meshfed writes for an external service: MESH_EXTERNAL ServiceEntries and
 * DestinationRules originating TLS.
 */
class ExternalServiceAdmissionTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private static List<String> review(String kind, String spec) {
    try {
      ObjectNode object =
          (ObjectNode)
              YAML.readTree(
                  """
                  apiVersion: networking.istio.io/v1beta1
                  kind: %s
                  metadata: {name: httpbin, namespace: bookinfo}
                  spec:
                  """
                          .formatted(kind)
                      + spec.indent(2));
      return IstioAdmission.review(null, object).causes().stream()
          .map(FieldErrors.Cause::toString)
          .toList();
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final String BY_DNS =
      """
      hosts: [httpbin.org]
      location: MESH_EXTERNAL
      resolution: DNS
      ports: [{number: 80, name: http, protocol: HTTP, targetPort: 443}]
      """;

  @Test
  void anExternalEntryResolvedByDnsWithoutEndpointsNeedsHostsThatAreNames() {
    assertThat(review("ServiceEntry", BY_DNS)).isEmpty();
    assertThat(review("ServiceEntry", BY_DNS.replace("[httpbin.org]", "['*.httpbin.org']")))
        .singleElement()
        .asString()
        .contains("hosts must be FQDN if no endpoints are provided for resolution mode DNS");
  }

  @Test
  void anExternalEntryMayBeStaticWithOrWithoutEndpointsButOnlyAtIps() {
    String statics =
        """
        hosts: [db.example.com]
        location: MESH_EXTERNAL
        resolution: STATIC
        addresses: [203.0.113.0/24]
        ports: [{number: 5432, name: tcp-db, protocol: TCP}]
        """;
    assertThat(review("ServiceEntry", statics)).isEmpty();
    assertThat(
            review(
                "ServiceEntry",
                statics + "endpoints: [{address: 203.0.113.7, ports: {tcp-db: 6432}}]"))
        .isEmpty();
    assertThat(review("ServiceEntry", statics + "endpoints: [{address: db.example.com}]"))
        .singleElement()
        .asString()
        .contains("not a valid IP address");
  }

  private static final String ORIGINATING =
      """
      host: httpbin.org
      trafficPolicy:
        portLevelSettings:
        - port: {number: 80}
          tls: {mode: SIMPLE, sni: httpbin.org}
      """;

  @Test
  void aDestinationRuleMayOriginateSimpleTlsWithAnSniOnOnePort() {
    assertThat(review("DestinationRule", ORIGINATING)).isEmpty();
  }

  @Test
  void aPortLevelSettingNeedsItsPortAndValidTls() {
    assertThat(review("DestinationRule", ORIGINATING.replace("- port: {number: 80}\n", "- ")))
        .singleElement()
        .asString()
        .contains("portTrafficPolicy must have valid port");
    assertThat(review("DestinationRule", ORIGINATING.replace("mode: SIMPLE", "mode: MUTUAL")))
        .hasSize(2)
        .allMatch(cause -> cause.contains("required for mutual tls"));
    assertThat(
            review(
                "DestinationRule",
                ORIGINATING.replace("sni: httpbin.org", "credentialName: c, caCertificates: /ca")))
        .singleElement()
        .asString()
        .contains("If credentialName is set");
  }
}
