/** The journeys pages (overview, transition rules, a customer's journey) and their REST API. */
@NullMarked
package org.opencxm.journeys.web;

import org.jspecify.annotations.NullMarked;
