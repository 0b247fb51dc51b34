package org.herald.testing;

import io.quarkus.arc.ClientProxy;
import io.quarkus.test.junit.QuarkusMock;
import jakarta.enterprise.inject.spi.CDI;
import java.lang.reflect.InvocationTargetException;
import org.mockito.Mockito;

/**
 * Installs a hand-written fake of a contract for one test, whatever class implements the contract
 * in the running application: the client proxy only accepts a subclass of that class, so the fake
 * is wrapped in a Mockito subclass that forwards every call to it.
 */
public final class Fakes {

    private Fakes() {
    }

    public static <T> void install(T fake, Class<T> contract) {
        Object current = ClientProxy.unwrap(CDI.current().select(contract).get());
        @SuppressWarnings("unchecked")
        T forwarding = (T) Mockito.mock(current.getClass(), Mockito.withSettings().defaultAnswer(call -> {
            java.lang.reflect.Method m = call.getMethod();
            try {
                return contract.getMethod(m.getName(), m.getParameterTypes()).invoke(fake, call.getArguments());
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }));
        QuarkusMock.installMockForType(forwarding, contract);
    }
}
