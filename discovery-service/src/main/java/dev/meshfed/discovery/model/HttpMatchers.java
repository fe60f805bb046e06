package dev.meshfed.discovery.model;

import dev.meshfed.schema.discovery.HttpMatcher;
import dev.meshfed.schema.discovery.StringMatch;
import dev.meshfed.schema.discovery.ValueMatcher;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A route's {@code matchers}: Gloo Mesh's HTTPRequestMatchers ({@code uri, headers,
 * queryParameters, method}), as written. One that cannot be fully read, or that has a condition
 * meshfed does not read, is left out: read without that condition it would match more requests than
 * was written.
 */
final class HttpMatchers {

  private static final List<String> FIELDS = List.of("uri", "headers", "queryParameters", "method");
  private static final List<String> URI_KINDS = List.of("exact", "prefix", "regex");
  private static final List<String> URI_FIELDS = List.of("exact", "prefix", "regex", "ignoreCase");
  private static final List<String> HEADER_FIELDS =
      List.of("name", "value", "regex", "invertMatch");
  private static final List<String> QUERY_PARAMETER_FIELDS = List.of("name", "value", "regex");

  private HttpMatchers() {}

  static List<HttpMatcher> read(LenientReader reader, Object value, String path) {
    return reader.wholeObjects(
        value, path, (item, itemPath) -> Optional.of(matcher(reader, item, itemPath)));
  }

  private static HttpMatcher matcher(LenientReader reader, Map<?, ?> matcher, String path) {
    reader.unsupportedFields(matcher, path, FIELDS);
    return HttpMatcher.newBuilder()
        .setUri(
            reader
                .map(matcher.get("uri"), path + ".uri")
                .map(uri -> uri(reader, uri, path + ".uri"))
                .orElse(null))
        .setHeaders(values(reader, matcher.get("headers"), path + ".headers", HEADER_FIELDS))
        .setQueryParameters(
            values(
                reader,
                matcher.get("queryParameters"),
                path + ".queryParameters",
                QUERY_PARAMETER_FIELDS))
        .setMethod(reader.string(matcher.get("method"), path + ".method").orElse(null))
        .build();
  }

  /** Gloo's StringMatch: exactly one of exact, prefix and regex, and ignoreCase. */
  private static StringMatch uri(LenientReader reader, Map<?, ?> uri, String path) {
    reader.unsupportedFields(uri, path, URI_FIELDS);
    List<String> kinds = URI_KINDS.stream().filter(kind -> uri.get(kind) != null).toList();
    if (kinds.size() != 1) {
      reader.problem(
          path
              + ": expected one of exact, prefix or regex, found "
              + (kinds.isEmpty() ? "none" : String.join(" and ", kinds)));
      return null;
    }
    String kind = kinds.get(0);
    Optional<String> value = reader.string(uri.get(kind), path + "." + kind);
    boolean ignoreCase = reader.bool(uri.get("ignoreCase"), path + ".ignoreCase").orElse(false);
    return value
        .map(text -> new StringMatch(kind.toUpperCase(Locale.ROOT), text, ignoreCase))
        .orElse(null);
  }

  /**
   * Header or query parameter conditions: {@code name} (required), {@code value} (absent: the
   * header or parameter need only be present), {@code regex}; headers also {@code invertMatch}.
   */
  private static List<ValueMatcher> values(
      LenientReader reader, Object value, String path, List<String> fields) {
    return reader.objects(
        value,
        path,
        (item, itemPath) -> {
          reader.unsupportedFields(item, itemPath, fields);
          Optional<String> name = reader.requiredString(item.get("name"), itemPath + ".name");
          String text = reader.string(item.get("value"), itemPath + ".value").orElse(null);
          boolean regex = reader.bool(item.get("regex"), itemPath + ".regex").orElse(false);
          boolean invert =
              fields.contains("invertMatch")
                  && reader.bool(item.get("invertMatch"), itemPath + ".invertMatch").orElse(false);
          return name.map(named -> new ValueMatcher(named, text, regex, invert));
        });
  }
}
