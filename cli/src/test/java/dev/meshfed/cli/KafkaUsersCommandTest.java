package dev.meshfed.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class KafkaUsersCommandTest {

  @Test
  void printsTheUsersAskedForWithTheirClustersTopics() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    int exit =
        new CommandLine(new KafkaUsersCommand(new PrintStream(out, true, StandardCharsets.UTF_8)))
            .execute("--cluster", "east", "--translation", "--kafka-cluster", "shared");

    String yaml = out.toString(StandardCharsets.UTF_8);
    assertThat(exit).isZero();
    assertThat(yaml.split("(?m)^---$")).hasSize(3);
    assertThat(yaml)
        .contains("name: meshfed-translation", "name: meshfed-discovery-east")
        .contains("name: meshfed-distribution-east", "name: meshfed.discovered.east")
        .contains("strimzi.io/cluster: shared")
        .doesNotContain("meshfed-cli");
  }

  @Test
  void refusesAnInvalidClusterNameOrNothingToPrint() {
    CommandLine command = new CommandLine(new KafkaUsersCommand(System.out));
    command.setErr(new java.io.PrintWriter(new ByteArrayOutputStream()));

    assertThat(command.execute("--cluster", "Not_Valid")).isNotZero();
    assertThat(command.execute()).isNotZero();
  }
}
