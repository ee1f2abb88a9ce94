-- Number ranges the hub hands out itself (e.g. the shipment and package numbers a carrier allots to the customer):
-- the next free serial of each series, and the serials each order was given, kept for its retries.
CREATE TABLE hub_number_series (
    series          VARCHAR(64)   NOT NULL PRIMARY KEY,
    next_serial     BIGINT        NOT NULL
);

CREATE TABLE hub_order_allotment (
    order_id        VARCHAR(64)   NOT NULL,
    series          VARCHAR(64)   NOT NULL,
    position        INT           NOT NULL,
    serial          BIGINT        NOT NULL,
    PRIMARY KEY (order_id, series, position)
);
