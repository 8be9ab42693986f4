/**
 * Notifications (通知): every change that someone must act on reaches them, exactly once, on the
 * channels they have.
 *
 * <p>A feature records what happened in the statement that makes the change ({@link
 * org.redgovernance.api.notifications.Notifications#recorded}: an intent in the outbox, committed
 * or rolled back with the change), and says who its audiences are ({@link
 * org.redgovernance.api.notifications.NotificationSubject}: "the reporter of this matter"). The
 * dispatcher expands each intent once into one notification per person, rendered from the
 * templates, and delivers it on each channel ({@link
 * org.redgovernance.api.notifications.ChannelAdapter}) with retries, a dead letter after the last
 * try and a log of every try; before each delivery it asks the subject's feature again, so that
 * someone who lost their part meanwhile gets nothing. The in-app channel is the person's inbox, the
 * {@code notifications} query.
 */
@NullMarked
package org.redgovernance.api.notifications;

import org.jspecify.annotations.NullMarked;
