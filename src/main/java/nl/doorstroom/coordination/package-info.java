/**
 * The coordination centre: whom to call first and why (the call list), the calls and meetings with what
 * was promised, commitments tracked to their end, follow-ups on each coordinator's work list, and the
 * weekly target of extra places.
 */
package nl.doorstroom.coordination;
