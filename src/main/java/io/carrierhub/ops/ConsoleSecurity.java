package io.carrierhub.ops;

import jakarta.servlet.http.HttpServletRequest;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;

/**
 * Who may use the operations console: Hawtio and Jolokia, and the actuator endpoints that change things, only after
 * login as {@code hub.console.user} with the role {@code hub.console.role}. Health, info and the Prometheus metrics
 * stay open; the hub's other HTTP paths are the routes' own business.
 * <ul>
 *   <li>a browser logs in with Spring Security's form; Hawtio's calls to Jolokia carry the session and the CSRF token
 *       (cookie {@code XSRF-TOKEN}, header {@code X-XSRF-TOKEN});</li>
 *   <li>a script sends HTTP Basic credentials on every request: no session, no CSRF token.</li>
 * </ul>
 * Without {@code HUB_CONSOLE_PASSWORD}, the embedded demo setup makes a development password and prints it; any other
 * setup has no user at all, so the console stays closed.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
public class ConsoleSecurity {

    private static final Logger log = LoggerFactory.getLogger(ConsoleSecurity.class);
    static final String CONSOLE_PATHS = "/actuator/**";
    static final String[] OPEN_PATHS = {"/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus"};

    @Bean
    @Order(1)
    SecurityFilterChain scriptAccess(HttpSecurity http, ConsoleProperties console) throws Exception {
        return http.securityMatcher(ConsoleSecurity::sendsBasicCredentials)
                .authorizeHttpRequests(paths -> paths
                        .requestMatchers(OPEN_PATHS).permitAll()
                        .requestMatchers(CONSOLE_PATHS).hasRole(console.role())
                        .anyRequest().permitAll())
                .httpBasic(basic -> { })
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain consoleAccess(HttpSecurity http, ConsoleProperties console) throws Exception {
        return http
                .authorizeHttpRequests(paths -> paths
                        .requestMatchers(OPEN_PATHS).permitAll()
                        .requestMatchers(CONSOLE_PATHS).hasRole(console.role())
                        .anyRequest().permitAll())
                // a browser is sent to the login form; anything else (a script, Jolokia without a session) gets 401
                .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                        new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), request -> !acceptsHtml(request)))
                .formLogin(login -> login.defaultSuccessUrl("/actuator/hawtio/", false))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                // the hub's other paths (carrier webhooks) are no browser's session: only the console's are guarded
                .csrf(csrf -> csrf
                        .csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(new SpaCsrfTokenRequestHandler())
                        .ignoringRequestMatchers(request -> !isConsole(request)))
                .build();
    }

    @Bean
    UserDetailsService consoleUser(ConsoleProperties console, @Value("${hub.broker.embedded:true}") boolean embeddedSetup) {
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        String password = console.password();
        if (!console.hasPassword()) {
            if (!embeddedSetup) {
                log.warn("The operations console is closed: no HUB_CONSOLE_PASSWORD");
                return new InMemoryUserDetailsManager();
            }
            password = developmentPassword();
            log.warn("Operations console (embedded setup): user '{}', development password {} (set HUB_CONSOLE_PASSWORD)",
                    console.user(), password);
        }
        return new InMemoryUserDetailsManager(User.withUsername(console.user())
                .password(encoder.encode(password)).roles(console.role()).build());
    }

    private static String developmentPassword() {
        byte[] random = new byte[12];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static boolean sendsBasicCredentials(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        return authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
    }

    private static boolean acceptsHtml(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("text/html");
    }

    private static boolean isConsole(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path.startsWith("/actuator/") || path.equals("/login") || path.equals("/logout");
    }
}
