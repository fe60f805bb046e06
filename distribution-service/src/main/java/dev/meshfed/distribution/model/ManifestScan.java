package dev.meshfed.distribution.model;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * One streaming pass over a manifest: whether it is complete as translation writes it (well-formed
 * JSON, apiVersion, kind, name and namespace those of its key, meshfed's managed-by label) and
 * whether it carries a status. A complete manifest is applied as it came; only others are parsed
 * into a tree to be checked, completed and written again, which cost the distributor a tenth of its
 * samples when it was done for every record.
 */
record ManifestScan(boolean complete, boolean hasStatus) {

  private static final JsonFactory JSON = new JsonFactory();
  private static final ManifestScan INCOMPLETE = new ManifestScan(false, false);

  static ManifestScan of(ObjectKey key, String json) {
    try (JsonParser parser = JSON.createParser(json)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return INCOMPLETE;
      }
      int matched = 0;
      boolean status = false;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        if ("apiVersion".equals(field) && textIs(parser, value, key.apiVersion())) {
          matched++;
        } else if ("kind".equals(field) && textIs(parser, value, key.kind())) {
          matched++;
        } else if ("metadata".equals(field)
            && value == JsonToken.START_OBJECT
            && metadataFits(parser, key)) {
          matched++;
        } else if ("status".equals(field)) {
          status = true;
          parser.skipChildren();
        } else {
          parser.skipChildren();
        }
      }
      // past the object's end: nothing may follow it
      boolean wellFormed =
          parser.currentToken() == JsonToken.END_OBJECT && parser.nextToken() == null;
      return wellFormed && matched == 3 ? new ManifestScan(true, status) : INCOMPLETE;
    } catch (Exception e) {
      // a String cannot fail to be read: this is JSON that is not well-formed, for the tree path
      return INCOMPLETE;
    }
  }

  private static boolean metadataFits(JsonParser metadata, ObjectKey key) throws Exception {
    int matched = 0;
    while (metadata.nextToken() == JsonToken.FIELD_NAME) {
      String field = metadata.currentName();
      JsonToken value = metadata.nextToken();
      if ("name".equals(field) && textIs(metadata, value, key.name())) {
        matched++;
      } else if ("namespace".equals(field) && textIs(metadata, value, key.namespace())) {
        matched++;
      } else if ("labels".equals(field) && value == JsonToken.START_OBJECT && managed(metadata)) {
        matched++;
      } else {
        metadata.skipChildren();
      }
    }
    return matched == 3;
  }

  private static boolean managed(JsonParser labels) throws Exception {
    boolean managed = false;
    while (labels.nextToken() == JsonToken.FIELD_NAME) {
      String label = labels.currentName();
      JsonToken value = labels.nextToken();
      if (ManifestParser.MANAGED_BY_LABEL.equals(label)
          && textIs(labels, value, ManifestParser.MANAGED_BY_VALUE)) {
        managed = true;
      } else {
        labels.skipChildren();
      }
    }
    return managed;
  }

  private static boolean textIs(JsonParser parser, JsonToken value, String expected)
      throws Exception {
    return value == JsonToken.VALUE_STRING && expected.equals(parser.getText());
  }
}
