/**
 * Supervises municipalities on behalf of their province (interbestuurlijk toezicht, Gemeentewet art.
 * 124–124h): the assessment on each cut-off date, the escalation ladder with each province's terms, a case
 * per municipality up to substitution, and the documents the law asks for.
 */
package nl.doorstroom.supervision;
