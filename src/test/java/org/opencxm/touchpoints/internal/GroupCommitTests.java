package org.opencxm.touchpoints.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.opencxm.testing.TenantFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Concurrent requests share commits on the real PostgreSQL, and one bad request fails only itself. */
@SpringBootTest
class GroupCommitTests {

    @Autowired
    GroupCommit groups;

    @Autowired
    TouchpointResolver touchpoints;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyConcurrentRequestIsStoredAndAnsweredAndABadOneFailsAlone() throws Exception {
        var workspace = TenantFixture.from(context).tenant("group-commit").id();
        var attribution = touchpoints.forWorkspace(workspace, null);
        var pool = Executors.newFixedThreadPool(24);
        var start = new CountDownLatch(1);
        var answers = new ArrayList<Future<Integer>>();
        try {
            for (int i = 0; i < 48; i++) {
                // the 7th request's properties are not JSON: PostgreSQL refuses its insert
                var properties = i == 7 ? "{not json" : "{\"i\": " + i + "}";
                var event = CollectedEvent.track(
                        "gc-" + i, "Grouped", "gc-user", null, null, Instant.now(), properties, null);
                answers.add(pool.submit(() -> {
                    start.await();
                    return groups.append(workspace, List.of(event), attribution::of, Instant.now(), Sender.OPENCXM);
                }));
            }
            start.countDown();
            int stored = 0;
            int failed = 0;
            for (var answer : answers) {
                try {
                    stored += answer.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(DataAccessException.class);
                    failed++;
                }
            }
            assertThat(failed).isEqualTo(1);
            assertThat(stored).isEqualTo(47);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("select count(*) from event where workspace_id = ? and name = 'Grouped'")
                        .param(workspace.value())
                        .query(Long.class)
                        .single())
                .isEqualTo(47);
    }
}
