package io.carrierhub.bring.shipment;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.carrierhub.bring.shipment.model.BringDangerousGoods;
import io.carrierhub.bring.shipment.model.BringGoodsItem;
import io.carrierhub.bring.shipment.model.BringShipmentRequest;
import io.carrierhub.bring.shipment.model.BringShipmentResponse;
import io.carrierhub.bring.shipment.model.ObjectFactory;
import io.carrierhub.error.CarrierRejectedException;
import io.carrierhub.error.HubFaultException;
import io.carrierhub.json.JaxbJson;
import io.carrierhub.xml.XmlContract;
import jakarta.xml.bind.JAXBElement;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bring Shipment API messages on the wire, as XML or JSON ({@code xsd/bring-shipment.xsd}).
 * Requests are written as Bring's samples are: only the root in Bring's namespace, its children unqualified, in
 * ISO-8859-1 (what the API assumes of every request). The root carries a prefix where the samples use the default
 * namespace, which JAXB keeps for the unqualified children: the same document to a namespace-aware reader.
 * JSON requests have no root wrapper; JSON responses do. The sandbox reads and writes with code of its own.
 */
public class BringShipmentCodec {

    public static final String NAMESPACE = "http://api.bring.com/CreateShipment";
    public static final Charset CHARSET = StandardCharsets.ISO_8859_1;
    private static final String RESPONSE_ROOT = "CreateShipmentResponse";
    private static final String XSD = "xsd/bring-shipment.xsd";
    private static final Logger log = LoggerFactory.getLogger(BringShipmentCodec.class);

    private final XmlContract requests = new XmlContract(XSD, ObjectFactory.class);
    private final XmlContract responses = new XmlContract(XSD, BringShipmentResponse.class);
    private final ObjectMapper json = JaxbJson.mapper("Value").addMixIn(BringGoodsItem.class, SampleGoodsItem.class);
    // Non-ASCII characters escaped: the bytes read the same whether Bring takes them for UTF-8 or ISO-8859-1.
    private final ObjectWriter jsonWriter = json.writer().with(JsonWriteFeature.ESCAPE_NON_ASCII);
    private final ObjectWriter ordinalJsonWriter = json.copy().registerModule(new DotNetOrdinals())
            .writer().with(JsonWriteFeature.ESCAPE_NON_ASCII);
    // The response's error shape is inferred, not documented: what the hub does not know must not lose the ids.
    private final ObjectReader responseReader = json.readerFor(BringShipmentResponse.class)
            .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** An XML request, held to the schema as it is written (a fault as in {@link #checked}). */
    public byte[] writeXmlRequest(JAXBElement<BringShipmentRequest> request) {
        try {
            return requests.writeValid(request, CHARSET);
        } catch (XmlContract.Refusal refusal) {
            throw mappingFault(refusal);
        }
    }

    /** A JSON request, held to the schema first, its .NET code lists ({@link DotNetOrdinals}) written as {@code enums} says. */
    public byte[] writeJsonRequest(JAXBElement<BringShipmentRequest> request, JsonEnums enums) {
        return writeJson(enums == JsonEnums.ORDINAL ? ordinalJsonWriter : jsonWriter, checked(request).getValue());
    }

    /**
     * A request held to the schema before it goes out, JSON too (its object model is what the schema checks).
     *
     * @throws HubFaultException HUB_MAPPING when the request breaks the schema: the mapper's defect, not Bring's to refuse
     */
    private JAXBElement<BringShipmentRequest> checked(JAXBElement<BringShipmentRequest> request) {
        try {
            requests.validate(request);
        } catch (XmlContract.Refusal refusal) {
            throw mappingFault(refusal);
        }
        return request;
    }

    private static HubFaultException mappingFault(XmlContract.Refusal refusal) {
        String reason = "the hub wrote a Bring Shipment request that breaks " + XSD + ": " + refusal.getMessage();
        log.error("Hub fault, the request is not sent: {}", reason);
        return new HubFaultException("HUB_MAPPING", reason);
    }

    /** @throws CarrierRejectedException CARRIER_RESPONSE_INVALID when the body is not a CreateShipmentResponse */
    public BringShipmentResponse readResponse(byte[] body, boolean asJson) {
        return readResponse(body, asJson, null);
    }

    /**
     * A response decoded by the charset of its Content-Type; without one, XML as its declaration says (else UTF-8)
     * and JSON as UTF-8.
     *
     * @throws CarrierRejectedException CARRIER_RESPONSE_INVALID when the body is not a CreateShipmentResponse
     */
    public BringShipmentResponse readResponse(byte[] body, boolean asJson, String contentType) {
        Charset charset = charset(contentType);
        try {
            if (asJson) {
                JsonNode response = (charset == null ? json.readTree(body) : json.readTree(new String(body, charset))).get(RESPONSE_ROOT);
                if (response == null) {
                    throw new IOException("no " + RESPONSE_ROOT + " member");
                }
                return responseReader.readValue(response);
            }
            JAXBElement<BringShipmentResponse> response = responses.readLeniently(body, charset, BringShipmentResponse.class);
            if (!RESPONSE_ROOT.equals(response.getName().getLocalPart())) {
                throw new IOException("the root is " + response.getName().getLocalPart());
            }
            return response.getValue();
        } catch (IOException | XmlContract.Refusal e) {
            throw new CarrierRejectedException("CARRIER_RESPONSE_INVALID",
                    "Bring Shipment answered with a body that is not a " + RESPONSE_ROOT + ": " + XmlContract.rootCause(e));
        }
    }

    private static byte[] writeJson(ObjectWriter writer, Object value) {
        try {
            return writer.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a Bring Shipment message as JSON", e);
        }
    }

    private static Charset charset(String contentType) {
        if (contentType == null) {
            return null;
        }
        for (String parameter : contentType.split(";")) {
            String[] pair = parameter.trim().split("=", 2);
            if (pair.length == 2 && pair[0].trim().equalsIgnoreCase("charset")) {
                String name = pair[1].trim().replace("\"", "");
                try {
                    return Charset.forName(name);
                } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                    throw new CarrierRejectedException("CARRIER_RESPONSE_INVALID",
                            "Bring Shipment answered in a charset the hub does not know: " + name);
                }
            }
        }
        return null;
    }

    /**
     * The request samples write a goods item's DangerousGoods as one object, as a .NET model declaring one would;
     * several, which only the RAML's array can carry, stay an array.
     */
    private abstract static class SampleGoodsItem {
        @JsonFormat(with = JsonFormat.Feature.WRITE_SINGLE_ELEM_ARRAYS_UNWRAPPED)
        abstract List<BringDangerousGoods> getDangerousGoods();
    }
}
