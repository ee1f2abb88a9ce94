package io.carrierhub;

import static org.assertj.core.api.Assertions.assertThat;

import io.carrierhub.ledger.LedgerStatus;
import io.carrierhub.ledger.OrderLedger;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jms.core.JmsTemplate;

/** Bad input from the ERP goes to DLQ.erp.orders at once, with the reason, and the ERP is told. */
@HubTest
class InvalidOrderIT {

    @Autowired
    JmsTemplate jmsTemplate;
    @Autowired
    OrderLedger ledger;

    ErpClient erp;

    @BeforeEach
    void connect() {
        erp = new ErpClient(jmsTemplate, 10_000);
    }

    @Test
    void xmlThatIsNotWellFormed() throws JMSException {
        String body = "<createOrder xmlns=\"urn:carrierhub:order:v1\"><orderId>BAD-1</orderId>";
        assertDeadLettered(erp.send(body, "application/xml"), body, "INVALID_XML", "not well-formed");
    }

    @Test
    void jsonThatIsNotWellFormed() throws JMSException {
        String body = "{\"createOrder\": {\"orderId\": \"BAD-2\",";
        assertDeadLettered(erp.send(body, "application/json"), body, "INVALID_JSON", "not well-formed JSON");
    }

    @Test
    void orderAgainstTheSchema() throws JMSException {
        String body = ErpClient.sample("shipment-create.xml", "BAD-3").replace("<countryCode>NO</countryCode>", "<countryCode>Norway</countryCode>");
        String correlationId = erp.send(body, null);

        assertDeadLettered(correlationId, body, "SCHEMA_INVALID", "Norway");
        assertThat(ledger.find("BAD-3")).isEmpty();
    }

    @Test
    void jsonOrderAgainstTheSchema() throws JMSException {
        String body = ErpClient.sample("booking-create.json", "BAD-4").replace("\"unit\": \"kg\"", "\"unit\": \"pound\"");
        assertDeadLettered(erp.send(body, null), body, "SCHEMA_INVALID", "pound");
    }

    @Test
    void unknownCarrier() throws JMSException {
        String body = ErpClient.sample("shipment-create.xml", "BAD-5").replace("<carrier>bring-shipment</carrier>", "<carrier>pigeon-post</carrier>");
        String correlationId = erp.send(body, "application/xml");

        String status = assertDeadLettered(correlationId, body, "UNKNOWN_CARRIER", "pigeon-post");
        assertThat(status).contains("<orderId>BAD-5</orderId>");
        // refused at the intake, before the ledger: no lane would ever answer it
        assertThat(ledger.find("BAD-5")).isEmpty();
    }

    @Test
    void dangerousGoodsWithoutWhatBringRequiresOfThem() throws JMSException {
        String body = ErpClient.sample("shipment-create.xml", "BAD-6")
                .replace("<name>Nordic Socks AS</name>", "")
                .replace("</goodsItem>", "<dangerousGoods><unNumber>1314</unNumber><hazardClass>4.1</hazardClass></dangerousGoods></goodsItem>");
        String correlationId = erp.send(body, "application/xml");

        assertDeadLettered(correlationId, body, "CARRIER_REQUIREMENT",
                "goodsItem 1 dangerousGoods 1 has no flashpoint; the sender has no name, which Bring requires with dangerous goods");
        assertThat(ledger.find("BAD-6")).isEmpty();
    }

    /** The message waits on the DLQ as it was sent, once, with the reason; the ERP's answer says the same. */
    private String assertDeadLettered(String correlationId, String body, String code, String reasonPart) throws JMSException {
        Message dead = erp.receive(ErpClient.ORDERS_DLQ, correlationId);
        assertThat(dead).as("message on " + ErpClient.ORDERS_DLQ).isNotNull();
        assertThat(((TextMessage) dead).getText()).isEqualTo(body);
        assertThat(dead.getStringProperty("HubErrorCode")).isEqualTo(code);
        assertThat(dead.getStringProperty("HubErrorReason")).contains(reasonPart);
        assertThat(dead.getStringProperty("HubOriginQueue")).isEqualTo(ErpClient.ORDERS);
        assertThat(dead.getStringProperty("HubFailedAt")).isNotBlank();
        assertThat(dead.getIntProperty("JMSXDeliveryCount")).as("delivered once, never retried").isEqualTo(1);

        String status = erp.receiveText(ErpClient.ORDER_STATUS, correlationId);
        assertThat(status).as("rejection on " + ErpClient.ORDER_STATUS).isNotNull()
                .contains("REJECTED").contains(code);
        return status;
    }
}
