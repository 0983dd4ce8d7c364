package com.gatewayz.modelpages.api;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method as admin: {@link AdminFilter} checks the bearer token before the method
 * runs, so its body is never read for a refused request. With {@code optional} the token is checked
 * only when an {@code Authorization: Bearer} header is presented (a public answer with more detail
 * for the admin).
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@interface AdminToken {
  boolean optional() default false;
}
