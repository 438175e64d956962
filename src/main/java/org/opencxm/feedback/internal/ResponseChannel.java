package org.opencxm.feedback.internal;

/** Where a response came in: the anonymous link, a personal link, an e-mail's link, the widget. */
public enum ResponseChannel {
    LINK,
    PERSONAL_LINK,
    EMAIL,
    WIDGET
}
