package dev.meshfed.translation.translate;

import static dev.meshfed.translation.translate.DesiredRef.inCluster;
import static dev.meshfed.translation.translate.DesiredRef.inClusters;
import static dev.meshfed.translation.translate.DesiredRef.inNamespace;

import dev.meshfed.translation.model.ControlPlaneInput;
import dev.meshfed.translation.model.ExternalEndpointInput;
import dev.meshfed.translation.model.ExternalServiceInput;
import dev.meshfed.translation.model.MeshInputs;
import dev.meshfed.translation.model.ObjectId;
import dev.meshfed.translation.translate.Diagnostic.Severity;
import dev.meshfed.translation.translate.Exclusion.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The decisions that place one ExternalService's objects, in order: is it valid; does an older one
 * claim its hosts; is it in a workspace; which ExternalEndpoints of its workspace back it; and, in
 * every cluster of its workspace running Istio, its entry and TLS-originating rules for the
 * workspace's namespaces there.
 */
final class ExternalServiceTranslation {

  private static final Predicate<DesiredRef> ITS_KINDS =
      ref -> ExternalServiceTranslator.KINDS.contains(ref.kind());

  private final ExternalServiceInput es;
  private final MeshInputs inputs;
  private final Membership membership;
  private final Translation.Builder out = Translation.builder();
  private final InputReport report;

  ExternalServiceTranslation(ExternalServiceInput es, MeshInputs inputs, Membership membership) {
    this.es = es;
    this.inputs = inputs;
    this.membership = membership;
    this.report = new InputReport(es.id(), es.generation());
  }

  Translation run() {
    List<String> invalid = ExternalServiceCheck.problems(es);
    if (!invalid.isEmpty()) {
      invalid.forEach(problem -> report(Severity.INVALID, problem));
      out.stop(
          ITS_KINDS, () -> new Exclusion(Rule.INVALID_INPUT, es.id(), "it is invalid: " + invalid));
      return finish(0);
    }
    Optional<ExternalServiceInput> rival = ExternalServiceCheck.olderRival(es, inputs);
    if (rival.isPresent()) {
      String conflict =
          "the older "
              + rival.get().id().ref()
              + " claims one of its hosts or its name already; this ExternalService is not"
              + " federated until the conflict is resolved";
      report(Severity.INVALID, conflict);
      out.stop(ITS_KINDS, () -> new Exclusion(Rule.HOST_CONFLICT, es.id(), conflict));
      return finish(0);
    }
    Optional<WorkspacePlan> workspace =
        membership.workspaceOf(es.id().cluster(), es.id().namespace());
    if (workspace.isEmpty()) {
      String why =
          "namespace "
              + es.id().namespace()
              + " of cluster "
              + es.id().cluster()
              + " belongs to no workspace, so the ExternalService federates nothing";
      report(Severity.WARNING, why);
      out.stop(ITS_KINDS, () -> new Exclusion(Rule.NOT_IN_WORKSPACE, es.id(), why));
      return finish(0);
    }
    List<ExternalEndpointInput> endpoints = endpoints(workspace.get());
    ExternalServiceCheck.addressWarnings(es, !endpoints.isEmpty())
        .forEach(warning -> report(Severity.WARNING, warning));
    SortedSet<String> clusters = new TreeSet<>(workspace.get().namespacesByCluster().keySet());
    out.stopEach(
        ITS_KINDS.and(inClusters(membership.removedClusters().keySet())),
        ref -> membership.removalExclusion(ref.cluster(), es.id()).orElseThrow());
    for (String cluster : clusters) {
      place(cluster, workspace.get(), endpoints);
    }
    out.stopEach(
        ITS_KINDS.and(inClusters(clusters).negate()),
        ref ->
            new Exclusion(
                Rule.TARGET_NOT_IN_WORKSPACE,
                es.id(),
                "workspace " + workspace.get().name() + " has no namespace in " + ref.cluster()));
    return finish(endpoints.size());
  }

  private List<ExternalEndpointInput> endpoints(WorkspacePlan workspace) {
    ExternalServiceEndpoints selected =
        ExternalServiceEndpoints.of(es, workspace.name(), inputs, membership);
    selected.warnings().forEach(warning -> report(Severity.WARNING, warning));
    return selected.endpoints();
  }

  private void place(
      String cluster, WorkspacePlan workspace, List<ExternalEndpointInput> endpoints) {
    Optional<ControlPlaneInput> controlPlane = ClusterMesh.controlPlane(inputs, cluster);
    if (controlPlane.isEmpty()) {
      Exclusion none = ClusterMesh.noControlPlane(cluster, es.id());
      report(Severity.WARNING, none.message() + "; its clients there do not get the hosts");
      out.stop(ITS_KINDS.and(inCluster(cluster)), () -> none);
      return;
    }
    if (membership.removal(cluster).isPresent()) {
      return;
    }
    ClusterMesh consumer = new ClusterMesh(cluster, controlPlane.get(), null);
    SortedSet<String> clients =
        new TreeSet<>(workspace.namespacesByCluster().getOrDefault(cluster, new TreeSet<>()));
    List<ObjectId> sources =
        new ArrayList<>(List.of(es.id(), workspace.workspace().id(), controlPlane.get().id()));
    endpoints.forEach(e -> sources.add(e.id()));
    new ExternalServiceObjects(es, workspace, consumer, endpoints, clients, sources)
        .outputs()
        .forEach(out::output);
    out.stop(
        ITS_KINDS.and(inCluster(cluster)).and(inNamespace(consumer.namespace()).negate()),
        () ->
            new Exclusion(
                Rule.OTHER_NAMESPACE,
                es.id(),
                "its objects in cluster "
                    + cluster
                    + " go to the Istio control plane's namespace, "
                    + consumer.namespace()));
  }

  private void report(Severity severity, String message) {
    report.add(severity, message);
  }

  private Translation finish(int endpoints) {
    var counts = Manifests.objectNode();
    counts.put("selectedExternalEndpoints", endpoints);
    report.writeTo(out, counts);
    return out.build();
  }
}
