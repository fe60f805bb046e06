package dev.meshfed.distribution.io;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WatchEventHeaderTest {

  @Test
  void readsTheTypeAndTheObjectsNameAndVersionWhereverTheyStand() {
    WatchEventHeader header =
        WatchEventHeader.of(
            """
            {"object":{"spec":{"hosts":["a.global"],"metadata":{"name":"not-this"}},
             "metadata":{"labels":{"name":"nor-this"},"resourceVersion":"42","name":"foo",
             "namespace":"istio-system","managedFields":[{"manager":"x"}]},
             "kind":"ServiceEntry"},"type":"MODIFIED"}
            """);

    assertThat(header).isEqualTo(new WatchEventHeader("MODIFIED", "istio-system", "foo", "42", 0));
  }

  @Test
  void readsAnErrorsCode() {
    WatchEventHeader header =
        WatchEventHeader.of(
            """
            {"type":"ERROR","object":{"apiVersion":"v1","kind":"Status","metadata":{},
             "status":"Failure","message":"too old resource version","reason":"Expired",
             "code":410}}
            """);

    assertThat(header.is("ERROR")).isTrue();
    assertThat(header.code()).isEqualTo(410);
  }

  @Test
  void readsABookmarksVersion() {
    WatchEventHeader header =
        WatchEventHeader.of(
            """
            {"type":"BOOKMARK","object":{"apiVersion":"networking.istio.io/v1",
             "kind":"ServiceEntry","metadata":{"resourceVersion":"1234"}}}
            """);

    assertThat(header).isEqualTo(new WatchEventHeader("BOOKMARK", "", "", "1234", 0));
  }

  @Test
  void aMessageThatIsNoEventHasNoType() {
    assertThat(WatchEventHeader.of("not json").type()).isEmpty();
    assertThat(WatchEventHeader.of("[1,2]").type()).isEmpty();
    assertThat(WatchEventHeader.of("{\"type\":\"ADDED\",\"object\":{").type()).isEmpty();
  }
}
