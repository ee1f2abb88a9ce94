-- A poll reads the open orders of its own carriers, a carrier at a time, oldest first (PollLedger.openOrders): one
-- range of this index a page, however many open orders other carriers have.
DROP INDEX hub_order_open;
CREATE INDEX hub_order_open_by_carrier ON hub_order (carrier, status, polls_ended_at, created_at, order_id);
