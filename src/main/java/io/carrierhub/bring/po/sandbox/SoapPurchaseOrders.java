package io.carrierhub.bring.po.sandbox;

import io.carrierhub.bring.po.model.CreateEventRequest;
import io.carrierhub.bring.po.model.CreatePackagingListRequest;
import io.carrierhub.bring.po.model.CreatePurchaseOrderRequest;
import io.carrierhub.bring.po.model.ErrorList;
import io.carrierhub.bring.po.model.GetErrorCodesRequest;
import io.carrierhub.bring.po.model.GetPurchaseOrderItemResponse;
import io.carrierhub.bring.po.model.GetPurchaseOrderResponse;
import io.carrierhub.bring.po.model.GetSenderStatusResponse;
import io.carrierhub.bring.po.model.GetTransportOrderResponse;
import io.carrierhub.bring.po.model.IsPurchaseorderCustomerRequest;
import io.carrierhub.bring.po.model.IsPurchaseorderCustomerResponse;
import io.carrierhub.bring.po.model.PurchaseOrderPort;
import io.carrierhub.bring.po.model.PurchaseOrderRequest;
import io.carrierhub.bring.po.model.StatusResponse;
import io.carrierhub.bring.po.model.TransportOrderRequest;
import jakarta.annotation.Resource;
import jakarta.jws.WebService;
import jakarta.xml.ws.WebServiceContext;
import jakarta.xml.ws.handler.MessageContext;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The SOAP service of the WSDL, served by CXF: each operation is the desk's function, logged in by the HTTP headers. */
@WebService(endpointInterface = "io.carrierhub.bring.po.model.PurchaseOrderPort", serviceName = "PurchaseOrderService",
        portName = "PurchaseOrderSoapPort", targetNamespace = "http://api.bring.com/po",
        wsdlLocation = "classpath:wsdl/purchaseorder-v1.wsdl")
public class SoapPurchaseOrders implements PurchaseOrderPort {

    private final PoDesk desk;

    @Resource
    private WebServiceContext context;

    SoapPurchaseOrders(PoDesk desk) {
        this.desk = desk;
    }

    @Override
    public IsPurchaseorderCustomerResponse isPurchaseOrderCustomer(IsPurchaseorderCustomerRequest body) {
        return desk.isCustomer(login(), body);
    }

    @Override
    public GetPurchaseOrderResponse getPurchaseOrder(PurchaseOrderRequest body) {
        return desk.getPurchaseOrder(login(), body);
    }

    @Override
    public StatusResponse createPurchaseOrder(CreatePurchaseOrderRequest body) {
        return desk.createPurchaseOrder(login(), body);
    }

    @Override
    public GetPurchaseOrderItemResponse getPurchaseOrderItem(PurchaseOrderRequest body) {
        return desk.getItems(login(), body);
    }

    @Override
    public GetTransportOrderResponse getTransportOrder(PurchaseOrderRequest body) {
        return desk.getTransportOrders(login(), body);
    }

    @Override
    public StatusResponse createTransportOrder(TransportOrderRequest body) {
        return desk.createTransportOrder(login(), body);
    }

    @Override
    public StatusResponse createPackagingList(CreatePackagingListRequest body) {
        return desk.createTransportOrder(login(), RestPurchaseOrders.asTransportOrder(body));
    }

    @Override
    public GetSenderStatusResponse getSenderStatus(PurchaseOrderRequest body) {
        return desk.senderStatus(login(), body);
    }

    @Override
    public StatusResponse createEvent(CreateEventRequest body) {
        return desk.createEvents(login(), body);
    }

    @Override
    public ErrorList getErrorCodes(GetErrorCodesRequest body) {
        return desk.errorCodes();
    }

    @SuppressWarnings("unchecked")
    private PoDesk.Login login() {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll((Map<String, List<String>>) context.getMessageContext().get(MessageContext.HTTP_REQUEST_HEADERS));
        return new PoDesk.Login(first(headers, "X-Mybring-API-Uid"), first(headers, "X-Mybring-API-Key"));
    }

    private static String first(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
