-- The order ledger: one row per ERP order, the carrier's ids for it, and where it stands.
CREATE TABLE hub_order (
    order_id        VARCHAR(64)   NOT NULL PRIMARY KEY,
    carrier         VARCHAR(32)   NOT NULL,
    last_action     VARCHAR(16)   NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    order_document  TEXT,
    error_code      VARCHAR(64),
    error_reason    VARCHAR(4000),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Ids the carrier gave an order (SHIPMENT, PACKAGE, ...), looked up when carrier events come back.
CREATE TABLE hub_order_reference (
    order_id        VARCHAR(64)   NOT NULL REFERENCES hub_order (order_id),
    ref_type        VARCHAR(32)   NOT NULL,
    ref_value       VARCHAR(128)  NOT NULL,
    position        INT           NOT NULL,
    PRIMARY KEY (order_id, ref_type, position)
);
CREATE INDEX hub_order_reference_value ON hub_order_reference (ref_type, ref_value);

-- Camel's JDBC idempotent repository (camel-sql JdbcMessageIdRepository, default table layout).
CREATE TABLE CAMEL_MESSAGEPROCESSED (
    processorName   VARCHAR(255)  NOT NULL,
    messageId       VARCHAR(255)  NOT NULL,
    createdAt       TIMESTAMP,
    PRIMARY KEY (processorName, messageId)
);
