package dev.meshfed.translation.translate;

import dev.meshfed.translation.model.ObjectId;
import java.util.Collection;
import java.util.List;

/**
 * The inputs an output is derived from: sorted, each once, and as its provenance annotation ({@link
 * Manifests#SOURCES_ANNOTATION}) writes them. Made once where many outputs share it.
 */
record Provenance(List<ObjectId> ids, String annotation) {

  static Provenance of(Collection<ObjectId> inputs) {
    List<ObjectId> ids = inputs.stream().sorted().distinct().toList();
    return new Provenance(ids, String.join(",", ids.stream().map(ObjectId::ref).toList()));
  }
}
