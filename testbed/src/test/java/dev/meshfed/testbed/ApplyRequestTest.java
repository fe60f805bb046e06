package dev.meshfed.testbed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ApplyRequestTest {

  private static final String PATH =
      "/apis/networking.istio.io/v1/namespaces/bookinfo/serviceentries/reviews?fieldManager=meshfed";

  @Test
  void aYamlBodyAndTheSameObjectAsJsonApplyTheSameFields() throws Exception {
    String yaml =
        """
        apiVersion: networking.istio.io/v1
        kind: ServiceEntry
        metadata:
          name: reviews
          labels:
            tier: "2"
        spec:
          hosts: [reviews.global]
          ports:
          - number: 9080
            name: http
        """;
    String json =
        "  {\"apiVersion\":\"networking.istio.io/v1\",\"kind\":\"ServiceEntry\","
            + "\"metadata\":{\"name\":\"reviews\",\"labels\":{\"tier\":\"2\"}},"
            + "\"spec\":{\"hosts\":[\"reviews.global\"],"
            + "\"ports\":[{\"number\":9080,\"name\":\"http\"}]}}";

    ApplyRequest fromYaml = ApplyRequest.parse(PATH, yaml);

    assertThat(fromYaml.fields().path("spec").path("ports").path(0).path("number").asInt())
        .isEqualTo(9080);
    assertThat(ApplyRequest.parse(PATH, json).fields()).isEqualTo(fromYaml.fields());
  }

  @Test
  void aBodyThatIsNotAnObjectIsABadRequest() {
    assertThatThrownBy(() -> ApplyRequest.parse(PATH, "[1, 2]"))
        .isInstanceOfSatisfying(
            ApplyRequest.InvalidApplyException.class, e -> assertThat(e.status()).isEqualTo(400));
    assertThatThrownBy(() -> ApplyRequest.parse(PATH, "{\"apiVersion\": "))
        .isInstanceOfSatisfying(
            ApplyRequest.InvalidApplyException.class, e -> assertThat(e.status()).isEqualTo(400));
  }
}
