package dev.meshfed.distribution.apply;

import dev.meshfed.distribution.model.StatusRecord;
import java.util.List;

/** Reads the cluster's status topic from its beginning; all but {@link #wakeup()} on one thread. */
public interface StatusSource {

  /** Starts over at the first record; fails while the topic does not exist. */
  void seekToBeginning();

  /** The next records, or none after a while or after {@link #wakeup()}. */
  List<StatusRecord> poll();

  void wakeup();

  void close();
}
