-- The retention purge deletes the intake's idempotency keys by age (hub.retention.idempotency-keys).
CREATE INDEX camel_messageprocessed_created ON CAMEL_MESSAGEPROCESSED (createdAt);
