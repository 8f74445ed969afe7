package org.campus.security.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.Principal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;

import org.apache.karaf.jaas.boot.ProxyLoginModule;
import org.apache.karaf.jaas.boot.principal.GroupPrincipal;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.config.JaasRealm;
import org.apache.karaf.jaas.modules.BackingEngine;
import org.apache.karaf.jaas.modules.BackingEngineFactory;
import org.apache.karaf.jaas.modules.BackingEngineService;
import org.apache.karaf.jaas.modules.EncryptionService;
import org.campus.api.security.ActorKind;
import org.campus.api.security.Admin;
import org.campus.api.security.AdminRealm;
import org.campus.api.security.ApiKeyService;
import org.campus.api.security.AuditService;
import org.campus.api.security.IssuedApiKey;
import org.campus.api.security.Scopes;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Administrators are the users of Karaf's JAAS realm {@code karaf}; their realm roles decide what
 * they may do. On activation, before the API can answer anyone, this also sets up the credentials
 * of the first start: user {@code admin} when the realm has none, and an LMS key with every scope
 * when no key exists yet (see {@link InitialCredentials}).
 * <p>
 * The reference to the encryption service makes sure that the realm hashes the admin's password
 * as {@code etc/org.apache.karaf.jaas.cfg} demands before the user is written.
 */
@Component(service = AdminRealm.class, immediate = true)
public class JaasAdminRealm implements AdminRealm {

    static final String REALM = "karaf";
    static final String ADMIN_USER = "admin";
    static final String ADMIN_GROUP = "admingroup";
    static final List<String> ADMIN_GROUP_ROLES = List.of("admin", "manager", "viewer", "systembundles", "ssh");
    private static final String PROPERTIES_MODULE = "org.apache.karaf.jaas.modules.properties.PropertiesLoginModule";
    private static final long CACHE_TTL_MILLIS = 60_000;

    private static final Logger LOG = LoggerFactory.getLogger(JaasAdminRealm.class);

    private final LoginCache cache = new LoginCache(256, CACHE_TTL_MILLIS, System::currentTimeMillis);

    @Activate
    public JaasAdminRealm(@Reference ApiKeyService keys, @Reference AuditService audit,
            @Reference(cardinality = ReferenceCardinality.MULTIPLE, policyOption = ReferencePolicyOption.GREEDY)
            List<JaasRealm> realms,
            @Reference(cardinality = ReferenceCardinality.MULTIPLE, policyOption = ReferencePolicyOption.GREEDY)
            List<BackingEngineFactory> engines,
            @Reference(target = "(name=spring-security-crypto)") EncryptionService encryption) {
        try {
            bootstrap(keys, audit, realms, engines);
        } catch (RuntimeException | IOException e) {
            // never with the secrets: none of the messages above carries them
            LOG.error("The first-start credentials of Campus could not be set up: {}", e.toString());
        }
    }

    /** For tests: no first-start work. */
    JaasAdminRealm() {
    }

    @Override
    public Optional<Admin> authenticate(String name, String password) {
        if (name == null || password == null || name.isEmpty()) {
            return Optional.empty();
        }
        String key = LoginCache.key(name, password);
        Admin cached = cache.get(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Admin> admin = login(name, password);
        admin.ifPresent(a -> cache.put(key, a));
        return admin;
    }

    /** One JAAS login against the realm; the roles are the subject's role principals. */
    Optional<Admin> login(String name, String password) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // the realm's entries name Karaf's proxy login module, which lives on the boot class path
        thread.setContextClassLoader(ProxyLoginModule.class.getClassLoader());
        try {
            Subject subject = new Subject();
            LoginContext context = new LoginContext(REALM, subject, callbacks -> handle(callbacks, name, password));
            context.login();
            try {
                return Optional.of(new Admin(name, roles(subject)));
            } finally {
                context.logout();
            }
        } catch (LoginException e) {
            return Optional.empty();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    static Set<String> roles(Subject subject) {
        Set<String> roles = new HashSet<>();
        for (Principal p : subject.getPrincipals()) {
            if (p instanceof RolePrincipal) {
                roles.add(p.getName());
            }
        }
        return roles;
    }

    private static void handle(Callback[] callbacks, String name, String password)
            throws UnsupportedCallbackException {
        for (Callback c : callbacks) {
            if (c instanceof NameCallback nc) {
                nc.setName(name);
            } else if (c instanceof PasswordCallback pc) {
                pc.setPassword(password.toCharArray());
            } else {
                throw new UnsupportedCallbackException(c);
            }
        }
    }

    private static void bootstrap(ApiKeyService keys, AuditService audit, List<JaasRealm> realms,
            List<BackingEngineFactory> engines) throws IOException {
        String givenPassword = InitialCredentials.given(System::getenv, System::getProperty,
                InitialCredentials.ENV_PASSWORD, InitialCredentials.PROP_PASSWORD);
        String givenKey = InitialCredentials.given(System::getenv, System::getProperty,
                InitialCredentials.ENV_KEY, InitialCredentials.PROP_KEY);
        List<String> generated = new ArrayList<>();

        BackingEngine users = usersOfTheRealm(realms, engines);
        if (users == null) {
            LOG.warn("Realm '{}' has no user file that Campus can write; create the administrator with jaas:useradd",
                    REALM);
        } else if (users.lookupUser(ADMIN_USER) == null) {
            ensureAdminGroup(users);
            String password = givenPassword != null ? givenPassword : InitialCredentials.generatePassword();
            users.addUser(ADMIN_USER, password);
            users.addGroup(ADMIN_USER, ADMIN_GROUP);
            if (givenPassword == null) {
                generated.add(InitialCredentials.ENV_PASSWORD + "=" + password);
            }
            audit.record("campus", ActorKind.SYSTEM, "create admin user", ADMIN_USER, "local",
                    givenPassword != null ? "password given at the first start" : "password generated");
            LOG.info("Created administrator '{}' in realm '{}' with the password {}", ADMIN_USER, REALM,
                    givenPassword != null ? "given at the first start" : "generated");
        }

        if (keys.list().isEmpty()) {
            String id;
            if (givenKey != null) {
                id = keys.register("lms", Set.of(Scopes.ALL), givenKey).id();
                if (givenKey.length() < 16) {
                    LOG.warn("The LMS API key given at the first start is shorter than 16 characters; rotate it");
                }
            } else {
                IssuedApiKey issued = keys.create("lms", Set.of(Scopes.ALL));
                id = issued.key().id();
                generated.add(InitialCredentials.ENV_KEY + "=" + issued.secret());
            }
            audit.record("campus", ActorKind.SYSTEM, "create API key", "/api-keys/" + id, "local",
                    givenKey != null ? "key given at the first start, scope *" : "key generated, scope *");
            LOG.info("Registered the LMS API key {} with every scope ({})", id,
                    givenKey != null ? "given at the first start" : "generated");
        }

        if (!generated.isEmpty()) {
            Path etc = Paths.get(System.getProperty("karaf.etc", "etc"));
            Path file = InitialCredentials.write(etc, generated);
            String message = "Campus generated its first credentials; read them in " + file.toAbsolutePath()
                    + " (readable by its owner only), then delete that file";
            LOG.warn(message);
            System.out.println(message);
        }
    }

    private static BackingEngine usersOfTheRealm(List<JaasRealm> realms, List<BackingEngineFactory> engines) {
        BackingEngineService service = new BackingEngineService();
        service.setEngineFactories(new ArrayList<>(engines));
        JaasRealm realm = realms.stream().filter(r -> REALM.equals(r.getName()))
                .max((a, b) -> Integer.compare(a.getRank(), b.getRank())).orElse(null);
        if (realm == null) {
            return null;
        }
        for (AppConfigurationEntry entry : realm.getEntries()) {
            Object module = entry.getOptions().get(ProxyLoginModule.PROPERTY_MODULE);
            if (PROPERTIES_MODULE.equals(module) || PROPERTIES_MODULE.equals(entry.getLoginModuleName())) {
                return service.get(entry);
            }
        }
        return null;
    }

    private static void ensureAdminGroup(BackingEngine users) {
        boolean exists = users.listGroups().keySet().stream().map(GroupPrincipal::getName)
                .anyMatch(ADMIN_GROUP::equals);
        if (!exists) {
            users.createGroup(ADMIN_GROUP);
            ADMIN_GROUP_ROLES.forEach(role -> users.addGroupRole(ADMIN_GROUP, role));
        }
    }

    int cachedLogins() {
        return cache.size();
    }
}
