package io.carrierhub.bring.po.sandbox;

import io.carrierhub.bring.po.model.Error;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Bring's error list (GET /errorCodes), as published: the seed's list (PO_INPUT_001..020, PO_INOUT_016 spelt as
 * Bring spells it, PO_STATE_001..005) and the codes the 2017 list added (PO_INPUT_021..024).
 */
final class PoErrorCodes {

    static final Map<String, String> ALL = new LinkedHashMap<>();

    static {
        ALL.put("PO_INPUT_001", "Must provide valid customer ID");
        ALL.put("PO_INPUT_002", "Must provide valid purchase order");
        ALL.put("PO_INPUT_003", "Must provide valid schema version. See developer.bring.com for latest schema version");
        ALL.put("PO_INPUT_004", "Request properties must contain valid datetime");
        ALL.put("PO_INPUT_005", "Request properties must contain valid locale");
        ALL.put("PO_INPUT_006", "Request properties must be present");
        ALL.put("PO_INPUT_007", "Consignment ID is required");
        ALL.put("PO_INPUT_008", "Must provide valid EventType. See xsd for list of valid types.");
        ALL.put("PO_INPUT_009", "Must provide valid ISO timestamp for event");
        ALL.put("PO_INPUT_010", "Purchase order not found. You can not have orderlines to a non-existing purchase order.");
        ALL.put("PO_INPUT_011", "Negative quantity not allowed.");
        ALL.put("PO_INPUT_012", "Item on transport order does not exist on purchase order. OrderLineId and ArticleLineId must match purchase order.");
        ALL.put("PO_INPUT_013", "Shipping container ID is required");
        ALL.put("PO_INPUT_014", "A valid container type required for the shipping container and the content");
        ALL.put("PO_INPUT_015", "Content for shipping container is required");
        ALL.put("PO_INOUT_016", "Content in shipping container requires either consignment ID or shipping container ID");
        ALL.put("PO_INPUT_017", "The request contained invalid content.");
        ALL.put("PO_INPUT_018", "The request contains input that is not supported.");
        ALL.put("PO_INPUT_019", "Some required parameters are missing.");
        ALL.put("PO_INPUT_020", "Must provide valid transport order");
        ALL.put("PO_INPUT_021", "Article number is required");
        ALL.put("PO_INPUT_022", "Article number is required");
        ALL.put("PO_INPUT_023", "Content for article balance is required");
        ALL.put("PO_INPUT_024", "Attempted to create/insert a purchase order that already existed. Maybe wrong updateIndicator");
        ALL.put("PO_STATE_001", "Purchase order not found");
        ALL.put("PO_STATE_002", "You must log in to use this endpoint. See developer.bring.com for details about login with HTTP-headers.");
        ALL.put("PO_STATE_003", "Order items for requested purchase order not found");
        ALL.put("PO_STATE_004", "Access is denied to read this purchaseorder");
        ALL.put("PO_STATE_005", "Transport order not found");
    }

    private PoErrorCodes() {
    }

    static Error error(String code) {
        Error error = new Error();
        error.setCode(code);
        error.setDescription(ALL.get(code));
        return error;
    }
}
