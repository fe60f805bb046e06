package dev.meshfed.translation.model;

/** One discovered input object. */
public sealed interface Input
    permits AgentInput,
        NamespaceInput,
        ServiceInput,
        EastWestGatewayInput,
        ControlPlaneInput,
        WorkspaceInput,
        WorkspaceSettingsInput,
        ClusterRegistrationInput,
        NodeInput,
        MeshConfigInput,
        WorkloadInput,
        EndpointSliceInput,
        ApplyFailureInput {

  ObjectId id();
}
