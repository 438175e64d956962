package org.opencxm.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
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
        if (app.isAlive()) {
            app.stop();
        }
        // Whatever happened, leave no PostgreSQL server behind.
        postmasterPid().flatMap(ProcessHandle::of).ifPresent(ProcessHandle::destroy);
    }

    @Test
    void keepsCommittedDataAcrossAHardKill() throws Exception {
        app.start();
        var email = "survives.restart@example.test";
        var admin = BrowserlessSession.on(app.port());
        assertThat(admin.signIn(ADMIN, PASSWORD)).isEqualTo("/");
        inviteUser(admin, email);

        app.kill();
        assertThat(postmasterPid().flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive))
                .as("the embedded PostgreSQL outlives the killed application")
                .isPresent();

        app.start();

        var sameSession = admin.get("/settings/users?q=survives");
        assertThat(sameSession.statusCode()).as("sessions live in the database").isEqualTo(200);
        assertThat(sameSession.body()).contains(email);
        assertThat(BrowserlessSession.on(app.port()).signIn(ADMIN, PASSWORD)).isEqualTo("/");
        assertThat(app.log()).contains("left behind by an earlier run").containsOnlyOnce("First start");

        assertThat(app.stop()).isIn(0, 143);
        assertThat(postmasterPid()).as("a graceful stop also stops PostgreSQL").isEmpty();
    }

    private void inviteUser(BrowserlessSession session, String email) {
        session.get("/settings/users/new");
        var invited = session.post(
                "/settings/users",
                Map.of("email", email, "displayName", "Survivor", "role", "AGENT", "department", "SERVICE"));
        assertThat(invited.statusCode()).isEqualTo(200);
        assertThat(invited.body()).contains("/invitation/inv_");
    }

    private Optional<Long> postmasterPid() throws java.io.IOException {
        var pidFile = workDir.resolve("postgres").resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(Files.readAllLines(pidFile).get(0).strip()));
    }
}
