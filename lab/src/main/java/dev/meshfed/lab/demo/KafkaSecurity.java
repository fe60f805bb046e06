package dev.meshfed.lab.demo;

/** How the services log in to Kafka. */
public enum KafkaSecurity {
  /** One PLAINTEXT listener, no ACLs: the demo and most tests. */
  NONE,
  /**
   * SASL/SCRAM with ACLs enforced: each service process logs in as a user of its own, granted
   * exactly what {@link dev.meshfed.schema.kafka.KafkaAccess} lists. The harness itself stays a
   * super user.
   */
  SCRAM_WITH_ACLS
}
