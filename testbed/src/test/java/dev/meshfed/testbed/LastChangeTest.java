package dev.meshfed.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class LastChangeTest {

  private static final List<String> WORKSPACE_GROUP = List.of("meshfed.dev");
  private static final ResourceDefinitionContext WORKSPACES =
      new ResourceDefinitionContext.Builder()
          .withGroup("meshfed.dev")
          .withVersion("v1alpha1")
          .withKind("Workspace")
          .withPlural("workspaces")
          .withNamespaced(true)
          .build();

  @Test
  void tellsWhenAnObjectOfTheGroupsLastChangedAndIgnoresOtherGroups() {
    try (SimulatedCluster cluster = SimulatedCluster.start("east")) {
      KubernetesClient client = cluster.client();
      assertThat(cluster.lastChangeNanos(WORKSPACE_GROUP)).isEmpty();

      long beforeCreate = System.nanoTime();
      client
          .genericKubernetesResources(WORKSPACES)
          .inNamespace("mesh")
          .resource(workspace())
          .create();
      long created = cluster.lastChangeNanos(WORKSPACE_GROUP).orElseThrow();

      client
          .configMaps()
          .inNamespace("mesh")
          .resource(new ConfigMapBuilder().withNewMetadata().withName("c").endMetadata().build())
          .create();
      OptionalLong afterOtherGroup = cluster.lastChangeNanos(WORKSPACE_GROUP);

      client.genericKubernetesResources(WORKSPACES).inNamespace("mesh").withName("w").delete();
      long deleted = cluster.lastChangeNanos(WORKSPACE_GROUP).orElseThrow();

      assertThat(created).isGreaterThanOrEqualTo(beforeCreate);
      assertThat(afterOtherGroup).as("a ConfigMap is not of the group").hasValue(created);
      assertThat(deleted).as("a delete is a change").isGreaterThan(created);
      assertThat(cluster.lastChangeNanos(List.of("")).orElseThrow())
          .as("the core group's: the ConfigMap")
          .isGreaterThan(created);
    }
  }

  private static GenericKubernetesResource workspace() {
    GenericKubernetesResource workspace =
        new GenericKubernetesResourceBuilder()
            .withApiVersion("meshfed.dev/v1alpha1")
            .withKind("Workspace")
            .withNewMetadata()
            .withName("w")
            .withNamespace("mesh")
            .endMetadata()
            .build();
    workspace.setAdditionalProperty("spec", Map.of());
    return workspace;
  }
}
