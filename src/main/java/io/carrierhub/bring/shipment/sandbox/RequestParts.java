package io.carrierhub.bring.shipment.sandbox;

import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Reads the query parameters and the body of a request the way the Shipment API does. */
final class RequestParts {

    /** "ShipmentAPI endpoints will assume all requests are ISO-8859-1 encoded." */
    static final Charset DEFAULT_CHARSET = StandardCharsets.ISO_8859_1;
    private static final Pattern XML_ENCODING_DECLARATION = Pattern.compile("^\\s*<\\?xml[^>]*\\sencoding\\s*=");
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private RequestParts() {
    }

    /** Boolean query parameters that must all be there, each true or false; else a 400 naming every one amiss. */
    static Map<String, Boolean> flags(String rawQuery, String... names) {
        Map<String, String> query = new HashMap<>();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                String[] nameAndValue = pair.split("=", 2);
                query.putIfAbsent(URLDecoder.decode(nameAndValue[0], StandardCharsets.UTF_8),
                        nameAndValue.length == 2 ? URLDecoder.decode(nameAndValue[1], StandardCharsets.UTF_8) : "");
            }
        }
        Map<String, Boolean> flags = new HashMap<>();
        List<String> errors = new ArrayList<>();
        for (String name : names) {
            String value = query.get(name);
            if ("true".equalsIgnoreCase(value) || "false".equalsIgnoreCase(value)) {
                flags.put(name, Boolean.parseBoolean(value));
            } else {
                errors.add("Query parameter " + name + " is required, true or false" + (value == null ? "" : ", not " + value));
            }
        }
        if (!errors.isEmpty()) {
            throw Rejection.protocol(400, errors);
        }
        return flags;
    }

    /**
     * The body as UTF-8, decoded from the Content-Type's charset or ISO-8859-1; XML that declares its encoding
     * (or starts with a UTF-8 byte order mark) stays as it is, for the parser to read as it declares.
     */
    static byte[] readable(byte[] body, WireFormat format, String contentType) {
        if (format == WireFormat.XML && declaresEncoding(body)) {
            return body;
        }
        return new String(body, charset(contentType)).getBytes(StandardCharsets.UTF_8);
    }

    private static Charset charset(String contentType) {
        for (String parameter : contentType.split(";")) {
            String[] pair = parameter.trim().split("=", 2);
            if (pair.length == 2 && pair[0].trim().equalsIgnoreCase("charset")) {
                String name = pair[1].trim().replace("\"", "");
                try {
                    return Charset.forName(name);
                } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                    throw Rejection.protocol(415, "Unsupported charset in Content-Type: " + name);
                }
            }
        }
        return DEFAULT_CHARSET;
    }

    private static boolean declaresEncoding(byte[] body) {
        if (body.length >= UTF8_BOM.length && Arrays.equals(body, 0, UTF8_BOM.length, UTF8_BOM, 0, UTF8_BOM.length)) {
            return true;
        }
        String prolog = new String(body, 0, Math.min(body.length, 256), StandardCharsets.ISO_8859_1);
        return XML_ENCODING_DECLARATION.matcher(prolog).find();
    }
}
