package dev.meshfed.distribution.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshfed.distribution.model.ObjectKey;
import dev.meshfed.distribution.model.ResourceKind;
import dev.meshfed.distribution.model.ResourceType;
import java.util.List;
import org.junit.jupiter.api.Test;

class ObjectRequestsTest {

  @Test
  void aKindOfANamedGroupIsUnderApis() {
    ResourceType serviceEntry =
        new ResourceType(
            new ResourceKind(
                "networking.istio.io", "ServiceEntry", "serviceentries", List.of("v1")),
            "v1");

    assertThat(
            ObjectRequests.path(
                serviceEntry,
                new ObjectKey("networking.istio.io/v1", "ServiceEntry", "apps", "svc-1")))
        .isEqualTo("/apis/networking.istio.io/v1/namespaces/apps/serviceentries/svc-1");
  }

  @Test
  void aKindOfTheCoreGroupIsUnderApi() {
    ResourceType configMap =
        new ResourceType(new ResourceKind("", "ConfigMap", "configmaps", List.of("v1")), "v1");

    assertThat(
            ObjectRequests.path(configMap, new ObjectKey("v1", "ConfigMap", "istio-system", "x")))
        .isEqualTo("/api/v1/namespaces/istio-system/configmaps/x");
  }
}
