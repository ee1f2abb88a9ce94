package io.carrierhub.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

class ConsoleSecurityTest {

    final ConsoleSecurity security = new ConsoleSecurity();

    @Test
    void withoutAPasswordOutsideTheEmbeddedSetupNobodyCanLogIn() {
        UserDetailsService users = security.consoleUser(new ConsoleProperties("ops", "", "OPERATOR"), false);

        assertThatThrownBy(() -> users.loadUserByUsername("ops")).isInstanceOf(UsernameNotFoundException.class);
    }

    @Test
    void theEmbeddedSetupMakesADevelopmentPassword() {
        UserDetailsService users = security.consoleUser(new ConsoleProperties("ops", null, "OPERATOR"), true);

        assertThat(users.loadUserByUsername("ops").getAuthorities()).extracting(Object::toString).containsExactly("ROLE_OPERATOR");
    }

    @Test
    void theConfiguredPasswordIsTheOnlyOneAndIsKeptHashed() {
        var user = security.consoleUser(new ConsoleProperties("ops", "from-the-environment", "OPERATOR"), true).loadUserByUsername("ops");

        assertThat(user.getPassword()).doesNotContain("from-the-environment");
        assertThat(PasswordEncoderFactories.createDelegatingPasswordEncoder().matches("from-the-environment", user.getPassword())).isTrue();
    }
}
