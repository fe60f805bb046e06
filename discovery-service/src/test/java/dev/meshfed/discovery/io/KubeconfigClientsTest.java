package dev.meshfed.discovery.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.Config;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KubeconfigClientsTest {

  private static final String TWO_CONTEXTS =
      """
      apiVersion: v1
      kind: Config
      clusters:
      - name: c1
        cluster: {server: "http://127.0.0.1:6001"}
      - name: c2
        cluster: {server: "http://127.0.0.1:6002"}
      users:
      - name: u1
        user: {token: token-1}
      - name: u2
        user: {token: token-2}
      contexts:
      - name: c1
        context: {cluster: c1, user: u1}
      - name: c2
        context: {cluster: c2, user: u2}
      current-context: c1
      """;

  @TempDir Path dir;

  @Test
  void usesTheCurrentContextByDefault() throws IOException {
    Config config = KubeconfigClients.config(cluster(TWO_CONTEXTS, Optional.empty()));

    assertThat(config.getMasterUrl()).startsWith("http://127.0.0.1:6001");
    assertThat(config.getAutoOAuthToken()).isEqualTo("token-1");
  }

  @Test
  void usesTheGivenContextWithItsOwnCredentials() throws IOException {
    Config config = KubeconfigClients.config(cluster(TWO_CONTEXTS, Optional.of("c2")));

    assertThat(config.getMasterUrl()).startsWith("http://127.0.0.1:6002");
    assertThat(config.getAutoOAuthToken()).isEqualTo("token-2");
  }

  @Test
  void aMissingFileIsAnErrorNamingIt() {
    Path missing = dir.resolve("missing.yaml");
    var cluster = new ClusterMode.KubeconfigCluster("c1", missing, Optional.empty());

    assertThatThrownBy(() -> KubeconfigClients.config(cluster))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining(missing.toString());
  }

  @Test
  void anUnparsableFileIsAnErrorNamingIt() throws IOException {
    var cluster = cluster("clusters: [not: {closed", Optional.empty());

    assertThatThrownBy(() -> KubeconfigClients.config(cluster))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(cluster.kubeconfig().toString());
  }

  @Test
  void anUnknownContextIsAnError() throws IOException {
    var cluster = cluster(TWO_CONTEXTS, Optional.of("c3"));

    assertThatThrownBy(() -> KubeconfigClients.config(cluster))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(cluster.kubeconfig().toString())
        .hasMessageContaining("no context c3");
  }

  @Test
  void noContextAndNoCurrentContextIsAnError() throws IOException {
    var cluster = cluster(TWO_CONTEXTS.replace("current-context: c1", ""), Optional.empty());

    assertThatThrownBy(() -> KubeconfigClients.config(cluster))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("has no current context");
  }

  private ClusterMode.KubeconfigCluster cluster(String content, Optional<String> context)
      throws IOException {
    Path file = Files.writeString(dir.resolve("kubeconfig.yaml"), content);
    return new ClusterMode.KubeconfigCluster("c1", file, context);
  }
}
