package dev.meshfed.distribution.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * What the distributor needs to know of a watch event before it knows whether it needs the object:
 * the event's type, the object's namespace, name and resource version, and an error's code. Read
 * with a streaming parser that skips the rest of the object unbuilt.
 *
 * @param type ADDED, MODIFIED, DELETED, BOOKMARK or ERROR; empty if the message is no event
 * @param code an ERROR's HTTP status code (410 when the watch's version is gone), else 0
 */
record WatchEventHeader(
    String type, String namespace, String name, String resourceVersion, int code) {

  private static final JsonFactory JSON = new JsonFactory();
  private static final WatchEventHeader NONE = new WatchEventHeader("", "", "", "", 0);

  static WatchEventHeader of(String message) {
    try (JsonParser parser = JSON.createParser(message)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return NONE;
      }
      String type = "";
      Fields object = new Fields();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        if ("type".equals(field) && value == JsonToken.VALUE_STRING) {
          type = parser.getText();
        } else if ("object".equals(field) && value == JsonToken.START_OBJECT) {
          object.read(parser);
        } else {
          parser.skipChildren();
        }
      }
      return new WatchEventHeader(
          type, object.namespace, object.name, object.resourceVersion, object.code);
    } catch (IOException e) {
      return NONE;
    }
  }

  boolean is(String eventType) {
    return type.equals(eventType);
  }

  /** The object's fields the header holds, read while the parser walks the object once. */
  private static final class Fields {
    private String namespace = "";
    private String name = "";
    private String resourceVersion = "";
    private int code;

    void read(JsonParser object) throws IOException {
      while (object.nextToken() == JsonToken.FIELD_NAME) {
        String field = object.currentName();
        JsonToken value = object.nextToken();
        if ("metadata".equals(field) && value == JsonToken.START_OBJECT) {
          readMetadata(object);
        } else if ("code".equals(field) && value == JsonToken.VALUE_NUMBER_INT) {
          code = object.getIntValue();
        } else {
          object.skipChildren();
        }
      }
    }

    private void readMetadata(JsonParser metadata) throws IOException {
      while (metadata.nextToken() == JsonToken.FIELD_NAME) {
        String field = metadata.currentName();
        JsonToken value = metadata.nextToken();
        if (value != JsonToken.VALUE_STRING) {
          metadata.skipChildren();
        } else if ("namespace".equals(field)) {
          namespace = metadata.getText();
        } else if ("name".equals(field)) {
          name = metadata.getText();
        } else if ("resourceVersion".equals(field)) {
          resourceVersion = metadata.getText();
        }
      }
    }
  }
}
