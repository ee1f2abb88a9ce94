package io.carrierhub.bring.shipment.sandbox;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.carrierhub.bring.shipment.model.BringIdentities;
import io.carrierhub.bring.shipment.model.BringShipmentResponse;
import io.carrierhub.bring.shipment.model.ObjectFactory;
import io.carrierhub.json.JaxbJson;
import io.carrierhub.xml.XmlContract;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** The sandbox's CreateShipmentResponse on the wire, in UTF-8, as Bring's response samples show it. */
final class ResponseBodies {

    private static final String ROOT = "CreateShipmentResponse";

    // The response type alone: with no unqualified elements to keep it for, JAXB writes Bring's namespace as the
    // default one, <CreateShipmentResponse xmlns="http://api.bring.com/CreateShipment">, as Bring's sample does.
    private final XmlContract xml = new XmlContract("xsd/bring-shipment.xsd", BringShipmentResponse.class);
    private final ObjectFactory roots = new ObjectFactory();
    private final ObjectWriter json = JaxbJson.mapper("Value")
            .addMixIn(BringShipmentResponse.class, SampleIdentities.class)
            .registerModule(new SimpleModule("bring-sample-identities").addSerializer(BringIdentities.class, new SampleIdentity()))
            .writer();

    byte[] write(BringShipmentResponse response, WireFormat format) {
        if (format == WireFormat.XML) {
            return xml.write(roots.createCreateShipmentResponse(response), StandardCharsets.UTF_8);
        }
        try {
            return json.writeValueAsBytes(Map.of(ROOT, response));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a " + ROOT + " as JSON", e);
        }
    }

    /** Bring's response sample writes its one Identities as an object. */
    private abstract static class SampleIdentities {
        @JsonFormat(with = JsonFormat.Feature.WRITE_SINGLE_ELEM_ARRAYS_UNWRAPPED)
        abstract List<BringIdentities> getIdentities();
    }

    /**
     * ... and its one PackageId as a string, where the RAML types an array: several stay an array. (Written by hand:
     * the JAXB module's adapter on PackageId ignores a format annotation.)
     */
    private static final class SampleIdentity extends JsonSerializer<BringIdentities> {
        @Override
        public void serialize(BringIdentities identity, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeStartObject();
            if (identity.getShipmentId() != null) {
                gen.writeStringField("ShipmentId", identity.getShipmentId());
            }
            List<String> packageIds = identity.getPackageId();
            if (packageIds.size() == 1) {
                gen.writeStringField("PackageId", packageIds.get(0));
            } else if (!packageIds.isEmpty()) {
                gen.writeArrayFieldStart("PackageId");
                for (String packageId : packageIds) {
                    gen.writeString(packageId);
                }
                gen.writeEndArray();
            }
            gen.writeEndObject();
        }
    }
}
