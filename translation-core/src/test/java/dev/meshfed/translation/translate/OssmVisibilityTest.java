package dev.meshfed.translation.translate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshfed.schema.DiscoveredKinds;
import dev.meshfed.translation.model.ObjectId;
import dev.meshfed.translation.model.ServiceInput;
import dev.meshfed.translation.model.ServicePortInput;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** OSSM exports only what the control plane sees: Istio's exportTo annotation decides. */
class OssmVisibilityTest {

  private static final String CONTROL_PLANE = "istio-system";

  @Test
  void withoutTheAnnotationEveryNamespaceSeesTheService() {
    assertThat(visible("bookinfo", List.of())).isTrue();
  }

  @Test
  void theAnnotationMustNameTheControlPlaneOrEveryNamespace() {
    assertThat(visible("bookinfo", List.of("bookinfo", CONTROL_PLANE))).isTrue();
    assertThat(visible("bookinfo", List.of("*"))).isTrue();
    assertThat(visible("bookinfo", List.of("bookinfo"))).isFalse();
    assertThat(visible("bookinfo", List.of("."))).isFalse();
    assertThat(visible("bookinfo", List.of("~"))).isFalse();
  }

  @Test
  void aDotMeansTheServicesOwnNamespace() {
    assertThat(visible(CONTROL_PLANE, List.of("."))).isTrue();
  }

  private static boolean visible(String namespace, List<String> exportTo) {
    ServiceInput service =
        new ServiceInput(
            new ObjectId("cluster1", DiscoveredKinds.SERVICE, namespace, "ratings"),
            "ClusterIP",
            Map.of(),
            Map.of("app", "ratings"),
            List.of(new ServicePortInput("http", 9080, "9080", "TCP", null)),
            null,
            false,
            exportTo);
    return OssmExports.visibleTo(service, CONTROL_PLANE);
  }
}
