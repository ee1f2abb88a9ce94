package io.carrierhub.bring.po;

import io.carrierhub.carrier.CallTemplate;
import io.carrierhub.carrier.CarrierApi;
import io.carrierhub.ledger.OrderLedger;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * The Bring Purchase Order API ({@code api: bring-po}): a client per carrier configured with it, called over SOAP
 * (camel-cxf, PAYLOAD mode) or over the REST XML interface, as {@code transport} says.
 */
public class BringPoApi implements CarrierApi {

    public static final String NAME = "bring-po";
    static final String NAMESPACE = "http://api.bring.com/po";
    public static final String WSDL = "classpath:wsdl/purchaseorder-v1.wsdl";

    private final Environment environment;
    private final BringPoCodec codec;
    private final OrderLedger ledger;
    private final MeterRegistry meters;
    private final Clock clock;

    public BringPoApi(Environment environment, BringPoCodec codec, OrderLedger ledger, MeterRegistry meters, Clock clock) {
        this.environment = environment;
        this.codec = codec;
        this.ledger = ledger;
        this.meters = meters;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public BringPoClient client(String carrier) {
        BringPoProperties properties = properties(carrier);
        return new BringPoClient(carrier, new BringPoMapper(properties, clock), codec, ledger,
                new CustomerChecks(properties.customerCheckExpiry(), clock), new BringPoAnswers(carrier, codec, meters),
                properties);
    }

    @Override
    public CallTemplate call(String carrier) {
        if (!properties(carrier).soap()) {
            return CallTemplate.http();
        }
        String baseUrl = environment.getRequiredProperty("hub.carriers." + carrier + ".base-url");
        return CallTemplate.soap(baseUrl + "/api/ws", WSDL, "{" + NAMESPACE + "}PurchaseOrderService",
                "{" + NAMESPACE + "}PurchaseOrderSoapPort");
    }

    private BringPoProperties properties(String carrier) {
        return Binder.get(environment).bindOrCreate("hub.carriers." + carrier, BringPoProperties.class);
    }
}
