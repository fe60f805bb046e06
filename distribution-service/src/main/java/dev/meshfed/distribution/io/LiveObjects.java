package dev.meshfed.distribution.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshfed.distribution.model.LiveObject;
import dev.meshfed.distribution.model.ObjectKey;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

/** fabric8's objects as the model's {@link LiveObject}. */
final class LiveObjects {

  private static final ObjectMapper JSON = new ObjectMapper();

  private LiveObjects() {}

  /** The object, keyed by the API version it was read through. */
  static LiveObject of(GenericKubernetesResource object) {
    return new LiveObject(keyOf(object), JSON.valueToTree(object));
  }

  static ObjectKey keyOf(GenericKubernetesResource object) {
    return new ObjectKey(
        object.getApiVersion(),
        object.getKind(),
        object.getMetadata().getNamespace(),
        object.getMetadata().getName());
  }
}
