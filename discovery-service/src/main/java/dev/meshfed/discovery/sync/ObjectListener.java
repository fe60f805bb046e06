package dev.meshfed.discovery.sync;

import dev.meshfed.discovery.model.Source;
import io.fabric8.kubernetes.api.model.HasMetadata;

/** Receives a source's changes in the order they happened to each object. */
public interface ObjectListener {

  /** The object was added or changed: this is its full current state. */
  void upserted(Source source, HasMetadata object);

  void deleted(Source source, HasMetadata object);
}
