package dev.meshfed.lab.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopicBytesTest {

  @Test
  void countsMeshfedTopicsButNotTheBenchsOwn() {
    assertThat(TopicBytes.isMeshfed("meshfed.desired.cluster-01")).isTrue();
    assertThat(TopicBytes.isMeshfed("meshfed.events")).isTrue();
    assertThat(TopicBytes.isMeshfed("meshfed.bench.floor.1")).isFalse();
    assertThat(TopicBytes.isMeshfed("__consumer_offsets")).isFalse();
  }
}
