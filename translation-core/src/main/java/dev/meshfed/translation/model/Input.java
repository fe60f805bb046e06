package dev.meshfed.translation.model;

import java.util.List;

/** One discovered input object. */
public sealed interface Input
    permits AgentInput,
        NamespaceInput,
        ServiceInput,
        RejectedInput,
        EastWestGatewayInput,
        ControlPlaneInput,
        WorkspaceInput,
        WorkspaceSettingsInput,
        ClusterRegistrationInput,
        NodeInput,
        MeshConfigInput,
        WorkloadInput,
        EndpointSliceInput,
        ApplyFailureInput,
        VirtualDestinationInput,
        FailoverPolicyInput,
        OutlierDetectionPolicyInput,
        RouteTableInput,
        RoutePolicyInput,
        AccessPolicyInput,
        ExternalServiceInput,
        ExternalEndpointInput,
        ServiceExportInput,
        ServiceMeshPeerInput,
        ExportedServiceSetInput,
        ImportedServiceSetInput {

  ObjectId id();

  /** Fields discovery could not read (PATH: WHY); the input holds the rest, read without them. */
  default List<String> problems() {
    return List.of();
  }
}
