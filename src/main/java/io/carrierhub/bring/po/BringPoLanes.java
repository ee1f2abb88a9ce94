package io.carrierhub.bring.po;

import io.carrierhub.carrier.CarrierRequest;
import io.carrierhub.error.UnknownCarrierException;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

/**
 * The carriers on the Bring Purchase Order API, each with a client, and the calls that are no order message's (the
 * sender status poll's, the TMS events'): through {@code direct:bring-po-call-<carrier>} (routes/bring-po.yaml),
 * over the lane's transport.
 */
public class BringPoLanes {

    private final Map<String, BringPoClient> clients;
    private final ProducerTemplate calls;

    public BringPoLanes(Map<String, BringPoClient> clients, ProducerTemplate calls) {
        this.clients = Map.copyOf(clients);
        this.calls = calls;
    }

    public Set<String> carriers() {
        return clients.keySet();
    }

    public boolean speaks(String carrier) {
        return clients.containsKey(carrier);
    }

    BringPoClient client(String carrier) {
        BringPoClient client = clients.get(carrier);
        if (client == null) {
            throw new UnknownCarrierException(carrier + " is no Bring Purchase Order lane; they are " + carriers());
        }
        return client;
    }

    /** Makes the call; the exchange holds the answer (body as text, CamelHttpResponseCode) or the failure. */
    Exchange call(String carrier, CarrierRequest request) {
        return calls.send("direct:bring-po-call-" + carrier, exchange -> exchange.getIn().setBody(request));
    }
}
