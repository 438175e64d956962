package org.opencxm.platform.database;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Jobs that must run once, however many nodes run OpenCXM and however often they restart
 * (db-scheduler: a row per job in {@code scheduled_tasks}, picked under optimistic locking by
 * one node). Modules declare their jobs as {@link Task} beans; recurring ones start with the
 * application. Off with {@code opencxm.jobs.enabled=false}, where tests drive the jobs
 * themselves.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "opencxm.jobs.enabled", havingValue = "true", matchIfMissing = true)
class DurableJobs {

    @Bean
    Scheduler durableScheduler(
            DataSource dataSource,
            List<Task<?>> tasks,
            @Value("${opencxm.jobs.polling-interval:10s}") Duration polling) {
        var recurring = new ArrayList<RecurringTask<?>>();
        var other = new ArrayList<Task<?>>();
        for (var task : tasks) {
            if (task instanceof RecurringTask<?> r) {
                recurring.add(r);
            } else {
                other.add(task);
            }
        }
        return Scheduler.create(dataSource, other)
                .startTasks(recurring)
                .pollingInterval(polling)
                .threads(2)
                // a sweep is short; a shutdown need not wait the library's half hour for one
                .shutdownMaxWait(Duration.ofSeconds(20))
                .build();
    }

    /** Starts picking jobs once the application runs, and lets running ones finish on the way down. */
    @Bean
    SmartLifecycle durableSchedulerLifecycle(Scheduler scheduler) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                scheduler.start();
                running = true;
            }

            @Override
            public void stop() {
                scheduler.stop();
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }
        };
    }
}
