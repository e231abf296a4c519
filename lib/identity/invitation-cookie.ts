/**
 * Remembers, during a Pro Santé Connect round trip, which invitation link the person opened: the
 * account created at their return joins the invitation's establishment.
 */
export const INVITATION_COOKIE = "hc-invitation";
export const INVITATION_COOKIE_MAX_AGE_SECONDS = 15 * 60;
