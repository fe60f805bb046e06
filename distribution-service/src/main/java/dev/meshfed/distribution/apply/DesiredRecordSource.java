package dev.meshfed.distribution.apply;

import dev.meshfed.distribution.model.TopicRecord;
import java.util.List;

/**
 * Reads the desired topic from its beginning. All methods but {@link #wakeup()} are called from one
 * thread.
 */
public interface DesiredRecordSource {

  /** Starts over at the first record; catch-up is measured against the topic's end as of now. */
  void seekToBeginning();

  /** Whether every record committed before {@link #seekToBeginning()} has been polled. */
  boolean caughtUp();

  /** The next records, or none after a while or after {@link #wakeup()}. */
  List<TopicRecord> poll();

  /** Makes a blocked {@link #poll()} return; callable from any thread. */
  void wakeup();

  void close();
}
