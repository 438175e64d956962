/** Surveys and their definitions, invitations and the rules for them, answering, results, triggers, the e-mail job, and their stores. */
@NullMarked
package org.opencxm.feedback.internal;

import org.jspecify.annotations.NullMarked;
