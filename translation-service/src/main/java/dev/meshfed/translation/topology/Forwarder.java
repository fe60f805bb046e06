package dev.meshfed.translation.topology;

/** Hands a record to one of the topology's sinks (see {@link TranslationTopology}). */
@FunctionalInterface
interface Forwarder {

  void forward(String sink, Object key, Object value, long timestamp);
}
