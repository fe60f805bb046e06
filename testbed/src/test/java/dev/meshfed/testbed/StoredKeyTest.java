package dev.meshfed.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.server.mock.KubernetesAttributesExtractor;
import org.junit.jupiter.api.Test;

class StoredKeyTest {

  private final KubernetesAttributesExtractor extractor = new KubernetesAttributesExtractor();

  @Test
  void keysANamespacedLabelledObjectAsFabric8sOwnParseDoes() {
    String json =
        "{\"apiVersion\":\"networking.istio.io/v1\",\"kind\":\"ServiceEntry\","
            + "\"metadata\":{\"name\":\"reviews\",\"namespace\":\"bookinfo\",\"uid\":\"u1\","
            + "\"labels\":{\"app.kubernetes.io/managed-by\":\"meshfed\",\"tier\":\"2\"}},"
            + "\"spec\":{\"hosts\":[\"reviews.global\"],\"ports\":[{\"number\":9080}]}}";

    assertThat(extractor.extract(StoredKey.of(StoredJson.parse(json))))
        .isEqualTo(extractor.fromResource(json));
  }

  @Test
  void keysAClusterScopedCoreObjectWithoutLabelsAsFabric8sOwnParseDoes() {
    String json =
        "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"istio\"}}";

    assertThat(extractor.extract(StoredKey.of(StoredJson.parse(json))))
        .isEqualTo(extractor.fromResource(json));
  }

  @Test
  void keysAnObjectWithEmptyLabelsAsFabric8sOwnParseDoes() {
    String json =
        "{\"apiVersion\":\"v1\",\"kind\":\"Service\","
            + "\"metadata\":{\"name\":\"a\",\"namespace\":\"b\",\"labels\":{}}}";

    assertThat(extractor.extract(StoredKey.of(StoredJson.parse(json))))
        .isEqualTo(extractor.fromResource(json));
  }
}
