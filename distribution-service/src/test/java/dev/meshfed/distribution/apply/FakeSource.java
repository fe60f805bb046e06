package dev.meshfed.distribution.apply;

import dev.meshfed.distribution.model.DesiredRecord;
import dev.meshfed.distribution.model.RecordPosition;
import dev.meshfed.distribution.model.TopicRecord;
import dev.meshfed.distribution.model.UndecodableRecord;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A desired topic in memory: one batch per poll; what was added before the seek is history. Like a
 * partition, it gives each record the next offset, from 0.
 */
final class FakeSource implements DesiredRecordSource, DesiredTopic {

  private final BlockingQueue<List<TopicRecord>> batches = new LinkedBlockingQueue<>();
  private volatile int topicCreationFailures;
  private volatile int history;
  private volatile int polledBatches;
  private volatile boolean closed;
  private long nextOffset;

  synchronized void add(TopicRecord... records) {
    batches.add(Arrays.stream(records).map(r -> at(r, nextOffset++)).toList());
  }

  private TopicRecord at(TopicRecord topicRecord, long offset) {
    RecordPosition position = new RecordPosition(name(), 0, offset, System.currentTimeMillis());
    if (topicRecord instanceof DesiredRecord desired) {
      return new DesiredRecord(desired.key(), desired.manifest(), position);
    }
    return new UndecodableRecord(position, ((UndecodableRecord) topicRecord).reason());
  }

  void failTopicCreation(int times) {
    topicCreationFailures = times;
  }

  boolean closed() {
    return closed;
  }

  @Override
  public String name() {
    return "meshfed.desired.test";
  }

  @Override
  public void ensureExists() {
    if (topicCreationFailures > 0) {
      topicCreationFailures--;
      throw new IllegalStateException("injected failure: broker unavailable");
    }
  }

  @Override
  public void seekToBeginning() {
    history = batches.size();
  }

  @Override
  public boolean caughtUp() {
    return polledBatches >= history;
  }

  @Override
  public List<TopicRecord> poll() {
    try {
      List<TopicRecord> batch = batches.poll(20, TimeUnit.MILLISECONDS);
      if (batch == null) {
        return List.of();
      }
      polledBatches++;
      return batch;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  @Override
  public void wakeup() {
    // poll() returns within 20 ms anyway
  }

  @Override
  public void close() {
    closed = true;
  }
}
