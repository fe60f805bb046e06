package dev.meshfed.distribution.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ResourceVersionsTest {

  @Test
  void readsTheVersionWhereverMetadataAndItsFieldsAre() {
    String applied =
        """
        {"apiVersion":"networking.istio.io/v1","kind":"ServiceEntry",
         "spec":{"hosts":["a.global"],"ports":[{"number":80,"name":"http"}]},
         "metadata":{"name":"a","labels":{"resourceVersion":"not this"},
           "managedFields":[{"manager":"meshfed","fieldsV1":{"f:spec":{}}}],
           "resourceVersion":"4711","namespace":"apps"}}
        """;

    assertThat(ResourceVersions.of(bytes(applied))).isEqualTo("4711");
  }

  @Test
  void isEmptyWithoutOne() {
    assertThat(ResourceVersions.of(bytes("{\"kind\":\"ServiceEntry\",\"metadata\":{}}"))).isEmpty();
    assertThat(ResourceVersions.of(bytes("{\"spec\":{\"resourceVersion\":\"1\"}}"))).isEmpty();
    assertThat(ResourceVersions.of(bytes("[]"))).isEmpty();
    assertThat(ResourceVersions.of(bytes("not json"))).isEmpty();
    assertThat(ResourceVersions.of(new byte[0])).isEmpty();
    assertThat(ResourceVersions.of(null)).isEmpty();
  }

  private static byte[] bytes(String json) {
    return json.getBytes(StandardCharsets.UTF_8);
  }
}
