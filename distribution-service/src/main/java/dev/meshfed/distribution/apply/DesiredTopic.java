package dev.meshfed.distribution.apply;

/** The cluster's desired topic as a thing to create. */
public interface DesiredTopic {

  String name();

  /** Creates the topic unless it exists. */
  void ensureExists();
}
