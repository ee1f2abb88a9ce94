package io.carrierhub.xml;

import javax.xml.validation.Schema;
import javax.xml.validation.Validator;
import javax.xml.validation.ValidatorHandler;

/**
 * A schema that gives each thread one validator handler for many documents. JAXB asks the schema for a new handler at
 * every validating read and write, and building one (the JDK's Xerces: its components and a symbol table of the
 * names it meets) cost more than the validation itself on the hub's hot path. A handler starts afresh at each
 * document's start (the SAX contract) and JAXB gives it its error handler at each use.
 *
 * <p>A handler keeps the names of every document it validated, so each is replaced after {@value #DOCUMENTS_PER_HANDLER}
 * documents, and {@link #forget} drops the thread's own after a refused document, whose names may be any.
 */
final class ValidatorHandlerPerThread extends Schema {

    static final int DOCUMENTS_PER_HANDLER = 1000;

    private final Schema schema;
    private final ThreadLocal<Used> handlers = new ThreadLocal<>();

    ValidatorHandlerPerThread(Schema schema) {
        this.schema = schema;
    }

    @Override
    public ValidatorHandler newValidatorHandler() {
        Used used = handlers.get();
        if (used == null || used.documents == DOCUMENTS_PER_HANDLER) {
            used = new Used(schema.newValidatorHandler());
            handlers.set(used);
        }
        used.documents++;
        return used.handler;
    }

    @Override
    public Validator newValidator() {
        return schema.newValidator();
    }

    /** The calling thread's next document gets a new handler. */
    void forget() {
        handlers.remove();
    }

    private static final class Used {

        private final ValidatorHandler handler;
        private int documents;

        private Used(ValidatorHandler handler) {
            this.handler = handler;
        }
    }
}
