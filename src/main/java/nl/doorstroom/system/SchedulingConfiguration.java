package nl.doorstroom.system;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Background schedules (such as the linking runs' heartbeat and the sweep of runs a stopped node left). */
@Configuration
@EnableScheduling
class SchedulingConfiguration {
}
