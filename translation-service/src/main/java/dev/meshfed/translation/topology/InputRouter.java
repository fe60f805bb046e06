package dev.meshfed.translation.topology;

import dev.meshfed.schema.kafka.Topics;
import java.util.Optional;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.jboss.logging.Logger;

/**
 * The routing stage of the partitioned topology: each discovered and apply-failures record, bytes
 * as they are, to the routed-inputs topic ({@link RoutedInputs}). It reads nothing it does not need
 * to.
 */
final class InputRouter implements Processor<byte[], byte[], byte[], byte[]> {

  private static final Logger LOG = Logger.getLogger(InputRouter.class);

  private ProcessorContext<byte[], byte[]> context;

  @Override
  public void init(ProcessorContext<byte[], byte[]> context) {
    this.context = context;
  }

  @Override
  public void process(Record<byte[], byte[]> record) {
    Optional<String> topic = context.recordMetadata().map(m -> m.topic());
    if (topic.isEmpty() || record.key() == null) {
      LOG.errorf("Ignoring a record without a topic or a key: %s", context.recordMetadata());
      return;
    }
    // only the key says where it came from: its writer's headers stay behind
    context.forward(
        record
            .withKey(RoutedInputs.key(topic.get(), record.key()))
            .withHeaders(new RecordHeaders()));
    // the translation tasks see the record once this transaction commits: a discovered change at
    // once; apply reports (every cluster's after every change, nearly all "converged") wait for
    // the commit interval, many to a transaction, as the federation processor has them wait
    if (Topics.clusterOfDiscovered(topic.get()).isPresent()) {
      context.commit();
    }
  }
}
