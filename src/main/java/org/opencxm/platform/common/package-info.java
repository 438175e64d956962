/**
 * The conventions every module follows, exposed as the platform's second public surface:
 * time-ordered {@link org.opencxm.platform.common.Ids}, errors that become problem details
 * ({@link org.opencxm.platform.common.InvalidInputException}, {@link
 * org.opencxm.platform.common.NotFoundException}), lists in pages ({@link
 * org.opencxm.platform.common.Paging}, {@link org.opencxm.platform.common.ResultPage}), WHERE
 * clauses built from conditions ({@link org.opencxm.platform.common.SqlConditions}), user text
 * made safe for SQL patterns and spreadsheets ({@link org.opencxm.platform.common.SqlText},
 * {@link org.opencxm.platform.common.SpreadsheetSafe}), random tokens with their stored form
 * ({@link org.opencxm.platform.common.Secrets}) and rate limits per client ({@link
 * org.opencxm.platform.common.RateLimits}). Modules name it as {@code platform :: common}.
 */
@NamedInterface("common")
@NullMarked
package org.opencxm.platform.common;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
