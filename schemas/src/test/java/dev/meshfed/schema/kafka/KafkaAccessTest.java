package dev.meshfed.schema.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.junit.jupiter.api.Test;

/**
 * docs/security.md lists exactly the ACLs {@link KafkaAccess} grants, which the secured end-to-end
 * test gives each service. {@code -Dgolden.update=true} rewrites the doc's table section.
 */
class KafkaAccessTest {

  private static final Path DOC = Path.of("../docs/security.md");
  private static final String BEGIN = "<!-- acls:begin (KafkaAccessTest writes this part) -->";
  private static final String END = "<!-- acls:end -->";
  private static final String CLUSTER = "cluster-x";
  private static final String PRINCIPAL = "User:someone";
  private static final String APP_ID = "meshfed-translation";

  @Test
  void theSecurityDocListsExactlyTheAclsEachServiceIsGranted() throws IOException {
    String doc = Files.readString(DOC);
    int begin = doc.indexOf(BEGIN);
    int end = doc.indexOf(END);
    assertThat(begin).as("the doc marks where its ACL tables go").isNotNegative();
    assertThat(end).isGreaterThan(begin);
    String tables = "\n" + tables();
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(
          DOC, doc.substring(0, begin + BEGIN.length()) + tables + doc.substring(end));
      return;
    }
    assertThat(doc.substring(begin + BEGIN.length(), end)).isEqualTo(tables);
  }

  @Test
  void everyGrantAllowsAndNoneReachesAnotherCluster() {
    List<AclBinding> cluster =
        List.of(
                KafkaAccess.discoveryRuntime(PRINCIPAL, CLUSTER),
                KafkaAccess.discoveryTopicCreation(PRINCIPAL, CLUSTER),
                KafkaAccess.distributionRuntime(PRINCIPAL, CLUSTER),
                KafkaAccess.distributionTopicCreation(PRINCIPAL, CLUSTER))
            .stream()
            .flatMap(List::stream)
            .toList();

    assertThat(cluster)
        .allSatisfy(
            binding -> {
              assertThat(binding.entry().permissionType()).isEqualTo(AclPermissionType.ALLOW);
              assertThat(binding.entry().principal()).isEqualTo(PRINCIPAL);
              assertThat(binding.pattern().name()).endsWith("." + CLUSTER);
              assertThat(binding.pattern().patternType().name()).isEqualTo("LITERAL");
            });
  }

  private static String tables() {
    return section(
            "discovery-service, one principal per cluster",
            KafkaAccess.discoveryRuntime(PRINCIPAL, CLUSTER),
            KafkaAccess.discoveryTopicCreation(PRINCIPAL, CLUSTER))
        + section(
            "distribution-service, one principal per cluster",
            KafkaAccess.distributionRuntime(PRINCIPAL, CLUSTER),
            KafkaAccess.distributionTopicCreation(PRINCIPAL, CLUSTER))
        + section(
            "translation-service (application id `" + APP_ID + "`)",
            KafkaAccess.translationRuntime(PRINCIPAL, APP_ID),
            KafkaAccess.translationTopicCreation(PRINCIPAL))
        + section("the `meshfed` command", KafkaAccess.cli(PRINCIPAL, APP_ID), List.of());
  }

  private static String section(
      String title, List<AclBinding> runtime, List<AclBinding> topicCreation) {
    StringBuilder out = new StringBuilder("\n### ").append(title).append("\n\n");
    out.append("| resource | pattern | name | operations |\n|---|---|---|---|\n");
    rows(runtime).forEach(out::append);
    if (!topicCreation.isEmpty()) {
      out.append("\nOnly to create its topics when they are missing:\n\n");
      out.append("| resource | pattern | name | operations |\n|---|---|---|---|\n");
      rows(topicCreation).forEach(out::append);
    }
    return out.toString();
  }

  /** One row per resource pattern, its operations in the order granted. */
  private static List<String> rows(List<AclBinding> bindings) {
    Map<ResourcePattern, List<String>> operations = new LinkedHashMap<>();
    for (AclBinding binding : bindings) {
      operations
          .computeIfAbsent(binding.pattern(), p -> new ArrayList<>())
          .add(pretty(binding.entry().operation().name()));
    }
    return operations.entrySet().stream()
        .map(
            e ->
                "| "
                    + pretty(e.getKey().resourceType().name())
                    + " | "
                    + e.getKey().patternType().name().toLowerCase()
                    + " | `"
                    + e.getKey().name().replace(CLUSTER, "<cluster>")
                    + "` | "
                    + String.join(", ", e.getValue())
                    + " |\n")
        .collect(Collectors.toList());
  }

  /** TRANSACTIONAL_ID: TransactionalId, as Kafka's documentation writes it. */
  private static String pretty(String constant) {
    StringBuilder out = new StringBuilder();
    for (String word : constant.toLowerCase().split("_")) {
      out.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
    }
    return out.toString();
  }
}
