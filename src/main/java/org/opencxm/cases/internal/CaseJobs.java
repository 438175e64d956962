package org.opencxm.cases.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The cases' durable jobs, each on one node at a time: the deadline sweep, every {@code
 * opencxm.cases.sweep-interval} (each alarm is recorded once in its own table, so a sweep that
 * runs again after a crash or on another node raises nothing twice), and the reading of the
 * support mailbox, every {@code opencxm.cases.mailbox.interval}.
 */
@Configuration(proxyBeanMethods = false)
class CaseJobs {

    @Bean
    RecurringTask<Void> caseDeadlineSweep(
            CaseDeadlines deadlines, @Value("${opencxm.cases.sweep-interval:1m}") Duration interval) {
        return Tasks.recurring("case-deadlines", FixedDelay.of(interval))
                .execute((instance, context) -> deadlines.sweep());
    }

    @Bean
    RecurringTask<Void> caseMailboxReader(
            CaseMailbox mailbox, @Value("${opencxm.cases.mailbox.interval:30s}") Duration interval) {
        return Tasks.recurring("case-mailbox", FixedDelay.of(interval)).execute((instance, context) -> mailbox.poll());
    }
}
