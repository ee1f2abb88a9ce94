-- The message of an order that waits on its lane for its next attempt (its idempotency key): the order's later
-- messages wait behind it, so that an update never overtakes the create a carrier outage holds back.
ALTER TABLE hub_order ADD COLUMN waiting_key VARCHAR(255);
