package dev.meshfed.translation.model;

/**
 * A Multi-Cluster Services ServiceExport: the Service of the same name and namespace in its cluster
 * is exported to its clusterset. The oldest export wins a conflict, so its creation time is read.
 */
public record ServiceExportInput(ObjectId id, String creationTimestamp, long generation)
    implements Input {}
