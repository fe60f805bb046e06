package dev.meshfed.distribution.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Whether a live object still is what meshfed applied, judged by the fields meshfed sets: their
 * values, fields added to its spec (they change what Istio does: an {@code exportTo} hides a host),
 * and whether meshfed still owns them (else the next apply of their owner changes them). Labels and
 * annotations others add are theirs to add.
 */
public final class DriftCheck {

  /** The field manager meshfed applies as. */
  public static final String FIELD_MANAGER = "meshfed";

  private static final ObjectMapper JSON = new ObjectMapper();

  private DriftCheck() {}

  /** The drift of {@code live} (empty when the object does not exist) from {@code desired}. */
  public static Optional<Drift> of(DesiredManifest desired, Optional<LiveObject> live) {
    if (live.isEmpty()) {
      return Optional.of(Drift.deleted());
    }
    JsonNode liveObject = live.get().object();
    if (!live.get().managed()) {
      return Optional.of(new Drift(Drift.Kind.UNMANAGED, List.of(), List.of(), List.of()));
    }
    JsonNode desiredObject = read(desired);
    Map<List<String>, JsonNode> wanted = FieldPaths.of(desiredObject);
    List<List<String>> changed = new ArrayList<>();
    wanted.forEach(
        (path, value) -> {
          if (!value.equals(FieldPaths.at(liveObject, path))) {
            changed.add(path);
          }
        });
    List<List<String>> added = added(wanted.keySet(), FieldPaths.of(liveObject).keySet());
    List<List<String>> status = statusChanges(desiredObject, liveObject);
    if (!changed.isEmpty() || !added.isEmpty() || !status.isEmpty()) {
      List<List<String>> all = new ArrayList<>(changed);
      all.addAll(added);
      all.addAll(status);
      Drift.Kind kind =
          foreignOwners(liveObject, all, "Apply").isEmpty()
              ? Drift.Kind.EDITED
              : Drift.Kind.TAKEN_OVER;
      return Optional.of(new Drift(kind, dotted(all), added, foreignOwners(liveObject, all, null)));
    }
    List<List<String>> takenFields = takenOver(liveObject, wanted.keySet());
    if (takenFields.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Drift(
            Drift.Kind.TAKEN_OVER,
            dotted(takenFields),
            List.of(),
            foreignOwners(liveObject, takenFields, null)));
  }

  /**
   * Status fields that differ from the desired status, or that it does not have: meshfed writes the
   * whole status (through its subresource) of an object whose desired manifest has one. Without a
   * desired status, the status is another controller's (Istio's) and no drift.
   */
  private static List<List<String>> statusChanges(JsonNode desired, JsonNode live) {
    if (!desired.has("status")) {
      return List.of();
    }
    Map<List<String>, JsonNode> wanted = FieldPaths.ofStatus(desired);
    Map<List<String>, JsonNode> found = FieldPaths.ofStatus(live);
    List<List<String>> changes = new ArrayList<>();
    wanted.forEach(
        (path, value) -> {
          if (!value.equals(found.get(path))) {
            changes.add(path);
          }
        });
    changes.addAll(added(wanted.keySet(), found.keySet()));
    return changes;
  }

  /** Live fields outside labels and annotations that nothing desired lies on. */
  private static List<List<String>> added(
      Collection<List<String>> wanted, Collection<List<String>> live) {
    return live.stream()
        .filter(path -> !"metadata".equals(path.get(0)))
        .filter(path -> wanted.stream().noneMatch(w -> FieldPaths.overlap(w, path)))
        .toList();
  }

  /**
   * Desired fields meshfed's apply no longer owns. Another manager that sets the same value shares
   * a field; one that takes it (a forced apply, an update that changed it) leaves meshfed without
   * it. An object without managedFields tells nothing.
   */
  private static List<List<String>> takenOver(JsonNode live, Collection<List<String>> wanted) {
    JsonNode entries = live.path("metadata").path("managedFields");
    if (entries.isEmpty()) {
      return List.of();
    }
    List<List<String>> owned = new ArrayList<>();
    for (JsonNode entry : entries) {
      if (FIELD_MANAGER.equals(entry.path("manager").asText())
          && "Apply".equals(entry.path("operation").asText())
          && entry.path("subresource").asText("").isEmpty()) {
        owned.addAll(FieldPaths.ofFieldsV1(entry.path("fieldsV1")));
      }
    }
    return wanted.stream()
        .filter(path -> owned.stream().noneMatch(o -> FieldPaths.overlap(o, path)))
        .toList();
  }

  /** Other managers owning any of {@code fields}, through {@code operation} unless it is null. */
  private static List<String> foreignOwners(
      JsonNode live, List<List<String>> fields, String operation) {
    TreeSet<String> owners = new TreeSet<>();
    for (JsonNode entry : foreignEntries(live)) {
      if (operation != null && !operation.equals(entry.path("operation").asText())) {
        continue;
      }
      for (List<String> owned : FieldPaths.ofFieldsV1(entry.path("fieldsV1"))) {
        if (fields.stream().anyMatch(path -> FieldPaths.overlap(owned, path))) {
          owners.add(entry.path("manager").asText());
        }
      }
    }
    return List.copyOf(owners);
  }

  /**
   * Entries of other managers on the object itself or on its status: their status fields concern
   * only objects whose desired manifest has a status.
   */
  private static List<JsonNode> foreignEntries(JsonNode live) {
    List<JsonNode> entries = new ArrayList<>();
    for (JsonNode entry : live.path("metadata").path("managedFields")) {
      String subresource = entry.path("subresource").asText("");
      if (!FIELD_MANAGER.equals(entry.path("manager").asText())
          && (subresource.isEmpty() || subresource.equals("status"))) {
        entries.add(entry);
      }
    }
    return entries;
  }

  private static List<String> dotted(List<List<String>> paths) {
    return paths.stream().map(FieldPaths::dotted).sorted().toList();
  }

  private static JsonNode read(DesiredManifest desired) {
    try {
      return JSON.readTree(desired.json());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a validated manifest no longer reads: " + desired.key(), e);
    }
  }
}
