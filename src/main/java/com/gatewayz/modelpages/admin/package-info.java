/**
 * The admin side: the {@code /admin} page with its sign-in (signed cookie, CSRF token, Origin
 * check), the {@link com.gatewayz.modelpages.admin.AdminGuard} every admin token passes (constant
 * time, back-off per client address) and the audit log's admin entries. May depend on every
 * feature's public types and on {@code platform}; only {@code api} (whose admin endpoints it
 * guards) and {@code boot} depend on it.
 */
package com.gatewayz.modelpages.admin;
