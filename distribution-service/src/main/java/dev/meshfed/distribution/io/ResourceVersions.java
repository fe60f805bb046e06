package dev.meshfed.distribution.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/** An object's {@code metadata.resourceVersion}, read from its JSON without parsing the rest. */
final class ResourceVersions {

  private static final JsonFactory JSON = new JsonFactory();

  private ResourceVersions() {}

  /** Empty when the body is not an object with one. */
  static String of(byte[] body) {
    if (body == null || body.length == 0) {
      return "";
    }
    try (JsonParser parser = JSON.createParser(body)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return "";
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        if ("metadata".equals(field) && value == JsonToken.START_OBJECT) {
          return versionIn(parser);
        }
        parser.skipChildren();
      }
      return "";
    } catch (IOException e) {
      return "";
    }
  }

  private static String versionIn(JsonParser metadata) throws IOException {
    while (metadata.nextToken() == JsonToken.FIELD_NAME) {
      String field = metadata.currentName();
      JsonToken value = metadata.nextToken();
      if ("resourceVersion".equals(field) && value == JsonToken.VALUE_STRING) {
        return metadata.getText();
      }
      metadata.skipChildren();
    }
    return "";
  }
}
