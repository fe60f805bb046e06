package dev.meshfed.distribution.model;

import java.util.List;

/**
 * How a live object differs from what meshfed applied.
 *
 * @param fields the fields concerned, as dotted paths ({@code spec.ports}); empty for DELETED
 * @param added fields the live object has and the desired one does not, each as its path of names
 *     (a name may hold dots): an apply cannot remove them, as another manager owns them
 * @param managers the field managers that made the change, as far as managedFields tell
 */
public record Drift(
    Kind kind, List<String> fields, List<List<String>> added, List<String> managers) {

  public enum Kind {
    /** The object is gone. */
    DELETED,
    /**
     * Fields meshfed sets have other values, or fields were added to its spec, by a plain write.
     */
    EDITED,
    /**
     * Another field manager applied some of meshfed's fields (changed or not), so meshfed no longer
     * owns them: if it is a controller, it will apply them again.
     */
    TAKEN_OVER,
    /** An object meshfed does not manage (no managed-by label) has the desired object's name. */
    UNMANAGED
  }

  public Drift {
    fields = List.copyOf(fields);
    added = added.stream().map(List::copyOf).toList();
    managers = List.copyOf(managers);
  }

  static Drift deleted() {
    return new Drift(Kind.DELETED, List.of(), List.of(), List.of());
  }

  /** One line: what happened, to which fields, by whom. */
  public String describe() {
    String what =
        switch (kind) {
          case DELETED -> "deleted";
          case EDITED -> "edited";
          case TAKEN_OVER -> "taken over";
          case UNMANAGED -> "in the way: an object meshfed does not manage has its name";
        };
    if (!fields.isEmpty()) {
      what += " (" + String.join(", ", fields) + ")";
    }
    if (!managers.isEmpty()) {
      what += " by " + String.join(", ", managers);
    }
    return what;
  }
}
