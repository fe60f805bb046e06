package dev.meshfed.distribution.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ObjectKeyTest {

  @Test
  void versionsOfOneGroupShareTheIdentity() {
    ObjectKey beta = new ObjectKey("networking.istio.io/v1beta1", "ServiceEntry", "ns", "foo");
    ObjectKey ga = new ObjectKey("networking.istio.io/v1", "ServiceEntry", "ns", "foo");

    assertThat(beta.identity())
        .isEqualTo(ga.identity())
        .isEqualTo(new ObjectIdentity("networking.istio.io", "ServiceEntry", "ns", "foo"));
  }

  @Test
  void theCoreGroupIsEmpty() {
    ObjectKey key = new ObjectKey("v1", "ConfigMap", "ns", "foo");

    assertThat(key.group()).isEmpty();
    assertThat(key.version()).isEqualTo("v1");
  }

  @Test
  void otherGroupsOrNamesAreOtherObjects() {
    ObjectKey foo = new ObjectKey("networking.istio.io/v1", "Gateway", "ns", "foo");

    assertThat(foo.identity())
        .isNotEqualTo(
            new ObjectKey("gateway.networking.k8s.io/v1", "Gateway", "ns", "foo").identity())
        .isNotEqualTo(
            new ObjectKey("networking.istio.io/v1", "Gateway", "other", "foo").identity());
  }
}
