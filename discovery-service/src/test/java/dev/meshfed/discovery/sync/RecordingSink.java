package dev.meshfed.discovery.sync;

import dev.meshfed.discovery.model.Write;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A sink that keeps what it was sent; it can be told to fail the next sends. */
final class RecordingSink implements RecordSink {

  final List<Write> sent = new CopyOnWriteArrayList<>();
  final List<Write> failed = new CopyOnWriteArrayList<>();
  private final AtomicInteger failuresToCome = new AtomicInteger();
  volatile boolean closed;

  void failNext(int sends) {
    failuresToCome.set(sends);
  }

  @Override
  public CompletionStage<Void> send(Write write) {
    if (failuresToCome.getAndDecrement() > 0) {
      failed.add(write);
      return CompletableFuture.failedFuture(new IllegalStateException("broker unavailable (test)"));
    }
    sent.add(write);
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public void flush() {
    // sends complete at once
  }

  @Override
  public void close() {
    closed = true;
  }
}
