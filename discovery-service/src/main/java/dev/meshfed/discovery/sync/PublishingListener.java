package dev.meshfed.discovery.sync;

import dev.meshfed.discovery.model.DiscoveryMapper;
import dev.meshfed.discovery.model.Mapping;
import dev.meshfed.discovery.model.Source;
import dev.meshfed.discovery.model.Write;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Maps each change of a watched object to records and hands them to the publisher. Under a
 * namespace selection, a namespace's labels decide whether its applications' records are published
 * or tombstoned: a Namespace's change republishes its namespace's objects from the cache.
 *
 * <p>It starts listening before it has a publisher, while the topic is still being read: the
 * changes it hears until then are in the watch's cache, and the first reconciliation publishes the
 * cache.
 */
final class PublishingListener implements ObjectListener {

  private static final Logger LOG = Logger.getLogger(PublishingListener.class);

  private final String topic;
  private final ClusterState state;
  private volatile Publisher publisher;

  PublishingListener(String topic, ClusterState state) {
    this.topic = topic;
    this.state = state;
  }

  /** From now on, changes are published. */
  void publishTo(Publisher publisher) {
    this.publisher = publisher;
  }

  @Override
  public void upserted(Source source, HasMetadata object) {
    Publisher publisher = this.publisher;
    if (publisher == null) {
      return;
    }
    Mapping mapping = DiscoveryMapper.map(source, object);
    warnAboutProblems(object, mapping);
    if (state.selection().selectsEverything()) {
      mapping.writes().forEach(publisher::publish);
      return;
    }
    // Namespaces are read from the cache on the publishing thread, where a namespace's relabelling
    // is also published: a decision made on an older reading of its labels can never come last.
    publisher
        .publishPlanned(() -> selectedWrites(source, object, mapping), Function.identity())
        .whenComplete(
            (writes, error) -> {
              if (error != null) {
                LOG.errorf(
                    error,
                    "Cannot publish %s %s/%s to %s",
                    object.getKind(),
                    object.getMetadata().getNamespace(),
                    object.getMetadata().getName(),
                    topic);
              }
            });
  }

  private List<Write> selectedWrites(Source source, HasMetadata object, Mapping mapping) {
    List<Write> writes = new ArrayList<>(state.selected(source, object, mapping).writes());
    if (source == Source.NAMESPACES) {
      writes.addAll(state.namespaceWrites(object.getMetadata().getName()));
    }
    return writes;
  }

  @Override
  public void deleted(Source source, HasMetadata object) {
    Publisher publisher = this.publisher;
    if (publisher == null) {
      return;
    }
    DiscoveryMapper.map(source, object).deleted().writes().forEach(publisher::publish);
  }

  /** Published anyway, with what could be read: translation tells users what is wrong. */
  private void warnAboutProblems(HasMetadata object, Mapping mapping) {
    if (!mapping.problems().isEmpty()) {
      LOG.warnf(
          "%s %s/%s is malformed, published to %s what could be read: %s",
          object.getKind(),
          object.getMetadata().getNamespace(),
          object.getMetadata().getName(),
          topic,
          String.join("; ", mapping.problems()));
    }
  }
}
