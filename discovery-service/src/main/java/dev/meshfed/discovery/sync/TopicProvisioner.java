package dev.meshfed.discovery.sync;

/** Creates the cluster's topics when they do not exist yet. */
public interface TopicProvisioner {

  void ensureClusterTopics();
}
