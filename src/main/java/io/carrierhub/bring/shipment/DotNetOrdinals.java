package io.carrierhub.bring.shipment;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.carrierhub.bring.shipment.model.BringAccountType;
import io.carrierhub.bring.shipment.model.BringIdentifierType;
import io.carrierhub.bring.shipment.model.BringLengthUnit;
import io.carrierhub.bring.shipment.model.BringRestrictionType;
import io.carrierhub.bring.shipment.model.BringTemperatureUnit;
import io.carrierhub.bring.shipment.model.BringTermsType;
import io.carrierhub.bring.shipment.model.BringVolumeUnit;
import io.carrierhub.bring.shipment.model.BringWeightUnit;
import java.io.IOException;
import java.util.List;

/**
 * Writes the code lists that Bring's JSON samples show as .NET enum ordinals ({@code "unitCode": 1} for KGM) as those
 * ordinals: unitCode (weight, volume, length, temperature), termsType, identifierType, AccountNumber's accountType
 * and restrictionType. The ordinal is the place in the documented code list, which {@code xsd/bring-shipment.xsd}
 * declares in that order, so the generated enum's own order is the table.
 */
final class DotNetOrdinals extends SimpleModule {

    private static final List<Class<? extends Enum<?>>> CODE_LISTS = List.of(BringWeightUnit.class, BringVolumeUnit.class,
            BringLengthUnit.class, BringTemperatureUnit.class, BringTermsType.class, BringIdentifierType.class,
            BringAccountType.class, BringRestrictionType.class);

    DotNetOrdinals() {
        super("bring-dotnet-ordinals");
        CODE_LISTS.forEach(this::writeAsOrdinal);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void writeAsOrdinal(Class<? extends Enum<?>> codeList) {
        addSerializer((Class) codeList, new OrdinalSerializer());
    }

    private static final class OrdinalSerializer extends JsonSerializer<Enum<?>> {
        @Override
        public void serialize(Enum<?> value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeNumber(value.ordinal());
        }
    }
}
