package dev.meshfed.testbed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FaultInjectorTest {

  private static SimulatedCluster cluster;
  private static KubernetesClient clientWithoutRetries;

  @BeforeAll
  static void startCluster() {
    cluster = SimulatedCluster.start("faulty");
    clientWithoutRetries =
        new KubernetesClientBuilder()
            .withConfig(
                new ConfigBuilder(Config.empty())
                    .withMasterUrl(cluster.url())
                    .withNamespace("default")
                    .withRequestRetryBackoffLimit(0)
                    .build())
            .build();
  }

  @AfterAll
  static void stopCluster() {
    clientWithoutRetries.close();
    cluster.close();
  }

  @Test
  void plannedWritesFailWithoutEffectThenWritesSucceedAgain() {
    cluster.faults().failNextWrites(2, 500);

    for (int attempt = 1; attempt <= 2; attempt++) {
      assertThatThrownBy(() -> clientWithoutRetries.resource(configMap("planned")).create())
          .isInstanceOfSatisfying(
              KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(500));
      assertThat(clientWithoutRetries.configMaps().withName("planned").get()).isNull();
    }
    assertThat(cluster.faults().pendingFailures()).isZero();

    clientWithoutRetries.resource(configMap("planned")).create();
    assertThat(clientWithoutRetries.configMaps().withName("planned").get()).isNotNull();
  }

  @Test
  void writesFailForAWhileThenSucceedAgain() {
    cluster.faults().failWritesFor(Duration.ofMillis(300), 429);

    assertThatThrownBy(() -> clientWithoutRetries.resource(configMap("for-a-while")).create())
        .isInstanceOfSatisfying(
            KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(429));
    await()
        .atMost(Duration.ofSeconds(5))
        .ignoreExceptions()
        .until(
            () -> {
              clientWithoutRetries.resource(configMap("for-a-while")).create();
              return true;
            });
    assertThat(clientWithoutRetries.configMaps().withName("for-a-while").get()).isNotNull();
  }

  @Test
  void aStalledApiServerCarriesOutWritesButAnswersTooLateForTheClient() {
    try (KubernetesClient impatient =
        new KubernetesClientBuilder()
            .withConfig(
                new ConfigBuilder(clientWithoutRetries.getConfiguration())
                    .withRequestTimeout(300)
                    .build())
            .build()) {
      cluster.faults().hangFor(Duration.ofMillis(1_500));

      assertThatThrownBy(() -> impatient.resource(configMap("stalled")).create())
          .isInstanceOf(KubernetesClientException.class)
          .hasRootCauseInstanceOf(java.util.concurrent.TimeoutException.class);
      assertThatThrownBy(() -> impatient.configMaps().withName("stalled").get())
          .isInstanceOf(KubernetesClientException.class);

      await().atMost(Duration.ofSeconds(5)).until(() -> cluster.faults().answerDelay().isZero());
      assertThat(impatient.configMaps().withName("stalled").get()).isNotNull();
    }
  }

  @Test
  void brokenWatchesMakeInformersListAgainOnceReadsSucceed() throws Exception {
    clientWithoutRetries.resource(configMap("kept")).create();
    clientWithoutRetries.resource(configMap("deleted-meanwhile")).create();
    try (io.fabric8.kubernetes.client.informers.SharedIndexInformer<ConfigMap> informer =
        cluster.client().configMaps().inNamespace("default").inform()) {
      await().atMost(Duration.ofSeconds(5)).until(informer::hasSynced);
      java.util.concurrent.CompletableFuture<io.fabric8.kubernetes.client.WatcherException> closed =
          new java.util.concurrent.CompletableFuture<>();
      io.fabric8.kubernetes.client.Watch watch =
          clientWithoutRetries
              .configMaps()
              .inNamespace("default")
              .watch(
                  new io.fabric8.kubernetes.client.Watcher<>() {
                    @Override
                    public void eventReceived(Action action, ConfigMap resource) {}

                    @Override
                    public void onClose(io.fabric8.kubernetes.client.WatcherException cause) {
                      closed.complete(cause);
                    }
                  });

      cluster.faults().breakWatchesAndFailReadsFor(Duration.ofMillis(1_500), 500);
      assertThat(closed.get(5, java.util.concurrent.TimeUnit.SECONDS).isHttpGone()).isTrue();
      watch.close();
      assertThatThrownBy(() -> clientWithoutRetries.configMaps().list())
          .isInstanceOfSatisfying(
              KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(500));
      clientWithoutRetries.configMaps().withName("deleted-meanwhile").delete();
      clientWithoutRetries.resource(configMap("created-meanwhile")).create();

      await()
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(
              () ->
                  assertThat(informer.getStore().listKeys())
                      .contains("default/kept", "default/created-meanwhile")
                      .doesNotContain("default/deleted-meanwhile"));
      assertThat(cluster.faults().failingReads()).isFalse();
    }
  }

  @Test
  void readsAreNotAffected() {
    cluster.faults().failNextWrites(1, 409);

    assertThat(clientWithoutRetries.configMaps().list().getItems()).isNotNull();
    assertThat(cluster.faults().pendingFailures()).isEqualTo(1);

    cluster.faults().failNextWrites(0, 500);
  }

  @Test
  void defaultClientsRetryServerErrorsAway() {
    cluster.faults().failNextWrites(2, 503);

    cluster.client().resource(configMap("retried")).create();

    assertThat(cluster.faults().pendingFailures()).isZero();
    assertThat(cluster.client().configMaps().withName("retried").get()).isNotNull();
  }

  private static ConfigMap configMap(String name) {
    return new ConfigMapBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace("default")
        .endMetadata()
        .withData(Map.of("k", "v"))
        .build();
  }

  @Test
  void aClusterStartsWithTheSystemNamespacesAndCanAnswerEmptyListsWhileBroken() {
    assertThat(clientWithoutRetries.namespaces().list().getItems())
        .extracting(ns -> ns.getMetadata().getName())
        .containsAll(SimulatedCluster.SYSTEM_NAMESPACES);

    cluster.faults().answerEmptyLists(true);
    try {
      assertThat(clientWithoutRetries.namespaces().list().getItems()).isEmpty();
      assertThat(clientWithoutRetries.namespaces().withName("kube-system").get()).isNotNull();
    } finally {
      cluster.faults().answerEmptyLists(false);
    }

    assertThat(clientWithoutRetries.namespaces().list().getItems()).isNotEmpty();
  }
}
