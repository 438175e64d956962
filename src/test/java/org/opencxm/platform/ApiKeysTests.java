package org.opencxm.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencxm.platform.common.InvalidInputException;
import org.opencxm.platform.common.NotFoundException;
import org.opencxm.platform.internal.ApiKeyManagement;
import org.opencxm.platform.internal.NewApiKey;
import org.opencxm.platform.internal.NewUser;
import org.opencxm.platform.internal.UserChanges;
import org.opencxm.platform.internal.Users;
import org.opencxm.testing.Tenant;
import org.opencxm.testing.TenantFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** API keys on the real PostgreSQL: shown once, stored hashed, bound to kind and workspace. */
@SpringBootTest
class ApiKeysTests {

    @Autowired
    ApiKeyManagement apiKeys;

    @Autowired
    ApiKeys authentication;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Users users;

    @Autowired
    ApplicationContext context;

    Tenant tenant;

    @BeforeEach
    void setUp() {
        tenant = TenantFixture.from(context).tenant("keys");
    }

    @Test
    void storesOnlyAHashOfTheToken() {
        var created = apiKeys.create(tenant.id(), new NewApiKey(ApiKeyKind.WRITE, "Website", null, null), null);

        assertThat(created.token()).startsWith("ocx_w_").hasSizeGreaterThan(40);
        var row = jdbc.sql("select * from api_key where id = ?")
                .param(created.key().id().value())
                .query((rs, n) -> {
                    var values = new StringBuilder();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        values.append(rs.getString(i)).append('|');
                    }
                    return values.toString();
                })
                .single();
        assertThat(row).doesNotContain(created.token()).contains(created.token().substring(0, 10));
    }

    @Test
    void authenticatesAKeyOnlyForItsKindAndUntilRevoked() {
        var write = apiKeys.create(tenant.id(), new NewApiKey(ApiKeyKind.WRITE, "Shop", null, null), null);

        assertThat(authentication.authenticate(write.token(), ApiKeyKind.WRITE))
                .get()
                .extracting(ApiKey::workspaceId)
                .isEqualTo(tenant.id());
        assertThat(authentication.authenticate(write.token(), ApiKeyKind.MANAGEMENT))
                .isEmpty();
        assertThat(authentication.authenticate(write.token() + "x", ApiKeyKind.WRITE))
                .isEmpty();

        apiKeys.revoke(tenant.id(), write.key().id());

        assertThat(authentication.authenticate(write.token(), ApiKeyKind.WRITE)).isEmpty();
        assertThat(apiKeys.get(tenant.id(), write.key().id()).active()).isFalse();
    }

    @Test
    void recordsWhenAKeyWasLastUsed() {
        var token = tenant.token(Role.VIEWER);
        authentication.authenticate(token, ApiKeyKind.MANAGEMENT);

        assertThat(apiKeys.list(tenant.id()))
                .filteredOn(key -> key.role() == Role.VIEWER)
                .singleElement()
                .extracting(ApiKey::lastUsedAt)
                .isNotNull();
    }

    @Test
    void managementTokensNeedARoleAndWriteKeysMustNotHaveOne() {
        assertThatThrownBy(() ->
                        apiKeys.create(tenant.id(), new NewApiKey(ApiKeyKind.MANAGEMENT, "No role", null, null), null))
                .isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).field())
                .isEqualTo("role");
        assertThatThrownBy(() ->
                        apiKeys.create(tenant.id(), new NewApiKey(ApiKeyKind.WRITE, "Role", Role.ADMIN, null), null))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> apiKeys.create(
                        tenant.id(),
                        new NewApiKey(ApiKeyKind.MANAGEMENT, "Bound", Role.VIEWER, UUID.randomUUID()),
                        null))
                .isInstanceOf(InvalidInputException.class);
        assertThat(apiKeys.list(tenant.id())).hasSize(Role.values().length);
    }

    @Test
    void anotherWorkspacesKeyCannotBeSeenOrRevoked() {
        var other = TenantFixture.from(context).tenant("foreign");
        var foreignKey = apiKeys.list(other.id()).get(0).id();

        assertThatThrownBy(() -> apiKeys.get(tenant.id(), foreignKey)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> apiKeys.revoke(tenant.id(), foreignKey)).isInstanceOf(NotFoundException.class);
        assertThat(apiKeys.get(other.id(), foreignKey).active()).isTrue();
    }

    @Test
    void aTokenStopsWorkingWhenTheAdminWhoMadeItIsDisabled() {
        var second = users.create(
                tenant.id(),
                new NewUser("second.admin." + tenant.id() + "@keys.test", "Second Admin", Role.ADMIN, Department.SALES),
                Tenant.PASSWORD);
        var token = apiKeys.create(
                        tenant.id(),
                        new NewApiKey(ApiKeyKind.MANAGEMENT, "Nightly export", Role.VIEWER, null),
                        second.id())
                .token();
        assertThat(authentication.authenticate(token, ApiKeyKind.MANAGEMENT)).isPresent();

        users.update(tenant.id(), second.id(), new UserChanges("Second Admin", Role.ADMIN, Department.SALES, false));

        assertThat(authentication.authenticate(token, ApiKeyKind.MANAGEMENT)).isEmpty();
    }
}
