package dev.meshfed.discovery.sync;

import dev.meshfed.discovery.model.Write;
import java.util.concurrent.CompletionStage;

/** Sends records to the discovered topic, in the order they are given. */
public interface RecordSink extends AutoCloseable {

  /** Completes when the broker has the record; fails (never throws) when it could not. */
  CompletionStage<Void> send(Write write);

  /** Waits until every record sent so far has completed. */
  void flush();

  @Override
  void close();
}
