package io.carrierhub.bring.shipment;

/**
 * How the JSON requests write the code lists Bring's .NET serialiser writes as numbers ({@link DotNetOrdinals}):
 * as the seed's samples do ({@code "unitCode": 1}) or by name, as Bring's "Valid Request" example does
 * ({@code "unitCode": "KGM"}). Every other code is a name either way.
 */
public enum JsonEnums {
    ORDINAL,
    NAME
}
