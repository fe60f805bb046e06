package dev.meshfed.schema.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshfed.schema.ObjectRef;
import dev.meshfed.schema.events.FederationEvent;
import org.junit.jupiter.api.Test;

class SchemaVersionsTest {

  @Test
  void findsTheVersionFilesOfARecordOnTheClassPath() {
    assertThat(SchemaVersions.of(FederationEvent.class))
        .isNotEmpty()
        .allSatisfy(
            version ->
                assertThat(version.getFullName()).isEqualTo(FederationEvent.class.getName()));
  }

  @Test
  void aRecordNeverWrittenOnItsOwnHasNoVersions() {
    assertThat(SchemaVersions.of(ObjectRef.class)).isEmpty();
  }

  @Test
  void namesTheResourceOfAVersion() {
    assertThat(SchemaVersions.resource("EventKey", 2))
        .isEqualTo("META-INF/meshfed/schemas/EventKey/v2.avsc");
  }
}
