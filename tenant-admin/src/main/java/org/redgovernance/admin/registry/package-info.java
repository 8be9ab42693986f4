/**
 * The tenant registry as the street office sees it: streets and their communities with their
 * lifecycle status. Onboarding and status changes come with the tenant-admin issue.
 */
@NullMarked
package org.redgovernance.admin.registry;

import org.jspecify.annotations.NullMarked;
