package dev.meshfed.distribution.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.Config;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KubeconfigClientsTest {

  private static final String KUBECONFIG =
      """
      apiVersion: v1
      kind: Config
      clusters:
      - name: one
        cluster: {server: "http://127.0.0.1:6001"}
      - name: two
        cluster: {server: "http://127.0.0.1:6002"}
      users:
      - name: one
        user: {token: token-one}
      - name: two
        user: {token: token-two}
      contexts:
      - name: one
        context: {cluster: one, user: one}
      - name: two
        context: {cluster: two, user: two}
      current-context: one
      """;

  @TempDir Path dir;

  @Test
  void usesTheFilesCurrentContextByDefault() throws Exception {
    Config config = KubeconfigClients.config(context(Optional.empty()));

    assertThat(config.getMasterUrl()).startsWith("http://127.0.0.1:6001");
    assertThat(config.getAutoOAuthToken()).isEqualTo("token-one");
  }

  @Test
  void usesTheNamedContextWithItsCredentials() throws Exception {
    Config config = KubeconfigClients.config(context(Optional.of("two")));

    assertThat(config.getMasterUrl()).startsWith("http://127.0.0.1:6002");
    assertThat(config.getAutoOAuthToken()).isEqualTo("token-two");
  }

  @Test
  void leavesRetriesToTheService() throws Exception {
    assertThat(KubeconfigClients.config(context(Optional.empty())).getRequestRetryBackoffLimit())
        .isZero();
  }

  @Test
  void aContextTheFileDoesNotHaveIsAnError() throws Exception {
    ServedCluster.KubeconfigContext missing = context(Optional.of("three"));

    assertThatThrownBy(() -> KubeconfigClients.config(missing))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("(context three): no such context");
  }

  @Test
  void aMissingFileIsAnError() {
    ServedCluster.KubeconfigContext absent =
        new ServedCluster.KubeconfigContext(dir.resolve("absent.yaml"), Optional.empty());

    assertThatThrownBy(() -> KubeconfigClients.config(absent))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("absent.yaml");
  }

  private ServedCluster.KubeconfigContext context(Optional<String> name) throws Exception {
    Path file = Files.writeString(dir.resolve("kubeconfig.yaml"), KUBECONFIG);
    return new ServedCluster.KubeconfigContext(file, name);
  }
}
