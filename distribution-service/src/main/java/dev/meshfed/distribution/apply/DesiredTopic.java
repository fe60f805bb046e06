package dev.meshfed.distribution.apply;

/** The cluster's desired topic as a thing to create, with the applied topic the loop reports to. */
public interface DesiredTopic {

  String name();

  /** Creates the desired and the applied topic, each unless it exists. */
  void ensureExists();
}
