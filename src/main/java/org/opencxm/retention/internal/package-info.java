/**
 * The CLV models (BG/NBD, Gamma-Gamma), the sample they are fitted to, and their maximum-likelihood
 * fitting with Hipparchus.
 */
@NullMarked
package org.opencxm.retention.internal;

import org.jspecify.annotations.NullMarked;
