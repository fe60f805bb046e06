package dev.meshfed.testbed;

import static io.fabric8.kubernetes.client.server.mock.KubernetesAttributesExtractor.NAME;
import static io.fabric8.kubernetes.client.server.mock.KubernetesAttributesExtractor.NAMESPACE;
import static io.fabric8.kubernetes.client.server.mock.KubernetesAttributesExtractor.PLURAL;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.TypeMeta;
import io.fabric8.mockwebserver.crud.Attribute;
import io.fabric8.mockwebserver.crud.AttributeSet;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.http.WebSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class WatchHistoryTest {

  private static final Optional<TypeMeta> CONFIG_MAP = Optional.of(new TypeMeta("v1", "ConfigMap"));
  private static final AttributeSet IN_A = new AttributeSet(new Attribute(NAMESPACE, "a"));

  private final WatchHistory history = new WatchHistory(3);

  @Test
  void aWatchFromAKeptVersionGetsEveryLaterChangeThenLiveOnes() {
    record(1, null, object("a", "x", 1));
    record(2, object("a", "x", 1), object("a", "x", 2));
    record(3, object("a", "x", 2), null);

    RecordingSocket socket =
        open(history.start(new WatchRequest(IN_A, "1", false), CONFIG_MAP, Stream.empty()));
    record(4, null, object("a", "y", 4));

    assertThat(socket.types()).containsExactly("MODIFIED", "DELETED", "ADDED");
  }

  @Test
  void aWatchFromADroppedVersionIsToldItIsGoneAndClosed() {
    for (long version = 1; version <= 5; version++) {
      record(version, null, object("a", "o" + version, version));
    }

    RecordingSocket socket =
        open(history.start(new WatchRequest(IN_A, "1", false), CONFIG_MAP, Stream.empty()));

    assertThat(socket.messages).singleElement().asString().contains("\"code\":410");
    assertThat(socket.closed).isTrue();
    assertThat(history.watchCount()).isZero();
  }

  @Test
  void aWatchFromNoVersionStartsWithTheCurrentObjectsItMatches() {
    Stream<Map.Entry<AttributeSet, String>> current =
        Stream.of(
            Map.entry(attributes("a", "x"), object("a", "x", 7)),
            Map.entry(attributes("b", "z"), object("b", "z", 8)));

    RecordingSocket socket =
        open(history.start(new WatchRequest(IN_A, "", false), CONFIG_MAP, current));

    assertThat(socket.messages).singleElement().asString().contains("\"name\":\"x\"");
  }

  @Test
  void changesBeforeTheSocketOpensAreSentWhenItDoesInOrder() {
    ResumableWatch watch =
        history.start(new WatchRequest(IN_A, "0", false), CONFIG_MAP, Stream.empty());
    record(1, null, object("a", "x", 1));
    record(2, object("a", "x", 1), null);

    RecordingSocket socket = open(watch);

    assertThat(socket.types()).containsExactly("ADDED", "DELETED");
  }

  @Test
  void anObjectMovedOutOfTheQueryIsDeletedForTheWatch() {
    ResumableWatch watch =
        history.start(new WatchRequest(IN_A, "0", false), CONFIG_MAP, Stream.empty());
    RecordingSocket socket = open(watch);

    history.record(
        new WatchHistory.Change(
            1,
            attributes("a", "x"),
            object("a", "x", 0),
            attributes("b", "x"),
            object("b", "x", 1)));
    history.record(
        new WatchHistory.Change(2, attributes("c", "y"), object("c", "y", 0), null, null));

    assertThat(socket.types()).containsExactly("DELETED");
  }

  @Test
  void aWatchThatAskedForBookmarksIsToldTheVersionBeforeChangesItMissesCouldDropItsOwn() {
    WatchHistory history = new WatchHistory(4);
    RecordingSocket socket =
        open(history.start(new WatchRequest(IN_A, "0", true), CONFIG_MAP, Stream.empty()));

    createdInB(history, 5);

    assertThat(socket.types()).containsExactly("BOOKMARK", "BOOKMARK");
    assertThat(socket.messages.get(1)).contains("\"resourceVersion\":\"3\"");
    RecordingSocket resumed =
        open(history.start(new WatchRequest(IN_A, "3", true), CONFIG_MAP, Stream.empty()));
    assertThat(resumed.closed).isFalse();
  }

  @Test
  void aMatchingChangeRestartsTheCountTowardsABookmark() {
    WatchHistory history = new WatchHistory(4);
    RecordingSocket socket =
        open(history.start(new WatchRequest(IN_A, "0", true), CONFIG_MAP, Stream.empty()));

    history.record(
        new WatchHistory.Change(1, null, null, attributes("b", "o"), object("b", "o", 1)));
    history.record(
        new WatchHistory.Change(2, null, null, attributes("a", "x"), object("a", "x", 2)));
    history.record(
        new WatchHistory.Change(3, null, null, attributes("b", "p"), object("b", "p", 3)));

    assertThat(socket.types()).containsExactly("ADDED");
  }

  @Test
  void aWatchOfOneTypeHearsOnlyItsTypeButCountsTheOthersTowardsABookmark() {
    WatchHistory history = new WatchHistory(4);
    AttributeSet configMapsInA = IN_A.add(new Attribute(PLURAL, "configmaps"));
    RecordingSocket socket =
        open(history.start(new WatchRequest(configMapsInA, "0", true), CONFIG_MAP, Stream.empty()));

    history.record(
        new WatchHistory.Change(1, null, null, typed("secrets", "a", "s"), object("a", "s", 1)));
    history.record(
        new WatchHistory.Change(2, null, null, typed("configmaps", "a", "c"), object("a", "c", 2)));
    history.record(
        new WatchHistory.Change(3, null, null, typed("secrets", "a", "t"), object("a", "t", 3)));
    history.record(
        new WatchHistory.Change(4, null, null, typed("secrets", "a", "u"), object("a", "u", 4)));

    assertThat(socket.types()).containsExactly("ADDED", "BOOKMARK");
    assertThat(socket.messages.get(0)).contains("\"name\":\"c\"");
    assertThat(socket.messages.get(1)).contains("\"resourceVersion\":\"3\"");
  }

  @Test
  void aWatchThatDidNotAskForBookmarksGetsNone() {
    WatchHistory history = new WatchHistory(4);
    RecordingSocket socket =
        open(history.start(new WatchRequest(IN_A, "0", false), CONFIG_MAP, Stream.empty()));

    createdInB(history, 5);

    assertThat(socket.messages).isEmpty();
  }

  @Test
  void aClosedWatchHearsNoMore() {
    ResumableWatch watch =
        history.start(new WatchRequest(IN_A, "0", false), CONFIG_MAP, Stream.empty());
    RecordingSocket socket = open(watch);

    watch.onClosed(socket, 1000, "done");
    record(1, null, object("a", "x", 1));

    assertThat(socket.messages).isEmpty();
    assertThat(history.watchCount()).isZero();
  }

  private void record(long version, String oldState, String newState) {
    history.record(
        new WatchHistory.Change(
            version,
            oldState == null ? null : attributes("a", nameIn(oldState)),
            oldState,
            newState == null ? null : attributes("a", nameIn(newState)),
            newState));
  }

  /** Versions 1 to {@code count}: a new object in namespace b each, which IN_A does not match. */
  private static void createdInB(WatchHistory history, int count) {
    for (long version = 1; version <= count; version++) {
      history.record(
          new WatchHistory.Change(
              version,
              null,
              null,
              attributes("b", "o" + version),
              object("b", "o" + version, version)));
    }
  }

  private static RecordingSocket open(ResumableWatch watch) {
    RecordingSocket socket = new RecordingSocket();
    watch.onOpen(socket, null);
    return socket;
  }

  private static AttributeSet typed(String plural, String namespace, String name) {
    return attributes(namespace, name).add(new Attribute(PLURAL, plural));
  }

  private static AttributeSet attributes(String namespace, String name) {
    return new AttributeSet(new Attribute(NAMESPACE, namespace), new Attribute(NAME, name));
  }

  private static String object(String namespace, String name, long version) {
    return "{\"metadata\":{\"namespace\":\""
        + namespace
        + "\",\"name\":\""
        + name
        + "\",\"resourceVersion\":\""
        + version
        + "\"}}";
  }

  private static String nameIn(String state) {
    return state.replaceAll(".*\"name\":\"([^\"]+)\".*", "$1");
  }

  private static final class RecordingSocket implements WebSocket {
    final List<String> messages = new ArrayList<>();
    boolean closed;

    List<String> types() {
      return messages.stream()
          .map(message -> message.replaceAll("^\\{\"type\":\"([A-Z]+)\".*", "$1"))
          .toList();
    }

    @Override
    public RecordedRequest request() {
      return null;
    }

    @Override
    public boolean send(String text) {
      messages.add(text);
      return true;
    }

    @Override
    public boolean send(byte[] bytes) {
      throw new UnsupportedOperationException("watch events are text");
    }

    @Override
    public boolean close(int code, String reason) {
      closed = true;
      return true;
    }
  }
}
