package io.carrierhub.bring.po.sandbox;

import io.carrierhub.bring.po.model.Event;
import io.carrierhub.sandbox.FaultInjection;
import io.carrierhub.sandbox.SandboxServer;
import java.time.Clock;
import java.util.List;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.jaxws.EndpointImpl;

/**
 * An offline Bring Purchase Order API on 127.0.0.1: the SOAP service of {@code wsdl/purchaseorder-v1.wsdl} at
 * {@code /po/api/ws}, served by CXF on a bus of its own, and the REST XML interface at {@code /po/api/v1/...}, with
 * the faults, the record of requests and the control API every sandbox has. Stateful: purchase orders, their lines,
 * transport orders, events, and sender statuses that turn from OPEN to LOCKED ({@code lock-after}, or {@link #lock}).
 */
public class BringPoSandbox extends SandboxServer {

    public static final String NAME = "bring-po";

    private final PoDesk desk;
    private final Bus bus;
    private final EndpointImpl endpoint;

    public BringPoSandbox(BringPoSandboxProperties settings) {
        this(settings, new PoDesk(settings, Clock.systemDefaultZone()), new SpiHttpContext(BringPoSandboxApi.SOAP_PATH));
    }

    private BringPoSandbox(BringPoSandboxProperties settings, PoDesk desk, SpiHttpContext soap) {
        super(NAME, settings.port(), new FaultInjection(settings.failureRate(), settings.latency()),
                new BringPoSandboxApi(desk, soap, new RestPurchaseOrders(desk, settings.schemaVersion(), Clock.systemDefaultZone())));
        this.desk = desk;
        this.bus = BusFactory.newInstance().createBus();
        this.endpoint = new EndpointImpl(bus, new SoapPurchaseOrders(desk));
        endpoint.publish(soap);
    }

    /** Where the API lives, as the hub's base URL names it: {@code http://127.0.0.1:<port>/po}. */
    public String baseUrl() {
        return address() + "/po";
    }

    /** The TMS events Bring took, in the order they came. */
    public List<Event> events() {
        return desk.events();
    }

    /** Whether Bring holds this purchase order. */
    public boolean holds(String customerNo, String purchaseOrderNo) {
        return desk.orders().containsKey(customerNo + "/" + purchaseOrderNo);
    }

    /** Locks a purchase order for its sender now; false when there is none. */
    public boolean lock(String customerNo, String purchaseOrderNo) {
        return desk.lock(customerNo, purchaseOrderNo);
    }

    @Override
    public synchronized void stop() {
        super.stop();
        endpoint.stop();
        bus.shutdown(true);
    }
}
