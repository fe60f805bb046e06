package dev.meshfed.distribution.apply;

import dev.meshfed.distribution.model.ManifestParser;
import dev.meshfed.distribution.model.ObjectKey;

/**
 * A desired object cannot be applied: an object meshfed does not manage has its name, and meshfed
 * does not overwrite what it does not own. Retried, so that it is applied once the object is
 * deleted or handed over.
 */
final class ObjectInTheWay extends RuntimeException {

  ObjectInTheWay(ObjectKey key) {
    super(
        "%s %s/%s exists and is not managed by meshfed (no %s=%s label): not overwritten; delete it, or add the label to hand it over"
            .formatted(
                key.kind(),
                key.namespace(),
                key.name(),
                ManifestParser.MANAGED_BY_LABEL,
                ManifestParser.MANAGED_BY_VALUE));
  }
}
