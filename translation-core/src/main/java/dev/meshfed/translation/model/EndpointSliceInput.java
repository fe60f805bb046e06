package dev.meshfed.translation.model;

import java.util.List;

/** An EndpointSlice of a Service (null: it names none): its endpoints, and their zones. */
public record EndpointSliceInput(
    ObjectId id, String service, int readyEndpoints, int notReadyEndpoints, List<String> zones)
    implements Input {

  public EndpointSliceInput {
    zones = List.copyOf(zones);
  }
}
