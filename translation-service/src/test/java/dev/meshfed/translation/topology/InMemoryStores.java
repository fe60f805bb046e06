package dev.meshfed.translation.topology;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/** State stores for testing the processor's parts without a topology. */
final class InMemoryStores {

  private InMemoryStores() {}

  static <V> KeyValueStore<String, V> keyValue(String name, Serde<V> values) {
    KeyValueStore<String, V> store =
        Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), Serdes.String(), values)
            .withLoggingDisabled()
            .build();
    store.init(new MockProcessorContext<>().getStateStoreContext(), store);
    return store;
  }

  static KeyValueStore<String, String> strings(String name) {
    return keyValue(name, Serdes.String());
  }
}
