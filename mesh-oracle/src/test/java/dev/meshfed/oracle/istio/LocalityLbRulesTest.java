package dev.meshfed.oracle.istio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Istio's webhook on a DestinationRule's localityLbSetting (validateLocalityLbSetting, 1.24). */
class LocalityLbRulesTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private static List<String> review(String localityLbSetting) {
    try {
      ObjectNode object =
          (ObjectNode)
              YAML.readTree(
                  """
                  apiVersion: networking.istio.io/v1
                  kind: DestinationRule
                  metadata: {name: reviews, namespace: bookinfo}
                  spec:
                    host: reviews.global
                    trafficPolicy:
                      outlierDetection: {consecutive5xxErrors: 1}
                      loadBalancer:
                        localityLbSetting: %s
                  """
                      .formatted(localityLbSetting));
      return IstioAdmission.review(null, object).causes().stream()
          .map(FieldErrors.Cause::toString)
          .toList();
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void admitsWhatMeshfedWrites() {
    assertThat(
            review(
                "{distribute: [{from: us-east/us-east-1a/*, to: {us-east/us-east-1a/*: 80,"
                    + " us-west/*: 20}}, {from: us-west/*, to: {eu-west/eu-west-1c/rack-1: 100}}]}"))
        .isEmpty();
    assertThat(
            review(
                "{failover: [{from: us-east, to: us-west}], failoverPriority: [version,"
                    + " topology.istio.io/network]}"))
        .isEmpty();
  }

  @Test
  void refusesWhatMeshfedCallsInvalid() {
    assertThat(review("{distribute: [{from: us-east/*, to: {us-east/*: 60, us-west/*: 30}}]}"))
        .singleElement()
        .asString()
        .contains("total locality weight 90 != 100");
    assertThat(review("{distribute: [{from: us-east/*, to: {us-east/*: 100, us-west/*: 0}}]}"))
        .singleElement()
        .asString()
        .contains("locality weight must be in range [1, 100]");
    assertThat(
            review(
                "{distribute: [{from: us-east/*, to: {us-east/*: 100}}], failover: [{from: us-west,"
                    + " to: us-east}]}"))
        .singleElement()
        .asString()
        .contains("can not simultaneously specify 'distribute' and 'failover'");
    assertThat(
            review(
                "{failover: [{from: us-east, to: us-west}], failoverPriority:"
                    + " [topology.kubernetes.io/region]}"))
        .singleElement()
        .asString()
        .contains("topology label 'topology.kubernetes.io/region'");
    assertThat(review("{distribute: [{from: us-east/*/rack-1, to: {us-east/*: 100}}]}"))
        .singleElement()
        .asString()
        .contains("must be in the end");
    assertThat(
            review(
                "{distribute: [{from: us-east/*, to: {us-west/*: 50, us-west/us-west-1b/*: 50}}]}"))
        .singleElement()
        .asString()
        .contains("overlap with previous specified ones");
    assertThat(review("{failover: [{from: us-east/a, to: us-west}]}"))
        .singleElement()
        .asString()
        .contains("only specify region");
  }
}
