package io.carrierhub.bring.shipment;

import io.carrierhub.carrier.CarrierApi;
import io.carrierhub.carrier.CarrierClient;
import io.carrierhub.ledger.Allotments;
import io.carrierhub.ledger.OrderLedger;
import java.time.Clock;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/** The Bring Shipment API ({@code api: bring-shipment}): a client per carrier configured with it. */
public class BringShipmentApi implements CarrierApi {

    private final Environment environment;
    private final BringShipmentCodec codec;
    private final OrderLedger ledger;
    private final Allotments allotments;
    private final Clock clock;

    public BringShipmentApi(Environment environment, BringShipmentCodec codec, OrderLedger ledger, Allotments allotments,
                            Clock clock) {
        this.environment = environment;
        this.codec = codec;
        this.ledger = ledger;
        this.allotments = allotments;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "bring-shipment";
    }

    @Override
    public CarrierClient client(String carrier) {
        BringShipmentProperties properties = Binder.get(environment)
                .bindOrCreate("hub.carriers." + carrier, BringShipmentProperties.class);
        return new BringShipmentClient(new BringShipmentMapper(), codec, ledger,
                new BringNumbers(carrier, properties, allotments), properties, clock);
    }
}
