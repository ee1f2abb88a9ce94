package io.carrierhub.bring.shipment.sandbox;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.carrierhub.bring.shipment.model.BringAccountType;
import io.carrierhub.bring.shipment.model.BringIdentifierType;
import io.carrierhub.bring.shipment.model.BringLengthUnit;
import io.carrierhub.bring.shipment.model.BringRestrictionType;
import io.carrierhub.bring.shipment.model.BringShipmentRequest;
import io.carrierhub.bring.shipment.model.BringShipmentType;
import io.carrierhub.bring.shipment.model.BringTemperatureUnit;
import io.carrierhub.bring.shipment.model.BringTermsType;
import io.carrierhub.bring.shipment.model.BringVolumeUnit;
import io.carrierhub.bring.shipment.model.BringWeightUnit;
import io.carrierhub.bring.shipment.model.ObjectFactory;
import io.carrierhub.error.InvalidMessageException;
import io.carrierhub.json.JaxbJson;
import jakarta.xml.bind.JAXBElement;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Function;

/**
 * Reads a JSON request as Bring's .NET reader takes it. The code lists its serialiser writes as enum ordinals
 * (unitCode, termsType, identifierType, AccountNumber's accountType, restrictionType) are read by ordinal, their place
 * in the documented list, or by name, as Bring's own examples send both; every other code only by name. A list
 * member may be one object or an array (DangerousGoods is an object in the seed's samples, an array in the RAML).
 * The request has no root: its shipmentType names it.
 */
final class JsonRequests {

    private final ObjectFactory roots = new ObjectFactory();
    private final ObjectReader reader = JaxbJson.mapper("Value")
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .registerModule(new SimpleModule("bring-dotnet-enums")
                    .addDeserializer(BringWeightUnit.class, new OrdinalOrName<>(BringWeightUnit.class, BringWeightUnit::fromValue))
                    .addDeserializer(BringVolumeUnit.class, new OrdinalOrName<>(BringVolumeUnit.class, BringVolumeUnit::fromValue))
                    .addDeserializer(BringLengthUnit.class, new OrdinalOrName<>(BringLengthUnit.class, BringLengthUnit::fromValue))
                    .addDeserializer(BringTemperatureUnit.class,
                            new OrdinalOrName<>(BringTemperatureUnit.class, BringTemperatureUnit::fromValue))
                    .addDeserializer(BringTermsType.class, new OrdinalOrName<>(BringTermsType.class, BringTermsType::fromValue))
                    .addDeserializer(BringIdentifierType.class,
                            new OrdinalOrName<>(BringIdentifierType.class, BringIdentifierType::fromValue))
                    .addDeserializer(BringAccountType.class, new OrdinalOrName<>(BringAccountType.class, BringAccountType::fromValue))
                    .addDeserializer(BringRestrictionType.class,
                            new OrdinalOrName<>(BringRestrictionType.class, BringRestrictionType::fromValue)))
            .readerFor(BringShipmentRequest.class);

    /** @throws InvalidMessageException INVALID_JSON, or SCHEMA_INVALID when it does not fit the request's model */
    JAXBElement<BringShipmentRequest> read(byte[] body) {
        BringShipmentRequest request;
        try {
            request = reader.readValue(body);
        } catch (StreamReadException e) {
            throw new InvalidMessageException("INVALID_JSON", "the request is not well-formed JSON ("
                    + JaxbJson.where(e, "$") + "): " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw new InvalidMessageException("SCHEMA_INVALID", "the request does not follow the Bring Shipment contract at "
                    + JaxbJson.where(e, "$") + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (request == null) {
            throw new InvalidMessageException("SCHEMA_INVALID", "the request is empty");
        }
        boolean booking = request.getShipment() != null && request.getShipment().getShipmentType() == BringShipmentType.BOOKING;
        return booking ? roots.createCreateBookingRequest(request) : roots.createCreateShipmentRequest(request);
    }

    /** A code by its ordinal in the documented list (the schema's order) or by its name. */
    private static final class OrdinalOrName<E extends Enum<E>> extends JsonDeserializer<E> {

        private final Class<E> codeList;
        private final Function<String, E> byName;

        OrdinalOrName(Class<E> codeList, Function<String, E> byName) {
            this.codeList = codeList;
            this.byName = byName;
        }

        @Override
        public E deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            E[] codes = codeList.getEnumConstants();
            if (parser.currentToken() == JsonToken.VALUE_NUMBER_INT) {
                int ordinal = parser.getIntValue();
                return ordinal >= 0 && ordinal < codes.length ? codes[ordinal]
                        : codeList.cast(context.handleWeirdNumberValue(codeList, ordinal, "not an ordinal of " + codes.length + " codes"));
            }
            String name = parser.getValueAsString();
            try {
                return byName.apply(name);
            } catch (IllegalArgumentException e) {
                return codeList.cast(context.handleWeirdStringValue(codeList, name, "not a code of the list"));
            }
        }
    }
}
