package dev.meshfed.distribution.apply;

import dev.meshfed.distribution.model.ObjectKey;
import dev.meshfed.distribution.model.ResourceKind;
import java.util.List;

/** Lists the live objects meshfed manages (by label) in the cluster. */
public interface ManagedObjects {

  /** Managed objects of a kind in all namespaces; none if the cluster does not serve the kind. */
  List<ObjectKey> list(ResourceKind kind);
}
