-- What the status polls know of an order: the carrier's last status they reported (carrier_status), when its event
-- happened (carrier_status_at), and when an event ended the order (polls_ended_at: delivered, returned, cancelled);
-- an ended order is no longer polled.
ALTER TABLE hub_order ADD COLUMN carrier_status VARCHAR(1000);
ALTER TABLE hub_order ADD COLUMN carrier_status_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE hub_order ADD COLUMN polls_ended_at TIMESTAMP WITH TIME ZONE;
-- the polls' walk: open orders, oldest first
CREATE INDEX hub_order_open ON hub_order (status, polls_ended_at, created_at, order_id);
