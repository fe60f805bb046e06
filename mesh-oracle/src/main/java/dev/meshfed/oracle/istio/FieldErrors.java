package dev.meshfed.oracle.istio;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The field errors of one object, worded as Kubernetes words them ({@code field.ErrorList}): each
 * becomes a cause of the 422 {@code Status} with its reason, field path and message.
 */
public final class FieldErrors {

  /** One cause: reason as in {@code metav1.CauseType}, field path as {@code spec.ports[0].name}. */
  public record Cause(String reason, String field, String message) {
    @Override
    public String toString() {
      return field + ": " + message;
    }
  }

  private final List<Cause> causes = new ArrayList<>();

  void required(String field) {
    causes.add(new Cause("FieldValueRequired", field, "Required value"));
  }

  void required(String field, String detail) {
    causes.add(new Cause("FieldValueRequired", field, "Required value: " + detail));
  }

  void invalid(String field, Object value, String detail) {
    causes.add(
        new Cause("FieldValueInvalid", field, "Invalid value: " + quoted(value) + ": " + detail));
  }

  void unsupported(String field, Object value, Collection<String> supported) {
    String values = supported.stream().map(FieldErrors::quoted).collect(Collectors.joining(", "));
    causes.add(
        new Cause(
            "FieldValueNotSupported",
            field,
            "Unsupported value: " + quoted(value) + ": supported values: " + values));
  }

  void duplicate(String field, Object value) {
    causes.add(new Cause("FieldValueDuplicate", field, "Duplicate value: " + quoted(value)));
  }

  void forbidden(String field, String detail) {
    causes.add(new Cause("FieldValueForbidden", field, "Forbidden: " + detail));
  }

  void unknownField(String field) {
    causes.add(new Cause("FieldValueInvalid", field, "unknown field \"" + field + "\""));
  }

  /** Another list's causes, as this list's. */
  void addAll(FieldErrors other) {
    causes.addAll(other.causes);
  }

  public boolean isEmpty() {
    return causes.isEmpty();
  }

  public List<Cause> causes() {
    return List.copyOf(causes);
  }

  /** As a server sums them up: {@code Kind.group "name" is invalid: [cause, cause]}. */
  public String message(String kind, String group, String name) {
    String list =
        causes.size() == 1
            ? causes.get(0).toString()
            : causes.stream().map(Cause::toString).collect(Collectors.joining(", ", "[", "]"));
    return kind + "." + group + " \"" + name + "\" is invalid: " + list;
  }

  private static String quoted(Object value) {
    return value instanceof String || value == null ? "\"" + value + "\"" : String.valueOf(value);
  }
}
