-- The status history of each order: every TMS event the hub sent, numbered per order (1, 2, ...) in the order
-- it was recorded. The primary key is what keeps two hub instances from giving two events the same number.
-- No foreign key to hub_order: a carrier may report on an order before its answer reached the ledger.
CREATE TABLE hub_order_event (
    order_id            VARCHAR(64)     NOT NULL,
    sequence            BIGINT          NOT NULL,
    carrier             VARCHAR(32)     NOT NULL,
    event_type          VARCHAR(32)     NOT NULL,
    carrier_status      VARCHAR(1000),
    occurred_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    driver_name         VARCHAR(1000),
    driver_phone        VARCHAR(32),
    latitude            DECIMAL(11, 8),
    longitude           DECIMAL(11, 8),
    -- the carrier's ids as a JSON array: [{"type": "SHIPMENT", "value": "..."}]
    carrier_references  TEXT,
    note                VARCHAR(1000),
    recorded_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (order_id, sequence)
);
