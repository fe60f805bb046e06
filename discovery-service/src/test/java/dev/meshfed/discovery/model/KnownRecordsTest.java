package dev.meshfed.discovery.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshfed.schema.DiscoveredKinds;
import dev.meshfed.schema.discovery.DiscoveredObject;
import dev.meshfed.schema.discovery.DiscoveryKey;
import dev.meshfed.schema.discovery.NamespaceState;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KnownRecordsTest {

  private static final DiscoveryKey BOOKINFO = Keys.of(DiscoveredKinds.NAMESPACE, "", "bookinfo");
  private static final DiscoveryKey OTHER = Keys.of(DiscoveredKinds.NAMESPACE, "", "other");

  @Test
  void aValueEqualToTheKnownOneIsNoNews() {
    var known = new KnownRecords(Map.of(BOOKINFO, namespace("a")));

    assertThat(known.isNews(new Write(BOOKINFO, namespace("a")))).isFalse();
    assertThat(known.isNews(new Write(BOOKINFO, namespace("b")))).isTrue();
    assertThat(known.isNews(new Write(OTHER, namespace("a")))).isTrue();
  }

  @Test
  void aTombstoneIsNewsOnlyForAKnownKey() {
    var known = new KnownRecords(Map.of(BOOKINFO, namespace("a")));

    assertThat(known.isNews(Write.tombstone(BOOKINFO))).isTrue();
    assertThat(known.isNews(Write.tombstone(OTHER))).isFalse();
  }

  @Test
  void remembersWhatWasSent() {
    var known = new KnownRecords(Map.of());

    known.remember(new Write(BOOKINFO, namespace("a")));
    assertThat(known.isNews(new Write(BOOKINFO, namespace("a")))).isFalse();
    assertThat(known.keys()).containsExactly(BOOKINFO);

    known.remember(Write.tombstone(BOOKINFO));
    assertThat(known.contains(BOOKINFO)).isFalse();
    assertThat(known.isNews(Write.tombstone(BOOKINFO))).isFalse();
  }

  @Test
  void aChangedGenerationIsNews() {
    DiscoveredObject first = namespace("a");
    DiscoveredObject next = DiscoveredObject.newBuilder(first).setGeneration(2L).build();
    var known = new KnownRecords(Map.of(BOOKINFO, first));

    assertThat(known.isNews(new Write(BOOKINFO, next))).isTrue();
  }

  static DiscoveredObject namespace(String labelValue) {
    return DiscoveredObject.newBuilder()
        .setApiVersion("v1")
        .setUid("uid")
        .setPayload(new NamespaceState(Map.of("team", labelValue)))
        .build();
  }
}
