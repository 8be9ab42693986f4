/**
 * Residents' satisfaction surveys (获得感、幸福感): a community's own or its copy of a street-wide one,
 * answered once per resident with a linked login, read back only as aggregates withheld under five
 * respondents; and the catalogue's {@code satisfaction} metrics computed from them.
 */
@NullMarked
package org.redgovernance.api.surveys;

import org.jspecify.annotations.NullMarked;
