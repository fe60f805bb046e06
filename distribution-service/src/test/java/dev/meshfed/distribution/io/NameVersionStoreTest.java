package dev.meshfed.distribution.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import org.junit.jupiter.api.Test;

class NameVersionStoreTest {

  private final NameVersionStore store = new NameVersionStore();

  @Test
  void keepsEachObjectsNameAndVersionOnly() {
    GenericKubernetesResource entry = object("apps", "svc-1", "7");
    entry.setAdditionalProperty("spec", "large");

    assertThat(store.put(store.getKey(entry), entry)).as("nothing before").isNull();
    GenericKubernetesResource kept = store.get("apps/svc-1");

    assertThat(kept.getMetadata().getNamespace()).isEqualTo("apps");
    assertThat(kept.getMetadata().getName()).isEqualTo("svc-1");
    assertThat(kept.getMetadata().getResourceVersion()).isEqualTo("7");
    assertThat(kept.getAdditionalProperties()).isEmpty();
  }

  @Test
  void answersAsAStoreDoes() {
    store.put("apps/svc-1", object("apps", "svc-1", "7"));
    GenericKubernetesResource before = store.put("apps/svc-1", object("apps", "svc-1", "8"));
    store.put("cluster-wide", object(null, "cluster-wide", "9"));

    assertThat(before.getMetadata().getResourceVersion()).isEqualTo("7");
    assertThat(store.size()).isEqualTo(2);
    assertThat(store.keySet()).containsExactlyInAnyOrder("apps/svc-1", "cluster-wide");
    assertThat(store.values().map(o -> o.getMetadata().getResourceVersion()))
        .containsExactlyInAnyOrder("8", "9");
    assertThat(store.get("cluster-wide").getMetadata().getNamespace()).isNull();
    assertThat(store.remove("apps/svc-1").getMetadata().getResourceVersion()).isEqualTo("8");
    assertThat(store.get("apps/svc-1")).isNull();
    assertThat(store.remove("apps/svc-1")).isNull();
    assertThat(store.isFullState()).isFalse();
  }

  private static GenericKubernetesResource object(String namespace, String name, String version) {
    GenericKubernetesResource object = new GenericKubernetesResource();
    object.setMetadata(
        new ObjectMetaBuilder()
            .withNamespace(namespace)
            .withName(name)
            .withResourceVersion(version)
            .build());
    return object;
  }
}
