-- The order as the ERP sent it (its createOrder or updateOrder message, XML or JSON, in its own bytes), kept from
-- now on instead of the hub's re-marshalled XML in order_document, which stays for the orders recorded before.
ALTER TABLE hub_order ADD COLUMN order_body BYTEA;
