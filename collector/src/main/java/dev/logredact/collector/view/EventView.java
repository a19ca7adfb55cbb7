package dev.logredact.collector.view;

import dev.logredact.collector.model.RedactionEvent;
import dev.logredact.collector.store.StoredEvent;

/** An event (an occurrence) as the API shows it. */
public record EventView(
        long id,
        Long incidentId,
        String uid,
        String time,
        String receivedAt,
        String fingerprint,
        String rule,
        String kind,
        String secretName,
        String variant,
        String channel,
        String logger,
        String thread,
        long count,
        Long seq,
        String instance,
        String service,
        String host,
        Long pid,
        String pipeline,
        String job,
        String runId,
        String runUrl,
        String repository,
        String commit,
        String branch) {

    public static EventView of(StoredEvent stored) {
        RedactionEvent e = stored.event();
        return new EventView(stored.id(), stored.incidentId(), e.uid(), Times.iso(e.occurredAt()), Times.iso(e.receivedAt()),
                e.fingerprint(), e.rule(), e.kind(), e.secretName(), e.variant(), e.channel(), e.logger(), e.thread(),
                e.count(), e.seq(), e.instance(), e.service(), e.host(), e.pid(), e.pipeline(), e.job(), e.runId(),
                e.runUrl(), e.repository(), e.commit(), e.branch());
    }
}
