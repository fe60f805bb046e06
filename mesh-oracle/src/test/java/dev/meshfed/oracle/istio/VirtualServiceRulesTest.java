package dev.meshfed.oracle.istio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Istio's webhook on VirtualServices, in 1.11 and 1.24 (the schema check is tested elsewhere). */
class VirtualServiceRulesTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private static List<String> review(String version, String spec) {
    try {
      ObjectNode object =
          (ObjectNode)
              YAML.readTree(
                  """
                  apiVersion: networking.istio.io/v1beta1
                  kind: VirtualService
                  metadata: {name: reviews, namespace: bookinfo}
                  spec:
                  """
                      + spec.indent(2));
      return IstioAdmission.review(null, object, version).causes().stream()
          .map(FieldErrors.Cause::toString)
          .toList();
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static final String SPLIT =
      """
      hosts: [reviews]
      http:
      - name: split
        match: [{uri: {prefix: /api}, headers: {x-canary: {regex: "t.*"}}}]
        fault:
          delay: {fixedDelay: 5s, percentage: {value: 10}}
          abort: {httpStatus: 503, percentage: {value: 0.5}}
        retries: {attempts: 3, perTryTimeout: 2s, retryOn: "5xx,connect-failure,503"}
        timeout: 10s
        route:
        - {destination: {host: reviews, subset: v1, port: {number: 9080}}, weight: 80}
        - {destination: {host: reviews.bookinfo.svc.cluster2.global}, weight: 20}
      """;

  @Test
  void aGeneratedSplitWithFaultsIsAdmittedIn111And124() {
    assertThat(review("1.11", SPLIT)).isEmpty();
    assertThat(review("1.24", SPLIT)).isEmpty();
  }

  @Test
  void weightsMustAddUpTo100Before115AndAreRelativeFrom115() {
    String relative =
        """
        hosts: [reviews]
        http:
        - route:
          - {destination: {host: reviews}, weight: 1}
          - {destination: {host: ratings}, weight: 3}
        """;

    assertThat(review("1.14", relative))
        .containsExactly("spec.http[0].route: Invalid value: 4: total destination weight 4 != 100");
    assertThat(review("1.15", relative)).isEmpty();
    assertThat(
            review(
                "1.24",
                relative.replace("weight: 1", "weight: 0").replace("weight: 3", "weight: 0")))
        .containsExactly("spec.http[0].route: Invalid value: 0: total destination weight = 0");
    assertThat(review("1.24", relative.replace("weight: 3", "weight: 300"))).isEmpty();
    assertThat(review("1.11", relative.replace("weight: 3", "weight: 300")))
        .contains(
            "spec.http[0].route[1].weight: Invalid value: 300: percentage 300 is not in range 0..100");
  }

  @Test
  void aRouteNeedsADestinationARedirectOrADirectResponseAndNotTwo() {
    assertThat(review("1.24", "hosts: [reviews]\nhttp:\n- name: empty\n"))
        .containsExactly(
            "spec.http[0].route: Required value: HTTP route, redirect or direct_response is required");
    assertThat(
            review(
                "1.24",
                """
                hosts: [reviews]
                http:
                - redirect: {uri: /new}
                  route: [{destination: {host: reviews}}]
                """))
        .containsExactly(
            "spec.http[0]: Forbidden: HTTP route cannot contain both route and redirect");
    String direct = "hosts: [reviews]\nhttp:\n- directResponse: {status: 503}\n";
    assertThat(review("1.24", direct)).isEmpty();
    assertThat(review("1.11", direct))
        .as("1.11 has no directResponse")
        .containsExactly("spec.http[0].route: Required value: HTTP route or redirect is required");
  }

  @Test
  void hostsAreRequiredValidAndNotTheMeshWildcard() {
    assertThat(
            review("1.24", "http:\n- route: [{destination: {host: reviews}}]\ngateways: [mesh]\n"))
        .containsExactly(
            "spec.gateways: Forbidden: delegate virtual service must have no gateways specified");
    assertThat(review("1.24", "hosts: ['*']\nhttp:\n- route: [{destination: {host: reviews}}]\n"))
        .containsExactly(
            "spec.hosts[0]: Invalid value: \"*\": wildcard host * is not allowed for virtual services bound to the mesh gateway");
    assertThat(
            review("1.24", "hosts: [bad_host]\nhttp:\n- route: [{destination: {host: reviews}}]\n"))
        .hasSize(1)
        .allMatch(e -> e.startsWith("spec.hosts[0]"));
    assertThat(
            review(
                "1.24",
                "hosts: ['*.bookinfo.svc.cluster.local', reviews.bookinfo.svc.cluster.local]\nhttp:\n- route: [{destination: {host: reviews}}]\n"))
        .hasSize(1)
        .allMatch(e -> e.contains("duplicate hosts"));
    assertThat(review("1.24", "hosts: [reviews]\n"))
        .containsExactly(
            "spec: Required value: http, tcp or tls must be provided in virtual service");
  }

  @Test
  void destinationsNeedAValidHostSubsetAndPort() {
    String bad =
        """
        hosts: [reviews]
        http:
        - route:
          - destination: {host: "*", subset: V_1, port: {number: 70000}}
        """;

    assertThat(review("1.24", bad))
        .containsExactly(
            "spec.http[0].route[0].destination.host: Invalid value: \"*\": invalid destination host *",
            "spec.http[0].route[0].destination.subset: Invalid value: \"V_1\": subset name is invalid",
            "spec.http[0].route[0].destination.port.number: Invalid value: 70000: port number must be in the range 1..65535");
    assertThat(review("1.24", "hosts: [reviews]\nhttp:\n- route: [{weight: 100}]\n"))
        .containsExactly(
            "spec.http[0].route[0].destination: Required value: destination is required");
  }

  @Test
  void faultsNeedPercentagesInRangeAValidStatusAndDuration() {
    String bad =
        """
        hosts: [reviews]
        http:
        - fault:
            abort: {httpStatus: 700, percentage: {value: 120}}
            delay: {fixedDelay: 0.5ms}
          route: [{destination: {host: reviews}}]
        - fault: {}
          route: [{destination: {host: reviews}}]
        """;

    assertThat(review("1.24", bad))
        .containsExactly(
            "spec.http[0].fault.abort.percentage.value: Invalid value: 120.0: percentage is neither 0.0, nor in range [0.0001, 100.0]",
            "spec.http[0].fault.abort.httpStatus: Invalid value: 700: HTTP status 700 is not in range 200-599",
            "spec.http[0].fault.delay.fixedDelay: Invalid value: \"0.5ms\": duration must be greater than 1ms",
            "spec.http[1].fault: Required value: HTTP fault injection must have an abort and/or a delay");
  }

  @Test
  void anAbortWithoutStatusAndADelayWithoutDurationOnlyWarnInIstio() {
    String spec =
        """
        hosts: [reviews]
        http:
        - fault:
            abort: {percentage: {value: 10}}
            delay: {percentage: {value: 10}}
          route: [{destination: {host: reviews}}]
        """;

    assertThat(review("1.24", spec)).isEmpty();
  }

  @Test
  void matchesNeedValidRegexesHeaderNamesAndSourceNamespaces() {
    String bad =
        """
        hosts: [reviews]
        http:
        - match:
          - uri: {regex: "(unclosed"}
            headers: {"bad header": {exact: x}}
            withoutHeaders: {x-present: {regex: "*"}}
            sourceNamespace: Not_A_Label
          route: [{destination: {host: reviews}}]
        """;

    List<String> errors = review("1.24", bad);

    assertThat(errors).hasSize(3);
    assertThat(errors.get(0)).startsWith("spec.http[0].match[0].headers[bad header]");
    assertThat(errors.get(1)).startsWith("spec.http[0].match[0].uri.regex");
    assertThat(errors.get(2)).startsWith("spec.http[0].match[0].sourceNamespace");
  }

  @Test
  void redirectsRetriesAndRewritesFollowTheirRules() {
    String bad =
        """
        hosts: [reviews]
        http:
        - redirect: {redirectCode: 200, scheme: ftp}
        - redirect: {redirectCode: 302}
        - retries: {attempts: -1, retryOn: "sometimes"}
          rewrite: {}
          route: [{destination: {host: reviews}}]
        """;

    assertThat(review("1.24", bad))
        .containsExactly(
            "spec.http[0].redirect.redirectCode: Invalid value: 200: 200 is not a valid redirect code, must be 3xx",
            "spec.http[1].redirect: Required value: redirect must specify URI, authority, scheme, or port",
            "spec.http[2].retries.attempts: Invalid value: -1: attempts cannot be negative",
            "spec.http[2].retries.retryOn: Invalid value: \"sometimes\": not a valid retryOn policy",
            "spec.http[2].rewrite: Required value: rewrite must specify at least one of URI, UriRegexRewrite, or authority");
  }

  @Test
  void exportToAndGatewaysFollowTheSharedRules() {
    String spec =
        """
        hosts: [reviews]
        gateways: [istio-system/Bad_Name]
        exportTo: ["*", bookinfo]
        http:
        - route: [{destination: {host: reviews}}]
        """;

    assertThat(review("1.24", spec))
        .containsExactly(
            "spec.gateways[0]: Invalid value: \"istio-system/Bad_Name\": invalid value for gateway name: \"Bad_Name\"",
            "spec.exportTo: Invalid value: [\"*\",\"bookinfo\"]: '*' or '~' cannot be combined with other values");
  }
}
