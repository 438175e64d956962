package org.opencxm.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencxm.testing.BrowserlessSession;
import org.opencxm.testing.LaunchedApp;

/**
 * The packaged application keeps its data across a hard kill: data written, process killed
 * with SIGKILL (its embedded PostgreSQL left running as an orphan), started again on the same
 * directory without any manual clean-up, data still there.
 */
class RestartIT {

    private static final String ADMIN = "admin@opencxm.local";
    private static final String PASSWORD = "restart test password";

    @TempDir
    Path workDir;

    LaunchedApp app;

    @BeforeEach
    void setUp() throws java.io.IOException {
        app = new LaunchedApp(
                LaunchedApp.packagedJar(),
                workDir.resolve("postgres"),
                Path.of("target", "restart-it.log"),
                Map.of("OPENCXM_ADMIN_PASSWORD", PASSWORD, "OPENCXM_DEMO", "false"));
    }

    @AfterEach
    void tearDown() throws Exception {
        app.cleanUp();
    }

    @Test
    void keepsCommittedDataAcrossAHardKill() throws Exception {
        app.start();
        var email = "survives.restart@example.test";
        var admin = BrowserlessSession.on(app.port());
        assertThat(admin.signIn(ADMIN, PASSWORD)).isEqualTo("/");
        inviteUser(admin, email);

        app.kill();
        assertThat(app.postmasterPid().flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive))
                .as("the embedded PostgreSQL outlives the killed application")
                .isPresent();

        app.start();

        var sameSession = admin.get("/settings/users?q=survives");
        assertThat(sameSession.statusCode()).as("sessions live in the database").isEqualTo(200);
        assertThat(sameSession.body()).contains(email);
        assertThat(BrowserlessSession.on(app.port()).signIn(ADMIN, PASSWORD)).isEqualTo("/");
        assertThat(app.log()).contains("left behind by an earlier run").containsOnlyOnce("First start");

        assertThat(app.stop()).isIn(0, 143);
        assertThat(app.postmasterPid())
                .as("a graceful stop also stops PostgreSQL")
                .isEmpty();
    }

    private void inviteUser(BrowserlessSession session, String email) {
        session.get("/settings/users/new");
        var invited = session.post(
                "/settings/users",
                Map.of("email", email, "displayName", "Survivor", "role", "AGENT", "department", "SERVICE"));
        assertThat(invited.statusCode()).isEqualTo(200);
        assertThat(invited.body()).contains("/invitation/inv_");
    }
}
