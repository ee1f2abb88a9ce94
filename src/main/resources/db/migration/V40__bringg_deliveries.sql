-- Bringg deliveries the hub carries as a fleet: one row per Bringg task, the order the hub made of it, and how far
-- the driver-API call sequence got (state, last TMS event sequence handled, the driver, the latest known position).
CREATE TABLE bringg_delivery (
    order_id            VARCHAR(64)     NOT NULL PRIMARY KEY,
    merchant            VARCHAR(64)     NOT NULL,
    task_id             BIGINT          NOT NULL,
    carrier             VARCHAR(32)     NOT NULL,
    -- the canonical order as last sent (XML), to which a Delivery Updated's changes are applied
    order_xml           TEXT            NOT NULL,
    state               VARCHAR(16)     NOT NULL,
    last_sequence       BIGINT          NOT NULL DEFAULT 0,
    cancelled_by_bringg BOOLEAN         NOT NULL DEFAULT FALSE,
    driver_id           VARCHAR(255),
    driver_name         VARCHAR(1000),
    driver_phone        VARCHAR(32),
    latitude            DECIMAL(11, 8),
    longitude           DECIMAL(11, 8),
    located_at          TIMESTAMP WITH TIME ZONE,
    tracking_url        VARCHAR(2000),
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT bringg_delivery_task UNIQUE (merchant, task_id)
);

-- Every driver-API call the hub sent or is sending, claimed before it goes out: a call is never sent twice for the
-- same event, also when the broker gives the event again after the hub died mid-call.
CREATE TABLE bringg_call (
    order_id            VARCHAR(64)     NOT NULL,
    event_key           VARCHAR(128)    NOT NULL,
    call_name           VARCHAR(32)     NOT NULL,
    -- CLAIMED (going out), SENT (Bringg took it), FAILED (a later attempt sends it again), DEAD (dead-lettered)
    outcome             VARCHAR(16)     NOT NULL,
    claimed_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    answered_at         TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (order_id, event_key, call_name)
);
