package cn.meizhi.qualitymeasure;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Institutions that did not submit a period by its due day, told once each (the reminder
 * job's own transaction).
 *
 * @param period the period's key
 * @param due the day it was due
 * @param institutionIds the institutions reminded
 * @param occurredAt when
 */
public record MeasureReportsOverdue(String period, LocalDate due, List<Long> institutionIds, Instant occurredAt) {
}
