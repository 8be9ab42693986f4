/**
 * What every GraphQL request to tenant-admin goes through, whatever the feature: every error with
 * an {@code extensions.code}, unstorable text refused before a feature sees it, page sizes checked.
 */
@NullMarked
package org.redgovernance.admin.graphql;

import org.jspecify.annotations.NullMarked;
