package dev.meshfed.testbed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SaslKafkaBrokerTest {

  @TempDir static Path logDir;
  private static KafkaBroker broker;

  @BeforeAll
  static void startBroker() throws Exception {
    broker = KafkaBroker.startWithSasl(logDir);
    broker.addScramUser("alice", "alice-secret");
    try (Admin admin = superUser()) {
      admin
          .createTopics(
              List.of(new NewTopic("granted", 1, (short) 1), new NewTopic("denied", 1, (short) 1)))
          .all()
          .get();
      admin.createAcls(List.of(allow("granted", AclOperation.WRITE))).all().get();
    }
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  @Test
  void aScramUserWritesWhereAnAclAllowsIt() throws Exception {
    try (KafkaProducer<String, String> producer = producer("alice", "alice-secret")) {
      assertThat(producer.send(new ProducerRecord<>("granted", "k", "v")).get().offset())
          .isGreaterThanOrEqualTo(0);
    }
  }

  @Test
  void aScramUserIsRefusedWhereNoAclAllowsIt() {
    try (KafkaProducer<String, String> producer = producer("alice", "alice-secret")) {
      assertThatThrownBy(() -> producer.send(new ProducerRecord<>("denied", "k", "v")).get())
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(TopicAuthorizationException.class);
    }
  }

  @Test
  void aWrongPasswordDoesNotLogIn() {
    try (KafkaProducer<String, String> producer = producer("alice", "wrong")) {
      assertThatThrownBy(() -> producer.send(new ProducerRecord<>("granted", "k", "v")).get())
          .hasRootCauseInstanceOf(SaslAuthenticationException.class);
    }
  }

  private static AclBinding allow(String topic, AclOperation operation) {
    return new AclBinding(
        new ResourcePattern(ResourceType.TOPIC, topic, PatternType.LITERAL),
        new AccessControlEntry("User:alice", "*", operation, AclPermissionType.ALLOW));
  }

  private static Admin superUser() {
    return Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()));
  }

  private static KafkaProducer<String, String> producer(String user, String password) {
    Map<String, Object> config = new HashMap<>(broker.scramClientProperties(user, password));
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
    return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
  }
}
