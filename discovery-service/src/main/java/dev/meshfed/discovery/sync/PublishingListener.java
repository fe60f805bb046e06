package dev.meshfed.discovery.sync;

import dev.meshfed.discovery.model.DiscoveryMapper;
import dev.meshfed.discovery.model.Mapping;
import dev.meshfed.discovery.model.Source;
import io.fabric8.kubernetes.api.model.HasMetadata;
import org.jboss.logging.Logger;

/** Maps each change of a watched object to records and hands them to the publisher. */
final class PublishingListener implements ObjectListener {

  private static final Logger LOG = Logger.getLogger(PublishingListener.class);

  private final String topic;
  private final Publisher publisher;

  PublishingListener(String topic, Publisher publisher) {
    this.topic = topic;
    this.publisher = publisher;
  }

  @Override
  public void upserted(Source source, HasMetadata object) {
    Mapping mapping = DiscoveryMapper.map(source, object);
    warnAboutProblems(object, mapping);
    mapping.writes().forEach(publisher::publish);
  }

  @Override
  public void deleted(Source source, HasMetadata object) {
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
