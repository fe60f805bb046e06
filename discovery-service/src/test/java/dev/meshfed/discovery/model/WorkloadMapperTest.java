package dev.meshfed.discovery.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshfed.schema.DiscoveredKinds;
import dev.meshfed.schema.discovery.WorkloadState;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WorkloadMapperTest {

  @Test
  void mapsADeploymentsServiceAccountAndPodLabels() {
    Deployment reviews =
        deployment(template(Map.of("app", "reviews", "version", "v2"), pod("bookinfo-reviews")));

    Mapping mapping = WorkloadMapper.map(reviews);

    assertThat(mapping.problems()).isEmpty();
    Write write = mapping.writes().get(0);
    assertThat(write.key())
        .isEqualTo(Keys.of(DiscoveredKinds.DEPLOYMENT, "bookinfo", "reviews-v2"));
    assertThat(write.value().getApiVersion()).isEqualTo("apps/v1");
    assertThat(write.value().getUid()).isEqualTo(Fixtures.UID);
    assertThat(write.value().getPayload())
        .isEqualTo(
            new WorkloadState("bookinfo-reviews", Map.of("app", "reviews", "version", "v2")));
  }

  @Test
  void mapsStatefulSetsAndDaemonSetsUnderKindsOfTheirOwn() {
    PodTemplateSpec template = template(Map.of("app", "db"), pod("db"));
    var statefulSet =
        new StatefulSetBuilder()
            .withApiVersion("apps/v1")
            .withMetadata(Fixtures.metadata("bookinfo", "db", Map.of()))
            .withNewSpec()
            .withTemplate(template)
            .endSpec()
            .build();
    var daemonSet =
        new DaemonSetBuilder()
            .withApiVersion("apps/v1")
            .withMetadata(Fixtures.metadata("kube-system", "node-agent", Map.of()))
            .withNewSpec()
            .withTemplate(template)
            .endSpec()
            .build();

    Write statefulSetWrite = WorkloadMapper.map(statefulSet).writes().get(0);
    Write daemonSetWrite = WorkloadMapper.map(daemonSet).writes().get(0);

    assertThat(statefulSetWrite.key())
        .isEqualTo(Keys.of(DiscoveredKinds.STATEFUL_SET, "bookinfo", "db"));
    assertThat(daemonSetWrite.key())
        .isEqualTo(Keys.of(DiscoveredKinds.DAEMON_SET, "kube-system", "node-agent"));
    assertThat(statefulSetWrite.value().getPayload())
        .isEqualTo(new WorkloadState("db", Map.of("app", "db")));
    assertThat(daemonSetWrite.value().getPayload())
        .isEqualTo(statefulSetWrite.value().getPayload());
  }

  @Test
  void theServiceAccountFallsBackToTheDeprecatedFieldThenToDefault() {
    assertThat(serviceAccount(new PodSpecBuilder().withServiceAccount("legacy").build()))
        .isEqualTo("legacy");
    assertThat(
            serviceAccount(
                new PodSpecBuilder()
                    .withServiceAccountName("")
                    .withServiceAccount("legacy")
                    .build()))
        .isEqualTo("legacy");
    assertThat(
            serviceAccount(
                new PodSpecBuilder()
                    .withServiceAccountName("current")
                    .withServiceAccount("legacy")
                    .build()))
        .isEqualTo("current");
    assertThat(serviceAccount(new PodSpec())).isEqualTo("default");
    assertThat(WorkloadMapper.serviceAccount(Optional.empty())).isEqualTo("default");
  }

  @Test
  void aWorkloadWithoutSpecIsDefaultsNotAnError() {
    Deployment bare =
        new DeploymentBuilder()
            .withMetadata(Fixtures.metadata("bookinfo", "reviews-v2", null))
            .build();

    Mapping mapping = WorkloadMapper.map(bare);

    assertThat(mapping.problems()).isEmpty();
    assertThat(mapping.writes().get(0).value().getPayload())
        .isEqualTo(new WorkloadState("default", Map.of()));
  }

  @Test
  void podLabelsAreSortedSoThatEqualLabelsEncodeAlike() {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("version", "v2");
    labels.put("app", "reviews");

    var state =
        (WorkloadState)
            WorkloadMapper.map(deployment(template(labels, pod(null))))
                .writes()
                .get(0)
                .value()
                .getPayload();

    assertThat(state.getPodLabels().keySet()).containsExactly("app", "version");
  }

  @Test
  void statusChurnMapsToAnEqualRecord() {
    Deployment before = deployment(template(Map.of("app", "reviews"), pod("reviews")));
    Deployment after =
        new DeploymentBuilder(before)
            .editMetadata()
            .withResourceVersion("42")
            .endMetadata()
            .withNewStatus()
            .withReplicas(3)
            .withReadyReplicas(2)
            .withObservedGeneration(3L)
            .endStatus()
            .build();

    assertThat(WorkloadMapper.map(after)).isEqualTo(WorkloadMapper.map(before));
  }

  @Test
  void aTemplateChangeMapsToANewRecord() {
    Deployment before = deployment(template(Map.of("app", "reviews"), pod("reviews")));
    Deployment after = deployment(template(Map.of("app", "reviews"), pod("reviews-v2")));

    assertThat(WorkloadMapper.map(after)).isNotEqualTo(WorkloadMapper.map(before));
  }

  private static String serviceAccount(PodSpec pod) {
    return WorkloadMapper.serviceAccount(Optional.of(pod));
  }

  private static PodSpec pod(String serviceAccountName) {
    return new PodSpecBuilder()
        .withServiceAccountName(serviceAccountName)
        .addNewContainer()
        .withName("app")
        .withImage("reviews:1")
        .endContainer()
        .build();
  }

  private static PodTemplateSpec template(Map<String, String> labels, PodSpec pod) {
    return new PodTemplateSpecBuilder()
        .withNewMetadata()
        .withLabels(labels)
        .endMetadata()
        .withSpec(pod)
        .build();
  }

  private static Deployment deployment(PodTemplateSpec template) {
    return new DeploymentBuilder()
        .withApiVersion("apps/v1")
        .withMetadata(Fixtures.metadata("bookinfo", "reviews-v2", Map.of("app", "reviews")))
        .withNewSpec()
        .withReplicas(3)
        .withTemplate(template)
        .endSpec()
        .build();
  }
}
